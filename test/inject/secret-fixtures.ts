/**
 * Collections holding literal secrets (test/fixtures/secrets/ and one small case per kind, in v2.0 object
 * form and v2.1 array form), and a test-side substitution of a private environment's values back into an
 * output, written independently of src/inject so that "lossless" is checked, not assumed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SECRET_FIXTURE_DIR = fileURLToPath(new URL('../fixtures/secrets/', import.meta.url));

/** Fixture file names of collections with literal secrets. */
export const SECRET_FIXTURES: string[] = readdirSync(SECRET_FIXTURE_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

export function secretFixtureText(name: string): string {
  return readFileSync(SECRET_FIXTURE_DIR + name, 'utf8');
}

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const V20 = 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json';
const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
const kv = (key: string, value: unknown) => ({ key, value, type: typeof value === 'boolean' ? 'boolean' : 'string' });

/** One request per kind of literal: [name, request (v2.1 form), the literal values it holds, the saved responses]. */
const KINDS: [string, Json, string[], Json[]?][] = [
  [
    'OAuth 1 header with oauth_token and signature',
    {
      header: [
        kv(
          'Authorization',
          'OAuth oauth_consumer_key="ck-4f2a",oauth_token="tok-8d1e9c7b",oauth_signature_method="HMAC-SHA1",oauth_timestamp="1700000000",oauth_nonce="n0nce",oauth_version="1.0",oauth_signature="sIg%2Bn4tur3%3D"',
        ),
      ],
    },
    [
      'oauth_consumer_key="ck-4f2a",oauth_token="tok-8d1e9c7b",oauth_signature_method="HMAC-SHA1",oauth_timestamp="1700000000",oauth_nonce="n0nce",oauth_version="1.0",oauth_signature="sIg%2Bn4tur3%3D"',
    ],
  ],
  [
    'digest auth',
    {
      auth: {
        type: 'digest',
        digest: [
          kv('username', 'Mufasa'),
          kv('password', 'Circle Of Life'),
          kv('realm', 'r@h'),
          kv('algorithm', 'MD5'),
        ],
      },
    },
    ['Circle Of Life'],
  ],
  [
    'awsv4 auth',
    {
      auth: {
        type: 'awsv4',
        awsv4: [
          kv('accessKey', 'AKIDEXAMPLE'),
          kv('secretKey', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCY'),
          kv('sessionToken', 'FwoGZXIvYXdzE//sess'),
          kv('region', 'eu-west-1'),
          kv('service', 's3'),
        ],
      },
    },
    ['wJalrXUtnFEMI/K7MDENG+bPxRfiCY', 'FwoGZXIvYXdzE//sess'],
  ],
  [
    'ntlm auth',
    { auth: { type: 'ntlm', ntlm: [kv('username', 'svc'), kv('password', 'Ntlm-P4ss!'), kv('domain', 'CORP')] } },
    ['Ntlm-P4ss!'],
  ],
  [
    'oauth1 auth',
    {
      auth: {
        type: 'oauth1',
        oauth1: [
          kv('consumerKey', 'ck'),
          kv('consumerSecret', 'cs-9a8b7c'),
          kv('token', 'at-6d5e4f'),
          kv('tokenSecret', 'ts-3a2b1c'),
          kv('signatureMethod', 'HMAC-SHA1'),
          kv('addParamsToHeader', true),
        ],
      },
    },
    ['cs-9a8b7c', 'at-6d5e4f', 'ts-3a2b1c'],
  ],
  [
    'hawk auth',
    { auth: { type: 'hawk', hawk: [kv('authId', 'id-1'), kv('authKey', 'hawk-key-77aa'), kv('algorithm', 'sha256')] } },
    ['hawk-key-77aa'],
  ],
  [
    'form-body client_secret',
    {
      method: 'POST',
      body: {
        mode: 'urlencoded',
        urlencoded: [
          kv('grant_type', 'client_credentials'),
          kv('client_id', 'app'),
          kv('client_secret', 'form-cs-5566'),
        ],
      },
    },
    ['form-cs-5566'],
  ],
  [
    'api key in a query',
    {
      url: {
        raw: '{{base_url}}/items?api_key=qk-1a2b3c4d&page=2',
        host: ['{{base_url}}'],
        path: ['items'],
        query: [kv('api_key', 'qk-1a2b3c4d'), kv('page', '2')],
      },
    },
    ['qk-1a2b3c4d'],
  ],
  [
    'cookie and token in saved responses',
    {},
    ['sid-9f8e7d6c', 'resp-tok-2468ace0'],
    [
      {
        name: 'OK',
        status: 'OK',
        code: 200,
        originalRequest: {
          method: 'GET',
          header: [
            kv('Cookie', 'sid=sid-9f8e7d6c; theme=dark'),
            kv('Postman-Token', 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b'),
          ],
          url: '{{base_url}}/me',
        },
        header: [
          kv('Set-Cookie', 'sid=sid-9f8e7d6c; Path=/; HttpOnly'),
          kv('X-Request-Id', '7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09'),
        ],
        cookie: [{ domain: 'api.example.com', path: '/', httpOnly: true, name: 'sid', value: 'sid-9f8e7d6c' }],
        body: '{"token": "resp-tok-2468ace0", "headers": {"postman-token": "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b"}}',
      },
    ],
  ],
];

/** The "dark" cookie value is a literal cookie value too (audit flags every literal cookie). */
const ALSO_FLAGGED: Record<string, string[]> = { 'cookie and token in saved responses': ['dark'] };

/** [case, collection text, the literal values it holds] for each kind, in v2.1 and in v2.0 form. */
export function kindCases(): [string, string, string[]][] {
  return KINDS.flatMap(([name, request, values, response]) => {
    const v21 = {
      info: { _postman_id: '00000000-0000-4000-8000-0000000000aa', name: `Kind: ${name}`, schema: V21 },
      item: [
        {
          name,
          request: {
            method: 'GET',
            header: [],
            url: { raw: '{{base_url}}/x', host: ['{{base_url}}'], path: ['x'] },
            ...request,
          },
          response: response ?? [],
        },
      ],
    };
    const v20: Json = structuredClone(v21);
    v20.info.schema = V20;
    const auth = v20.item[0].request.auth;
    if (auth) auth[auth.type] = Object.fromEntries(auth[auth.type].map((p: Json) => [p.key, p.value]));
    if (!v20.item[0].request.url.query) v20.item[0].request.url = v20.item[0].request.url.raw;
    const all = [...values, ...(ALSO_FLAGGED[name] ?? [])];
    return [
      [`${name} (v2.1)`, JSON.stringify(v21, null, '\t'), all],
      [`${name} (v2.0)`, JSON.stringify(v20, null, 2), all],
    ] as [string, string, string[]][];
  });
}

/** The output with every `{{name}}` of `values` replaced by its value, in every string (keys untouched). */
export function substitute(output: Json, values: { key: string; value: string }[]): Json {
  const map = new Map(values.map((v) => [v.key, v.value]));
  const walk = (node: Json): Json => {
    if (typeof node === 'string')
      return node.replace(/\{\{([^{}]+)\}\}/g, (m, name: string) => (map.has(name) ? map.get(name)! : m));
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return walk(output);
}

/** Every string of a JSON value (to check that no literal value is left). */
export function allStrings(node: Json): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(allStrings);
  if (node && typeof node === 'object') return Object.values(node).flatMap(allStrings);
  return [];
}
