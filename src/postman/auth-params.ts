import { isObject, type JsonObject } from '../json/json-value.js';

/** One parameter of a Postman auth block, in either form, with its path inside the auth object. */
export interface AuthParam {
  key: string;
  value: unknown;
  /** Path from the auth object to the value: `['bearer', 0, 'value']` (v2.1) or `['bearer', 'token']` (v2.0). */
  path: (string | number)[];
}

/**
 * The parameters of one auth type in an auth block: v2.1 arrays of `{ key, value, type }` and v2.0
 * objects like `{ "token": "…" }` alike; empty when the block has none of that type.
 */
export function authParams(auth: JsonObject, type: string): AuthParam[] {
  const params = auth[type];
  if (Array.isArray(params)) {
    return params.flatMap((p, i) =>
      isObject(p) && typeof p.key === 'string' ? [{ key: p.key, value: p.value, path: [type, i, 'value'] }] : [],
    );
  }
  if (isObject(params)) return Object.entries(params).map(([key, value]) => ({ key, value, path: [type, key] }));
  return [];
}

/** The value of one parameter (first match), e.g. the bearer `token`. */
export function authParam(auth: JsonObject, type: string, key: string): unknown {
  return authParams(auth, type).find((p) => p.key === key)?.value;
}

/** `typeof` → the v2.1 param `type`, as Postman's own transformer maps it. */
const PARAM_TYPES: Record<string, string> = { string: 'string', boolean: 'boolean', number: 'number' };

/**
 * Rewrites v2.0 object-form params (`{ "bearer": { "token": "…" } }`) of an auth block to the v2.1
 * array form (`[{ "key": "token", "value": "…", "type": "string" }]`) in place, key order kept.
 * Returns whether anything changed; array-form blocks are left alone.
 */
export function authParamsToV21(auth: JsonObject): boolean {
  let changed = false;
  for (const [type, params] of Object.entries(auth)) {
    if (type === 'type' || !isObject(params)) continue;
    auth[type] = Object.entries(params).map(([key, value]) => ({
      key,
      value,
      type: PARAM_TYPES[typeof value] ?? 'any',
    }));
    changed = true;
  }
  return changed;
}
