import { useEffect, useState } from 'preact/hooks';
import { isNotAvailable, listParties, PartyFilter, unregisteredNames } from '../api/desk-api';
import { PartyListItem, UnregisteredName } from '../api/party-types';
import { Page } from '../api/types';
import { isPartyEvent, useLiveRefresh } from '../live/live-context';
import { NotAvailable } from '../party/not-available';
import { mentionsInWords } from '../party/party-words';
import { Icon } from '../status/icons';
import { partyAddress } from '../ui/addresses';
import { ErrorNotice, Loading } from '../ui/feedback';
import { Loaded, useLoader } from '../ui/use-loader';
import { useTitle } from '../ui/use-title';

const PARTY_KINDS = ['person', 'government', 'organization', 'media', 'anonymous'] as const;

interface Filter {
  q?: string;
  kind?: string;
  discredited?: 'true' | 'false';
}

function filterFromAddress(): Filter {
  const params = new URLSearchParams(location.search);
  const discredited = params.get('discredited');
  return {
    q: params.get('q') || undefined,
    kind: params.get('kind') || undefined,
    discredited: discredited === 'true' || discredited === 'false' ? discredited : undefined,
  };
}

function writeFilterToAddress(filter: Filter): void {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value);
  const search = params.toString();
  history.replaceState(history.state, '', search ? `/desk/parties?${search}` : '/desk/parties');
}

const toQuery = (filter: Filter): PartyFilter => ({
  q: filter.q,
  kind: filter.kind,
  discredited: filter.discredited === undefined ? undefined : filter.discredited === 'true',
});

