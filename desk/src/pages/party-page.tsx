import { useLocation } from 'preact-iso';
import { CommandResult, getParty, isNotAvailable, listParties, partyClaims } from '../api/desk-api';
import { Affiliation, PartyView } from '../api/party-types';
import { TimelineEntry } from '../api/types';
import { KindBadge } from '../claim/kind-badge';
import { isPartyEvent, useLiveRefresh } from '../live/live-context';
import { formatTime } from '../format/time';
import { NotAvailable } from '../party/not-available';
import { PartyActions } from '../party/party-actions';
import { mentionsInWords, periodInWords, relationInWords, roleInWords } from '../party/party-words';
import { RegistryHistory } from '../party/registry-history';
import { Icon } from '../status/icons';
import { ClaimStatusBadge } from '../status/status-badge';
import { TimeControl } from '../storyline/time-control';
import { claimAddress, partyAddress } from '../ui/addresses';
import { ErrorNotice, Loading } from '../ui/feedback';
import { useLoader } from '../ui/use-loader';
import { useTitle } from '../ui/use-title';

type Loaded =
  { kind: 'party'; party: PartyView } | { kind: 'unknown'; error: unknown } | { kind: 'unavailable'; error: unknown };

/** A 404 means "no such party" on a server with the registry's read side, "no such endpoint" on one without. */
async function loadParty(
  id: string,
  options: { asOf?: string; minPosition?: number; signal: AbortSignal },
): Promise<Loaded> {
  try {
    return { kind: 'party', party: await getParty(id, options) };
  } catch (error) {
    if (!isNotAvailable(error)) throw error;
    try {
      await listParties({}, { limit: 1, signal: options.signal });
    } catch (probe) {
      if (isNotAvailable(probe)) return { kind: 'unavailable', error: probe };
      throw probe;
    }
    return { kind: 'unknown', error };
  }
}

/** A registered party now, or with `?asOf=` as the registry stood then (like a storyline's past). */
export function PartyPage(props: { id: string }) {
  const { query, route } = useLocation();
  const asOf = query.asOf || undefined;
  const loaded = useLoader(`${props.id}|${asOf ?? ''}`, (options) => loadParty(props.id, { ...options, asOf }));
  // The moments to travel to come from the history as it stands now, also while the past is shown.
  const now = useLoader(`${props.id}|now|${asOf ?? ''}`, (options) =>
    asOf ? loadParty(props.id, options) : Promise.resolve(undefined),
  );
  useLiveRefresh(isPartyEvent, (minPosition) => (loaded.reload(minPosition), now.reload(minPosition)));
  const party = loaded.data?.kind === 'party' ? loaded.data.party : undefined;
  const current = asOf ? (now.data?.kind === 'party' ? now.data.party : undefined) : party;
  useTitle(party ? party.name : 'Party');
  const choose = (moment: string | undefined) => route(partyAddress(props.id, moment));

  return (
    <>
      <nav aria-label="Breadcrumb" class="breadcrumbs">
        <a href="/desk/parties">Parties</a>
        {party && (
          <>
            <span aria-hidden="true"> / </span>
            <span dir="auto">{party.name}</span>
          </>
        )}
      </nav>
      {loaded.data?.kind === 'unavailable' && (
        <>
          <h1>Party</h1>
          <NotAvailable what="The party registry" error={loaded.data.error} />
        </>
      )}
      {loaded.data?.kind === 'unknown' && (
        <>
          <h1>Party</h1>
          <ErrorNotice error={loaded.data.error} what={`The party “${props.id}”`} />
        </>
      )}
      {loaded.error !== undefined && (
        <>
          <h1>Party</h1>
          <ErrorNotice error={loaded.error} what="this party" onRetry={() => loaded.reload()} />
        </>
      )}
      {asOf && (
        <div class="banner banner-past" role="status">
          <Icon name="clock" />
          <p>
            <strong>As the registry stood at {formatTime(asOf, { seconds: true })}.</strong> Only what had been recorded
            by then.{' '}
            <button type="button" class="quiet" onClick={() => choose(undefined)}>
              Back to now
            </button>
          </p>
        </div>
      )}
      {!loaded.data && loaded.error === undefined && <Loading what="the party" />}
      {party && (
        <PartyDetails
          party={party}
          asOf={asOf}
          onRecorded={(result) => loaded.reload(result.position)}
          onReload={() => loaded.reload()}
        />
      )}
      {party && (
        <TimeControl
          asOf={asOf}
          developments={momentsOf(current ?? party)}
          onChoose={(time) => choose(time.asOf)}
          what="registry change"
        />
      )}
    </>
  );
}

