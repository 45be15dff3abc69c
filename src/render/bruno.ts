import type { OAuth2Resolved, ResolvedAuth, ResolvedBody } from '../config/resolved.js';
import { authVariables } from '../plan/auth-variables.js';
import { planRequests } from '../plan/items.js';
import type { Plan, PlanItem, PlanRequest, PlanScripts } from '../plan/plan.js';
import { SCRIPT_HEADER } from '../plan/test-scripts.js';
import { BRUNO_LIB_DIR, BRUNO_RUNTIME_FILE, brunoRuntimeModule, brunoScript } from '../scripts/bruno-runtime.js';
import { tokenScripts } from '../scripts/token-scripts.js';
import { brunoRequestNames } from './bruno-names.js';
import { siblingFileNames } from './file-names.js';
import { queryWithApiKey } from './query-api-key.js';
import type { RenderedFile, Renderer } from './render.js';
import { queryEntryText } from './url-query.js';
import { yamlText } from './yaml-text.js';

/**
 * The `bruno` format: an OpenCollection YAML collection (Bruno 3+) under `bruno/<slug>/`: `opencollection.yml`,
 * a directory per folder (`folder.yml`), a `.yml` per request, `environments/<env>.yml` (secrets declared, no
 * value) and `lib/` (the runtime adapter, the JWT signer). The token flow runs as collection-level scripts in
 * Bruno's sequential script flow, so the collection's scripts run before a folder's and a request's, as in Postman.
 */
export const renderBruno: Renderer = async (plan) => {
  const root = `bruno/${plan.slug}`;
  const names = brunoRequestNames(plan.items);
  const token = plan.token ? await brunoTokenScripts(plan, names) : undefined;
  const state = tokenState(plan);
  return [
    { path: `${root}/opencollection.yml`, content: yaml(collectionFile(plan, token)) },
    { path: `${root}/${BRUNO_LIB_DIR}/${BRUNO_RUNTIME_FILE}`, content: await brunoRuntimeModule() },
    ...Object.entries(token?.lib ?? {}).map(([file, content]) => ({
      path: `${root}/${BRUNO_LIB_DIR}/${file}`,
      content,
    })),
    ...itemFiles(plan, plan.items, root, names),
    ...plan.environments.map((env) => ({
      path: `${root}/environments/${siblingFileNames([env.name])[0]}.yml`,
      content: yaml({
        name: env.name,
        variables: env.values
          .filter((v) => !state.has(v.key))
          .map((v) => (v.secret ? { name: v.key, secret: true } : { name: v.key, value: v.value })),
      }),
    })),
  ];
};

/** The token scripts for Bruno: requests are known by their (unique) names there, which is what `req.getName()` says. */
async function brunoTokenScripts(plan: Plan, names: Map<string, string>) {
  const requests = planRequests(plan.items);
  const namesOf = (keep: (r: PlanRequest) => boolean) => requests.filter(keep).map((r) => names.get(r.id)!);
  const profiles = Object.entries(plan.profiles);
  return tokenScripts(
    plan.token!.auth,
    {
      // Bruno shows the scripts no request auth: every request that sends no token is named.
      skipRequestIds: namesOf((r) => r.effectiveAuth.kind === 'none'),
      ...(profiles.length
        ? {
            profiles: Object.fromEntries(
              profiles.map(([name, auth]) => [
                name,
                {
                  auth,
                  requestIds: namesOf((r) => r.effectiveAuth.kind === 'profile' && r.effectiveAuth.profile === name),
                },
              ]),
            ),
          }
        : {}),
    },
    'bruno',
  );
}

function collectionFile(plan: Plan, token: { prerequest: string; test: string } | undefined): object {
  const state = tokenState(plan);
  const variables = plan.variables.filter((v) => !state.has(v.key)).map((v) => ({ name: v.key, value: v.value }));
  const scripts = brunoScripts({
    prerequest: [...(token ? [token.prerequest] : []), ...plan.scripts.prerequest],
    test: plan.scripts.test,
    afterResponse: token ? [token.test] : [],
  });
  const auth = collectionAuth(plan.auth);
  const request = {
    ...(auth ? { auth } : {}),
    ...(variables.length ? { variables } : {}),
    ...(scripts.length ? { scripts } : {}),
  };
  return {
    opencollection: '1.0.0',
    info: { name: plan.name },
    ...(Object.keys(request).length ? { request } : {}),
    ...(plan.description ? { docs: { content: plan.description, type: 'text/markdown' } } : {}),
    bundled: false,
    // Sequential: collection, folder, request, for responses too (Bruno's default runs responses inside out).
    extensions: { bruno: { scripts: { flow: 'sequential' } } },
  };
}

/** Bruno scripts: pre-request code before the request, the token's 401 replay after the response, tests last. */
function brunoScripts(scripts: PlanScripts & { afterResponse?: string[] }): { type: string; code: string }[] {
  const entries: [string, string[]][] = [
    ['before-request', scripts.prerequest],
    ['after-response', scripts.afterResponse ?? []],
    ['tests', scripts.test],
  ];
  return entries
    .map(([type, pieces]) => ({ type, code: brunoScript(pieces, SCRIPT_HEADER) }))
    .filter((script) => script.code !== '');
}

