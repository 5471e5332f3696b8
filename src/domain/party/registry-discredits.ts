import { DiscreditRecord, PartyRecord } from './registry-records';

/**
 * The discredited parties by registered id: a few among thousands, so the status rule asks a small
 * plain map for each development rather than the records. Immutable.
 */
export class DiscreditIndex {
  private constructor(private readonly discredits: ReadonlyMap<string, DiscreditRecord>) {}

  static of(records: readonly PartyRecord[]): DiscreditIndex {
    const discredits = new Map<string, DiscreditRecord>();
    for (const { id, discredited } of records) if (discredited) discredits.set(id, discredited);
    return new DiscreditIndex(discredits);
  }

  /** With the party's discredit as its record now holds it (none after a reinstatement). */
  withParty(partyId: string, discredited: DiscreditRecord | undefined): DiscreditIndex {
    const discredits = new Map(this.discredits);
    if (discredited) discredits.set(partyId, discredited);
    else discredits.delete(partyId);
    return new DiscreditIndex(discredits);
  }

  get(partyId: string): DiscreditRecord | undefined {
    return this.discredits.get(partyId);
  }
}
