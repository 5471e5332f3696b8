import { NotFoundError } from '../../queries/not-found.error';
import { PointInTime, describePointInTime } from '../../queries/point-in-time';

/** A party id the registry does not hold (at the point); a name claims mention but nobody registered says so. */
export function partyNotFound(partyId: string, mentionedIn: number, at?: PointInTime): NotFoundError {
  const what = `party ${partyId}${at ? ` ${describePointInTime(at)}` : ''}`;
  if (mentionedIn === 0) return new NotFoundError(what);
  const claims = mentionedIn === 1 ? '1 claim' : `${mentionedIn} claims`;
  return new NotFoundError(
    what,
    `it is mentioned in ${claims} but not registered; it is on the list of unregistered names (GET /v1/parties?unregistered=true) until POST /v1/parties registers it`,
  );
}
