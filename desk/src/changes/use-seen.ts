import { useCallback, useEffect, useState } from 'preact/hooks';
import { storedApiKey } from '../auth/api-key';
import { parseSeen, Seen, seenSlot, serializeSeen } from './seen-position';

interface Place {
  storage: Storage;
  slot: string;
  /** Kept for this tab only: the browser offers no digest to name a lasting slot by. */
  tabOnly: boolean;
}

async function placeForThisKey(): Promise<Place> {
  const slot = await seenSlot(storedApiKey());
  return slot
    ? { storage: localStorage, slot, tabOnly: false }
    : { storage: sessionStorage, slot: 'factline.changesSeen.thisTab', tabOnly: true };
}

export interface SeenState {
  /** False until the slot for this key is known. */
  ready: boolean;
  seen?: Seen;
  tabOnly: boolean;
  markSeen: (position: number) => void;
  forget: () => void;
}

/** The position this browser last marked seen with this API key. */
export function useSeen(): SeenState {
  const [place, setPlace] = useState<Place>();
  const [seen, setSeen] = useState<Seen>();
  useEffect(() => {
    let current = true;
    void placeForThisKey().then((found) => {
      if (!current) return;
      setPlace(found);
      setSeen(parseSeen(found.storage.getItem(found.slot)));
    });
    return () => {
      current = false;
    };
  }, []);
  const markSeen = useCallback(
    (position: number) => {
      if (!place) return;
      const next = { position, markedAt: new Date().toISOString() };
      place.storage.setItem(place.slot, serializeSeen(next));
      setSeen(next);
    },
    [place],
  );
  const forget = useCallback(() => {
    place?.storage.removeItem(place.slot);
    setSeen(undefined);
  }, [place]);
  return { ready: place !== undefined, seen, tabOnly: place?.tabOnly ?? false, markSeen, forget };
}