/** The party's registry events as moments the time control offers: just before each was recorded. */
function momentsOf(party: PartyView): TimelineEntry[] {
  return (party.history ?? []).map((event) => ({
    eventId: event.eventId,
    position: event.position,
    type: event.type,
    occurredAt: event.metadata.recordedAt,
    recordedAt: event.metadata.recordedAt,
    summary: historySummary(event.type),
  }));
}

const historySummary = (type: string) =>
  type
    .replace(/^Party/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

function PartyDetails(props: {
  party: PartyView;
  asOf?: string;
  onRecorded: (result: CommandResult) => void;
  onReload: () => void;
}) {
  const { party } = props;
  return (
    <>
      <header class={`party-header${party.discredited ? ' tone-edge-bad' : ''}`}>
        <h1 dir="auto">{party.name}</h1>
        <p class="muted">
          {party.kind} · registry id <code>{party.id}</code>
        </p>
        {party.mergedInto && (
          <p class="notice tone-caution">
            <Icon name="undo" /> Merged into <a href={partyAddress(party.mergedInto, props.asOf)}>{party.mergedInto}</a>
            : mentions of this party count as that one.
          </p>
        )}
        {party.discredited && (
          <div class="notice tone-bad">
            <p>
              <Icon name="alert" /> <strong>Discredited:</strong> <span dir="auto">{party.discredited.reason}</span>
            </p>
            <p>Its supports do not count as independent, and its contradictions do not make a claim disputed.</p>
            {party.discredited.source && (
              <p>
                Shown in:{' '}
                <a href={party.discredited.source.url} rel="noreferrer noopener" target="_blank" dir="auto">
                  {party.discredited.source.title ?? party.discredited.source.url}
                </a>
              </p>
            )}
          </div>
        )}
      </header>
      {!props.asOf && <PartyActions party={party} onRecorded={props.onRecorded} onReload={props.onReload} />}

      <section class="panel" aria-labelledby="names-title">
        <h2 id="names-title">Names</h2>
        {(party.aliases ?? []).length > 0 ? (
          <ul class="aliases-list" aria-label="Aliases">
            {(party.aliases ?? []).map((alias) => (
              <li key={alias} dir="auto">
                {alias}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">No aliases: only “{party.name}” resolves to this party.</p>
        )}
        {(party.mergedFrom ?? []).length > 0 && (
          <p>
            Merged into this party:{' '}
            {(party.mergedFrom ?? []).map((id, index) => (
              <span key={id}>
                {index > 0 && ', '}
                <a href={partyAddress(id, props.asOf)}>{id}</a>
              </span>
            ))}
          </p>
        )}
        <p>Mentioned in claims: {mentionsInWords(party.mentions)}.</p>
      </section>

      <section class="panel" aria-labelledby="affiliations-title">
        <h2 id="affiliations-title">Affiliations</h2>
        <p class="muted">
          Parties affiliated with each other, directly or through a common party, are not independent of each other
          while the affiliation is in effect.
        </p>
        <AffiliationTable
          caption={`${party.name}’s affiliations with other parties`}
          rows={party.affiliations ?? []}
          sentence={(row) => (
            <>
              {party.name} is {relationInWords(row.relation)} <OtherParty row={row} asOf={props.asOf} />
            </>
          )}
        />
        <AffiliationTable
          caption={`Parties affiliated with ${party.name}`}
          rows={party.affiliated ?? []}
          sentence={(row) => (
            <>
              <OtherParty row={row} asOf={props.asOf} /> is {relationInWords(row.relation)} {party.name}
            </>
          )}
        />
        {(party.affiliations ?? []).length + (party.affiliated ?? []).length === 0 && (
          <p class="empty-state">No affiliations registered.</p>
        )}
      </section>

      {party.history && (
        <section class="panel" aria-labelledby="history-title">
          <h2 id="history-title">Registry history</h2>
          <RegistryHistory
            history={party.history}
            partyId={party.id}
            asOf={props.asOf}
            names={
              new Map(
                [...(party.affiliations ?? []), ...(party.affiliated ?? [])].map((row) => [
                  row.partyId,
                  row.name ?? row.partyId,
                ]),
              )
            }
          />
        </section>
      )}

      <PartyClaims id={party.id} asOf={props.asOf} />
    </>
  );
}

function OtherParty({ row, asOf }: { row: Affiliation; asOf?: string }) {
  return (
    <a href={partyAddress(row.partyId, asOf)} dir="auto">
      {row.name ?? row.partyId}
    </a>
  );
}

function AffiliationTable(props: {
  caption: string;
  rows: Affiliation[];
  sentence: (row: Affiliation) => preact.ComponentChildren;
}) {
  if (props.rows.length === 0) return null;
  return (
    <div class="table-scroll">
      <table class="affiliations">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Affiliation</th>
            <th scope="col">Period</th>
            <th scope="col">Now</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={`${row.partyId}|${row.relation}|${row.from ?? ''}`}>
              <td>{props.sentence(row)}</td>
              <td>{periodInWords(row.from, row.to)}</td>
              <td>
                {row.inEffect === undefined ? (
                  '—'
                ) : row.inEffect ? (
                  <span class="badge tone-info">
                    <Icon name="check" />
                    In effect
                  </span>
                ) : (
                  <span class="badge tone-neutral">
                    <Icon name="minus" />
                    Ended
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PartyClaims({ id, asOf }: { id: string; asOf?: string }) {
  const claims = useLoader(`${id}|${asOf ?? ''}`, ({ signal }) => partyClaims(id, { asOf, signal }));
  // The past does not move: only the claims as they stand now follow the log.
  useLiveRefresh(
    (event) => !asOf && (isPartyEvent(event) || event.streamId.startsWith('claim-')),
    () => claims.reload(),
  );
  return (
    <section class="panel" aria-labelledby="party-claims-title">
      <h2 id="party-claims-title">Its claims</h2>
      {claims.error !== undefined &&
        (isNotAvailable(claims.error) ? (
          <NotAvailable what="The claims that mention a party" plural error={claims.error} />
        ) : (
          <ErrorNotice error={claims.error} what="its claims" onRetry={() => claims.reload()} />
        ))}
      {!claims.data && claims.error === undefined && <Loading what="its claims" />}
      {claims.data && claims.data.length === 0 && <p class="empty-state">No claim mentions it.</p>}
      {claims.data && claims.data.length > 0 && (
        <ul class="party-claims">
          {claims.data.map((claim) => (
            <li key={`${claim.claimId}|${claim.role}`}>
              <ClaimStatusBadge status={claim.status} /> <KindBadge kind={claim.kind} />{' '}
              <a href={claimAddress(claim.claimId, asOf)} dir="auto">
                {claim.statement}
              </a>{' '}
              <span class="muted">
                — {roleInWords(claim.role)}
                {(claim.mentionedAs ?? []).length > 0 && (
                  <>
                    , as <span dir="auto">{(claim.mentionedAs ?? []).map((name) => `“${name}”`).join(', ')}</span>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
