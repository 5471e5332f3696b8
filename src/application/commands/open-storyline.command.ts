import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { slugify } from '../../domain/slug';
import { decideStoryline, foldStoryline } from '../../domain/storyline/storyline.decider';
import { StorylineContent, storylineStreamId } from '../../domain/storyline/storyline.events';
import { storylineEventsOf } from '../events/factline-event';
import { CommandContext, CommandResult } from './command-context';
import { StreamWriter } from './stream-writer';

export class OpenStorylineCommand {
  constructor(
    readonly input: StorylineContent & { storylineId?: string },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(OpenStorylineCommand)
export class OpenStorylineHandler implements ICommandHandler<OpenStorylineCommand, CommandResult> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ input, context }: OpenStorylineCommand): Promise<CommandResult> {
    const storylineId = input.storylineId ?? slugify(input.title);
    const outcome = await this.writer.write(
      {
        streamId: storylineStreamId(storylineId),
        decide: (history) =>
          decideStoryline(
            { type: 'OpenStoryline', data: { ...input, storylineId } },
            foldStoryline(storylineEventsOf(history)),
          ),
      },
      context,
    );
    return { id: storylineId, ...outcome };
  }
}
