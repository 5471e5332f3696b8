import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Stakeholder } from '../../domain/storyline/stakeholder';
import { storylineStreamId } from '../../domain/storyline/storyline.events';
import { CommandContext, CommandResult } from './command-context';
import { partyStateOf } from './party-streams';
import { StreamWriter } from './stream-writer';
import { storylineStream } from './stream-types';

export class NameStakeholderCommand {
  constructor(
    readonly storylineId: string,
    readonly stakeholder: Stakeholder,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(NameStakeholderCommand)
export class NameStakeholderHandler implements ICommandHandler<NameStakeholderCommand, CommandResult> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ storylineId, stakeholder, context }: NameStakeholderCommand): Promise<CommandResult> {
    const party = await partyStateOf(this.writer, stakeholder.partyId);
    const outcome = await this.writer.write(
      storylineStream,
      storylineStreamId(storylineId),
      { type: 'NameStakeholder', data: stakeholder, party },
      context,
    );
    return { id: storylineId, ...outcome };
  }
}
