import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { storylineStreamId } from '../../domain/storyline/storyline.events';
import { CommandContext, CommandResult } from './command-context';
import { StreamWriter } from './stream-writer';
import { storylineStream } from './stream-types';

export class RemoveStakeholderCommand {
  constructor(
    readonly storylineId: string,
    readonly partyId: string,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RemoveStakeholderCommand)
export class RemoveStakeholderHandler implements ICommandHandler<RemoveStakeholderCommand, CommandResult> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ storylineId, partyId, context }: RemoveStakeholderCommand): Promise<CommandResult> {
    const outcome = await this.writer.write(
      storylineStream,
      storylineStreamId(storylineId),
      { type: 'RemoveStakeholder', data: { partyId } },
      context,
    );
    return { id: storylineId, ...outcome };
  }
}
