import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ReviseParty } from '../../domain/party/party.commands';
import { CommandContext, CommandResult } from './command-context';
import { writeParty } from './party-streams';
import { RegistryTurns } from './registry-turns';
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
  constructor(
    private readonly writer: StreamWriter,
    private readonly turns: RegistryTurns,
  ) {}

  execute({ partyId, changes, context }: RevisePartyCommand): Promise<CommandResult> {
    return this.turns.take((registry) =>
      writeParty(this.writer, partyId, { type: 'ReviseParty', data: changes, registry }, context),
    );
  }
}
