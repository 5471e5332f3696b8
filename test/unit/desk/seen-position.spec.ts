import { parseSeen, seenSlot, serializeSeen } from '../../../desk/src/changes/seen-position';

describe('where "what changed since I last looked" starts', () => {
  it('given a key, names its slot by a digest: never the key, the same for the same key, another for another', async () => {
    const slot = await seenSlot('reader-secret-1');
    expect(slot).toMatch(/^factline\.changesSeen\.key-[0-9a-f]{24}$/);
    expect(slot).not.toContain('reader-secret-1');
    expect(await seenSlot('reader-secret-1')).toBe(slot);
    expect(await seenSlot('editor-secret-1')).not.toBe(slot);
  });

  it('given no key (auth off), keeps one slot for the service', async () => {
    expect(await seenSlot(undefined)).toBe('factline.changesSeen.local');
  });

  it('reads back what it stored, and nothing from an entry it cannot read', () => {
    const seen = { position: 31, markedAt: '2026-01-28T07:00:00.000Z' };
    expect(parseSeen(serializeSeen(seen))).toEqual(seen);
    expect(parseSeen(null)).toBeUndefined();
    expect(parseSeen('not json')).toBeUndefined();
    expect(parseSeen('{"position":-1,"markedAt":"x"}')).toBeUndefined();
    expect(parseSeen('{"position":"31","markedAt":"x"}')).toBeUndefined();
  });
});
