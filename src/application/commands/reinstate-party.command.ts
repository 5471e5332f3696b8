import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from './command-context';
import { writeParty } from './party-streams';
import { StreamWriter } from './stream-writer';

export class ReinstatePartyCommand {
  constructor(
    readonly partyId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ReinstatePartyCommand)
export class ReinstatePartyHandler implements ICommandHandler<ReinstatePartyCommand, CommandResult> {
  constructor(private readonly writer: StreamWriter) {}

  execute({ partyId, reason, context }: ReinstatePartyCommand): Promise<CommandResult> {
    return writeParty(this.writer, partyId, { type: 'ReinstateParty', data: { reason } }, context);
  }
}
