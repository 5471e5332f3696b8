import { Claim, Development, FactCheck, VerdictEntry, Voice } from '../api/types';
import { formatOccurred, formatTime } from '../format/time';
import { PartyName } from '../party/party-name';
import { Icon } from '../status/icons';
import { NeedsReviewWhy } from '../review/needs-review-why';
import { effectInWords, ratingInWords } from './fact-check-words';
import { retractedBy } from './retraction-words';
import { SourceWording } from './source-wording';

interface Counted {
  counts: boolean;
  reason: string;
}

/** Whether a support counts towards the status, and why, in the API's words when it gives them. */
export function supportCounts(claim: Claim, support: Development): Counted {
  const counts = support.counts ?? support.independent ?? true;
  if (support.reason) return { counts, reason: support.reason };
  if (counts) return { counts, reason: 'independent of the claimant and of the reporting outlet' };
  if (support.by.id === claim.claimant.id) return { counts, reason: `${support.by.name} is the claimant` };
  if (support.by.id === claim.reportedBy?.id) return { counts, reason: `${support.by.name} reported the claim` };
  return { counts, reason: 'not independent of the claimant or the reporting outlet' };
}

export function contradictionCounts(contradiction: Development): Counted {
  const counts = contradiction.counts ?? true;
  if (contradiction.reason) return { counts, reason: contradiction.reason };
  return counts
    ? { counts, reason: 'a contradiction makes the claim disputed until the desk rules' }
    : { counts, reason: 'its party is discredited' };
}

function SourceLink(props: { development: { source?: Development['source'] } }) {
  const source = props.development.source;
  if (!source) return null;
  return (
    <a class="source-link" href={source.url} rel="noreferrer noopener" target="_blank">
      {source.title ?? source.url}
      <span class="visually-hidden"> (opens the source in a new tab)</span>
    </a>
  );
}

const capitalized = (words: string) => `${words.charAt(0).toUpperCase()}${words.slice(1)}`;

/** "State Department and White House". */
const namesOf = (voice: Voice) => {
  const names = voice.parties.map((party) => party.name);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
};

