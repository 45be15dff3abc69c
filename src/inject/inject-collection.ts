import { refuseSecrets } from '../audit/refuse-secrets.js';
import { auditJson } from '../audit/scan-json.js';
import { variablesUsed } from '../collection/variables.js';
import type { OAuth2Resolved } from '../config/resolved.js';
import type { Warnings } from '../warnings.js';
import { tokenScripts } from '../scripts/token-scripts.js';
import { setCollectionAuth } from './collection-auth.js';
import { planItemAuth } from './item-auth.js';
import { jsonTextLike } from '../postman/json-text.js';
import { isObject } from '../json-value.js';
import { readCollection } from './read-collection.js';
import { placeScriptBlocks } from './script-block.js';
import { upgradeToV21 } from './upgrade-v21.js';

/** Options of `injectCollection`; the CLI maps `--force` and `--inherit-bearer` onto them. */
export interface InjectOptions {
  /** The collection file as the user named it (for messages). */
  file: string;
  auth: OAuth2Resolved;
  /** Replace an existing collection-level auth of another kind (`--force`). */
  force?: boolean;
  /** Make requests and folders whose own auth is the same Bearer `{{<token>}}` inherit it (`--inherit-bearer`). */
  inheritBearer?: boolean;
  warnings: Warnings;
}

/** The injected collection (text and object) and the variables environment templates need. */
export interface InjectResult {
  /** The injected collection as JSON text, laid out like the input. */
  text: string;
  collection: object;
  /** Every variable the collection uses (`{{…}}` outside scripts) plus the auth's variables, sorted: for environment templates. */
  variables: string[];
  /** Variables the collection defines itself (`variable`): an environment value, even empty, would shadow them. */
  collectionVariables: string[];
}

/**
 * Adds the OAuth2 token scripts and the collection-level Bearer auth to an exported collection
 * (v2.0 or v2.1, as text) and returns it as v2.1. Lossless: besides `info.schema`, v2.0 auth params
 * in array form, the collection `auth`, one marked block in front of the collection's own
 * `prerequest`/`test` script lines and an `id` on requests the token scripts must skip, everything
 * stays as it was, key order included. Injecting the output again gives the same text. Refuses
 * (exit 2) input that is not a v2 collection, a conflicting collection auth without `force`, and a
 * collection holding literal secrets: inject never writes a file `audit` would flag.
 */
export async function injectCollection(text: string, opts: InjectOptions): Promise<InjectResult> {
  const { file, auth, warnings } = opts;
  const tokenVariable = auth.variables.accessToken;
  const collection = readCollection(text, file);
  upgradeToV21(collection);
  setCollectionAuth(collection, { file, tokenVariable, force: opts.force ?? false, warnings });
  const skipRequestIds = planItemAuth(collection, { file, tokenVariable, inheritBearer: opts.inheritBearer ?? false, warnings });
  const scripts = await tokenScripts(auth, { skipRequestIds });
  const userPrerequest = placeScriptBlocks(collection, scripts, file);
  if (userPrerequest.some((line) => line.includes('pm.sendRequest')) && userPrerequest.some((line) => /token/i.test(line))) {
    warnings.add(
      'the collection-level pre-request script (/event) also calls pm.sendRequest and mentions a token; ' +
        'if it fetches tokens itself, remove it: the injected script does that now',
    );
  }
  refuseSecrets(auditJson(file, collection), {
    what: 'the collection',
    code: 'collection-invalid',
    file,
    fix: `replace each value with a {{variable}} (gen-collection audit ${file} lists them) and pass the values at run time: newman run … --env-var name=$VALUE`,
  });
  return {
    text: jsonTextLike(collection, text),
    collection,
    variables: variablesUsed(collection, auth),
    collectionVariables: definedVariables(collection.variable),
  };
}

function definedVariables(variable: unknown): string[] {
  if (!Array.isArray(variable)) return [];
  const keys = variable.flatMap((v) => (isObject(v) && typeof v.key === 'string' ? [v.key] : isObject(v) && typeof v.id === 'string' ? [v.id] : []));
  return [...new Set(keys)].sort();
}
