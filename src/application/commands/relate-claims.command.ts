import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ClaimRelation } from '../../domain/claim/claim-relations';
import { ClaimCommand } from '../../domain/claim/claim.commands';
import { claimStreamId } from '../../domain/claim/claim.events';
import { DomainError } from '../../domain/domain-error';
import { CommandContext, CommandResult } from './command-context';
import { StreamWriter } from './stream-writer';
import { claimStream } from './stream-types';

/** Relate two claims (`relation`), or remove their relation (`relation` null). */
export class RelateClaimsCommand {
  constructor(
    readonly claimId: string,
    readonly relatedClaimId: string,
    readonly relation: ClaimRelation | null,
    readonly context: CommandContext,
  ) {}
}

/**
 * A relation is symmetric and each claim's stream records its side: first the claim named in the path
 * (its `If-Match` applies there), then the other. The two appends are not one transaction; the
 * projection counts a relation only once both sides hold it, and a retry of the same request (with or
 * without its `Idempotency-Key`) writes whichever side is missing and nothing else.
 */
@CommandHandler(RelateClaimsCommand)
export class RelateClaimsHandler implements ICommandHandler<RelateClaimsCommand, CommandResult> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ claimId, relatedClaimId, relation, context }: RelateClaimsCommand): Promise<CommandResult> {
    // Claims are never deleted, so one that exists now still does when its side is appended.
    for (const id of new Set([claimId, relatedClaimId])) {
      if ((await this.writer.stateOf(claimStream, claimStreamId(id))) === null) {
        throw new DomainError('not_found', `claim ${id} does not exist`);
      }
    }
    const side = (relatedId: string): ClaimCommand =>
      relation === null
        ? { type: 'UnrelateClaim', data: { relatedClaimId: relatedId } }
        : { type: 'RelateClaim', data: { relatedClaimId: relatedId, relation } };
    const outcome = await this.writer.write(claimStream, claimStreamId(claimId), side(relatedClaimId), context);
    const other = await this.writer.write(claimStream, claimStreamId(relatedClaimId), side(claimId), {
      ...context,
      expectedRevision: undefined,
      // Event ids derive from the key and the event's index: the other side needs a key of its own.
      idempotencyKey: context.idempotencyKey === undefined ? undefined : `${context.idempotencyKey}/related`,
    });
    return { id: claimId, ...outcome, position: Math.max(outcome.position, other.position) };
  }
}