/** How many voices the counting contradictions speak with, and which parties speak as one and why. */
function ContradictionVoices({ claim }: { claim: Claim }) {
  const count = claim.independentContradictions;
  if (count === undefined || claim.contradictions.length === 0) return null;
  const grouped = (claim.contradictionVoices ?? []).filter((voice) => voice.parties.length > 1);
  return (
    <div class="contradiction-voices">
      <p class="muted independent-contradictions">
        {count} independent {count === 1 ? 'voice' : 'voices'} among the contradictions
        {count > 0 && ' (contradictions from parties related to each other count as one)'}
      </p>
      {grouped.length > 0 && (
        <ul class="grouped-voices" aria-label="Contradictions grouped as one voice">
          {grouped.map((voice) => (
            <li key={voice.eventIds.join()}>
              <strong>{namesOf(voice)}</strong> — one voice: {voice.why}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DevelopmentItem(props: { development: Development; kind: 'support' | 'contradiction'; counted: Counted }) {
  const { development, kind, counted } = props;
  return (
    <li class={`development development-${kind} ${counted.counts ? 'counts' : 'does-not-count'}`}>
      <Icon name={kind === 'support' ? 'up' : 'down'} class="development-icon" />
      <div>
        <p>
          <PartyName mention={development.by} resolved={development.party} strong />{' '}
          {kind === 'support' ? 'supports' : 'contradicts'}
          {development.kind ? ` (${development.kind.replace(/_/g, ' ')})` : ''},{' '}
          <time dateTime={development.occurredAt}>
            {formatOccurred(development.occurredAt, development.occurredAtPrecision)}
          </time>
          {development.label && <span class="development-label"> — {development.label}</span>}
        </p>
        {development.jointReporting && (
          <p class="joint-reporting">
            {capitalized(development.jointReporting)} — one {kind === 'support' ? 'source' : 'voice'} for this piece
          </p>
        )}
        {development.stake && (
          <p class="development-stake">
            <strong>Interested party</strong>: {development.stake}
          </p>
        )}
        <p class={`counting ${counted.counts ? 'tone-good' : 'tone-muted'}`}>
          {counted.counts ? 'Counts' : 'Does not count'}: {counted.reason}
        </p>
        {development.note && (
          <p class="note" dir="auto">
            {development.note}
          </p>
        )}
        {development.source && <SourceWording source={development.source} compact />}
        <SourceLink development={development} />
      </div>
    </li>
  );
}

/** Supports and contradictions, each saying whether it counts towards the status and why. */
export function Developments({ claim }: { claim: Claim }) {
  const total = claim.supports.length + claim.contradictions.length;
  return (
    <>
      {claim.independentSources !== undefined && (
        <p class="muted independent-sources">
          {claim.independentSources} independent {claim.independentSources === 1 ? 'source' : 'sources'}
          {claim.independentSources > 0 &&
            ' (supports from parties related to each other, or written together as one piece, count as one)'}
        </p>
      )}
      <ContradictionVoices claim={claim} />
      {total === 0 && !claim.retraction && <p class="muted">No supports or contradictions yet.</p>}
      {total > 0 && (
        <ul class="developments">
          {claim.contradictions.map((development) => (
            <DevelopmentItem
              key={development.eventId}
              development={development}
              kind="contradiction"
              counted={contradictionCounts(development)}
            />
          ))}
          {claim.supports.map((development) => (
            <DevelopmentItem
              key={development.eventId}
              development={development}
              kind="support"
              counted={supportCounts(claim, development)}
            />
          ))}
        </ul>
      )}
      {claim.retraction && (
        <p class="retraction">
          <Icon name="undo" /> {retractedBy(claim.retraction.kind)}{' '}
          <PartyName mention={claim.retraction.by} resolved={claim.retraction.party} strong />,{' '}
          <time dateTime={claim.retraction.occurredAt}>
            {formatOccurred(claim.retraction.occurredAt, claim.retraction.occurredAtPrecision)}
          </time>
          {claim.retraction.note ? `: ${claim.retraction.note}` : ''}
        </p>
      )}
    </>
  );
}

function FactCheckItem({ check }: { check: FactCheck }) {
  const counts = check.counts ?? check.effect !== 'neither';
  const effect = check.effect ?? (counts ? 'counts' : 'neither');
  return (
    <li class={`fact-check effect-${effect} ${counts ? 'counts' : 'does-not-count'}`}>
      <Icon name="magnifier" class="development-icon" />
      <div>
        <p>
          <PartyName mention={check.by} resolved={check.party} strong /> rated it{' '}
          <span class="rating">{ratingInWords(check.rating, check.meaning)}</span>
          {check.publishedAt && (
            <>
              , published{' '}
              <time dateTime={check.publishedAt}>{formatOccurred(check.publishedAt, check.publishedAtPrecision)}</time>
            </>
          )}
        </p>
        <p class={`counting ${counts ? 'tone-good' : 'tone-muted'}`}>
          {effectInWords(check)}
          {check.reason ? `: ${check.reason}` : ''}
        </p>
        {check.url && (
          <p>
            <a class="source-link" href={check.url} rel="noreferrer noopener" target="_blank">
              {check.by.name}’s review<span class="visually-hidden"> (opens in a new tab)</span>
            </a>
          </p>
        )}
      </div>
    </li>
  );
}

/**
 * Other fact-checkers' published reviews: evidence that may count as a support or a
 * contradiction, shown apart from and never styled like the desk's own verdict.
 */
export function FactChecks(props: { claim: Claim; heading?: boolean }) {
  const checks = props.claim.factChecks ?? [];
  if (checks.length === 0) return null;
  return (
    <div class="fact-checks">
      {props.heading !== false && (
        <p class="fact-checks-title">
          <Icon name="magnifier" /> Outside fact-checks ({checks.length}){' '}
          <span class="muted">— evidence, not the desk’s verdict</span>
        </p>
      )}
      <ul class="developments">
        {checks.map((check, index) => (
          <FactCheckItem key={check.eventId ?? index} check={check} />
        ))}
      </ul>
    </div>
  );
}

function VerdictFields({ verdict }: { verdict: VerdictEntry }) {
  return (
    <>
      {verdict.reviewer ? ` by ${verdict.reviewer}` : ''}
      {verdict.reviewUrl && (
        <>
          {' '}
          ·{' '}
          <a href={verdict.reviewUrl} rel="noreferrer noopener" target="_blank">
            the published fact-check<span class="visually-hidden"> (opens in a new tab)</span>
          </a>
        </>
      )}
    </>
  );
}

/** `reviewNote`: false where the page says why it needs review elsewhere. */
export function VerdictLine({ claim, reviewNote = true }: { claim: Claim; reviewNote?: boolean }) {
  if (!claim.verdict) return null;
  const { verdict } = claim;
  const recorded = verdict.recordedAt ?? verdict.occurredAt;
  return (
    <div class="verdict">
      <p>
        <Icon name="gavel" /> <strong>Desk verdict: {verdict.verdict}</strong>
        {verdict.ratingText && <> (“{verdict.ratingText}”)</>}, <time dateTime={recorded}>{formatTime(recorded)}</time>
        <VerdictFields verdict={verdict} />
      </p>
      <p class="rationale" dir="auto">
        {verdict.rationale}
      </p>
      {reviewNote && <NeedsReviewWhy claim={claim} />}
    </div>
  );
}

export function EarlierVerdicts({ verdicts }: { verdicts: VerdictEntry[] }) {
  if (verdicts.length < 2) return null;
  return (
    <ol class="earlier-verdicts" aria-label="Earlier verdicts">
      {verdicts
        .slice(0, -1)
        .reverse()
        .map((verdict) => (
          <li key={verdict.eventId}>
            {verdict.verdict}
            {verdict.ratingText && <> (“{verdict.ratingText}”)</>},{' '}
            <time dateTime={verdict.recordedAt ?? verdict.occurredAt}>
              {formatTime(verdict.recordedAt ?? verdict.occurredAt)}
            </time>
            <VerdictFields verdict={verdict} />: <span dir="auto">{verdict.rationale}</span>
          </li>
        ))}
    </ol>
  );
}
