import { useEffect, useState } from 'preact/hooks';
import { CommandResult, isNotAvailable, listParties, PartyFilter, unregisteredNames } from '../api/desk-api';
import { PartyListItem, UnregisteredName } from '../api/party-types';
import { Page, PARTY_KINDS } from '../api/types';
import { useOpening } from '../forms/use-opening';
import { AliasNameForm } from '../party/alias-name-form';
import { NameToRegister, RegisterPartyForm } from '../party/register-party-form';
import { useShortcut } from '../ui/shortcuts';
import { isPartyEvent, useLiveRefresh } from '../live/live-context';
import { NotAvailable } from '../party/not-available';
import { mentionsInWords } from '../party/party-words';
import { Icon } from '../status/icons';
import { partyAddress } from '../ui/addresses';
import { ErrorNotice, Loading } from '../ui/feedback';
import { Loaded, useLoader } from '../ui/use-loader';
import { useTitle } from '../ui/use-title';

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
  const first = useLoader(key, (options) => listParties(toQuery(filter), options));
  useLiveRefresh(isPartyEvent, (minPosition) => first.reload(minPosition));
  const registering = useOpening();
  const [registered, setRegistered] = useState<{ id: string; name: string }>();
  useShortcut('r', 'Register party', registering.show);

  const heading = (
    <div class="page-heading page-heading-with-actions">
      <div>
        <h1>Parties</h1>
        <p class="lede">
          The registry the status rule follows: names and aliases, affiliations, who is discredited, and the names
          claims mention that no registered party answers to yet.
        </p>
      </div>
      <button
        ref={registering.opener}
        type="button"
        class="primary"
        aria-expanded={registering.open}
        aria-keyshortcuts="r"
        onClick={() => (registering.open ? registering.close() : registering.show())}
      >
        Register party
      </button>
    </div>
  );
  const announce = <Registered party={registered} />;
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
      {registering.open && (
        <RegisterPartyForm
          onClose={registering.close}
          onRecorded={(result, name) => {
            setRegistered({ id: result.id, name });
            registering.close();
            first.reload(result.position);
          }}
        />
      )}
      {announce}
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
      <UnregisteredNames
        onRecorded={(result, name) => {
          setRegistered({ id: result.id, name });
          first.reload(result.position);
        }}
      />
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
function UnregisteredNames(props: { onRecorded: (result: CommandResult, name: string) => void }) {
  const names = useLoader('unregistered', (options) => unregisteredNames(options));
  useLiveRefresh(
    (event) => isPartyEvent(event) || event.type === 'ClaimRecorded' || event.streamId.startsWith('claim-'),
    (minPosition) => names.reload(minPosition),
  );
  const recorded = (result: CommandResult, name: string) => {
    names.reload(result.position);
    props.onRecorded(result, name);
  };
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
      {names.data && names.data.anonymousMentions > 0 && (
        <p class="anonymous-mentions">
          {names.data.anonymousMentions === 1
            ? '1 mention of an anonymous source is'
            : `${names.data.anonymousMentions} mentions of anonymous sources are`}{' '}
          not listed: an anonymous source (“people familiar with the talks”) is nobody to register.
        </p>
      )}
      {names.data && items.length === 0 && (
        <p class="empty-state">
          <Icon name="check" /> Every party mentioned by name resolves to a registered one.
        </p>
      )}
      {items.length > 0 && (
        <ul class="unregistered-list">
          {items.map((name) => (
            <UnregisteredRow key={name.id} name={name} onRecorded={recorded} />
          ))}
        </ul>
      )}
      {names.data?.nextCursor && <p class="muted">More names wait beyond these {items.length}.</p>}
    </section>
  );
}

/** One name to register: registered as a party of its own, or added as an alias of a party picked. */
function UnregisteredRow(props: { name: UnregisteredName; onRecorded: (result: CommandResult, name: string) => void }) {
  const { name } = props;
  const register = useOpening();
  const alias = useOpening();
  const start: NameToRegister = { id: name.id, name: name.name, kind: name.kind };
  return (
    <li>
      <strong dir="auto">{name.name}</strong> <span class="muted">({name.kind})</span>: {name.mentions}{' '}
      {name.mentions === 1 ? 'mention' : 'mentions'}
      {name.roles && <span class="muted"> — {mentionsInWords(name.roles)}</span>}
      <div class="desk-actions" role="group" aria-label={`Register ${name.name}`}>
        <button
          ref={register.opener}
          type="button"
          aria-expanded={register.open}
          onClick={() => (alias.open && alias.close(), register.open ? register.close() : register.show())}
        >
          Register as a party
        </button>
        <button
          ref={alias.opener}
          type="button"
          aria-expanded={alias.open}
          onClick={() => (register.open && register.close(), alias.open ? alias.close() : alias.show())}
        >
          Add as an alias of…
        </button>
      </div>
      {register.open && (
        <RegisterPartyForm
          start={start}
          onClose={register.close}
          onRecorded={(result, registered) => {
            register.close();
            props.onRecorded(result, registered);
          }}
        />
      )}
      {alias.open && (
        <AliasNameForm
          name={name.name}
          onClose={alias.close}
          onRecorded={(result, party) => {
            alias.close();
            props.onRecorded(result, party);
          }}
        />
      )}
    </li>
  );
}

function Registered(props: { party?: { id: string; name: string } }) {
  return (
    <p class="announcement" role="status">
      {props.party && (
        <>
          Recorded: <a href={partyAddress(props.party.id)}>{props.party.name}</a>
        </>
      )}
    </p>
  );
}
