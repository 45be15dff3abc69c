import { basename } from 'node:path';
import { COLLECTION_SCHEMA_V21 } from '../postman/collection.js';
import { GenCollectionError } from '../errors.js';
import { parseJsonFile } from '../postman/json-text.js';
import { isObject, type JsonObject } from '../json/json-value.js';
import type { Warnings } from '../warnings.js';
import { insertKey } from './object-keys.js';

const EXPORT_FIX =
  'export the collection from the Postman app (collection menu → Export → Collection v2.1) and pass that file';
const v1Fix = (file: string) =>
  `convert it first: npx postman-collection-transformer convert -i ${file} -o ${file.replace(/(\.json)?$/i, '.v2.1.json')} -j 1.0.0 -p 2.1.0 ` +
  '(or import it into the Postman app and export it again as Collection v2.1)';

/**
 * Parses an exported collection and checks that it is a Postman v2.0/v2.1 collection. A v2 collection
 * without `info` (Newman runs it) gets one, named by its top-level `name` or after the file, with a warning. Anything else
 * (empty, not JSON, v1, OpenAPI/Swagger, an environment or globals file, a data dump, an API
 * response wrapper) is a GenCollectionError, exit 2, that says what the file is and what to pass.
 */
export function readCollection(text: string, file: string, warnings: Warnings): JsonObject {
  if (!/^\uFEFF?\s*[[{]/.test(text) && /^\s*(openapi|swagger)\s*:/m.test(text)) throw openApiError(file);
  const value = parseJsonFile(text, file, EXPORT_FIX);
  if (!isObject(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    throw new GenCollectionError('collection-invalid', `the top level is ${kind}, not a Postman collection object`, {
      file,
      pointer: '',
      fix: EXPORT_FIX,
    });
  }
  rejectOtherKinds(value, file);
  if (!('info' in value) && Array.isArray(value.item)) addInfo(value, file, warnings);
  if (!isObject(value.info)) {
    throw new GenCollectionError(
      'collection-invalid',
      'info' in value
        ? 'not a Postman collection: "info" is not an object'
        : 'not a Postman collection: there is no "info" object and no "item" list',
      { file, pointer: '/info', fix: EXPORT_FIX },
    );
  }
  if (typeof value.info.schema === 'string' && /\/v1\.\d+\.\d+\//.test(value.info.schema))
    throw v1Error(file, '/info/schema');
  if (typeof value.info.schema === 'string' && !/\/v2\.[01]\.\d+\//.test(value.info.schema)) {
    throw new GenCollectionError('collection-invalid', 'unsupported collection schema (inject reads v2.0 and v2.1)', {
      file,
      pointer: '/info/schema',
      fix: EXPORT_FIX,
    });
  }
  if (!Array.isArray(value.item)) {
    throw new GenCollectionError('collection-invalid', 'not a Postman collection: "item" is missing or not an array', {
      file,
      pointer: '/item',
      fix: EXPORT_FIX,
    });
  }
  return value;
}

/**
 * The `info` Newman does without: the collection's own top-level `name` (which Newman reads when there is no
 * `info`, as in newman's inherited-entities fixture), else the name from the file name; the v2.1 schema.
 */
function addInfo(collection: JsonObject, file: string, warnings: Warnings): void {
  const own = typeof collection.name === 'string' && collection.name.trim() !== '' ? collection.name : undefined;
  const name = own ?? (basename(file).replace(/(\.postman_collection)?\.json$/i, '') || 'collection');
  insertKey(collection, 'info', { name, schema: COLLECTION_SCHEMA_V21 }, { before: Object.keys(collection) });
  warnings.add(
    `the collection has no "info" object (Newman runs it without one): wrote one named "${name}" (${own ? 'its top-level "name"' : 'after the file'}) with the v2.1 schema`,
    { file, pointer: '/info' },
  );
}

function rejectOtherKinds(value: JsonObject, file: string): void {
  if ('openapi' in value || 'swagger' in value) throw openApiError(file);
  const scope = value._postman_variable_scope;
  if (scope !== undefined || (Array.isArray(value.values) && !('item' in value))) {
    const kind = scope === 'globals' ? 'globals' : 'environment';
    throw new GenCollectionError('collection-invalid', `this is a Postman ${kind} file, not a collection`, {
      file,
      pointer: '',
      fix: `pass the collection file (*.postman_collection.json); ${kind} files go to newman with ${kind === 'globals' ? '-g' : '-e'}`,
    });
  }
  if (!('item' in value) && (Array.isArray(value.requests) || Array.isArray(value.order))) {
    throw v1Error(file, Array.isArray(value.requests) ? '/requests' : '/order');
  }
  if (isObject(value.collection) && !('item' in value)) {
    throw new GenCollectionError(
      'collection-invalid',
      'this is a Postman API response that wraps the collection in "collection"',
      {
        file,
        pointer: '/collection',
        fix: 'save the wrapped collection on its own, e.g. jq .collection in.json > collection.json',
      },
    );
  }
  if (Array.isArray(value.collections) && !('item' in value)) {
    throw new GenCollectionError('collection-invalid', 'this is a Postman data dump holding several collections', {
      file,
      pointer: '/collections',
      fix: EXPORT_FIX,
    });
  }
}

function openApiError(file: string): GenCollectionError {
  return new GenCollectionError(
    'collection-invalid',
    'this is an OpenAPI/Swagger description, not a Postman collection',
    {
      file,
      pointer: '',
      fix: `generate the collection from it with: gen-collection openapi ${file}`,
    },
  );
}

function v1Error(file: string, pointer: string): GenCollectionError {
  return new GenCollectionError('collection-invalid', 'this is a Postman v1 collection; inject reads v2.0 and v2.1', {
    file,
    pointer,
    fix: v1Fix(file),
  });
}
