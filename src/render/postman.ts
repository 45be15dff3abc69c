import type { KeyValueEntry, ResolvedBody } from '../config/resolved.js';
import type { Plan, PlanItem, PlanItemAuth, PlanRequest } from '../plan/plan.js';
import { stableId } from '../plan/ids.js';
import { collectionAuth, NO_AUTH, tokenAuth, type PostmanAuth } from '../postman/auth.js';
import { COLLECTION_SCHEMA_V21, type PostmanCollection } from '../postman/collection.js';
import { postmanEnvironment } from '../postman/environment.js';
import { events } from '../postman/events.js';
import { splitUrl, type PostmanUrlParts } from '../postman/url.js';
import { jsonText } from '../write-files.js';
import { planTokenScripts } from './plan-token-scripts.js';
import type { RenderedFile } from './render.js';
import { queryEntryText } from './url-query.js';

/** The `postman` format: `<slug>.postman_collection.json` (v2.1) and `<slug>.<env>.postman_environment.json`. */
export async function renderPostman(plan: Plan): Promise<RenderedFile[]> {
  return [
    { path: postmanCollectionFile(plan), content: jsonText(await postmanCollection(plan)) },
    ...plan.environments.map((env) => ({
      path: postmanEnvironmentFile(plan, env.name),
      content: jsonText(postmanEnvironment(env)),
    })),
  ];
}

/** The collection file's name. */
export function postmanCollectionFile(plan: Plan): string {
  return `${plan.slug}.postman_collection.json`;
}

/** An environment file's name. */
export function postmanEnvironmentFile(plan: Plan, env: string): string {
  return `${plan.slug}.${env}.postman_environment.json`;
}

/** The plan as a Postman v2.1 collection, the token scripts first in the collection-level events. */
export async function postmanCollection(plan: Plan): Promise<PostmanCollection> {
  const token = await planTokenScripts(plan);
  const collectionEvents = events([plan.slug, 'collection'], {
    prerequest: [...(token ? [token.prerequest] : []), ...plan.scripts.prerequest],
    test: [...(token ? [token.test] : []), ...plan.scripts.test],
  });
  const auth = collectionAuth(plan.auth);
  return {
    info: {
      _postman_id: stableId(plan.slug, 'collection'),
      name: plan.name,
      ...(plan.description ? { description: plan.description } : {}),
      schema: COLLECTION_SCHEMA_V21,
    },
    item: plan.items.map((item) => postmanItem(item, plan.profiles)),
    ...(auth ? { auth } : {}),
    ...(collectionEvents.length ? { event: collectionEvents } : {}),
    ...(plan.variables.length ? { variable: plan.variables } : {}),
  };
}

/** A v2.1 key/value entry (header, query parameter, path variable, form field). */
export interface PostmanKeyValue {
  key: string;
  value: string;
  description?: string;
  disabled?: boolean;
  type?: string;
}

function postmanItem(item: PlanItem, profiles: Plan['profiles']): object {
  const ownAuth = itemAuth(item.auth, profiles);
  const itemEvents = events(item.idPath, item.scripts);
  if (item.kind === 'folder') {
    return {
      id: item.id,
      name: item.name,
      ...(item.description ? { description: item.description } : {}),
      item: item.items.map((child) => postmanItem(child, profiles)),
      ...(ownAuth ? { auth: ownAuth } : {}),
      ...(itemEvents.length ? { event: itemEvents } : {}),
    };
  }
  return {
    id: item.id,
    name: item.name,
    request: postmanRequest(item, ownAuth),
    response: [],
    ...(itemEvents.length ? { event: itemEvents } : {}),
    ...(item.body && PRUNED_BODY.test(item.method) ? { protocolProfileBehavior: { disableBodyPruning: true } } : {}),
  };
}

/**
 * Methods whose body Newman drops unless the item says `disableBodyPruning` (the Postman app sets it when a GET gets
 * a body): a body the config gives such a request is sent, as the Postman CLI's v3 runtime and Bruno send it.
 */
const PRUNED_BODY = /^(?:GET|HEAD|COPY|PURGE|UNLOCK)$/i;

/** The Postman auth an item sets itself: none, a profile's token auth, or nothing (it inherits). */
function itemAuth(auth: PlanItemAuth, profiles: Plan['profiles']): PostmanAuth | undefined {
  if (auth.kind === 'inherit') return undefined;
  if (auth.kind === 'none') return NO_AUTH;
  return tokenAuth(auth.tokenVariable, profiles[auth.profile]?.presentation ?? 'bearer');
}

function postmanRequest(req: PlanRequest, auth: PostmanAuth | undefined): object {
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

/**
 * A request's URL as the runner sends it (`raw`: the enabled query entries appended, the fragment kept), its
 * query entries (the URL's own, then the config's) and the URL's parts. `encoded`: the entries in `raw` as
 * `queryEntryText` writes them, for a runner that sends `raw` itself (postman-v3); v2.1's `raw` keeps them as
 * written, as Postman writes it (Newman sends the query list).
 */
export function requestUrl(
  req: Pick<PlanRequest, 'url' | 'query'>,
  encoded = false,
): {
  raw: string;
  query: PostmanKeyValue[];
  parsed: PostmanUrlParts;
} {
  const parsed = splitUrl(req.url);
  const query: PostmanKeyValue[] = [
    ...(parsed.query ?? []).map((q) => ({ key: q.key, value: q.value ?? '' })),
    ...req.query.map((q) => keyValue(q)),
  ];
  const enabled = query
    .filter((q) => !q.disabled)
    .map((q) => (encoded ? queryEntryText(q.key, q.value) : `${q.key}=${q.value}`));
  const base = req.url.replace(/[?#].*$/, '');
  const hash = parsed.hash ? `#${parsed.hash}` : '';
  return { raw: base + (enabled.length ? `?${enabled.join('&')}` : '') + hash, query, parsed };
}

function postmanUrl(req: PlanRequest): object {
  const { raw, query, parsed } = requestUrl(req);
  return {
    raw,
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
export function impliedContentType(body: ResolvedBody): string | undefined {
  if (body.mode === 'json') return 'application/json';
  if (body.mode === 'raw') return body.contentType;
  return undefined;
}

/** Postman's name for a raw body's language (`json`, `xml`, `html`, `javascript`, `text`) from its content type. */
export function rawLanguage(contentType = ''): string {
  const type = contentType.toLowerCase();
  if (/[/+]json\b/.test(type)) return 'json';
  if (/[/+]xml\b/.test(type)) return 'xml';
  if (type.includes('html')) return 'html';
  if (type.includes('javascript')) return 'javascript';
  return 'text';
}
