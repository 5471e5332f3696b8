import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DiscreditParty } from '../../domain/party/party.commands';
import { CommandContext, CommandResult } from './command-context';
import { writeParty } from './party-streams';
import { StreamWriter } from './stream-writer';

export class DiscreditPartyCommand {
  constructor(
    readonly partyId: string,
    readonly discredit: DiscreditParty['data'],
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(DiscreditPartyCommand)
export class DiscreditPartyHandler implements ICommandHandler<DiscreditPartyCommand, CommandResult> {
  constructor(private readonly writer: StreamWriter) {}

  execute({ partyId, discredit, context }: DiscreditPartyCommand): Promise<CommandResult> {
    return writeParty(this.writer, partyId, { type: 'DiscreditParty', data: discredit }, context);
  }
}
