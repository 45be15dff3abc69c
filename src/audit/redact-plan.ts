import type {
  KeyValueEntry,
  OAuth2Resolved,
  ResolvedAssertion,
  ResolvedAuth,
  ResolvedBody,
} from '../config/resolved.js';
import type { Plan, PlanItem, PlanScripts } from '../plan/plan.js';
import { queryStart, splitUrl } from '../postman/url.js';
import { withoutSecret } from './redact.js';
import { MIN_SHAPED_LENGTH } from './shaped-secrets.js';

type Path = readonly (string | number)[];

/**
 * A secret `redactSecrets` took out of one of a build's Postman files: which file (0 the collection, then the
 * environment files in the plan's order), the path of the value it was in, and the secret.
 */
export interface RedactedSecret {
  file: number;
  path: Path;
  secret: string;
}

/**
 * The plan without the secrets `redactSecrets` took out of its Postman files, so that every other format, rendered
 * from the plan, carries none either. Each secret is taken out of the plan value its place in the Postman file was
 * rendered from (a query value, a header, a body, a script, an environment value…), and nowhere else, as in the
 * Postman files: a secret found in a secret-named place is often a word (GitHub's spec has the example password
 * `secret`), and the same word elsewhere (`/repos/{owner}/{repo}/actions/secrets/{secret_name}`) is no secret.
 * The plan's structure (item kinds, auth kinds, body modes, ids, variable names) is never touched. Copy on write:
 * only the items and lists on the way to a changed value are new.
 */
export function redactPlan(plan: Plan, redacted: readonly RedactedSecret[]): Plan {
  if (redacted.length === 0) return plan;
  let out: Plan = { ...plan };
  const itemEdits: ItemEdit[] = [];
  for (const { file, path, secret } of redacted) {
    const cut = cutter(secret);
    if (file > 0)
      out = {
        ...out,
        environments: editAt(out.environments, file - 1, (env) => ({
          ...env,
          values: cutValues(env.values, path[0] === 'values' ? path[1] : undefined, cut),
        })),
      };
    else if (path[0] === 'item') itemEdits.push(itemEdit(path, cut));
    else out = cleanCollectionLevel(out, path, cut);
  }
  return { ...out, items: editItems(plan.items, itemEdits) };
}

/** Takes the secret out of a text as `redactSecrets` does; a text without it stays the same string. */
interface Cut {
  (text: string): string;
  secret: string;
}

function cutter(secret: string): Cut {
  const escaped = JSON.stringify(secret).slice(1, -1);
  const cut = (text: string) =>
    !text.includes(secret) && !text.includes(escaped)
      ? text
      : text.trim() === secret
        ? ''
        : withoutSecret(text, secret);
  return Object.assign(cut, { secret });
}

/** A change to one item: its place among the items (an index per level) and what lies below it in the file. */
interface ItemEdit {
  indices: number[];
  rest: Path;
  cut: Cut;
}

/** `['item', 3, 'item', 0, 'request', …]`: indices `[3, 0]`, rest `['request', …]`. */
function itemEdit(path: Path, cut: Cut): ItemEdit {
  const indices: number[] = [];
  let at = 0;
  while (path[at] === 'item' && typeof path[at + 1] === 'number') {
    indices.push(path[at + 1] as number);
    at += 2;
  }
  return { indices, rest: path.slice(at), cut };
}

function editItems(items: PlanItem[], edits: readonly ItemEdit[]): PlanItem[] {
  if (edits.length === 0) return items;
  const byIndex = new Map<number, ItemEdit[]>();
  for (const edit of edits) {
    const [index, ...deeper] = edit.indices;
    if (index !== undefined) byIndex.set(index, [...(byIndex.get(index) ?? []), { ...edit, indices: deeper }]);
  }
  const copy = items.slice();
  for (const [index, list] of byIndex) {
    let item = items[index];
    if (!item) continue;
    const below = list.filter((e) => e.indices.length > 0);
    if (below.length > 0 && item.kind === 'folder') item = { ...item, items: editItems(item.items, below) };
    for (const { indices, rest, cut } of list) if (indices.length === 0) item = cleanItem(item, rest, cut);
    copy[index] = item;
  }
  return copy;
}