function itemFiles(plan: Plan, items: PlanItem[], dir: string, names: Map<string, string>): RenderedFile[] {
  const files = siblingFileNames(
    items.map((item) => item.name),
    dir.split('/').length === 2 ? ['environments', BRUNO_LIB_DIR, 'opencollection', 'folder'] : ['folder'],
  );
  return items.flatMap((item, index) => {
    const seq = index + 1;
    const scripts = brunoScripts(item.scripts);
    if (item.kind === 'folder') {
      const path = `${dir}/${files[index]}`;
      const folder = {
        info: { name: item.name, type: 'folder', seq },
        ...(scripts.length ? { request: { scripts } } : {}),
        ...(item.description ? { docs: { content: item.description, type: 'text/markdown' } } : {}),
      };
      return [{ path: `${path}/folder.yml`, content: yaml(folder) }, ...itemFiles(plan, item.items, path, names)];
    }
    return [{ path: `${dir}/${files[index]}.yml`, content: yaml(requestFile(plan, item, seq, names, scripts)) }];
  });
}

/** `disabled: true` for a disabled entry, nothing for an enabled one (the schema's default). */
function enabled(entry: { disabled?: boolean }): { disabled?: true } {
  return entry.disabled ? { disabled: true } : {};
}

function requestFile(
  plan: Plan,
  request: PlanRequest,
  seq: number,
  names: Map<string, string>,
  scripts: object[],
): object {
  const entries = queryWithApiKey(plan.auth, request);
  // Bruno sends the URL as written and `params` only label it: a disabled parameter stays out of the URL.
  const query = entries
    .filter((q) => !q.disabled)
    .map((q) => queryEntryText(q.key, q.value))
    .join('&');
  const url = query ? `${request.url}${request.url.includes('?') ? '&' : '?'}${query}` : request.url;
  const headers = request.headers.map((h) => ({ name: h.key, value: h.value, ...enabled(h) }));
  const body = request.body && brunoBody(request.body);
  if (body?.contentType && !headers.some((h) => h.name.toLowerCase() === 'content-type'))
    headers.push({ name: 'Content-Type', value: body.contentType });
  const params = [
    ...entries.map((q) => ({ name: q.key, value: q.value, type: 'query', ...enabled(q) })),
    ...request.pathVariables.map((p) => ({ name: p.key, value: p.value, type: 'path' })),
  ];
  const { effectiveAuth } = request;
  // Set on each request, not on folders: Bruno's folders cannot turn an inherited auth off.
  const auth =
    effectiveAuth.kind === 'collection'
      ? 'inherit'
      : effectiveAuth.kind === 'profile'
        ? bearer(plan.profiles[effectiveAuth.profile]!)
        : undefined;
  return {
    info: { name: names.get(request.id)!, type: 'http', seq },
    http: {
      method: request.method,
      url,
      ...(headers.length ? { headers } : {}),
      ...(params.length ? { params } : {}),
      ...(body ? { body: body.body } : {}),
      ...(auth ? { auth } : {}),
    },
    ...(scripts.length ? { runtime: { scripts } } : {}),
    ...(request.description ? { docs: request.description } : {}),
  };
}

function brunoBody(body: ResolvedBody): { body: object; contentType?: string } {
  switch (body.mode) {
    case 'json':
      return { body: { type: 'json', data: JSON.stringify(body.json, null, 2) } };
    case 'urlencoded':
      return {
        body: {
          type: 'form-urlencoded',
          data: body.entries.map((e) => ({ name: e.key, value: e.value, ...enabled(e) })),
        },
      };
    case 'form':
      return {
        body: {
          type: 'multipart-form',
          data: body.entries.map((e) => ({ name: e.key, type: 'text', value: e.value, ...enabled(e) })),
        },
      };
    case 'raw': {
      const type = /json/i.test(body.contentType ?? '') ? 'json' : /xml/i.test(body.contentType ?? '') ? 'xml' : 'text';
      return { body: { type, data: body.raw }, ...(body.contentType ? { contentType: body.contentType } : {}) };
    }
  }
}

/** The collection's auth as Bruno's: the token flow's Bearer, or a static auth reading its variables; none: absent. */
function collectionAuth(auth: ResolvedAuth): object | undefined {
  switch (auth.type) {
    case 'none':
      return undefined;
    case 'oauth2':
      return bearer(auth);
    case 'bearer':
      return { type: 'bearer', token: `{{${auth.tokenVariable}}}` };
    case 'basic':
      return { type: 'basic', username: `{{${auth.usernameVariable}}}`, password: `{{${auth.passwordVariable}}}` };
    case 'apikey':
      // in the query: a parameter of each request instead (query-api-key.ts)
      return auth.in === 'header'
        ? { type: 'apikey', key: auth.name, value: `{{${auth.variable}}}`, placement: 'header' }
        : undefined;
  }
}

function bearer(auth: OAuth2Resolved): object {
  const token = `{{${auth.variables.accessToken}}}`;
  // DPoP: `Authorization: DPoP <token>` (Bruno's bearer mode always says Bearer); the scripts add the proof.
  if (auth.presentation === 'dpop')
    return { type: 'apikey', key: 'Authorization', value: `DPoP ${token}`, placement: 'header' };
  return { type: 'bearer', token };
}

/** Variables the token scripts write: runtime variables on Bruno, so neither collection nor environment declares them. */
function tokenState(plan: Plan): Set<string> {
  return new Set([plan.auth, ...Object.values(plan.profiles)].flatMap((a) => authVariables(a).tokenState));
}

/** YAML as Bruno writes it: no line folding, two-space indent, block scalars for scripts. */
function yaml(value: object): string {
  return yamlText(value, 'bruno');
}
