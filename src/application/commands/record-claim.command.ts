import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideClaim } from '../../domain/claim/claim.decider';
import { ClaimContent, claimStreamId } from '../../domain/claim/claim.events';
import { foldClaim } from '../../domain/claim/claim.evolve';
import { DomainError } from '../../domain/domain-error';
import { storylineStreamId } from '../../domain/storyline/storyline.events';
import { claimEventsOf } from '../events/factline-event';
import { CommandContext, CommandResult } from './command-context';
import { StreamWriter } from './stream-writer';

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
    if (!(await this.writer.streamExists(storylineStreamId(storylineId))))
      throw new DomainError('not_found', `storyline ${storylineId} does not exist`);
    const outcome = await this.writer.write(
      {
        streamId: claimStreamId(claimId),
        decide: (history) =>
          decideClaim(
            { type: 'RecordClaim', data: { claimId, storylineId, ...content } },
            foldClaim(claimEventsOf(history)),
          ),
      },
      context,
    );
    return { id: claimId, ...outcome };
  }
}
