import { effectiveAuth } from '../plan/effective-auth.js';
import { stableId, uniqueNames } from '../plan/ids.js';
import { toPointer } from '../json/pointer.js';
import { GenCollectionError } from '../errors.js';
import type { Warnings } from '../warnings.js';
import { authKind } from './auth-kind.js';
import { isObject, type JsonObject } from '../json/json-value.js';
import { insertKey } from './object-keys.js';

/** What `planItemAuth` needs: the file (for messages), the token variable and the `--inherit-bearer` choice. */
export interface ItemAuthOptions {
  file: string;
  tokenVariable: string;
  /** Remove request/folder Bearer auth that repeats the collection's, so it inherits. */
  inheritBearer: boolean;
  warnings: Warnings;
}

interface Walk extends ItemAuthOptions {
  idRoot: string;
  skip: string[];
}

/**
 * Walks the items, working out each request's effective auth, and returns the ids of requests that
 * inherit `noauth` or another auth from a folder: the sandbox cannot tell those from requests that
 * inherit the collection Bearer, so the token scripts get their ids. Such a request without an id
 * gets a deterministic one derived from its path (`id`, next to `name`). Requests and folders that
 * repeat the collection Bearer are reported, and with `inheritBearer` switched to inherit it.
 */
export function planItemAuth(collection: JsonObject, opts: ItemAuthOptions): string[] {
  const info = collection.info as JsonObject;
  const root = [info._postman_id, info.name].find((v) => typeof v === 'string' && v !== '') as string | undefined;
  const walk: Walk = { ...opts, idRoot: root ?? 'collection', skip: [] };
  walkItems(collection.item as unknown[], ['item'], [], true, walk);
  return walk.skip;
}

function walkItems(
  items: unknown[],
  path: (string | number)[],
  names: string[],
  parentIsOurs: boolean,
  walk: Walk,
): void {
  // The names (for ids and messages) and paths of an item are made only for the items that need them: a folder,
  // a request that gets an id or a message; most requests need neither.
  let siblings: string[] | undefined;
  const itemNames = (i: number): string[] => {
    siblings ??= uniqueNames(
      items.map((item, j) => (isObject(item) && typeof item.name === 'string' ? item.name : `#${j + 1}`)),
    );
    return [...names, siblings[i]!];
  };
  items.forEach((item, i) => {
    if (!isObject(item)) {
      throw new GenCollectionError('collection-invalid', 'an item is not an object', {
        file: walk.file,
        pointer: toPointer([...path, i]),
        fix: 'export the collection again from the Postman app, or remove that entry',
      });
    }
    if (Array.isArray(item.item)) {
      const kind = authKind(item.auth, walk.tokenVariable);
      const folderNames = itemNames(i);
      if (kind === 'ours') ownBearer(item, [...path, i, 'auth'], 'folder', folderNames, parentIsOurs, walk);
      const isOurs = effectiveAuth(kind, parentIsOurs ? 'ours' : 'other') === 'ours';
      walkItems(item.item, [...path, i, 'item'], folderNames, isOurs, walk);
      return;
    }
    const request = item.request;
    if (!isObject(request) && typeof request !== 'string') return;
    const kind = isObject(request) ? authKind(request.auth, walk.tokenVariable) : 'inherit';
    if (kind === 'inherit' && !parentIsOurs) walk.skip.push(ensureId(item, itemNames(i), walk.idRoot));
    if (kind === 'ours' && isObject(request))
      ownBearer(request, [...path, i, 'request', 'auth'], 'request', itemNames(i), parentIsOurs, walk);
  });
}

/** The id the runtime gives an item (`id`, else `_postman_id`), adding a deterministic one when it has none. */
function ensureId(item: JsonObject, names: string[], idRoot: string): string {
  for (const key of ['id', '_postman_id']) {
    const value = item[key];
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') return String(value);
  }
  const id = stableId('gen-collection inject', idRoot, ...names);
  insertKey(item, 'id', id, { after: 'name' });
  return id;
}

function ownBearer(
  holder: JsonObject,
  path: (string | number)[],
  label: string,
  names: string[],
  parentIsOurs: boolean,
  walk: Walk,
): void {
  const what = `${label} "${names.join(' / ')}" (${toPointer(path)})`;
  const bearer = `Bearer {{${walk.tokenVariable}}}`;
  if (walk.inheritBearer && parentIsOurs) {
    delete holder.auth;
    walk.warnings.add(
      `${what} had its own ${bearer} auth: removed, it now inherits the collection auth (--inherit-bearer)`,
    );
  } else if (walk.inheritBearer) {
    walk.warnings.add(
      `${what} keeps its own ${bearer} auth: a folder above it sets another auth, so inheriting would change what it sends`,
    );
  } else {
    walk.warnings.add(
      `${what} sets its own ${bearer} auth; it works, but --inherit-bearer makes it inherit the collection auth`,
    );
  }
}
