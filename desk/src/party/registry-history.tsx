import { Source, StoredEvent } from '../api/types';
import { calendarDate, formatTime } from '../format/time';
import { partyAddress } from '../ui/addresses';
import { periodInWords, relationInWords } from './party-words';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const list = (value: unknown) => (Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []);

/** The other party of an event, by the name the page knows it by (else its id). */
function PartyLink(props: { id: unknown; names: Map<string, string>; asOf?: string }) {
  const id = text(props.id) ?? '?';
  return (
    <a href={partyAddress(id, props.asOf)} dir="auto">
      {props.names.get(id) ?? id}
    </a>
  );
}

/** What one registry event did to the party, in a sentence; reasons and sources as recorded. */
function EventInWords(props: { event: StoredEvent; partyId: string; names: Map<string, string>; asOf?: string }) {
  const { event, partyId, names, asOf } = props;
  const { data } = event;
  switch (event.type) {
    case 'PartyRegistered':
      return (
        <>
          Registered as <strong dir="auto">{text(data.name)}</strong> ({text(data.kind)})
          {list(data.aliases).length > 0 && <>, also written {list(data.aliases).join(', ')}</>}
        </>
      );
    case 'PartyRevised': {
      const changes = [
        ...(data.name ? [`renamed “${text(data.name)}”`] : []),
        ...(data.kind ? [`kind now ${text(data.kind)}`] : []),
        ...(list(data.addAliases).length ? [`aliases added: ${list(data.addAliases).join(', ')}`] : []),
        ...(list(data.removeAliases).length ? [`aliases removed: ${list(data.removeAliases).join(', ')}`] : []),
      ];
      return <>Revised: {changes.join('; ') || 'no change named'}</>;
    }
    case 'PartyAffiliated':
      return (
        <>
          Affiliated: {relationInWords(text(data.relation) ?? '')}{' '}
          <PartyLink id={data.withPartyId} names={names} asOf={asOf} /> ({periodInWords(text(data.from), text(data.to))}
          )
        </>
      );
    case 'PartyAffiliationEnded':
      return (
        <>
          Affiliation with <PartyLink id={data.withPartyId} names={names} asOf={asOf} />
          {data.relation ? ` (${relationInWords(text(data.relation) ?? '')})` : ''} ended on{' '}
          {calendarDate(text(data.to) ?? '') ?? text(data.to)}
        </>
      );
    case 'PartyMerged':
      return data.partyId === partyId ? (
        <>
          Merged into <PartyLink id={data.intoPartyId} names={names} asOf={asOf} />
        </>
      ) : (
        <>
          <PartyLink id={data.partyId} names={names} asOf={asOf} /> merged into this party
        </>
      );
    case 'PartyDiscredited': {
      const source = data.source as Source | undefined;
      return (
        <>
          <strong>Discredited:</strong> <span dir="auto">{text(data.reason)}</span>
          {source?.url && (
            <>
              {' '}
              (shown in{' '}
              <a href={source.url} rel="noreferrer noopener" target="_blank" dir="auto">
                {source.title ?? source.url}
              </a>
              )
            </>
          )}
        </>
      );
    }
    case 'PartyReinstated':
      return (
        <>
          <strong>Reinstated:</strong> <span dir="auto">{text(data.reason)}</span>
        </>
      );
    default:
      return <>{event.type}</>;
  }
}

/** The registry's record of the party, oldest first: what was recorded, when, and by whom. */
export function RegistryHistory(props: {
  history: StoredEvent[];
  partyId: string;
  names: Map<string, string>;
  /** Links to other parties stay at the moment shown. */
  asOf?: string;
}) {
  return (
    <ol class="registry-history">
      {props.history.map((event) => (
        <li key={event.eventId} class={`history-${event.type}`}>
          <time dateTime={event.metadata.recordedAt}>{formatTime(event.metadata.recordedAt, { seconds: true })}</time>
          <p>
            <EventInWords event={event} partyId={props.partyId} names={props.names} asOf={props.asOf} />
          </p>
          <p class="muted">by {event.metadata.actor}</p>
        </li>
      ))}
    </ol>
  );
}
