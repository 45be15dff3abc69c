import { COLLECTION_SCHEMA_V21 } from '../postman/collection.js';
import { authParamsToV21 } from '../postman/auth-params.js';
import { insertKey } from './object-keys.js';
import { isObject, type JsonObject } from '../json/json-value.js';

/**
 * Makes a v2.0 (or v2.1) collection v2.1 in place, touching only what differs between the two:
 * `info.schema`, and auth params in the v2.0 object form (collection, folder, request and saved
 * example requests). Everything else, key order included, stays as it was.
 */
export function upgradeToV21(collection: JsonObject): void {
  const info = collection.info as JsonObject;
  if ('schema' in info) info.schema = COLLECTION_SCHEMA_V21;
  else insertKey(info, 'schema', COLLECTION_SCHEMA_V21, { before: ['_exporter_id', '_collection_link'] });
  upgradeAuth(collection.auth);
  upgradeItems(collection.item);
}

function upgradeItems(items: unknown): void {
  if (!Array.isArray(items)) return;
  for (const item of items) {
    if (!isObject(item)) continue;
    upgradeAuth(item.auth);
    if (isObject(item.request)) upgradeAuth(item.request.auth);
    if (Array.isArray(item.response)) {
      for (const response of item.response) {
        if (isObject(response) && isObject(response.originalRequest)) upgradeAuth(response.originalRequest.auth);
      }
    }
    upgradeItems(item.item);
  }
}

function upgradeAuth(auth: unknown): void {
  if (isObject(auth)) authParamsToV21(auth);
}
