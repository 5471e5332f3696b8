import { useState } from 'preact/hooks';
import { getClaim } from '../api/desk-api';
import { Claim, RelatedClaim } from '../api/types';
import { Icon } from '../status/icons';
import { ClaimStatusBadge } from '../status/status-badge';
import { ErrorNotice, Loading } from '../ui/feedback';
import { claimAddress, storylineAddress } from '../ui/addresses';
import { useLoader } from '../ui/use-loader';
import { Developments } from './developments';

const RELATION_WORDS: Record<RelatedClaim['relation'], string> = {
  same_as: 'The same claim, recorded again',
  rival_of: 'A rival explanation',
};

/** The claims this one is related to, each with how it stands; a duplicate's evidence can be read with this one's. */
export function RelatedClaims(props: { claim: Claim; asOf?: string }) {
  const relations = props.claim.relations ?? [];
  const [merged, setMerged] = useState<string | undefined>(undefined);
  if (relations.length === 0) return null;
  return (
    <section aria-labelledby="related-title" class="panel related-claims">
      <h2 id="related-title">Related claims</h2>
      <ul class="related-claim-list">
        {relations.map((related) => (
          <li key={related.claimId} class="related-claim">
            <p>
              <strong>{RELATION_WORDS[related.relation]}</strong>
              {related.storylineId && related.storylineId !== props.claim.storylineId && (
                <>
                  {' '}
                  in <a href={storylineAddress(related.storylineId, props.asOf)}>another storyline</a>
                </>
              )}
              :
            </p>
            <p>
              {related.status && <ClaimStatusBadge status={related.status} />}{' '}
              {related.needsReview && (
                <span class="badge tone-caution">
                  <Icon name="flag" />
                  Needs review
                </span>
              )}{' '}
              <a href={claimAddress(related.claimId, props.asOf)} dir="auto">
                {related.statement ?? related.claimId}
              </a>
            </p>
            {related.relation === 'same_as' && (
              <button
                type="button"
                aria-pressed={merged === related.claimId}
                onClick={() => setMerged(merged === related.claimId ? undefined : related.claimId)}
              >
                {merged === related.claimId ? 'Show this record’s evidence only' : 'Merge the evidence of both records'}
              </button>
            )}
          </li>
        ))}
      </ul>
      {merged && <MergedEvidence claim={props.claim} otherId={merged} asOf={props.asOf} />}
    </section>
  );
}

/** Both records' supports and contradictions in one list, for reading: each stays recorded on its own claim. */
function MergedEvidence(props: { claim: Claim; otherId: string; asOf?: string }) {
  const other = useLoader(`${props.otherId}|${props.asOf ?? ''}`, ({ signal }) =>
    getClaim(props.otherId, { asOf: props.asOf, signal }),
  );
  if (other.error !== undefined) return <ErrorNotice error={other.error} what="The other record" />;
  if (!other.data) return <Loading what="the other record" />;
  const both: Claim = {
    ...props.claim,
    supports: [...props.claim.supports, ...other.data.supports],
    contradictions: [...props.claim.contradictions, ...other.data.contradictions],
    retraction: props.claim.retraction ?? other.data.retraction,
    independentSources: undefined,
  };
  const count = (claim: Claim) => claim.supports.length + claim.contradictions.length;
  return (
    <section aria-labelledby="merged-title" class="merged-evidence">
      <h3 id="merged-title">Evidence of both records</h3>
      <p class="muted">
        {count(props.claim)} from this record and {count(other.data)} from the other, read together; each stays recorded
        on its own claim, with its own status.
      </p>
      <Developments claim={both} />
    </section>
  );
}
