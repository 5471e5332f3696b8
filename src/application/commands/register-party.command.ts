import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PartyKind } from '../../domain/party/party-mention';
import { slugify } from '../../domain/slug';
import { CommandContext, CommandResult } from './command-context';
import { writeParty } from './party-streams';
import { RegistryTurns } from './registry-turns';
import { StreamWriter } from './stream-writer';

export class RegisterPartyCommand {
  constructor(
    readonly input: { partyId?: string; name: string; kind: PartyKind; aliases: string[] },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RegisterPartyCommand)
export class RegisterPartyHandler implements ICommandHandler<RegisterPartyCommand, CommandResult> {
  constructor(
    private readonly writer: StreamWriter,
    private readonly turns: RegistryTurns,
  ) {}

  execute({ input, context }: RegisterPartyCommand): Promise<CommandResult> {
    const partyId = input.partyId ?? slugify(input.name);
    const data = { ...input, partyId };
    return this.turns.take((registry) =>
      writeParty(this.writer, partyId, { type: 'RegisterParty', data, registry }, context),
    );
  }
}
