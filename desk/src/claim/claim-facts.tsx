import { Claim, ClaimSummary } from '../api/types';
import { languageName } from '../format/language';
import { formatOccurred } from '../format/time';
import { PartyName } from '../party/party-name';
import { KIND_META } from './kinds';

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
  const precision = detail ? detail.occurredAtPrecision : summary.occurredAtPrecision;
  const kind = detail?.kind ?? summary.kind;
  return (
    <dl class="facts">
      <div>
        <dt>Claimant</dt>
        <dd>
          <PartyName mention={detail?.claimant ?? summary.claimant} resolved={detail?.parties?.claimant} />
          {partyKind(detail?.claimant.kind)}
        </dd>
      </div>
      <div>
        <dt>Reported by</dt>
        <dd>
          {detail ? (
            detail.reportedBy ? (
              <>
                <PartyName mention={detail.reportedBy} resolved={detail.parties?.reportedBy} />
                {partyKind(detail.reportedBy.kind)}
                {detail.parties?.jointReporting && (
                  <span class="joint-reporting"> ({detail.parties.jointReporting})</span>
                )}
              </>
            ) : (
              'nobody named'
            )
          ) : (
            '…'
          )}
        </dd>
      </div>
      {detail?.about && (
        <div>
          <dt>About</dt>
          <dd>
            {detail.about.map((subject, index) => (
              <span key={subject.id ?? subject.name}>
                {index > 0 && ', '}
                <PartyName mention={subject} resolved={detail.parties?.about?.[index]} />
              </span>
            ))}
          </dd>
        </div>
      )}
      <div>
        <dt>Attribution</dt>
        <dd>{detail ? attributionInWords(detail) : '…'}</dd>
      </div>
      <div>
        <dt>Occurred</dt>
        <dd>
          {/* Until the claim's own view says how precisely the time is known, no hour is shown. */}
          {detail || summary.occurredAtPrecision !== undefined ? (
            <time dateTime={summary.occurredAt}>{formatOccurred(summary.occurredAt, precision)}</time>
          ) : (
            '…'
          )}
        </dd>
      </div>
      <div>
        <dt>Language</dt>
        <dd>{languageName(detail?.language ?? summary.language)}</dd>
      </div>
      {kind && kind !== 'factual' && (
        <div>
          <dt>Kind</dt>
          <dd>{KIND_META[kind].label}: keeps its own status, never decides the storyline’s</dd>
        </div>
      )}
    </dl>
  );
}
