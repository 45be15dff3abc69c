import type { OAuth2Resolved, ResolvedAuth } from '../config/resolved.js';
import { authVariables } from './auth-variables.js';
import type { PlanItem } from './plan.js';

const VARIABLE = /\{\{\s*([^{}\s$][^{}]*?)\s*\}\}/g;

/**
 * Names of the variables a value uses as `{{name}}`, deep, sorted and unique. Dynamic variables
 * (`{{$guid}}`) are not variables. Script code (Postman `event` arrays) is not walked: a `{{…}}` in a comment
 * or a string there is not a use the environment must provide.
 */
export function collectVariableNames(value: unknown): string[] {
  return namesIn(value, 'event');
}

function namesIn(value: unknown, skipKey?: string): string[] {
  const names = new Set<string>();
  // Hot on big collections (every string of every request): no `matchAll` (it copies the regex per string) and
  // no entry arrays; a string without `{{` is not searched at all.
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (!v.includes('{{')) return;
      VARIABLE.lastIndex = 0;
      for (let match = VARIABLE.exec(v); match; match = VARIABLE.exec(v)) names.add(match[1]!);
    } else if (Array.isArray(v)) {
      for (const element of v as unknown[]) walk(element);
    } else if (v && typeof v === 'object') {
      // for…in: no key array per object; own keys only, as Object.keys gave them
      for (const key in v) if (key !== skipKey && Object.hasOwn(v, key)) walk((v as Record<string, unknown>)[key]);
    }
  };
  walk(value);
  return [...names].sort();
}

/** What a collection holds outside its scripts: names, descriptions, requests (JSON bodies as the text sent). */
export function planTexts(items: readonly PlanItem[]): unknown[] {
  return items.map(({ scripts: _scripts, ...item }) => {
    if (item.kind === 'folder') return { ...item, items: planTexts(item.items) };
    return item.body?.mode === 'json' ? { ...item, body: JSON.stringify(item.body.json) } : item;
  });
}

/**
 * Every variable a collection with this auth uses, sorted and unique: the `{{…}}` of `texts` (anything but
 * script code), those of the token request's URL, parameters and signed JWT, and the auth's own variables
 * (client id and secret, token, …), for the auth and each auth profile.
 */
export function variablesUsed(texts: unknown, auth: ResolvedAuth, profiles: readonly OAuth2Resolved[] = []): string[] {
  const auths = [auth, ...profiles];
  const tokenRequests = auths.map((a) => (a.type === 'oauth2' ? [a.tokenUrl, a.params, a.assertion] : []));
  return [
    ...new Set([
      ...collectVariableNames(texts),
      ...namesIn(tokenRequests),
      ...auths.flatMap((a) => authVariables(a).all),
    ]),
  ].sort();
}
