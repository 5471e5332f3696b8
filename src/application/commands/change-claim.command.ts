import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ClaimCommand, RecordClaim } from '../../domain/claim/claim.commands';
import { claimStreamId } from '../../domain/claim/claim.events';
import { CommandContext, CommandResult } from './command-context';
import { StreamWriter } from './stream-writer';
import { claimStream } from './stream-types';

/** Support, contradiction, retraction, correction or verdict: every command on a recorded claim. */
export class ChangeClaimCommand {
  constructor(
    readonly claimId: string,
    readonly command: Exclude<ClaimCommand, RecordClaim>,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ChangeClaimCommand)
export class ChangeClaimHandler implements ICommandHandler<ChangeClaimCommand, CommandResult> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ claimId, command, context }: ChangeClaimCommand): Promise<CommandResult> {
    const outcome = await this.writer.write(claimStream, claimStreamId(claimId), command, context);
    return { id: claimId, ...outcome };
  }
}
