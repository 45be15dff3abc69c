/**
 * A per-process cache of values made from string keys, bounded: a key of `maxKeyLength` characters or more, or one
 * met once `maxEntries` are kept, is not kept (its value is made again each time). For the texts thousands of items
 * share (a status test, its script, its lines), made once and then the same string, whose hash the next cache
 * already has.
 */
export class BoundedCache<V> {
  private readonly values = new Map<string, V>();

  constructor(
    private readonly maxKeyLength: number,
    private readonly maxEntries = 1000,
  ) {}

  /** The value kept for `key`, if any. */
  get(key: string): V | undefined {
    return this.values.get(key);
  }

  /** Keeps `value` for `key` when the key is short enough and the cache is not full; returns `value`. */
  keep(key: string, value: V): V {
    if (key.length < this.maxKeyLength && this.values.size < this.maxEntries) this.values.set(key, value);
    return value;
  }
}
