import type { ApiKeyResolved, KeyValueEntry, ResolvedAuth } from '../config/resolved.js';
import type { PlanRequest } from '../plan/plan.js';
import { splitUrl } from '../postman/url.js';

/** True for a collection auth that sends an API key in the query: the formats below write it into each request. */
export function isQueryApiKey(auth: ResolvedAuth): auth is ApiKeyResolved & { in: 'query' } {
  return auth.type === 'apikey' && auth.in === 'query';
}

/**
 * The query entries a request sends: its own, then the collection's API key as a query parameter when the key goes
 * in the query and the request uses the collection's auth (not for other auths, other requests, or a request that
 * sets that parameter itself). The postman-v3 and Bruno formats write it so, not as an apikey auth with its query
 * placement, which neither runner sends as such (measured against a loopback server): the v3 runtime of the Postman CLI 1.34.0 sends such a key as
 * a header, and the Bruno CLI 4.1.0 adds it to the URL before resolving variables (a `{{base_url}}` URL went
 * without the key, an absolute one with the literal text `{{api_key}}`). The v2.1 format keeps Postman's apikey
 * auth, which Newman and the Postman CLI send in the query.
 */
export function queryWithApiKey(auth: ResolvedAuth, request: PlanRequest): KeyValueEntry[] {
  if (!isQueryApiKey(auth) || request.effectiveAuth.kind !== 'collection') return request.query;
  const own = [...request.query, ...(splitUrl(request.url).query ?? [])];
  return own.some((q) => q.key === auth.name)
    ? request.query
    : [...request.query, { key: auth.name, value: `{{${auth.variable}}}` }];
}
