import { refuseSecrets, secretsProblem } from '../audit/refuse-secrets.js';
import { GenCollectionError } from '../errors.js';
import { auditJson } from '../audit/scan-json.js';
import { variablesUsed } from '../plan/variables.js';
import type { OAuth2Resolved } from '../config/resolved.js';
import type { Warnings } from '../warnings.js';
import { tokenScripts } from '../scripts/token-scripts.js';
import { collectionAuthConflict, setCollectionAuth } from './collection-auth.js';
import { planItemAuth } from './item-auth.js';
import { jsonTextLike } from '../postman/json-text.js';
import { isObject } from '../json/json-value.js';
import { extractSecrets, type ExtractedSecret } from './extract-secrets.js';
import { readCollection } from './read-collection.js';
import { secretPositionVariables, templateTexts } from './secret-positions.js';
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
  /** Move each literal secret into a `{{variable}}` (`--extract-secrets`) instead of refusing the collection. */
  extractSecrets?: boolean;
  /**
   * Also find the variables environment templates need (`variables` and `secretVariables`; default true): two more
   * walks of the collection, a third of the time `inject` takes. The CLI asks for them with `--env-dir` only.
   */
  templates?: boolean;
  warnings: Warnings;
}

/** The injected collection (text and object) and the variables environment templates need. */
export interface InjectResult {
  /** The injected collection as JSON text, laid out like the input. */
  text: string;
  collection: object;
  /**
   * Every variable the collection uses (`{{…}}` outside scripts) plus the auth's variables, sorted: for environment
   * templates. Empty when `templates` is false.
   */
  variables: string[];
  /** Variables the collection defines itself (`variable`): an environment value, even empty, would shadow them. */
  collectionVariables: string[];
  /**
   * Variables used where a literal would be a secret (auth params, credential headers, secret-named fields): `type:
   * secret` in templates. Empty when `templates` is false.
   */
  secretVariables: string[];
  /** With `extractSecrets`: each literal secret moved (pointer, variable, masked value), in document order. */
  extracted: ExtractedSecret[];
  /** With `extractSecrets`: the variables with their original values, for the private environment; empty when none was moved. */
  secretValues: { key: string; value: string }[];
}

/**
 * Adds the OAuth2 token scripts and the collection-level Bearer auth to an exported collection
 * (v2.0 or v2.1, as text) and returns it as v2.1. Lossless: besides `info.schema`, v2.0 auth params
 * in array form, single-object lists wrapped (`upgradeToV21`), the collection `auth`, one marked block in
 * front of the collection's own `prerequest`/`test` script lines and an `id` on requests the token scripts
 * must skip, everything stays as it was, key order included. Injecting the output again gives the same
 * text. Refuses (exit 2) input that is not a v2 collection, a conflicting collection auth without `force`
 * (listing the literal secrets too), and a collection holding literal secrets: inject never writes a file
 * `audit` would flag. Messages point into the input as the user wrote it.
 */
export async function injectCollection(text: string, opts: InjectOptions): Promise<InjectResult> {
  const { file, auth, warnings } = opts;
  const tokenVariable = auth.variables.accessToken;
  const collection = readCollection(text, file, warnings);
  const inputPointer = upgradeToV21(collection);
  // Messages point into the user's file, as `audit` of that file does (a v2.0 param by its name).
  const findings = () =>
    auditJson(file, collection).map((finding) => ({ ...finding, pointer: inputPointer(finding.pointer) }));
  const secretsFix = opts.extractSecrets
    ? 'these sit in scripts, where a {{variable}} is not resolved: read the value with pm.variables.get("name") and pass it at run time (newman run … --env-var name=$VALUE)'
    : `pass --extract-secrets FILE to move each value into a {{variable}} and FILE (a private environment: newman run … -e FILE), or replace them by hand (gen-collection audit ${file} lists them) and pass the values at run time: newman run … --env-var name=$VALUE`;
  const conflict = opts.force ? undefined : collectionAuthConflict(collection, tokenVariable);
  if (conflict) {
    // every cause at once: the literal secrets too, unless --extract-secrets will move them
    const secrets = opts.extractSecrets ? [] : findings();
    throw new GenCollectionError(
      'auth-conflict',
      secrets.length ? `${conflict.problem}; and ${secretsProblem(secrets, 'the collection')}` : conflict.problem,
      { file, pointer: '/auth', fix: secrets.length ? `${conflict.fix}; and ${secretsFix}` : conflict.fix },
    );
  }
  setCollectionAuth(collection, { file, tokenVariable, force: opts.force ?? false, warnings });
  const skipRequestIds = planItemAuth(collection, {
    file,
    tokenVariable,
    inheritBearer: opts.inheritBearer ?? false,
    warnings,
  });
  const scripts = await tokenScripts(auth, { skipRequestIds });
  const userPrerequest = placeScriptBlocks(collection, scripts, file);
  if (
    userPrerequest.some((line) => line.includes('pm.sendRequest')) &&
    userPrerequest.some((line) => /token/i.test(line))
  ) {
    warnings.add(
      'the collection-level pre-request script (/event) also calls pm.sendRequest and mentions a token; ' +
        'if it fetches tokens itself, remove it: the injected script does that now',
    );
  }
  const extraction = opts.extractSecrets
    ? extractSecrets(collection, [
        ...variablesUsed(collection, auth),
        ...definedVariables(collection.variable),
        ...Object.values(auth.variables),
      ])
    : { moved: [], values: [], clean: false };
  // After an extraction whose last look found nothing, an audit would find nothing either: not scanned again.
  refuseSecrets(extraction.clean ? [] : findings(), {
    what: 'the collection',
    code: 'collection-invalid',
    file,
    fix: secretsFix,
  });
  // one walk for both: the strings outside scripts that hold `{{`
  const templates = (opts.templates ?? true) ? templateTexts(collection) : undefined;
  return {
    text: jsonTextLike(collection, text),
    collection,
    variables: templates ? variablesUsed(templates.texts, auth) : [],
    collectionVariables: definedVariables(collection.variable),
    secretVariables: templates ? secretPositionVariables(collection, templates) : [],
    extracted: extraction.moved.map((moved) => ({ ...moved, pointer: inputPointer(moved.pointer) })),
    secretValues: extraction.values,
  };
}

function definedVariables(variable: unknown): string[] {
  if (!Array.isArray(variable)) return [];
  const keys = variable.flatMap((v) =>
    isObject(v) && typeof v.key === 'string' ? [v.key] : isObject(v) && typeof v.id === 'string' ? [v.id] : [],
  );
  return [...new Set(keys)].sort();
}
