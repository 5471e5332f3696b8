import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ReviseParty } from '../../domain/party/party.commands';
import { CommandContext, CommandResult } from './command-context';
import { writeParty } from './party-streams';
import { StreamWriter } from './stream-writer';

export class RevisePartyCommand {
  constructor(
    readonly partyId: string,
    readonly changes: ReviseParty['data'],
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RevisePartyCommand)
export class RevisePartyHandler implements ICommandHandler<RevisePartyCommand, CommandResult> {
  constructor(private readonly writer: StreamWriter) {}

  execute({ partyId, changes, context }: RevisePartyCommand): Promise<CommandResult> {
    return writeParty(this.writer, partyId, { type: 'ReviseParty', data: changes }, context);
  }
}
