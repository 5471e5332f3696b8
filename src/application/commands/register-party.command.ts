import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PartyKind } from '../../domain/party/party-mention';
import { slugify } from '../../domain/slug';
import { CommandContext, CommandResult } from './command-context';
import { writeParty } from './party-streams';
import { StreamWriter } from './stream-writer';

export class RegisterPartyCommand {
  constructor(
    readonly input: { partyId?: string; name: string; kind: PartyKind; aliases: string[] },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RegisterPartyCommand)
export class RegisterPartyHandler implements ICommandHandler<RegisterPartyCommand, CommandResult> {
  constructor(private readonly writer: StreamWriter) {}

  execute({ input, context }: RegisterPartyCommand): Promise<CommandResult> {
    const partyId = input.partyId ?? slugify(input.name);
    return writeParty(this.writer, partyId, { type: 'RegisterParty', data: { ...input, partyId } }, context);
  }
}
