import { Claim, ClaimSummary } from '../api/types';
import { languageName } from '../format/language';
import { formatTime } from '../format/time';

const ATTRIBUTION: Record<string, string> = {
  on_record: 'On the record',
  anonymous: 'Anonymous',
  official_statement: 'Official statement',
  unattributed: 'Unattributed',
};

export function attributionInWords(claim: Pick<Claim, 'attribution' | 'anonymousSourceCount'>): string {
  const base = ATTRIBUTION[claim.attribution] ?? claim.attribution;
  if (claim.attribution !== 'anonymous') return base;
  const count = claim.anonymousSourceCount;
  return count ? `${base}: ${count} ${count === 1 ? 'source' : 'sources'}` : `${base}: number of sources not given`;
}

const partyKind = (kind: string | undefined) => (kind ? ` (${kind})` : '');

/** Who said it, who published it, on what attribution, and when it was said in the world. */
export function ClaimFacts(props: { summary: ClaimSummary; detail?: Claim }) {
  const { summary, detail } = props;
  return (
    <dl class="facts">
      <div>
        <dt>Claimant</dt>
        <dd dir="auto">
          {(detail?.claimant ?? summary.claimant).name}
          {partyKind(detail?.claimant.kind)}
        </dd>
      </div>
      <div>
        <dt>Reported by</dt>
        <dd dir="auto">
          {detail
            ? detail.reportedBy
              ? `${detail.reportedBy.name}${partyKind(detail.reportedBy.kind)}`
              : 'nobody named'
            : '…'}
        </dd>
      </div>
      <div>
        <dt>Attribution</dt>
        <dd>{detail ? attributionInWords(detail) : '…'}</dd>
      </div>
      <div>
        <dt>Occurred</dt>
        <dd>
          <time dateTime={summary.occurredAt}>{formatTime(summary.occurredAt)}</time>
        </dd>
      </div>
      <div>
        <dt>Language</dt>
        <dd>{languageName(detail?.language ?? summary.language)}</dd>
      </div>
      {detail?.kind && detail.kind !== 'factual' && (
        <div>
          <dt>Kind</dt>
          <dd>{detail.kind}: keeps its own status, never heads the storyline</dd>
        </div>
      )}
    </dl>
  );
}
