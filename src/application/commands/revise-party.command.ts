import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ReviseParty } from '../../domain/party/party.commands';
import { emptyRegistry } from '../../domain/party/party-registry';
import { RegisteredNames } from '../../domain/party/unique-names';
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
    const write = (registry: RegisteredNames) =>
      writeParty(this.writer, partyId, { type: 'ReviseParty', data: changes, registry }, context);
    // A revision that gives no name (a kind, removed aliases) asks the registry nothing, and waits for no turn.
    const givesNames = changes.name !== undefined || (changes.addAliases ?? []).length > 0;
    return givesNames ? this.turns.take(write) : write(emptyRegistry);
  }
}
