import type { JsonObject } from '../json/json-value.js';

/** Where `insertKey` puts a new key: after one key, or before the first present of some keys (else last). */
export type KeyPosition = { after: string } | { before: string[] };

/**
 * Adds `key` to `obj` in place at a chosen position, keeping the order of every other key, so an
 * addition to a user's file lands where the Postman app would have written it.
 */
export function insertKey(obj: JsonObject, key: string, value: unknown, position: KeyPosition): void {
  const keys = Object.keys(obj);
  let index: number;
  if ('after' in position) {
    const anchor = keys.indexOf(position.after);
    index = anchor === -1 ? 0 : anchor + 1;
  } else {
    const found = keys.findIndex((k) => position.before.includes(k));
    index = found === -1 ? keys.length : found;
  }
  const tail = keys.slice(index).map((k) => [k, obj[k]] as const);
  for (const [k] of tail) delete obj[k];
  define(obj, key, value);
  for (const [k, v] of tail) define(obj, k, v);
}

/** Plain assignment would call the `__proto__` setter for a parsed own `"__proto__"` key. */
function define(obj: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}
