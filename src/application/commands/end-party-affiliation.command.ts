import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AffiliationEnd } from '../../domain/party/affiliation';
import { CommandContext, CommandResult } from './command-context';
import { writeParty } from './party-streams';
import { StreamWriter } from './stream-writer';

export class EndPartyAffiliationCommand {
  constructor(
    readonly partyId: string,
    readonly end: AffiliationEnd,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(EndPartyAffiliationCommand)
export class EndPartyAffiliationHandler implements ICommandHandler<EndPartyAffiliationCommand, CommandResult> {
  constructor(private readonly writer: StreamWriter) {}

  execute({ partyId, end, context }: EndPartyAffiliationCommand): Promise<CommandResult> {
    return writeParty(this.writer, partyId, { type: 'EndPartyAffiliation', data: end }, context);
  }
}
