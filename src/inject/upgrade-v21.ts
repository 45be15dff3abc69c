import { COLLECTION_SCHEMA_V21 } from '../postman/collection.js';
import { pointerSegments, toPointer } from '../json/pointer.js';
import { authParamsToV21 } from '../postman/auth-params.js';
import { insertKey } from './object-keys.js';
import { isObject, type JsonObject } from '../json/json-value.js';

/**
 * Lists that Postman's readers (postman-collection, Newman) also take as one object, and the official v2.1
 * schema takes only as an array (v2.0 exports and hand-edited collections hold such single objects).
 */
const LIST_KEYS = ['event', 'variable', 'response', 'item'] as const;

/** Maps a JSON pointer into the upgraded collection back to the same place in the user's file. */
export type InputPointer = (pointer: string) => string;

/**
 * How the segments after one place of the output read in the input: a wrapped list drops the `0`, a v2.0 auth
 * param list gives `<index>/value` back as the param's name.
 */
type Rewrite = (rest: string[]) => { segments: string[]; consumed: number };

/**
 * Makes a v2.0 (or v2.1) collection v2.1 in place, touching only what the v2.1 schema refuses: `info.schema`,
 * auth params in the v2.0 object form (collection, folder, request and saved example requests), and a single
 * object where a list belongs (`event`, `variable`, `response`, a folder's `item`) wrapped into a list.
 * Everything else, key order included, stays as it was. Returns the way back from an output pointer to the
 * user's file, for messages (`/auth/basic/0/value` → `/auth/basic/password`, as `audit` reads the input).
 */
export function upgradeToV21(collection: JsonObject): InputPointer {
  const info = collection.info as JsonObject;
  if ('schema' in info) info.schema = COLLECTION_SCHEMA_V21;
  else insertKey(info, 'schema', COLLECTION_SCHEMA_V21, { before: ['_exporter_id', '_collection_link'] });
  const rewrites = new Map<string, Rewrite>();
  upgradeNode(collection, [], rewrites);
  return (pointer) => inputPointer(pointer, rewrites);
}

/** Upgrades a collection or an item (folder or request) and the items below it. */
function upgradeNode(node: JsonObject, path: string[], rewrites: Map<string, Rewrite>): void {
  for (const key of LIST_KEYS) {
    if (!isObject(node[key])) continue;
    node[key] = [node[key]];
    rewrites.set(toPointer([...path, key]), (rest) => ({ segments: [], consumed: rest[0] === '0' ? 1 : 0 }));
  }
  // (a path is made only for an auth there is: most items have none)
  if (isObject(node.auth)) upgradeAuth(node.auth, [...path, 'auth'], rewrites);
  if (isObject(node.request) && isObject(node.request.auth))
    upgradeAuth(node.request.auth, [...path, 'request', 'auth'], rewrites);
  if (Array.isArray(node.response)) {
    node.response.forEach((response, i) => {
      if (isObject(response) && isObject(response.originalRequest) && isObject(response.originalRequest.auth)) {
        const at = [...path, 'response', String(i), 'originalRequest', 'auth'];
        upgradeAuth(response.originalRequest.auth, at, rewrites);
      }
    });
  }
  if (Array.isArray(node.item)) {
    node.item.forEach((item, i) => {
      if (isObject(item)) upgradeNode(item, [...path, 'item', String(i)], rewrites);
    });
  }
}

function upgradeAuth(auth: JsonObject, path: string[], rewrites: Map<string, Rewrite>): void {
  const names = Object.entries(auth).flatMap(([type, params]): [string, string[]][] =>
    type !== 'type' && isObject(params) ? [[type, Object.keys(params)]] : [],
  );
  authParamsToV21(auth);
  for (const [type, keys] of names) {
    rewrites.set(toPointer([...path, type]), (rest) => {
      const key = keys[Number(rest[0])];
      if (key === undefined || !/^\d+$/.test(rest[0] ?? '')) return { segments: [], consumed: 0 };
      // `<index>/value` is the param's value: in v2.0 that is the param's own key; `<index>/key` names it too
      return { segments: [key], consumed: rest[1] === 'value' || rest[1] === 'key' ? 2 : 1 };
    });
  }
}

function inputPointer(pointer: string, rewrites: Map<string, Rewrite>): string {
  if (rewrites.size === 0) return pointer;
  const segments = pointerSegments(pointer);
  const output: string[] = [];
  const input: string[] = [];
  for (let i = 0; i < segments.length;) {
    output.push(segments[i]!);
    input.push(segments[i]!);
    i++;
    const rewrite = rewrites.get(toPointer(output));
    if (!rewrite) continue;
    const { segments: replaced, consumed } = rewrite(segments.slice(i));
    output.push(...segments.slice(i, i + consumed));
    input.push(...replaced);
    i += consumed;
  }
  return toPointer(input);
}
