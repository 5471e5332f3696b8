import { ApiSchema } from '@nestjs/swagger';
import { CommandResult } from '../../../application/commands/command-context';
import { Field, IntegerField } from './fields';

@ApiSchema({ name: 'CommandResult', description: 'What every command answers' })
export class CommandResultBody implements CommandResult {
  @Field({ description: 'The storyline or claim the command wrote to', example: 'us-ukraine-security-guarantees' })
  id!: string;

  @IntegerField(0, { description: "The stream's revision after the command, also sent as ETag", example: 0 })
  revision!: number;

  @IntegerField(0, { description: 'Global position of the last event written, for minPosition reads', example: 1 })
  position!: number;
}
