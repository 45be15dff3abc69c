/**
 * `build` cached per key for the whole process: bundles depend only on their key (the config comes in the
 * script header), so each is built once; a failed build is forgotten, so the next call tries again.
 */
export function buildOnce<K, V>(build: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const built = new Map<K, Promise<V>>();
  return (key) => {
    let value = built.get(key);
    if (!value) {
      value = build(key).catch((error: unknown) => {
        built.delete(key);
        throw error;
      });
      built.set(key, value);
    }
    return value;
  };
}