/** The party registry: who is who, what is discredited, and the names nobody has registered yet. */
export function PartiesPage() {
  useTitle('Parties');
  const [filter, setFilter] = useState<Filter>(filterFromAddress);
  const [text, setText] = useState(filter.q ?? '');
  useEffect(() => {
    const timer = setTimeout(() => setFilter((current) => ({ ...current, q: text.trim() || undefined })), 250);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => writeFilterToAddress(filter), [filter]);
  const key = JSON.stringify(filter);
  const first = useLoader(key, ({ signal }) => listParties(toQuery(filter), { signal }));
  useLiveRefresh(isPartyEvent, () => first.reload());

  const heading = (
    <div class="page-heading">
      <h1>Parties</h1>
      <p class="lede">
        The registry the status rule follows: names and aliases, affiliations, who is discredited, and the names claims
        mention that no registered party answers to yet.
      </p>
    </div>
  );
  if (first.error !== undefined && isNotAvailable(first.error)) {
    return (
      <>
        {heading}
        <NotAvailable what="The party registry" error={first.error} />
      </>
    );
  }
  return (
    <>
      {heading}
      <form class="filters" role="search" aria-label="Filter parties" onSubmit={(event) => event.preventDefault()}>
        <div class="field field-grow">
          <label for="party-search">Name or alias</label>
          <input id="party-search" type="search" value={text} onInput={(event) => setText(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="party-kind">Kind</label>
          <select
            id="party-kind"
            value={filter.kind ?? ''}
            onChange={(event) => setFilter({ ...filter, kind: event.currentTarget.value || undefined })}
          >
            <option value="">Any kind</option>
            {PARTY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="party-discredited">Discredited</label>
          <select
            id="party-discredited"
            value={filter.discredited ?? ''}
            onChange={(event) =>
              setFilter({ ...filter, discredited: (event.currentTarget.value || undefined) as Filter['discredited'] })
            }
          >
            <option value="">Either</option>
            <option value="true">Discredited only</option>
            <option value="false">Not discredited</option>
          </select>
        </div>
      </form>
      <RegisteredParties filter={filter} first={first} />
      <UnregisteredNames />
    </>
  );
}

function RegisteredParties({ filter, first }: { filter: Filter; first: Loaded<Page<PartyListItem>> }) {
  const key = JSON.stringify(filter);
  const [extra, setExtra] = useState<{ key: string; items: PartyListItem[]; cursor?: string }>();
  const more = extra?.key === key ? extra : undefined;
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.cursor : first.data?.nextCursor;

  return (
    <section aria-labelledby="registered-title">
      <h2 id="registered-title">Registered parties</h2>
      {first.error !== undefined && (
        <ErrorNotice error={first.error} what="the parties" onRetry={() => first.reload()} />
      )}
      {!first.data && first.error === undefined && <Loading what="the parties" />}
      {first.data && items.length === 0 && <p class="empty-state">No registered party matches.</p>}
      {items.length > 0 && (
        <ul class="party-list">
          {items.map((party) => (
            <PartyRow key={party.id} party={party} />
          ))}
        </ul>
      )}
      {cursor && (
        <button
          type="button"
          class="show-more"
          onClick={() =>
            void listParties(toQuery(filter), { cursor }).then((page) =>
              setExtra({ key, items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor }),
            )
          }
        >
          Show more parties
        </button>
      )}
    </section>
  );
}

function PartyRow({ party }: { party: PartyListItem }) {
  return (
    <li class="party-row">
      <h3>
        <a href={partyAddress(party.id)} dir="auto">
          {party.name}
        </a>{' '}
        <span class="muted party-kind">({party.kind})</span>
      </h3>
      {party.discredited && (
        <p class="badge tone-bad">
          <Icon name="alert" />
          Discredited: <span dir="auto">{party.discredited.reason}</span>
        </p>
      )}
      {party.mergedInto && (
        <p class="muted">
          Merged into <a href={partyAddress(party.mergedInto)}>{party.mergedInto}</a>
        </p>
      )}
      {party.aliases.length > 0 && (
        <p class="aliases">
          <span class="muted">Also written:</span>{' '}
          {party.aliases.map((alias, index) => (
            <span key={alias}>
              {index > 0 && ', '}
              <bdi>{alias}</bdi>
            </span>
          ))}
        </p>
      )}
      <p class="muted">
        {party.mentions} {party.mentions === 1 ? 'mention' : 'mentions'} in claims
      </p>
    </li>
  );
}

/** The desk's to-do list: mentions that resolve to no registered party, the most mentioned first. */
function UnregisteredNames() {
  const names = useLoader('unregistered', ({ signal }) => unregisteredNames({ signal }));
  useLiveRefresh(
    (event) => isPartyEvent(event) || event.type === 'ClaimRecorded' || event.streamId.startsWith('claim-'),
    () => names.reload(),
  );
  if (names.error !== undefined && isNotAvailable(names.error))
    return (
      <section aria-labelledby="unregistered-title">
        <h2 id="unregistered-title">Names to register</h2>
        <NotAvailable what="Unregistered names" plural error={names.error} />
      </section>
    );
  const items: UnregisteredName[] = names.data?.items ?? [];
  return (
    <section aria-labelledby="unregistered-title">
      <h2 id="unregistered-title">Names to register</h2>
      <p class="muted">
        Names mentioned in claims that resolve to no registered party: until someone registers them (or adds them as an
        alias), each counts as a party of its own.
      </p>
      {names.error !== undefined && (
        <ErrorNotice error={names.error} what="the unregistered names" onRetry={() => names.reload()} />
      )}
      {!names.data && names.error === undefined && <Loading what="the unregistered names" />}
      {names.data && items.length === 0 && (
        <p class="empty-state">
          <Icon name="check" /> Every name mentioned resolves to a registered party.
        </p>
      )}
      {items.length > 0 && (
        <ul class="unregistered-list">
          {items.map((name) => (
            <li key={name.id}>
              <strong dir="auto">{name.name}</strong> <span class="muted">({name.kind})</span>: {name.mentions}{' '}
              {name.mentions === 1 ? 'mention' : 'mentions'}
              {name.roles && <span class="muted"> — {mentionsInWords(name.roles)}</span>}
            </li>
          ))}
        </ul>
      )}
      {names.data?.nextCursor && <p class="muted">More names wait beyond these {items.length}.</p>}
    </section>
  );
}
