import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from './command-context';
import { partyStateOf, writeParty } from './party-streams';
import { StreamWriter } from './stream-writer';

export class MergePartyCommand {
  constructor(
    readonly partyId: string,
    readonly intoPartyId: string,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(MergePartyCommand)
export class MergePartyHandler implements ICommandHandler<MergePartyCommand, CommandResult> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ partyId, intoPartyId, context }: MergePartyCommand): Promise<CommandResult> {
    const counterpart = await partyStateOf(this.writer, intoPartyId);
    return writeParty(this.writer, partyId, { type: 'MergeParty', data: { intoPartyId }, counterpart }, context);
  }
}
