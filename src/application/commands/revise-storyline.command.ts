import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideStoryline, foldStoryline } from '../../domain/storyline/storyline.decider';
import { StorylineContent, storylineStreamId } from '../../domain/storyline/storyline.events';
import { storylineEventsOf } from '../events/factline-event';
import { CommandContext, CommandResult } from './command-context';
import { StreamWriter } from './stream-writer';

export class ReviseStorylineCommand {
  constructor(
    readonly storylineId: string,
    readonly changes: Partial<StorylineContent>,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ReviseStorylineCommand)
export class ReviseStorylineHandler implements ICommandHandler<ReviseStorylineCommand, CommandResult> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ storylineId, changes, context }: ReviseStorylineCommand): Promise<CommandResult> {
    const outcome = await this.writer.write(
      {
        streamId: storylineStreamId(storylineId),
        decide: (history) =>
          decideStoryline({ type: 'ReviseStoryline', data: changes }, foldStoryline(storylineEventsOf(history))),
      },
      context,
    );
    return { id: storylineId, ...outcome };
  }
}
