import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../src/audit/audit-files.js';
import { formatFinding, type Finding } from '../../src/audit/finding.js';
import { auditJson } from '../../src/audit/scan-json.js';
import { FIXTURES, fixtureText } from '../inject/fixtures.js';
import { thrownErrorSync } from '../helpers/gen-collection-error.js';
import { folderColumn, folderPointer, nestedFolders, nestedObjects } from '../helpers/nested.js';
import { collection, environment, kv, withHeader, withRequest, withRequestAuth, withSavedResponse } from './cases.js';

const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJvcmRlcnMtY2kiLCJleHAiOjE3MTcxNzE3MTd9.Zm9vYmFyYmF6cXV4LXNpZ25hdHVyZQ';
const PEM =
  '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----';
const RSA_PEM =
  '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END RSA PRIVATE KEY-----';
const GITHUB = 'ghp_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7c';

/** [case, file JSON, pointer, what, the planted secret (as masked: the credential without its scheme word)] */
type Case = [string, object, string, string, string];

const PLANTED: Case[] = [
  // auth blocks, v2.1 arrays and v2.0 objects, every type
  [
    'bearer token, collection auth (v2.1)',
    collection({ auth: { type: 'bearer', bearer: [kv('token', 'tok-4c1d2e3f4a5b')] } }),
    '/auth/bearer/0/value',
    'bearer token in collection auth',
    'tok-4c1d2e3f4a5b',
  ],
  [
    'a literal token after DPoP in an apikey auth sending Authorization',
    collection({
      auth: {
        type: 'apikey',
        apikey: [kv('key', 'Authorization'), kv('value', 'DPoP tok-5d4c3b2a1f0e'), kv('in', 'header')],
      },
    }),
    '/auth/apikey/1/value',
    'apikey value in collection auth',
    'tok-5d4c3b2a1f0e',
  ],
  [
    'bearer token, request auth (v2.0)',
    withRequestAuth({ type: 'bearer', bearer: { token: 'tok-v20-9a8b7c6d' } }),
    '/item/0/request/auth/bearer/token',
    'bearer token in request auth',
    'tok-v20-9a8b7c6d',
  ],
  [
    'basic password (v2.1)',
    withRequestAuth({ type: 'basic', basic: [kv('username', 'alice'), kv('password', 'Correct-Horse-9')] }),
    '/item/0/request/auth/basic/1/value',
    'basic password in request auth',
    'Correct-Horse-9',
  ],
  [
    'basic password, folder auth (v2.0)',
    collection({
      item: [
        { name: 'F', item: [], auth: { type: 'basic', basic: { username: 'bob', password: 'Battery-Staple-7' } } },
      ],
    }),
    '/item/0/auth/basic/password',
    'basic password in folder auth',
    'Battery-Staple-7',
  ],
  [
    'short basic password (shows nothing)',
    withRequestAuth({ type: 'basic', basic: [kv('password', 'abc123')] }),
    '/item/0/request/auth/basic/0/value',
    'basic password in request auth',
    'abc123',
  ],
  [
    'numeric basic password',
    withRequestAuth({ type: 'basic', basic: { username: 'u', password: 12345678 } }),
    '/item/0/request/auth/basic/password',
    'basic password in request auth',
    '12345678',
  ],
  [
    'apikey value',
    withRequestAuth({
      type: 'apikey',
      apikey: [kv('key', 'X-API-Key'), kv('value', 'ak_live_0b1c2d3e'), kv('in', 'header')],
    }),
    '/item/0/request/auth/apikey/1/value',
    'apikey value in request auth',
    'ak_live_0b1c2d3e',
  ],
  [
    'oauth2 accessToken',
    withRequestAuth({ type: 'oauth2', oauth2: [kv('tokenName', 'T'), kv('accessToken', 'at-7e6d5c4b3a29')] }),
    '/item/0/request/auth/oauth2/1/value',
    'oauth2 accessToken in request auth',
    'at-7e6d5c4b3a29',
  ],
  [
    'oauth2 clientSecret',
    withRequestAuth({ type: 'oauth2', oauth2: [kv('clientSecret', 'cs-1f2e3d4c5b6a')] }),
    '/item/0/request/auth/oauth2/0/value',
    'oauth2 clientSecret in request auth',
    'cs-1f2e3d4c5b6a',
  ],
  [
    'oauth2 refreshToken (v2.0)',
    withRequestAuth({ type: 'oauth2', oauth2: { accessToken: '', refreshToken: 'rt-0a9b8c7d6e5f' } }),
    '/item/0/request/auth/oauth2/refreshToken',
    'oauth2 refreshToken in request auth',
    'rt-0a9b8c7d6e5f',
  ],
  [
    'oauth2 password',
    withRequestAuth({
      type: 'oauth2',
      oauth2: [kv('grant_type', 'password_credentials'), kv('password', 'pw-3c4d5e6f7a8b')],
    }),
    '/item/0/request/auth/oauth2/1/value',
    'oauth2 password in request auth',
    'pw-3c4d5e6f7a8b',
  ],
  [
    'oauth2 tokenRequestParams client_secret',
    withRequestAuth({
      type: 'oauth2',
      oauth2: [
        kv(
          'tokenRequestParams',
          [{ key: 'client_secret', value: 'nested-5e4d3c2b1a', enabled: true, send_as: 'request_body' }],
          'any',
        ),
      ],
    }),
    '/item/0/request/auth/oauth2/0/value/0/value',
    'oauth2 tokenRequestParams "client_secret" in request auth',
    'nested-5e4d3c2b1a',
  ],
  [
    'digest password',
    withRequestAuth({ type: 'digest', digest: [kv('algorithm', 'MD5'), kv('password', 'dg-8f7e6d5c4b3a')] }),
    '/item/0/request/auth/digest/1/value',
    'digest password in request auth',
    'dg-8f7e6d5c4b3a',
  ],
  [
    'awsv4 secretKey',
    withRequestAuth({
      type: 'awsv4',
      awsv4: [kv('accessKey', '{{aws_key}}'), kv('secretKey', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY')],
    }),
    '/item/0/request/auth/awsv4/1/value',
    'awsv4 secretKey in request auth',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCY',
  ],
  [
    'awsv4 sessionToken',
    withRequestAuth({ type: 'awsv4', awsv4: [kv('sessionToken', 'FwoGZXIvYXdzEJr//////////wEaDH')] }),
    '/item/0/request/auth/awsv4/0/value',
    'awsv4 sessionToken in request auth',
    'FwoGZXIvYXdzEJr//////////wEaDH',
  ],
  [
    'ntlm password',
    withRequestAuth({ type: 'ntlm', ntlm: [kv('username', 'svc'), kv('password', 'ntlm-Pass-2024')] }),
    '/item/0/request/auth/ntlm/1/value',
    'ntlm password in request auth',
    'ntlm-Pass-2024',
  ],
  [
    'hawk authKey',
    withRequestAuth({
      type: 'hawk',
      hawk: [kv('authId', 'id-1'), kv('authKey', 'hawk-werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn')],
    }),
    '/item/0/request/auth/hawk/1/value',
    'hawk authKey in request auth',
    'hawk-werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn',
  ],
  [
    'edgegrid clientSecret',
    withRequestAuth({
      type: 'edgegrid',
      edgegrid: [kv('clientSecret', 'C113nt53KR3TN6N90yVuAgICxIRwsObLi0E67/N8eRN=')],
    }),
    '/item/0/request/auth/edgegrid/0/value',
    'edgegrid clientSecret in request auth',
    'C113nt53KR3TN6N90yVuAgICxIRwsObLi0E67/N8eRN=',
  ],
  [
    'akamai clientToken (v2.0)',
    withRequestAuth({ type: 'akamai', akamai: { clientToken: 'akab-c113ntt0k3n4qtari252bfxxbsl-yvsdj4dnbgsh' } }),
    '/item/0/request/auth/akamai/clientToken',
    'akamai clientToken in request auth',
    'akab-c113ntt0k3n4qtari252bfxxbsl-yvsdj4dnbgsh',
  ],
  [
    'oauth1 consumerSecret',
    withRequestAuth({ type: 'oauth1', oauth1: [kv('consumerKey', 'ck'), kv('consumerSecret', 'o1-secret-5a6b7c')] }),
    '/item/0/request/auth/oauth1/1/value',
    'oauth1 consumerSecret in request auth',
    'o1-secret-5a6b7c',
  ],
  [
    'oauth1 tokenSecret',
    withRequestAuth({ type: 'oauth1', oauth1: [kv('tokenSecret', 'o1-token-secret-9z')] }),
    '/item/0/request/auth/oauth1/0/value',
    'oauth1 tokenSecret in request auth',
    'o1-token-secret-9z',
  ],
  [
    'jwt secret',
    withRequestAuth({
      type: 'jwt',
      jwt: [kv('algorithm', 'HS256'), kv('secret', 'jwt-hmac-secret-77'), kv('queryParamKey', 'token')],
    }),
    '/item/0/request/auth/jwt/1/value',
    'jwt secret in request auth',
    'jwt-hmac-secret-77',
  ],
  [
    'asap privateKey',
    withRequestAuth({ type: 'asap', asap: [kv('kid', 'k1'), kv('privateKey', RSA_PEM)] }),
    '/item/0/request/auth/asap/1/value',
    'asap privateKey in request auth',
    RSA_PEM,
  ],
  [
    'params of an unselected auth type',
    withRequestAuth({ type: 'noauth', basic: [kv('password', 'left-over-pass-1')] }),
    '/item/0/request/auth/basic/0/value',
    'basic password in request auth',
    'left-over-pass-1',
  ],
  [
    'unknown auth type, judged by param names',
    withRequestAuth({ type: 'vendorx', vendorx: [kv('region', 'eu'), kv('signingSecret', 'vx-sign-8d7c6b5a')] }),
    '/item/0/request/auth/vendorx/1/value',
    'vendorx signingSecret in request auth',
    'vx-sign-8d7c6b5a',
  ],
  [
    'saved example request auth',
    withSavedResponse({
      originalRequest: {
        method: 'GET',
        url: 'x',
        auth: { type: 'bearer', bearer: [kv('token', 'saved-tok-1234abcd')] },
      },
    }),
    '/item/0/response/0/originalRequest/auth/bearer/0/value',
    'bearer token in saved response request auth',
    'saved-tok-1234abcd',
  ],
  // headers
  [
    'Authorization: Basic literal',
    withHeader('Authorization', 'Basic YWxpY2U6d29uZGVybGFuZA=='),
    '/item/0/request/header/0/value',
    'literal Authorization header in request',
    'YWxpY2U6d29uZGVybGFuZA==',
  ],
  [
    'Authorization: Bearer JWT',
    withHeader('authorization', `Bearer ${JWT}`),
    '/item/0/request/header/0/value',
    'literal authorization header in request',
    JWT,
  ],
  [
    'Proxy-Authorization',
    withHeader('Proxy-Authorization', 'Basic cHJveHk6c2VjcmV0cGFzcw=='),
    '/item/0/request/header/0/value',
    'literal Proxy-Authorization header in request',
    'cHJveHk6c2VjcmV0cGFzcw==',
  ],
  [
    'X-API-Key',
    withHeader('X-API-Key', 'xak-1a2b3c4d5e6f'),
    '/item/0/request/header/0/value',
    'literal X-API-Key header in request',
    'xak-1a2b3c4d5e6f',
  ],
  [
    'Api-Key',
    withHeader('Api-Key', 'apk-6f5e4d3c2b1a'),
    '/item/0/request/header/0/value',
    'literal Api-Key header in request',
    'apk-6f5e4d3c2b1a',
  ],
  [
    'X-Auth-Token',
    withHeader('X-Auth-Token', 'xat-0f9e8d7c6b5a'),
    '/item/0/request/header/0/value',
    'literal X-Auth-Token header in request',
    'xat-0f9e8d7c6b5a',
  ],
  [
    'Cookie, one literal value among templated ones',
    withHeader('Cookie', 'theme={{theme}}; session=s%3Aabc123def456'),
    '/item/0/request/header/0/value',
    'literal Cookie header in request',
    's%3Aabc123def456',
  ],
  [
    'Set-Cookie in a saved response',
    withSavedResponse({ header: [{ key: 'Set-Cookie', value: 'sid=9f8e7d6c5b4a; Path=/; HttpOnly' }] }),
    '/item/0/response/0/header/0/value',
    'literal Set-Cookie header in saved response',
    '9f8e7d6c5b4a',
  ],
  [
    'header as one string (v2.0)',
    withRequest({ header: 'Accept: application/json\nAuthorization: Bearer hdr-str-tok-5678\n' }),
    '/item/0/request/header',
    'literal Authorization header in request',
    'hdr-str-tok-5678',
  ],
  // query, body, variables
  [
    'query parameter access_token',
    withRequest({
      url: {
        raw: '{{base_url}}/x?access_token=qat-1234abcd',
        host: ['{{base_url}}'],
        path: ['x'],
        query: [{ key: 'access_token', value: 'qat-1234abcd' }],
      },
    }),
    '/item/0/request/url/query/0/value',
    'literal query parameter "access_token" in request',
    'qat-1234abcd',
  ],
  [
    'api_key in a raw URL without a query list',
    withRequest({ url: { raw: '{{base_url}}/x?page=2&api_key=rawk-9876zyxw' } }),
    '/item/0/request/url/raw',
    'literal query parameter "api_key" in request URL',
    'rawk-9876zyxw',
  ],
  [
    'client_secret in a URL string (v2.0)',
    withRequest({ url: 'https://api.example.com/token?client_id=abc&client_secret=urlsec-4455' }),
    '/item/0/request/url',
    'literal query parameter "client_secret" in request URL',
    'urlsec-4455',
  ],
  [
    'urlencoded client_secret',
    withRequest({
      body: {
        mode: 'urlencoded',
        urlencoded: [kv('grant_type', 'client_credentials', 'text'), kv('client_secret', 'ue-sec-0987', 'text')],
      },
    }),
    '/item/0/request/body/urlencoded/1/value',
    'literal urlencoded body field "client_secret" in request',
    'ue-sec-0987',
  ],
  [
    'formdata password',
    withRequest({ body: { mode: 'formdata', formdata: [kv('password', 'fd-pass-6543', 'text')] } }),
    '/item/0/request/body/formdata/0/value',
    'literal form-data body field "password" in request',
    'fd-pass-6543',
  ],
  [
    'JSON raw body client_secret',
    withRequest({ body: { mode: 'raw', raw: '{\n  "client_id": "orders",\n  "client_secret": "raw-json-sec-1"\n}' } }),
    '/item/0/request/body/raw',
    'literal "client_secret" in request body',
    'raw-json-sec-1',
  ],
  [
    'templated JSON raw body refresh_token',
    withRequest({ body: { mode: 'raw', raw: '{"qty": {{qty}}, "refresh_token": "tmpl-rt-2468"}' } }),
    '/item/0/request/body/raw',
    'literal "refresh_token" in request body',
    'tmpl-rt-2468',
  ],
  [
    'form-encoded raw body password',
    withRequest({ body: { mode: 'raw', raw: 'grant_type=password&username=alice&password=raw-form-pw-1' } }),
    '/item/0/request/body/raw',
    'literal form field "password" in request body',
    'raw-form-pw-1',
  ],
  [
    'GraphQL variables token',
    withRequest({
      body: { mode: 'graphql', graphql: { query: 'query { me { id } }', variables: '{"token": "gql-tok-13579"}' } },
    }),
    '/item/0/request/body/graphql/variables',
    'literal "token" in request GraphQL variables',
    'gql-tok-13579',
  ],
  [
    'environment: secret-named value',
    environment([
      { key: 'base_url', value: 'https://x', type: 'default', enabled: true },
      { key: 'client_secret', value: 'env-cs-112233', type: 'default', enabled: true },
    ]),
    '/values/1/value',
    'literal variable "client_secret" in environment',
    'env-cs-112233',
  ],
  [
    'environment: type secret',
    environment([{ key: 'db_dsn', value: 'postgres://u:p@db/x', type: 'secret', enabled: true }]),
    '/values/0/value',
    'literal secret variable "db_dsn" in environment',
    'postgres://u:p@db/x',
  ],
  [
    'globals: api_key',
    environment([{ key: 'api_key', value: 'glob-ak-445566', enabled: true }], 'globals'),
    '/values/0/value',
    'literal variable "api_key" in globals',
    'glob-ak-445566',
  ],
  [
    'Newman-exported environment (no scope): password',
    { id: 'x', name: 'ci', values: [{ key: 'password', value: 'exported-pw-77', enabled: true }] },
    '/values/0/value',
    'literal variable "password" in environment',
    'exported-pw-77',
  ],
  [
    'collection variable refresh_token',
    collection({ variable: [{ key: 'refresh_token', value: 'cv-rt-998877', type: 'string' }] }),
    '/variable/0/value',
    'literal variable "refresh_token" in collection',
    'cv-rt-998877',
  ],
  [
    'a key/value list under a key named like an Object member (constructor): a plain field',
    collection({ constructor: [{ key: 'password', value: 'ctor-pw-3141' }] }),
    '/constructor/0/value',
    'literal field "password" in collection',
    'ctor-pw-3141',
  ],
  // shaped secrets anywhere
  [
    'JWT in a description',
    withRequest({ description: `Example token: ${JWT}` }),
    '/item/0/request/description',
    'JWT in request',
    JWT,
  ],
  [
    'private key in a variable with a harmless name',
    collection({ variable: [{ key: 'cert_pem', value: PEM }] }),
    '/variable/0/value',
    'private key in collection',
    PEM,
  ],
  [
    'JWT in a collection script line',
    collection({
      event: [{ listen: 'prerequest', script: { exec: ['// debug', `pm.environment.set("t", "${JWT}");`] } }],
    }),
    '/event/0/script/exec/1',
    'JWT in collection script',
    JWT,
  ],
  [
    'GitHub token in an XML body',
    withRequest({ body: { mode: 'raw', raw: `<config><gh>${GITHUB}</gh></config>` } }),
    '/item/0/request/body/raw',
    'GitHub token in request',
    GITHUB,
  ],
  // not AWS's documented AKIAIOSFODNN7EXAMPLE: secretlint's AWS rule knows it is no secret (a look-alike below)
  [
    'AWS access key id in an environment',
    environment([{ key: 'aws_key_id', value: 'AKIA2E0A8F3B244C9986', enabled: true }]),
    '/values/0/value',
    'AWS access key id in environment',
    'AKIA2E0A8F3B244C9986',
  ],
  // saved responses
  [
    'saved token response body',
    withSavedResponse({
      body: '{\n  "access_token": "resp-at-24680",\n  "token_type": "Bearer",\n  "expires_in": 3600\n}',
    }),
    '/item/0/response/0/body',
    'literal "access_token" in saved response body',
    'resp-at-24680',
  ],
  [
    'saved response cookie',
    withSavedResponse({
      cookie: [{ domain: 'api.example.com', name: 'session', value: 'ck-sess-13579', path: '/', httpOnly: true }],
    }),
    '/item/0/response/0/cookie/0/value',
    'cookie "session" in saved response',
    'ck-sess-13579',
  ],
  // v1 collections and generic secret-named fields
  [
    'v1 helperAttributes password',
    {
      id: 'c',
      name: 'Old',
      order: ['r'],
      requests: [
        {
          id: 'r',
          url: 'http://x',
          method: 'GET',
          currentHelper: 'basicAuth',
          helperAttributes: { username: 'a', password: 'v1-helper-pw-9' },
        },
      ],
    },
    '/requests/0/helperAttributes/password',
    'literal "password" in request',
    'v1-helper-pw-9',
  ],
  [
    'v1 headers string',
    {
      id: 'c',
      name: 'Old',
      order: ['r'],
      requests: [{ id: 'r', url: 'http://x', method: 'GET', headers: 'X-Api-Key: v1-hdr-key-246\n' }],
    },
    '/requests/0/headers',
    'literal X-Api-Key header in request',
    'v1-hdr-key-246',
  ],
  [
    'certificate passphrase',
    collection({
      item: [
        {
          name: 'mTLS',
          request: { method: 'GET', url: 'x', certificate: { key: { src: 'k.pem' }, passphrase: 'cert-pass-8642' } },
        },
      ],
    }),
    '/item/0/request/certificate/passphrase',
    'literal "passphrase" in request',
    'cert-pass-8642',
  ],
];

const maskOf = (secret: string) =>
  Array.from(secret).length >= 8 ? `${Array.from(secret).slice(0, 4).join('')}…` : '…';

describe('audit: planted secrets are found at their pointer, masked', () => {
  it.each(PLANTED)('%s', (_name, json, pointer, what, secret) => {
    const findings = auditFiles([{ file: 'case.json', text: JSON.stringify(json, null, 2) }]);
    expect(findings).toEqual([{ file: 'case.json', pointer, what, masked: maskOf(secret) }]);
    const line = formatFinding(findings[0]!);
    expect(line).toBe(`case.json: ${pointer}: ${what} (${maskOf(secret)})`);
    // the line is built from the file, the pointer, the kind and the mask: the value never appears
    expect(line.includes(secret)).toBe(false);
    expect(JSON.stringify(findings).includes(secret)).toBe(false);
    expect(Array.from(findings[0]!.masked.replace(/…$/, '')).length).toBeLessThanOrEqual(4);
  });

  it('has at least 50 planted cases', () => {
    expect(PLANTED.length).toBeGreaterThanOrEqual(50);
  });
});

/** Files that must give no finding. */
const CLEAN: [string, object][] = [
  [
    "a DPoP config's collection auth: apikey Authorization: DPoP {{access_token}}",
    collection({
      auth: {
        type: 'apikey',
        apikey: [kv('key', 'Authorization'), kv('value', 'DPoP {{access_token}}'), kv('in', 'header')],
      },
    }),
  ],
  [
    'variables everywhere',
    withRequest({
      auth: { type: 'basic', basic: [kv('username', '{{user}}'), kv('password', '{{password}}')] },
      header: [
        kv('Authorization', 'Bearer {{access_token}}'),
        kv('Proxy-Authorization', 'Basic {{proxy_basic}}'),
        kv('X-API-Key', '{{api_key}}'),
        kv('Cookie', 'session={{session_id}}'),
      ],
      url: { raw: '{{base_url}}/x?access_token={{access_token}}', query: [kv('access_token', '{{access_token}}')] },
      body: { mode: 'urlencoded', urlencoded: [kv('client_secret', '{{client_secret}}'), kv('password', '')] },
    }),
  ],
  [
    'empty, null and placeholder values',
    collection({
      auth: {
        type: 'oauth2',
        oauth2: [
          kv('accessToken', ''),
          kv('clientSecret', '<your client secret>'),
          kv('refreshToken', null),
          kv('password', '***'),
        ],
      },
      variable: [{ key: 'api_key', value: '' }, { key: 'client_secret', value: 'xxxxxx' }, { key: 'password' }],
    }),
  ],
  [
    'non-secret auth params with literal values',
    withRequestAuth({
      type: 'oauth2',
      oauth2: [
        kv('tokenName', 'Partner token'),
        kv('tokenType', 'Bearer'),
        kv('addTokenTo', 'header'),
        kv('grant_type', 'password'),
        kv('accessTokenUrl', 'https://idp.example.com/token'),
        kv('clientId', 'orders-ci'),
        kv('headerPrefix', 'Bearer'),
        kv('refreshTokenUrl', 'https://idp.example.com/token'),
      ],
      jwt: [kv('queryParamKey', 'token'), kv('algorithm', 'HS256'), kv('isSecretBase64Encoded', false, 'boolean')],
      awsv4: [kv('accessKey', '{{aws_key}}'), kv('region', 'eu-west-1'), kv('service', 's3')],
      basic: [kv('username', 'alice'), kv('showPassword', false, 'boolean')],
    }),
  ],
  [
    'harmless literal params and bodies',
    withRequest({
      url: {
        raw: '{{base_url}}/search?token_type=bearer&page_token=CiAKGjBp&q=password',
        query: [kv('token_type', 'bearer'), kv('page_token', 'CiAKGjBp'), kv('q', 'password')],
      },
      body: {
        mode: 'raw',
        raw: '{"grant_type": "password", "username": "alice", "token_url": "https://x/token", "expires_in": 60, "csrf_token": "abcdefgh12345"}',
      },
    }),
  ],
  [
    'saved responses without secrets',
    withSavedResponse({
      header: [
        kv('Set-Cookie', 'sid={{sid}}; Path=/; Max-Age=3600; HttpOnly'),
        kv('WWW-Authenticate', 'Bearer error="invalid_token"'),
        kv('Access-Control-Allow-Headers', 'Authorization, X-API-Key'),
        kv('Content-Type', 'application/json'),
      ],
      body: '{"token_type": "Bearer", "expires_in": 3600, "next_page_token": "c2Vjb25kLXBhZ2U", "scope": "read"}',
    }),
  ],
  // found by the fuzzer (issue 16): an auth member named like an Object.prototype member crashed the scan
  [
    'auth members named constructor and toString',
    withRequestAuth({ type: 'bearer', constructor: [kv('in', 'header')], toString: { username: 'alice' } }),
  ],
  [
    'protocol profile and booleans',
    withRequest({}, { protocolProfileBehavior: { disableCookies: true, followRedirects: false } }),
  ],
  [
    'environment template as gen-collection writes it',
    environment([
      { key: 'base_url', value: 'https://dev.example.com', type: 'default', enabled: true },
      { key: 'client_id', value: 'orders-ci', type: 'default', enabled: true },
      { key: 'client_secret', value: '', type: 'secret', enabled: true },
      { key: 'access_token', value: '', type: 'secret', enabled: true },
      { key: 'token_expires_at', value: '1717171717000', type: 'default', enabled: true },
      { key: 'token_url', value: 'https://idp.example.com/oauth/token', type: 'default', enabled: true },
      { key: 'password_policy_url', value: 'https://example.com/policy', type: 'default', enabled: true },
    ]),
  ],
  [
    'a script that handles tokens without holding one',
    collection({
      event: [
        {
          listen: 'prerequest',
          script: {
            exec: [
              'const token = pm.environment.get("access_token");',
              'pm.request.headers.upsert({ key: "Authorization", value: "Bearer " + token });',
            ],
          },
        },
      ],
    }),
  ],
];

describe('audit: clean files give no finding', () => {
  it.each(CLEAN)('%s', (_name, json) => {
    expect(auditJson('clean.json', json)).toEqual([]);
  });

  it.each(FIXTURES)('fixture %s', (file) => {
    expect(auditFiles([{ file, text: fixtureText(file) }])).toEqual([]);
  });
});

describe('audit: files', () => {
  it('reports findings file by file, in document order', () => {
    const findings: Finding[] = auditFiles([
      {
        file: 'a.json',
        text: JSON.stringify(
          environment([
            { key: 'password', value: 'first-pw-1111' },
            { key: 'secret', value: 'second-22222' },
          ]),
        ),
      },
      { file: 'clean.json', text: JSON.stringify(collection()) },
      {
        file: 'b.json',
        text: `\uFEFF${JSON.stringify(collection({ auth: { type: 'bearer', bearer: [kv('token', 'third-333333')] } }))}`,
      },
    ]);
    expect(findings.map((f) => `${f.file} ${f.pointer}`)).toEqual([
      'a.json /values/0/value',
      'a.json /values/1/value',
      'b.json /auth/bearer/0/value',
    ]);
  });

  it.each([
    ['not JSON', '{ "values": [ }', 1],
    ['empty', '', undefined],
    // issue 16: these overflowed the stack (an internal error, exit 1 as if secrets were found)
    ['a 5,000-level nested folder', nestedFolders(5000), 1],
    ['the same, cut off', nestedFolders(5000, true), 1],
    [
      'an environment value nested 3,000 levels',
      `{"name":"dev","values":[{"key":"k","value":${nestedObjects(3000)}}]}`,
      1,
    ],
    [
      'globals nested as arrays',
      `{"name":"Globals","_postman_variable_scope":"globals","values":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      1,
    ],
  ])('%s: exit 2 naming the file', (_name, text, line) => {
    const error = thrownErrorSync(() => auditFiles([{ file: 'bad.json', text }]));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/^bad\.json/);
    expect(error.line).toBe(line);
    expect(error.fix).toBeTruthy();
  });

  it('names the pointer where the nesting limit was hit', () => {
    expect(() => auditFiles([{ file: 'deep.json', text: nestedFolders(5000) }])).toThrow(
      `deep.json:1:${folderColumn(1000)}: ${folderPointer(1000)}: nested more than 2,000 levels deep`,
    );
  });

  it('formats the root pointer as /', () => {
    expect(formatFinding({ file: 'f.json', pointer: '', what: 'JWT in file', masked: 'eyJh…' })).toBe(
      'f.json: /: JWT in file (eyJh…)',
    );
  });
});
