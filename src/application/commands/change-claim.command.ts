import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ClaimCommand, identifyIn, RecordClaim, RetractClaim } from '../../domain/claim/claim.commands';
import { claimStreamId } from '../../domain/claim/claim.events';
import { RegistryHistory } from '../queries/registry-history';
import { CommandContext, CommandResult } from './command-context';
import { StreamWriter } from './stream-writer';
import { claimStream } from './stream-types';

/** A retraction as it is asked for: who stands for whom is the registry's to say, read when it is recorded. */
export type RetractionRequest = Omit<RetractClaim, 'identify'>;

/** Support, contradiction, retraction, correction or verdict: every command on a recorded claim. */
export class ChangeClaimCommand {
  constructor(
    readonly claimId: string,
    readonly command: Exclude<ClaimCommand, RecordClaim | RetractClaim> | RetractionRequest,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ChangeClaimCommand)
export class ChangeClaimHandler implements ICommandHandler<ChangeClaimCommand, CommandResult> {
  constructor(
    private readonly writer: StreamWriter,
    private readonly registries: RegistryHistory,
  ) {}

  async execute({ claimId, command, context }: ChangeClaimCommand): Promise<CommandResult> {
    const decided: ClaimCommand =
      command.type === 'RetractClaim' ? { ...command, identify: identifyIn(await this.registries.at()) } : command;
    const outcome = await this.writer.write(claimStream, claimStreamId(claimId), decided, context);
    return { id: claimId, ...outcome };
  }
}
