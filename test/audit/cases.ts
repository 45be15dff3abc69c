/** Builders for the audit case tables: minimal collections, environments and v1 collections around one value. */
type Json = Record<string, unknown>;

const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export function collection(parts: Json = {}): Json {
  return { info: { name: 'Audit case', schema: V21 }, item: [], ...parts };
}

/** A collection with one request; `request` members override the defaults, `extra` goes on the item. */
export function withRequest(request: Json, extra: Json = {}): Json {
  return collection({
    item: [
      {
        name: 'Case',
        ...extra,
        request: {
          method: 'GET',
          header: [],
          url: { raw: '{{base_url}}/x', host: ['{{base_url}}'], path: ['x'] },
          ...request,
        },
      },
    ],
  });
}

export function withRequestAuth(auth: Json): Json {
  return withRequest({ auth });
}

export function withHeader(key: string, value: string): Json {
  return withRequest({ header: [{ key, value, type: 'text' }] });
}

export function withSavedResponse(response: Json): Json {
  return withRequest(
    {},
    { response: [{ name: 'Example', status: 'OK', code: 200, header: [], cookie: [], body: '', ...response }] },
  );
}

export function environment(values: Json[], scope: 'environment' | 'globals' = 'environment'): Json {
  return {
    id: '5d1c4b1e-0000-4000-8000-000000000001',
    name: scope === 'globals' ? 'Globals' : 'dev',
    values,
    _postman_variable_scope: scope,
  };
}

export const kv = (key: string, value: unknown, type = 'string') => ({ key, value, type });
