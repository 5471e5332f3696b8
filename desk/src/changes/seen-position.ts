/**
 * Where "what changed since I last looked" starts: the log position this browser last marked
 * seen, kept per API key. The key itself is never stored (it lives in sessionStorage only); the
 * slot is named by a digest of it, and "local" when the service runs without keys.
 */

export interface Seen {
  position: number;
  markedAt: string;
}

const PREFIX = 'factline.changesSeen.';

async function digestHex(text: string): Promise<string> {
  const bytes = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(`factline desk seen position\u0000${text}`),
  );
  return [...new Uint8Array(bytes)]
    .slice(0, 12)
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
}

/** The storage slot for a key; undefined where the browser offers no digest (pages not served over HTTPS). */
export async function seenSlot(apiKey: string | undefined): Promise<string | undefined> {
  if (apiKey === undefined) return `${PREFIX}local`;
  if (!globalThis.crypto?.subtle) return undefined;
  return `${PREFIX}key-${await digestHex(apiKey)}`;
}

export function parseSeen(stored: string | null): Seen | undefined {
  if (!stored) return undefined;
  try {
    const value = JSON.parse(stored) as Partial<Seen>;
    if (Number.isSafeInteger(value.position) && (value.position as number) >= 0 && typeof value.markedAt === 'string')
      return { position: value.position as number, markedAt: value.markedAt };
  } catch {
    // An unreadable entry is as good as none.
  }
  return undefined;
}

export const serializeSeen = (seen: Seen) => JSON.stringify(seen);
