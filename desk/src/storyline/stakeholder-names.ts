import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { getParty } from '../api/desk-api';
import { StoredEvent } from '../api/types';
import { isPartyEvent, useLiveRefresh } from '../live/live-context';

/** A stakeholder's registered name; `null` when the registry does not know the party. */
export type StakeholderName = string | null;

/**
 * The registered names of the stakeholders, as the registry stood at `asOf` (now when absent). A
 * party not looked up yet, or that could not be read, is absent; the names shown stay until the
 * next answer replaces them. Today's names follow the registry live: a stakeholder renamed while the
 * page is open is read again.
 */
export function useStakeholderNames(partyIds: readonly string[], asOf?: string): ReadonlyMap<string, StakeholderName> {
  const [names, setNames] = useState<ReadonlyMap<string, StakeholderName>>(new Map());
  const [renamedAt, setRenamedAt] = useState<number>();
  const concerns = (event: StoredEvent) =>
    asOf === undefined && isPartyEvent(event) && partyIds.includes(event.streamId.slice('party-'.length));
  useLiveRefresh(concerns, setRenamedAt);
  const key = `${asOf ?? ''}\u0000${renamedAt ?? ''}\u0000${partyIds.join('\u0000')}`;
  useEffect(() => {
    const controller = new AbortController();
    const lookUps = partyIds.map((partyId) =>
      getParty(partyId, { asOf, minPosition: renamedAt, signal: controller.signal }).then(
        (party): [string, StakeholderName] => [partyId, party.name],
        (error: unknown): [string, StakeholderName] | undefined =>
          error instanceof ApiError && error.status === 404 ? [partyId, null] : undefined,
      ),
    );
    void Promise.all(lookUps).then((found) => {
      if (!controller.signal.aborted) setNames(new Map(found.filter((entry) => entry !== undefined)));
    });
    return () => controller.abort();
    // The key names every input: the ids, the moment and the registry event last seen.
  }, [key]);
  return names;
}
