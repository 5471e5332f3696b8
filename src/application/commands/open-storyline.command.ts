import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { slugify } from '../../domain/slug';
import { StorylineContent, storylineStreamId } from '../../domain/storyline/storyline.events';
import { CommandContext, CommandResult } from './command-context';
import { StreamWriter } from './stream-writer';
import { storylineStream } from './stream-types';

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
      storylineStream,
      storylineStreamId(storylineId),
      { type: 'OpenStoryline', data: { ...input, storylineId } },
      context,
    );
    return { id: storylineId, ...outcome };
  }
}
