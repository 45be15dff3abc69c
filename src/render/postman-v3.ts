import type { KeyValueEntry, ResolvedBody } from '../config/resolved.js';
import { stableId } from '../plan/ids.js';
import { joinScript } from '../plan/test-scripts.js';
import { collectionAuth, NO_AUTH, tokenAuth, type PostmanAuth } from '../postman/auth.js';
import type {
  Plan,
  PlanEnvironment,
  PlanFolder,
  PlanItem,
  PlanItemAuth,
  PlanRequest,
  PlanScripts,
} from '../plan/plan.js';
import type { TokenScripts } from '../scripts/token-scripts.js';
import { siblingFileNames } from './file-names.js';
import { planTokenScripts } from './plan-token-scripts.js';
import { isQueryApiKey, queryWithApiKey } from './query-api-key.js';
import { impliedContentType, rawLanguage, requestUrl } from './postman.js';
import type { RenderedFile, Renderer } from './render.js';
import { yamlText } from './yaml-text.js';

/**
 * The `postman-v3` format: the Postman collection v3 YAML folder of Postman v12 / Native Git, with the layout,
 * keys and styles `postman collection migrate` (Postman CLI 1.34.0) writes for gen-collection's v2.1 output:
 * `collections/<slug>/.resources/definition.yaml` (the collection: variables, auth, the token scripts), a
 * directory per folder with its own `.resources/definition.yaml`, one `<name>.request.yaml` per request, and
 * `environments/<slug>.<env>.environment.yaml` per environment (secrets declared `type: secret` and empty).
 * Where migrate makes something up (the random id of an auth), the id is derived like every other id.
 */
export const renderPostmanV3: Renderer = async (plan) => {
  // The v3 runtime lends the auth of the collection and of the folders around a request to every `pm.sendRequest`
  // its scripts make, the token request too (measured: a request's own auth is not lent). With a token flow the
  // collection and the folders carry no auth, and each request sets its effective auth itself.
  const onRequests = plan.token ? (req: PlanRequest) => effectiveAuth(plan, req) : undefined;
  const token = await planTokenScripts(plan, onRequests !== undefined);
  const root = `collections/${plan.slug}`;
  const files: RenderedFile[] = [
    {
      path: `${root}/.resources/definition.yaml`,
      content: yamlText(collectionDefinition(plan, token, !onRequests), 'postman-v3'),
    },
  ];
  addItems(plan, plan.items, root, files, onRequests);
  for (const env of plan.environments) {
    files.push({
      path: `environments/${plan.slug}.${env.name}.environment.yaml`,
      content: yamlText(environment(env), 'postman-v3'),
    });
  }
  return files;
};

/** Where a v3 script runs: collection and folder definitions name the protocol, request files do not (as migrate writes). */
type ScriptLevel = 'definition' | 'request';

interface V3Script {
  type: string;
  code: string;
  language: 'text/javascript';
}

function collectionDefinition(plan: Plan, token: TokenScripts | undefined, withAuth: boolean): Record<string, unknown> {
  // an API key in the query: a parameter of each request instead (query-api-key.ts)
  const auth = withAuth && !isQueryApiKey(plan.auth) ? collectionAuth(plan.auth) : undefined;
  const scripts = v3Scripts(
    {
      prerequest: [...(token ? [token.prerequest] : []), ...plan.scripts.prerequest],
      test: [...(token ? [token.test] : []), ...plan.scripts.test],
    },
    'definition',
  );
  return {
    $kind: 'collection',
    id: stableId(plan.slug, 'collection'),
    name: plan.name,
    ...(plan.description ? { description: plan.description } : {}),
    ...(plan.variables.length ? { variables: Object.fromEntries(plan.variables.map((v) => [v.key, v.value])) } : {}),
    ...(scripts ? { scripts } : {}),
    ...(auth ? { auth: [definitionAuth(auth, [plan.slug, 'collection'])] } : {}),
  };
}

