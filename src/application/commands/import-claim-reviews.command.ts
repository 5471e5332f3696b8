import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ImportedReview } from '../claim-reviews/import/imported-review';
import { claimStreamId } from '../../domain/claim/claim.events';
import { DomainError } from '../../domain/domain-error';
import { storylineStreamId } from '../../domain/storyline/storyline.events';
import { CommandContext } from './command-context';
import { StreamWriter } from './stream-writer';
import { claimStream, storylineStream } from './stream-types';

/** What an import did with one review. */
export interface ImportedReviewOutcome {
  url: string;
  claimId: string;
  /** The storyline the claim is in: the one imported into, or an earlier import's. */
  storylineId: string;
  claim: 'recorded' | 'existing';
  factCheck: 'recorded' | 'unchanged';
  revision: number;
  position: number;
}

export interface ImportResult {
  items: ImportedReviewOutcome[];
  /** The last position written, for `minPosition` reads; -1 when the import wrote nothing. */
  position: number;
}

/** Reviews already read whole from the document (see importedReviewsOf): nothing here can be malformed. */
export class ImportClaimReviewsCommand {
  constructor(
    readonly storylineId: string,
    readonly reviews: ImportedReview[],
    readonly context: CommandContext,
  ) {}
}

/**
 * Each review becomes its claim, then its fact-check, one after the other. Both steps are
 * idempotent by the review's address (the claim id is derived from it; the same fact-check again
 * appends nothing), so a retry of an interrupted import completes it and repeats nothing.
 */
@CommandHandler(ImportClaimReviewsCommand)
export class ImportClaimReviewsHandler implements ICommandHandler<ImportClaimReviewsCommand, ImportResult> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ storylineId, reviews, context }: ImportClaimReviewsCommand): Promise<ImportResult> {
    if ((await this.writer.stateOf(storylineStream, storylineStreamId(storylineId))) === null)
      throw new DomainError('not_found', `storyline ${storylineId} does not exist`);
    // Each step is a command of its own; a key of the whole request would give them all the same event ids.
    const step: CommandContext = {
      actor: context.actor,
      commandId: context.commandId,
      correlationId: context.correlationId,
      causationId: context.causationId,
    };
    const items: ImportedReviewOutcome[] = [];
    let position = -1;
    for (const review of reviews) {
      const outcome = await this.importOne(storylineId, review, step);
      if (outcome.claim === 'recorded' || outcome.factCheck === 'recorded')
        position = Math.max(position, outcome.position);
      items.push(outcome);
    }
    return { items, position };
  }

  private async importOne(
    storylineId: string,
    { url, claimId, content, factCheck }: ImportedReview,
    context: CommandContext,
  ): Promise<ImportedReviewOutcome> {
    const streamId = claimStreamId(claimId);
    let claim: ImportedReviewOutcome['claim'] = 'existing';
    let existing = await this.writer.stateOf(claimStream, streamId);
    if (existing === null) {
      try {
        await this.writer.write(
          claimStream,
          streamId,
          { type: 'RecordClaim', data: { claimId, storylineId, ...content } },
          context,
        );
        claim = 'recorded';
      } catch (error) {
        // Another import of the same review got there first.
        if (!(error instanceof DomainError && error.reason === 'already_exists')) throw error;
      }
      existing = await this.writer.stateOf(claimStream, streamId);
    }
    const checksBefore = existing?.factChecks.length ?? 0;
    const written = await this.writer.write(
      claimStream,
      streamId,
      { type: 'RecordFactCheck', data: factCheck },
      context,
    );
    const checksAfter = (await this.writer.stateOf(claimStream, streamId))?.factChecks.length ?? 0;
    return {
      url,
      claimId,
      storylineId: existing?.storylineId ?? storylineId,
      claim,
      factCheck: checksAfter > checksBefore ? 'recorded' : 'unchanged',
      revision: written.revision,
      position: written.position,
    };
  }
}