/** The item with the secret taken out of the value that `rest` (its place below the item in the file) came from. */
function cleanItem(item: PlanItem, rest: Path, cut: Cut): PlanItem {
  const [first, second, third, fourth] = rest;
  if (first === 'name') return { ...item, name: cut(item.name) };
  if (first === 'description' || (first === 'request' && second === 'description')) return cleanDescription(item, cut);
  if (first === 'event') return { ...item, scripts: cleanScripts(item.scripts, cut) };
  if (item.kind !== 'request' || first !== 'request') return cleanWholeItem(item, cut);
  if (second === 'header' && typeof third === 'number' && third < item.headers.length)
    return { ...item, headers: cutEntries(item.headers, third, fourth, cut) };
  if (second === 'url') {
    if (third === 'variable' && typeof fourth === 'number')
      return { ...item, pathVariables: cutEntries(item.pathVariables, fourth, rest[4], cut) };
    if (third === 'query' && typeof fourth === 'number') {
      // the Postman list holds the URL's own query entries first, then the config's
      const own = splitUrl(item.url).query?.length ?? 0;
      if (fourth >= own) return { ...item, query: cutEntries(item.query, fourth - own, rest[4], cut) };
      const at = queryStart(item.url);
      return { ...item, url: at === -1 ? cut(item.url) : item.url.slice(0, at) + cut(item.url.slice(at)) };
    }
    return { ...item, url: cut(item.url) };
  }
  if (second === 'body' && item.body) return { ...item, body: cleanBody(item.body, rest.slice(2), cut) };
  return cleanWholeItem(item, cut);
}

/** Every text of an item the Postman file shows (a place `cleanItem` does not know: all of them). */
function cleanWholeItem(item: PlanItem, cut: Cut): PlanItem {
  const base = { ...cleanDescription(item, cut), name: cut(item.name), scripts: cleanScripts(item.scripts, cut) };
  if (base.kind === 'folder') return base;
  return {
    ...base,
    url: cut(base.url),
    query: cutEntries(base.query, undefined, undefined, cut),
    pathVariables: cutEntries(base.pathVariables, undefined, undefined, cut),
    headers: cutEntries(base.headers, undefined, undefined, cut),
    ...(base.body ? { body: cleanBody(base.body, [], cut) } : {}),
  };
}

function cleanDescription<T extends { description?: string }>(holder: T, cut: Cut): T {
  return holder.description === undefined ? holder : { ...holder, description: cut(holder.description) };
}

function cleanScripts(scripts: PlanScripts, cut: Cut): PlanScripts {
  return { prerequest: scripts.prerequest.map(cut), test: scripts.test.map(cut) };
}

/** A body without the secret: a raw text, a JSON body's string values, or form fields (one, or all). */
function cleanBody(body: ResolvedBody, rest: Path, cut: Cut): ResolvedBody {
  switch (body.mode) {
    case 'raw':
      return { ...body, raw: cut(body.raw) };
    case 'json': {
      // The Postman file shows the JSON as one raw text, so its place does not say which value held the secret. A
      // literal secret is a whole value (`"password": "secret"`); only a shaped one (a token) is cut from inside a
      // longer text: the word `secret` in `"note": "my secret"` stays.
      const { secret } = cut;
      const inValue = (text: string) =>
        text.trim() === secret ? '' : secret.length >= MIN_SHAPED_LENGTH ? cut(text) : text;
      return { ...body, json: cutDeep(body.json, inValue) };
    }
    case 'form':
    case 'urlencoded':
      return {
        ...body,
        entries: cutEntries(body.entries, typeof rest[1] === 'number' ? rest[1] : undefined, rest[2], cut),
      };
  }
}