/** How a request's auth is written: as it is set (inherit, none, a profile), or its effective auth on the request. */
type RequestAuth = ((req: PlanRequest) => PostmanAuth) | undefined;

/** Writes the items under `dir`; `onRequests`: each request sets its effective auth, folders none. */
function addItems(plan: Plan, items: PlanItem[], dir: string, files: RenderedFile[], onRequests: RequestAuth): void {
  const names = siblingFileNames(items.map((item) => item.name));
  items.forEach((item, index) => {
    const fileName = names[index]!;
    const order = (index + 1) * 1000;
    if (item.kind === 'folder') {
      const folderDir = `${dir}/${fileName}`;
      files.push({
        path: `${folderDir}/.resources/definition.yaml`,
        content: yamlText(folderDefinition(item, fileName, order, onRequests ? undefined : plan), 'postman-v3'),
      });
      addItems(plan, item.items, folderDir, files, onRequests);
    } else {
      files.push({
        path: `${dir}/${fileName}.request.yaml`,
        content: yamlText(request(plan, item, fileName, order, onRequests), 'postman-v3'),
      });
    }
  });
}

function folderDefinition(
  folder: PlanFolder,
  fileName: string,
  order: number,
  /** The plan, when folders carry their own auth (no token flow); else they carry none. */
  withAuth: Plan | undefined,
): Record<string, unknown> {
  const auth = withAuth ? itemAuth(withAuth, folder.auth) : undefined;
  const scripts = v3Scripts(folder.scripts, 'definition');
  return {
    $kind: 'collection',
    id: folder.id,
    // The directory carries the name; migrate writes `name` only when the two differ.
    ...(fileName !== folder.name ? { name: folder.name } : {}),
    ...(folder.description ? { description: folder.description } : {}),
    ...(scripts ? { scripts } : {}),
    ...(auth ? { auth: [definitionAuth(auth, folder.idPath)] } : {}),
    order,
  };
}

function request(
  plan: Plan,
  req: PlanRequest,
  fileName: string,
  order: number,
  onRequests: RequestAuth,
): Record<string, unknown> {
  const url = requestUrl({ url: req.url, query: queryWithApiKey(plan.auth, req) }, true);
  const headers = [...req.headers];
  const contentType = req.body ? impliedContentType(req.body) : undefined;
  if (contentType && !headers.some((h) => h.key.toLowerCase() === 'content-type')) {
    headers.push({ key: 'Content-Type', value: contentType });
  }
  const auth = onRequests ? onRequests(req) : itemAuth(plan, req.auth);
  const scripts = v3Scripts(req.scripts, 'request');
  return {
    $kind: 'http-request',
    id: req.id,
    ...(fileName !== req.name ? { name: req.name } : {}),
    ...(req.description ? { description: req.description } : {}),
    url: url.raw,
    method: req.method,
    ...(headers.length ? { headers: keyValues(headers) } : {}),
    ...(url.query.length ? { queryParams: keyValues(url.query) } : {}),
    ...(req.pathVariables.length ? { pathVariables: keyValues(req.pathVariables) } : {}),
    ...(req.body ? { body: body(req.body) } : {}),
    ...(auth ? { auth: requestAuth(auth) } : {}),
    ...(scripts ? { scripts } : {}),
    order,
  };
}

/**
 * Key/value entries as migrate writes them: a plain map when every entry is just a key and a value and no key
 * repeats; otherwise the list of entries with their descriptions and `disabled` flags.
 */
function keyValues(entries: KeyValueEntry[]): Record<string, string> | KeyValueEntry[] {
  const plain = entries.every((e) => !e.description && !e.disabled);
  const unique = new Set(entries.map((e) => e.key)).size === entries.length;
  if (plain && unique) return Object.fromEntries(entries.map((e) => [e.key, e.value]));
  return entries.map(keyValue);
}

