import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AffiliationTerms } from '../../domain/party/affiliation';
import { CommandContext, CommandResult } from './command-context';
import { partyStateOf, writeParty } from './party-streams';
import { StreamWriter } from './stream-writer';

export class AffiliatePartyCommand {
  constructor(
    readonly partyId: string,
    readonly terms: AffiliationTerms,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(AffiliatePartyCommand)
export class AffiliatePartyHandler implements ICommandHandler<AffiliatePartyCommand, CommandResult> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ partyId, terms, context }: AffiliatePartyCommand): Promise<CommandResult> {
    const counterpart = await partyStateOf(this.writer, terms.withPartyId);
    return writeParty(this.writer, partyId, { type: 'AffiliateParty', data: terms, counterpart }, context);
  }
}
