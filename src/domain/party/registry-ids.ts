import { PersistentMap } from '../persistent-map';
import { idKey } from '../slug';
import { PartyRecord } from './registry-records';

/**
 * Registered ids by their key (slug.ts idKey), so a mention carrying an id derived before Latin letters
 * became ASCII ("radosław-sikorski") meets the party registered as "radoslaw-sikorski". When two
 * registered ids share a key, the one registered first keeps it. Immutable.
 */
export class IdIndex {
  private constructor(private readonly ids: PersistentMap<string>) {}

  static of(records: readonly PartyRecord[]): IdIndex {
    const byRegistration = [...records].sort((a, b) => a.registeredBy.position - b.registeredBy.position);
    const ids = new Map<string, string>();
    for (const { id } of byRegistration) if (!ids.has(idKey(id))) ids.set(idKey(id), id);
    return new IdIndex(PersistentMap.from(ids));
  }

  withRegistered(partyId: string): IdIndex {
    const key = idKey(partyId);
    return this.ids.has(key) ? this : new IdIndex(this.ids.set(key, partyId));
  }

  /** The registered id that `partyId` stands for, compared by key. */
  get(partyId: string): string | undefined {
    return this.ids.get(idKey(partyId));
  }
}