/** Key/value entries with the secret taken out of entry `index` (every entry when undefined), of its `field` or all. */
function cutEntries<T extends KeyValueEntry>(
  entries: T[],
  index: number | undefined,
  field: string | number | undefined,
  cut: Cut,
): T[] {
  return entries.map((entry, i) => {
    if (index !== undefined && i !== index) return entry;
    if (field === 'value' || field === 'key' || field === 'description') {
      const text = entry[field];
      return text === undefined ? entry : { ...entry, [field]: cut(text) };
    }
    return { ...cleanDescription(entry, cut), key: cut(entry.key), value: cut(entry.value) };
  });
}

/** Environment or collection values without the secret: value `index`, or every value when it is no index. */
function cutValues<T extends { value: string }>(values: T[], index: unknown, cut: Cut): T[] {
  return values.map((v, i) => (typeof index === 'number' && i !== index ? v : { ...v, value: cut(v.value) }));
}

/** Every string below `value` without the secret; a number that is the secret (audit reads `"pin": 1234`) too. */
function cutDeep(value: unknown, cut: (text: string) => string): unknown {
  if (typeof value === 'string') return cut(value);
  if (typeof value === 'number') return cut(String(value)) === String(value) ? value : cut(String(value));
  if (Array.isArray(value)) return value.map((v) => cutDeep(v, cut));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cutDeep(v, cut)]));
  return value;
}

function editAt<T>(list: T[], index: number, edit: (value: T) => T): T[] {
  return list.map((value, i) => (i === index ? edit(value) : value));
}

/**
 * A secret outside the items: in the collection's name or description (`info`), a collection variable, or the
 * collection's scripts and auth (`event`, `auth`: the token script shows the OAuth2 settings: token URL,
 * parameters, assertion claims); anywhere else, all of these.
 */
function cleanCollectionLevel(plan: Plan, path: Path, cut: Cut): Plan {
  const [first, second] = path;
  if (first === 'info' && second === 'name') return { ...plan, name: cut(plan.name) };
  if (first === 'info' && second === 'description') return cleanDescription(plan, cut);
  if (first === 'variable') return { ...plan, variables: cutValues(plan.variables, second, cut) };
  const withAuth: Plan = {
    ...plan,
    scripts: cleanScripts(plan.scripts, cut),
    auth: cleanAuth(plan.auth, cut),
    profiles: Object.fromEntries(Object.entries(plan.profiles).map(([name, auth]) => [name, cleanAuth(auth, cut)])),
    ...(plan.token ? { token: { ...plan.token, auth: cleanAuth(plan.token.auth, cut) } } : {}),
  };
  if (first === 'event' || first === 'auth') return withAuth;
  return {
    ...cleanDescription(withAuth, cut),
    name: cut(plan.name),
    variables: cutValues(plan.variables, undefined, cut),
  };
}

/** An auth's texts without the secret (an OAuth2 auth's token URL, parameters and assertion); its settings stay. */
function cleanAuth<T extends ResolvedAuth>(auth: T, cut: Cut): T {
  if (auth.type !== 'oauth2') return auth;
  const oauth2: OAuth2Resolved = auth;
  const { assertion } = oauth2;
  return {
    ...auth,
    tokenUrl: cut(oauth2.tokenUrl),
    params: Object.fromEntries(Object.entries(oauth2.params).map(([k, v]) => [k, cut(v)])),
    ...(assertion ? { assertion: cleanAssertion(assertion, cut) } : {}),
  };
}

function cleanAssertion(assertion: ResolvedAssertion, cut: Cut): ResolvedAssertion {
  const optional = (key: 'subject' | 'keyId') => (assertion[key] === undefined ? {} : { [key]: cut(assertion[key]) });
  return {
    ...assertion,
    issuer: cut(assertion.issuer),
    audience: cut(assertion.audience),
    ...optional('subject'),
    ...optional('keyId'),
    ...(assertion.header
      ? { header: Object.fromEntries(Object.entries(assertion.header).map(([k, v]) => [k, cut(v)])) }
      : {}),
    ...(assertion.claims ? { claims: cutDeep(assertion.claims, cut) as Record<string, unknown> } : {}),
  };
}
