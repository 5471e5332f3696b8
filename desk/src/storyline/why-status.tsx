import { Claim, ClaimSummary, Storyline } from '../api/types';
import { isFactual, kindOf } from '../claim/kinds';
import { textLanguage } from '../format/language';
import { STORYLINE_STATUS_META } from '../status/status-meta';
import { ClaimStatusBadge } from '../status/status-badge';
import { claimAddress } from '../ui/addresses';
import { ViewTime } from './view-time';

const MAX_LISTED = 5;

/** The claims that decide the headline status (SPEC §3: disputed → developing → settled → empty), factual ones only. */
export function decidingClaims(storyline: Storyline, details?: Map<string, Claim>): ClaimSummary[] {
  const factual = (storyline.claims ?? []).filter((claim) =>
    isFactual({ kind: kindOf(claim, details?.get(claim.id)) }),
  );
  switch (storyline.status) {
    case 'disputed':
      return factual.filter((claim) => claim.status === 'disputed');
    case 'developing':
      return factual.filter((claim) => ['unverified', 'corroborated', 'retracted'].includes(claim.status));
    case 'settled':
      return factual;
    case 'empty':
      return [];
  }
}

export function WhyStatus(props: { storyline: Storyline; details?: Map<string, Claim>; time?: ViewTime }) {
  const { storyline, details } = props;
  const meta = STORYLINE_STATUS_META[storyline.status];
  const deciding = decidingClaims(storyline, details);
  const allListed = (storyline.claims ?? []).length >= storyline.claimCount;
  const unexplained = deciding.length === 0 && storyline.status !== 'empty' && details !== undefined && allListed;
  return (
    <section class="why" aria-labelledby="why-title">
      <h2 id="why-title">Why it is {meta.label.toLowerCase()}</h2>
      <p>
        {meta.label}: {meta.meaning}.{' '}
        {deciding.length > 0 &&
          (deciding.length === 1 ? 'The claim that decides it:' : `The ${deciding.length} claims that decide it:`)}
      </p>
      {deciding.length > 0 && (
        <ul class="deciding">
          {deciding.slice(0, MAX_LISTED).map((claim) => {
            const language = textLanguage(details?.get(claim.id)?.language ?? claim.language);
            const explanation = details?.get(claim.id)?.explanation.summary;
            return (
              <li key={claim.id}>
                <ClaimStatusBadge status={claim.status} />{' '}
                <a href={claimAddress(claim.id, props.time)}>
                  <span lang={language.lang} dir={language.dir}>
                    {claim.statement.length > 140 ? `${claim.statement.slice(0, 139)}…` : claim.statement}
                  </span>
                </a>{' '}
                <span class="muted" dir="auto">
                  ({claim.claimant.name}){explanation ? ` ${explanation}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {deciding.length > MAX_LISTED && <p class="muted">…and {deciding.length - MAX_LISTED} more, listed below.</p>}
      {unexplained && (
        <p class="notice tone-caution">
          None of its factual claims explains this status: the service counted opinions or predictions towards it, which
          only factual claims should decide.
        </p>
      )}
    </section>
  );
}
