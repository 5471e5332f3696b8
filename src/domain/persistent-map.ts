const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

type Bucket<V> = ReadonlyMap<string, V>;
type Row<V> = ReadonlyArray<Bucket<V> | undefined>;

/**
 * FNV-1a over the UTF-16 code units: cheap, and spreads slugs and names well enough over 1,024 buckets.
 * The multiplication by the FNV prime is written as shifts and adds, exact in 32 bits: `Math.imul`
 * is a slow call wherever the code runs in a context other than the one that defined `Math` (a vm
 * context, as under Jest).
 */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    h ^= key.charCodeAt(index);
    h += (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24);
  }
  return h >>> 0;
}

const place = (key: string) => {
  const h = hash(key);
  return { row: (h >>> BITS) & MASK, column: h & MASK };
};

/**
 * An immutable map from strings, spread over a 32 × 32 table of small buckets: `set` and `delete` copy
 * one bucket and two rows of 32 pointers and share the rest, so every version of a registry can be kept
 * and evolving one costs the same for 100 parties as for 100,000. Iteration follows the table, not the
 * order of insertion.
 */
export class PersistentMap<V> {
  private constructor(
    private readonly table: ReadonlyArray<Row<V> | undefined>,
    readonly size: number,
  ) {}

  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>([], 0);
  }

  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    const table: Array<Array<Map<string, V> | undefined> | undefined> = [];
    let size = 0;
    for (const [key, value] of entries) {
      const { row, column } = place(key);
      const bucket = ((table[row] ??= [])[column] ??= new Map());
      if (!bucket.has(key)) size += 1;
      bucket.set(key, value);
    }
    return new PersistentMap(table, size);
  }

  // The two lookups take the place apart from the hash themselves: no object per call on the hottest path.
  get(key: string): V | undefined {
    const h = hash(key);
    return this.table[(h >>> BITS) & MASK]?.[h & MASK]?.get(key);
  }

  has(key: string): boolean {
    const h = hash(key);
    return this.table[(h >>> BITS) & MASK]?.[h & MASK]?.has(key) ?? false;
  }

  set(key: string, value: V): PersistentMap<V> {
    const { row, column } = place(key);
    const bucket = new Map(this.table[row]?.[column]);
    const grows = !bucket.has(key);
    bucket.set(key, value);
    return this.withBucket(row, column, bucket, this.size + (grows ? 1 : 0));
  }

  delete(key: string): PersistentMap<V> {
    const { row, column } = place(key);
    const held = this.table[row]?.[column];
    if (!held?.has(key)) return this;
    const bucket = new Map(held);
    bucket.delete(key);
    return this.withBucket(row, column, bucket.size > 0 ? bucket : undefined, this.size - 1);
  }

  /** Every entry, in the order of `entries`: a plain walk, much cheaper than the generators on a version's first use. */
  forEach(visit: (value: V, key: string) => void): void {
    for (const row of this.table) {
      if (row) for (const bucket of row) if (bucket) bucket.forEach(visit);
    }
  }

  *entries(): IterableIterator<[string, V]> {
    for (const row of this.table) for (const bucket of row ?? []) if (bucket) yield* bucket;
  }

  *keys(): IterableIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): IterableIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  private withBucket(row: number, column: number, bucket: Bucket<V> | undefined, size: number): PersistentMap<V> {
    const cells = [...(this.table[row] ?? [])];
    cells[column] = bucket;
    const table = [...this.table];
    table[row] = cells;
    return new PersistentMap(table, size);
  }
}
