import { authParam } from '../postman/auth-params.js';
import { isObject } from '../json/json-value.js';

/**
 * How an auth block relates to the collection Bearer that inject sets: `inherit` (absent, null or
 * `inherit`: the parent's auth applies), `noauth`, `ours` (Bearer with `{{<token variable>}}`, in
 * either param form) or `other`.
 */
export type AuthKind = 'inherit' | 'noauth' | 'ours' | 'other';

/** Classifies an auth block (collection, folder or request) against the Bearer `{{<token variable>}}`. */
export function authKind(auth: unknown, tokenVariable: string): AuthKind {
  if (auth === undefined || auth === null) return 'inherit';
  if (!isObject(auth)) return 'other';
  if (auth.type === undefined || auth.type === 'inherit') return 'inherit';
  if (auth.type === 'noauth') return 'noauth';
  if (auth.type === 'bearer' && isTokenVariable(authParam(auth, 'bearer', 'token'), tokenVariable)) return 'ours';
  return 'other';
}

function isTokenVariable(value: unknown, variable: string): boolean {
  return value === `{{${variable}}}`;
}

/** Words for an auth block in messages, never quoting a literal value (it may be a secret). */
export function describeAuth(auth: unknown): string {
  if (!isObject(auth) || typeof auth.type !== 'string') return 'auth of an unknown form';
  if (auth.type !== 'bearer') return `${auth.type} auth`;
  const token = authParam(auth, 'bearer', 'token');
  const variable = typeof token === 'string' ? /^\s*\{\{([^{}]+)\}\}\s*$/.exec(token)?.[1] : undefined;
  if (variable) return `Bearer auth with {{${variable}}}`;
  return typeof token === 'string' && token.trim() !== ''
    ? 'Bearer auth with a literal token'
    : 'Bearer auth with an empty token';
}
