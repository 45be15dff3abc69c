import { bearerAuth } from '../postman/auth.js';
import { GenCollectionError } from '../errors.js';
import type { Warnings } from '../warnings.js';
import { authKind, describeAuth } from './auth-kind.js';
import type { JsonObject } from '../json/json-value.js';
import { insertKey } from './object-keys.js';

export interface CollectionAuthOptions {
  file: string;
  tokenVariable: string;
  /** Replace a collection-level auth of another kind instead of refusing. */
  force: boolean;
  warnings: Warnings;
}

/** Why inject may not set its Bearer over the collection's own auth (without `force`), or undefined when it may. */
export function collectionAuthConflict(
  collection: JsonObject,
  tokenVariable: string,
): { problem: string; fix: string } | undefined {
  if (authKind(collection.auth, tokenVariable) !== 'other') return undefined;
  return {
    problem: `the collection already has a collection-level ${describeAuth(collection.auth)}; inject sets Bearer {{${tokenVariable}}}`,
    fix: `pass --force to replace it, or set the collection's Authorization to "No Auth" in the Postman app and export it again`,
  };
}

/**
 * Sets the collection-level auth to Bearer `{{<token variable>}}`. None, `noauth` or that Bearer
 * already are fine; another auth is replaced only with `force`, else an `auth-conflict` error
 * (exit 2) that says what is there.
 */
export function setCollectionAuth(collection: JsonObject, opts: CollectionAuthOptions): void {
  const conflict = collectionAuthConflict(collection, opts.tokenVariable);
  if (conflict) {
    if (!opts.force) {
      throw new GenCollectionError('auth-conflict', conflict.problem, {
        file: opts.file,
        pointer: '/auth',
        fix: conflict.fix,
      });
    }
    opts.warnings.add(
      `replaced the collection-level ${describeAuth(collection.auth)} with Bearer {{${opts.tokenVariable}}} (--force)`,
    );
  }
  const auth = bearerAuth(opts.tokenVariable);
  if ('auth' in collection) collection.auth = auth;
  else insertKey(collection, 'auth', auth, { before: ['event', 'variable'] });
}