function keyValue(e: KeyValueEntry): KeyValueEntry {
  return {
    key: e.key,
    value: e.value,
    ...(e.description ? { description: e.description } : {}),
    ...(e.disabled ? { disabled: true } : {}),
  };
}

function body(b: ResolvedBody): Record<string, unknown> {
  switch (b.mode) {
    case 'json':
      return { type: 'json', content: JSON.stringify(b.json, null, 2) };
    case 'form':
      return { type: 'formdata', content: b.entries.map((e) => ({ type: 'text', ...keyValue(e) })) };
    case 'urlencoded':
      return { type: 'urlencoded', content: keyValues(b.entries) };
    case 'raw':
      return { type: rawLanguage(b.contentType), content: b.raw };
  }
}

function v3Scripts(scripts: PlanScripts, level: ScriptLevel): V3Script[] | undefined {
  const prefix = level === 'definition' ? 'http:' : '';
  const list: V3Script[] = [];
  const before = joinScript(scripts.prerequest);
  const after = joinScript(scripts.test);
  if (before !== undefined) list.push({ type: `${prefix}beforeRequest`, code: before, language: 'text/javascript' });
  if (after !== undefined) list.push({ type: `${prefix}afterResponse`, code: after, language: 'text/javascript' });
  return list.length ? list : undefined;
}

/** What a request sends: the collection's auth, none, or its profile's Bearer. */
function effectiveAuth(plan: Plan, req: PlanRequest): PostmanAuth {
  const effective = req.effectiveAuth;
  if (effective.kind === 'none') return NO_AUTH;
  if (effective.kind === 'profile') return profileAuth(plan, effective.profile);
  return collectionAuth(plan.auth) ?? NO_AUTH;
}

/** A profile's token as its presentation sends it: Bearer, or `Authorization: DPoP …`. */
function profileAuth(plan: Plan, profile: string): PostmanAuth {
  const auth = plan.profiles[profile]!;
  return tokenAuth(auth.variables.accessToken, auth.presentation);
}

/** The auth an item sets itself (none or a profile's token), or undefined when it inherits. */
function itemAuth(plan: Plan, auth: PlanItemAuth): PostmanAuth | undefined {
  if (auth.kind === 'inherit') return undefined;
  return auth.kind === 'none' ? NO_AUTH : profileAuth(plan, auth.profile);
}

/** A v2.1 auth's parameters as v3 `credentials` (a map), the way migrate converts them. */
function credentials(auth: PostmanAuth): Record<string, string> | undefined {
  const params = auth[auth.type];
  if (!Array.isArray(params) || params.length === 0) return undefined;
  return Object.fromEntries(params.map((p) => [p.key, p.value]));
}

/** Auth in a collection or folder definition: a list of one named entry with an id. */
function definitionAuth(auth: PostmanAuth, idPath: string[]): Record<string, unknown> {
  const creds = credentials(auth);
  return {
    id: stableId(...idPath, 'auth'),
    type: auth.type,
    name: auth.type === 'noauth' ? 'No Auth' : `${auth.type} auth`,
    ...(creds ? { credentials: creds } : {}),
  };
}

/** Auth in a request file: the type and its credentials. */
function requestAuth(auth: PostmanAuth): Record<string, unknown> {
  const creds = credentials(auth);
  return { type: auth.type, ...(creds ? { credentials: creds } : {}) };
}

/**
 * An environment as the Postman CLI reads a `.environment.yaml` (`collection run -e`): the v2.1 environment's
 * id, name and values; secrets `type: secret` with an empty value, passed at run time with `--env-var`.
 */
function environment(env: PlanEnvironment): Record<string, unknown> {
  return {
    id: env.id,
    name: env.title,
    values: env.values.map((v) => ({
      key: v.key,
      value: v.secret ? '' : v.value,
      type: v.secret ? 'secret' : 'default',
      enabled: true,
    })),
  };
}
