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
  const names = new Set<string>();
  addNames(value, names, 'event');
  return [...names].sort();
}

/**
 * Adds the `{{names}}` of a value, deep, to `names`, not below `skipKey`. Hot on big collections (every string of
 * every request): no `matchAll` (it copies the regex per string) and no entry arrays; a string without `{{` is not
 * searched at all.
 */
function addNames(v: unknown, names: Set<string>, skipKey?: string): void {
  if (typeof v === 'string') {
    if (!v.includes('{{')) return;
    VARIABLE.lastIndex = 0;
    for (let match = VARIABLE.exec(v); match; match = VARIABLE.exec(v)) names.add(match[1]!);
  } else if (Array.isArray(v)) {
    for (const element of v as unknown[]) addNames(element, names, skipKey);
  } else if (v && typeof v === 'object') {
    // for…in: no key array per object; own keys only, as Object.keys gave them
    for (const key in v)
      if (key !== skipKey && Object.hasOwn(v, key)) addNames((v as Record<string, unknown>)[key], names, skipKey);
  }
}

/**
 * Adds the names plan items use outside their scripts (names, descriptions, requests; a JSON body as the text
 * sent) to `names`, as `collectVariableNames` finds them in copies of the items without `scripts` and with each
 * JSON body as its text, without making those copies (on a 2,000-request build, the copies and their walk took
 * 26 ms, this walk 21–23 ms: --cpu-prof, 5 runs).
 */
function addItemNames(items: readonly PlanItem[], names: Set<string>): void {
  for (const item of items) {
    for (const key in item) {
      if (key === 'scripts' || key === 'event' || !Object.hasOwn(item, key)) continue;
      if (item.kind === 'folder' && key === 'items') addItemNames(item.items, names);
      else if (item.kind === 'request' && key === 'body' && item.body?.mode === 'json')
        addNames(JSON.stringify(item.body.json), names, 'event');
      else addNames((item as unknown as Record<string, unknown>)[key], names, 'event');
    }
  }
}

/**
 * Every variable a planned collection uses, sorted and unique: those of `texts` and of its items outside scripts,
 * as `variablesUsed` finds them.
 */
export function planVariablesUsed(
  texts: unknown,
  items: readonly PlanItem[],
  auth: ResolvedAuth,
  profiles: readonly OAuth2Resolved[] = [],
): string[] {
  const names = new Set<string>();
  addNames(texts, names, 'event');
  addItemNames(items, names);
  const auths = [auth, ...profiles];
  const tokenRequests = auths.map((a) => (a.type === 'oauth2' ? [a.tokenUrl, a.params, a.assertion] : []));
  addNames(tokenRequests, names);
  for (const a of auths) for (const name of authVariables(a).all) names.add(name);
  return [...names].sort();
}

/**
 * Every variable a collection with this auth uses, sorted and unique: the `{{…}}` of `texts` (anything but
 * script code), those of the token request's URL, parameters and signed JWT, and the auth's own variables
 * (client id and secret, token, …), for the auth and each auth profile.
 */
export function variablesUsed(texts: unknown, auth: ResolvedAuth, profiles: readonly OAuth2Resolved[] = []): string[] {
  return planVariablesUsed(texts, [], auth, profiles);
}
