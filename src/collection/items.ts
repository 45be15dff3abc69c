import type {
  KeyValueEntry,
  ResolvedBody,
  ResolvedItem,
  ResolvedItemAuth,
  ResolvedRequest,
  ScriptRef,
} from '../config/resolved.js';
import { bearerAuth, NO_AUTH, type PostmanAuth } from './auth.js';
import { events, skipOnReplay, statusTest, type PostmanEvent } from './events.js';
import { stableId, uniqueNames } from './ids.js';
import { splitUrl } from './url.js';

/** Bundled user script code by kind and absolute path. */
export type BundledScripts = Record<'prerequest' | 'test', Map<string, string>>;

export interface ItemContext {
  /** Id namespace: the collection slug. */
  idRoot: string;
  scripts: BundledScripts;
  /** Wrap test code so a request replayed after a 401 fails no test on its first attempt. */
  guardTests: boolean;
  /**
   * Collects the ids of requests whose effective auth is `none`: inherited from a folder, which no sandbox
   * shows, or their own, which the Postman v3 runtime does not show either.
   */
  inheritedNoAuth: string[];
  /** Auth profile name → the variable its Bearer sends (`access_token_<profile>`); absent without profiles. */
  profileTokens?: Record<string, string>;
  /** Collects, per auth profile, the ids of the requests sending its token, directly or from a folder. */
  profileRequestIds?: Record<string, string[]>;
}

interface PostmanKeyValue {
  key: string;
  value: string;
  description?: string;
  disabled?: boolean;
  type?: string;
}

/** Turns resolved config items into Postman v2.1 items. */
export function postmanItems(
  items: ResolvedItem[],
  ctx: ItemContext,
  parentPath: string[] = [],
  parentAuth: ResolvedItemAuth = 'inherit',
): object[] {
  const names = uniqueNames(items.map((i) => i.name));
  return items.map((item, index) => {
    const idPath = [ctx.idRoot, ...parentPath, names[index]!];
    const id = stableId(...idPath);
    const itemEvents = userEvents(item.scripts, idPath, ctx, item.kind === 'request' ? item.expectStatus : []);
    const ownAuth = itemAuth(item.auth, ctx);
    const effectiveAuth = item.auth === 'inherit' ? parentAuth : item.auth;
    if (item.kind === 'folder') {
      return {
        id,
        name: item.name,
        ...(item.description ? { description: item.description } : {}),
        item: postmanItems(item.items, ctx, idPath.slice(1), effectiveAuth),
        ...(ownAuth ? { auth: ownAuth } : {}),
        ...(itemEvents.length ? { event: itemEvents } : {}),
      };
    }
    if (effectiveAuth === 'none') ctx.inheritedNoAuth.push(id);
    if (effectiveAuth !== 'inherit' && effectiveAuth !== 'none') ctx.profileRequestIds?.[effectiveAuth]?.push(id);
    return {
      id,
      name: item.name,
      request: postmanRequest(item, ownAuth),
      response: [],
      ...(itemEvents.length ? { event: itemEvents } : {}),
    };
  });
}

/** The Postman auth an item sets itself: none, a profile's Bearer, or nothing (it inherits). */
function itemAuth(auth: ResolvedItemAuth, ctx: ItemContext): PostmanAuth | undefined {
  if (auth === 'inherit') return undefined;
  if (auth === 'none') return NO_AUTH;
  const token = ctx.profileTokens?.[auth];
  if (token === undefined) throw new Error(`unknown auth profile "${auth}" (the config checks let it through)`);
  return bearerAuth(token);
}

function userEvents(
  scripts: ResolvedItem['scripts'],
  idPath: string[],
  ctx: ItemContext,
  expectStatus: number[],
): PostmanEvent[] {
  const code = (kind: 'prerequest' | 'test', refs: ScriptRef[]) =>
    refs.map((ref) => ctx.scripts[kind].get(ref.path) ?? '');
  const tests = [...(expectStatus.length ? [statusTest(expectStatus)] : []), ...code('test', scripts.test)];
  const guarded = ctx.guardTests ? tests.map(skipOnReplay) : tests;
  return events(idPath, code('prerequest', scripts.prerequest), guarded);
}

function postmanRequest(req: ResolvedRequest, auth: PostmanAuth | undefined): object {
  const header: PostmanKeyValue[] = req.headers.map((h) => keyValue(h, 'text'));
  const body = req.body ? postmanBody(req.body) : undefined;
  const contentType = req.body ? impliedContentType(req.body) : undefined;
  if (contentType && !req.headers.some((h) => h.key.toLowerCase() === 'content-type')) {
    header.push({ key: 'Content-Type', value: contentType, type: 'text' });
  }
  return {
    method: req.method,
    header,
    ...(body ? { body } : {}),
    url: postmanUrl(req),
    ...(auth ? { auth } : {}),
    ...(req.description ? { description: req.description } : {}),
  };
}

function postmanUrl(req: ResolvedRequest): object {
  const parsed = splitUrl(req.url);
  const query: PostmanKeyValue[] = [
    ...(parsed.query ?? []).map((q) => ({ key: q.key, value: q.value ?? '' })),
    ...req.query.map((q) => keyValue(q)),
  ];
  const enabled = query.filter((q) => !q.disabled).map((q) => `${q.key}=${q.value}`);
  const base = req.url.replace(/[?#].*$/, '');
  const hash = parsed.hash ? `#${parsed.hash}` : '';
  return {
    raw: base + (enabled.length ? `?${enabled.join('&')}` : '') + hash,
    ...(parsed.protocol ? { protocol: parsed.protocol } : {}),
    ...(parsed.auth ? { auth: parsed.auth } : {}),
    ...(parsed.host ? { host: parsed.host } : {}),
    ...(parsed.port ? { port: parsed.port } : {}),
    ...(parsed.path ? { path: parsed.path } : {}),
    ...(query.length ? { query } : {}),
    ...(parsed.hash ? { hash: parsed.hash } : {}),
    ...(req.pathVariables.length ? { variable: req.pathVariables.map((v) => keyValue(v)) } : {}),
  };
}

function keyValue(entry: KeyValueEntry, type?: string): PostmanKeyValue {
  return {
    key: entry.key,
    value: entry.value,
    ...(type ? { type } : {}),
    ...(entry.description ? { description: entry.description } : {}),
    ...(entry.disabled ? { disabled: true } : {}),
  };
}

function postmanBody(body: ResolvedBody): object {
  switch (body.mode) {
    case 'json':
      return { mode: 'raw', raw: JSON.stringify(body.json, null, 2), options: { raw: { language: 'json' } } };
    case 'form':
      return { mode: 'formdata', formdata: body.entries.map((e) => keyValue(e, 'text')) };
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: body.entries.map((e) => keyValue(e)) };
    case 'raw':
      return { mode: 'raw', raw: body.raw, options: { raw: { language: rawLanguage(body.contentType) } } };
  }
}

/** The Content-Type header a body implies; formdata and urlencoded get theirs from the runner. */
function impliedContentType(body: ResolvedBody): string | undefined {
  if (body.mode === 'json') return 'application/json';
  if (body.mode === 'raw') return body.contentType;
  return undefined;
}

function rawLanguage(contentType = ''): string {
  const type = contentType.toLowerCase();
  if (/[/+]json\b/.test(type)) return 'json';
  if (/[/+]xml\b/.test(type)) return 'xml';
  if (type.includes('html')) return 'html';
  if (type.includes('javascript')) return 'javascript';
  return 'text';
}
