import { PersistentMap } from '../../../src/domain/persistent-map';

describe('PersistentMap', () => {
  const keys = Array.from({ length: 3000 }, (_, index) => `party-${index}`);

  it('keeps every version as it was', () => {
    const empty = PersistentMap.empty<number>();
    const one = empty.set('ft', 1);
    const two = one.set('ft', 2).set('nikkei', 3);
    const three = two.delete('ft');

    expect([empty.get('ft'), one.get('ft'), two.get('ft'), three.get('ft')]).toEqual([undefined, 1, 2, undefined]);
    expect([empty.size, one.size, two.size, three.size]).toEqual([0, 1, 2, 1]);
    expect([...three.entries()]).toEqual([['nikkei', 3]]);
    expect(three.delete('absent')).toBe(three);
  });

  it('holds many keys, with non-Latin ones, like a Map', () => {
    const named = [...keys, 'володимир-зеленський', 'وزارة-الدفاع', '日本経済新聞'];
    let map = PersistentMap.empty<string>();
    for (const key of named) map = map.set(key, key.toUpperCase());
    const built = PersistentMap.from(named.map((key) => [key, key.toUpperCase()] as const));

    for (const candidate of [map, built]) {
      expect(candidate.size).toBe(named.length);
      expect(candidate.get('володимир-зеленський')).toBe('ВОЛОДИМИР-ЗЕЛЕНСЬКИЙ');
      expect(new Set(candidate.keys())).toEqual(new Set(named));
      expect([...candidate.values()]).toHaveLength(named.length);
    }
    const halved = keys.filter((_, index) => index % 2 === 0).reduce((current, key) => current.delete(key), map);
    expect(halved.size).toBe(named.length - keys.length / 2);
    expect(halved.has('party-0')).toBe(false);
    expect(halved.has('party-1')).toBe(true);
    expect(map.has('party-0')).toBe(true);
  });
});
