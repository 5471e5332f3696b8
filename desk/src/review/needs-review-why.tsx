import { Claim } from '../api/types';
import { formatOccurred, formatTime } from '../format/time';
import { PartyName } from '../party/party-name';
import { Icon } from '../status/icons';
import { DecidingDevelopment, DevelopmentKind, needsReviewWhy } from './deciding-developments';

/** "Needs review: a support by AP arrived after the verdict of 3 Mar 2026." */
export function NeedsReviewWhy(props: { claim: Claim }) {
  const why = needsReviewWhy(props.claim);
  if (!why) return null;
  return (
    <p class="notice tone-caution needs-review-why">
      <Icon name="flag" /> <span>Needs review: {why}</span>
    </p>
  );
}

/** A retraction and a fact-check say in their detail what they did. */
const VERBS: Record<DevelopmentKind, string> = {
  support: 'supports it',
  contradiction: 'contradicts it',
  retraction: '',
  'fact-check': '',
};
const ICONS: Record<DevelopmentKind, 'up' | 'down' | 'undo' | 'magnifier'> = {
  support: 'up',
  contradiction: 'down',
  retraction: 'undo',
  'fact-check': 'magnifier',
};

/** The developments that decide a claim, one line each: who, what, when, and where it was published. */
export function DecidingDevelopmentList(props: { developments: DecidingDevelopment[]; label: string }) {
  if (props.developments.length === 0) return null;
  return (
    <ul class="deciding-developments" aria-label={props.label}>
      {props.developments.map((entry) => (
        <li key={entry.eventId} class={`deciding-development development-${entry.kind}`}>
          <Icon name={ICONS[entry.kind]} class="development-icon" />
          <span>
            <PartyName mention={entry.by} resolved={entry.party} strong /> {VERBS[entry.kind] || entry.detail}
            {VERBS[entry.kind] && entry.detail ? ` (${entry.detail})` : ''}
            {entry.occurredAt && (
              <>
                ,{' '}
                <time dateTime={entry.occurredAt}>
                  {entry.kind === 'fact-check'
                    ? formatTime(entry.occurredAt)
                    : formatOccurred(entry.occurredAt, entry.occurredAtPrecision)}
                </time>
              </>
            )}
            {entry.url && (
              <>
                {' '}
                ·{' '}
                <a class="source-link" href={entry.url} rel="noreferrer noopener" target="_blank">
                  {entry.kind === 'fact-check' ? 'the review' : 'the source'}
                  <span class="visually-hidden"> (opens in a new tab)</span>
                </a>
              </>
            )}
            {entry.note && (
              <>
                {' '}
                — <span dir="auto">{entry.note}</span>
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
