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

/**
 * Sets the collection-level auth to Bearer `{{<token variable>}}`. None, `noauth` or that Bearer
 * already are fine; another auth is replaced only with `force`, else an `auth-conflict` error
 * (exit 2) that says what is there.
 */
export function setCollectionAuth(collection: JsonObject, opts: CollectionAuthOptions): void {
  const current = collection.auth;
  const bearer = `Bearer {{${opts.tokenVariable}}}`;
  if (authKind(current, opts.tokenVariable) === 'other') {
    if (!opts.force) {
      throw new GenCollectionError(
        'auth-conflict',
        `the collection already has a collection-level ${describeAuth(current)}; inject sets ${bearer}`,
        {
          file: opts.file,
          pointer: '/auth',
          fix: `pass --force to replace it, or set the collection's Authorization to "No Auth" in the Postman app and export it again`,
        },
      );
    }
    opts.warnings.add(`replaced the collection-level ${describeAuth(current)} with ${bearer} (--force)`);
  }
  const auth = bearerAuth(opts.tokenVariable);
  if ('auth' in collection) collection.auth = auth;
  else insertKey(collection, 'auth', auth, { before: ['event', 'variable'] });
}
