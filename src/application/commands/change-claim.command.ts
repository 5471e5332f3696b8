import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ClaimCommand, RecordClaim } from '../../domain/claim/claim.commands';
import { decideClaim } from '../../domain/claim/claim.decider';
import { claimStreamId } from '../../domain/claim/claim.events';
import { foldClaim } from '../../domain/claim/claim.evolve';
import { claimEventsOf } from '../events/factline-event';
import { CommandContext, CommandResult } from './command-context';
import { StreamWriter } from './stream-writer';

/** Support, contradiction, retraction, correction or verdict: every command on a recorded claim. */
export class ChangeClaimCommand {
  constructor(
    readonly claimId: string,
    readonly command: Exclude<ClaimCommand, RecordClaim>,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ChangeClaimCommand)
export class ChangeClaimHandler implements ICommandHandler<ChangeClaimCommand, CommandResult> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ claimId, command, context }: ChangeClaimCommand): Promise<CommandResult> {
    const outcome = await this.writer.write(
      {
        streamId: claimStreamId(claimId),
        decide: (history) => decideClaim(command, foldClaim(claimEventsOf(history))),
      },
      context,
    );
    return { id: claimId, ...outcome };
  }
}
