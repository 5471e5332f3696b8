import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ClaimContent, claimStreamId } from '../../domain/claim/claim.events';
import { DomainError } from '../../domain/domain-error';
import { storylineStreamId } from '../../domain/storyline/storyline.events';
import { CommandContext, CommandResult } from './command-context';
import { StreamWriter } from './stream-writer';
import { claimStream, storylineStream } from './stream-types';

export class RecordClaimCommand {
  constructor(
    readonly storylineId: string,
    readonly claimId: string,
    readonly content: ClaimContent,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordClaimCommand)
export class RecordClaimHandler implements ICommandHandler<RecordClaimCommand, CommandResult> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ storylineId, claimId, content, context }: RecordClaimCommand): Promise<CommandResult> {
    // Storylines are never deleted, so a cached one that exists still does.
    if ((await this.writer.stateOf(storylineStream, storylineStreamId(storylineId))) === null)
      throw new DomainError('not_found', `storyline ${storylineId} does not exist`);
    const outcome = await this.writer.write(
      claimStream,
      claimStreamId(claimId),
      { type: 'RecordClaim', data: { claimId, storylineId, ...content } },
      context,
    );
    return { id: claimId, ...outcome };
  }
}
