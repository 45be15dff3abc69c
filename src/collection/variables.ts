import type { OAuth2Resolved, ResolvedAuth } from '../config/resolved.js';
import { authVariables } from './auth.js';

const VARIABLE = /\{\{\s*([^{}\s$][^{}]*?)\s*\}\}/g;

/**
 * Names of the Postman variables a value uses as `{{name}}`, deep, sorted and unique. Dynamic variables
 * (`{{$guid}}`) are not variables. Script code (`event` arrays) is not walked: a `{{…}}` in a comment or
 * a string there is not a use the environment must provide.
 */
export function collectVariableNames(value: unknown): string[] {
  const names = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const match of v.matchAll(VARIABLE)) names.add(match[1]!);
    } else if (Array.isArray(v)) {
      v.forEach(walk);
    } else if (v && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) if (key !== 'event') walk(child);
    }
  };
  walk(value);
  return [...names].sort();
}

/**
 * Every variable a collection with this auth uses, sorted and unique: its `{{…}}` outside scripts, those of
 * the token request's URL, parameters and signed JWT, and the auth's own variables (client id and secret, token, …),
 * for the auth and each auth profile.
 */
export function variablesUsed(
  collection: unknown,
  auth: ResolvedAuth,
  profiles: readonly OAuth2Resolved[] = [],
): string[] {
  const auths = [auth, ...profiles];
  const tokenRequests = auths.map((a) => (a.type === 'oauth2' ? [a.tokenUrl, a.params, a.assertion] : []));
  return [
    ...new Set([
      ...collectVariableNames(collection),
      ...collectVariableNames(tokenRequests),
      ...auths.flatMap((a) => authVariables(a).all),
    ]),
  ].sort();
}
