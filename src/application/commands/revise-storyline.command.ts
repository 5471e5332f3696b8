import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StorylineContent, storylineStreamId } from '../../domain/storyline/storyline.events';
import { CommandContext, CommandResult } from './command-context';
import { StreamWriter } from './stream-writer';
import { storylineStream } from './stream-types';

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
      storylineStream,
      storylineStreamId(storylineId),
      { type: 'ReviseStoryline', data: changes },
      context,
    );
    return { id: storylineId, ...outcome };
  }
}
