import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/read.js';
import { GenCollectionError } from '../../src/errors.js';
import { nestedObjects, nestedYamlBlocks, objectPointer } from '../helpers/nested.js';
import { rejection } from '../helpers/rejection.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Every secret in these configs; no message may contain it. */
const SECRET = 's3cr3t-VALUE-42';

interface BadConfig {
  name: string;
  /** File name (its extension picks the parser). */
  file?: string;
  text: string | Uint8Array;
  /** JSON pointer the message must name. */
  pointer?: string;
  /** 1-based line the message must name (`file:line:`). */
  line?: number;
  /** Further text the message must contain. */
  includes?: string[];
  code?: string;
}

const oauth2 = 'auth:\n  type: oauth2\n  tokenUrl: "{{base_url}}/oauth/token"\n';

const cases: BadConfig[] = [
  {
    name: 'unknown top-level key, with a suggestion',
    text: 'name: Orders\nnmae: x\n',
    pointer: '/nmae',
    line: 2,
    includes: ['unknown key "nmae"', 'did you mean "name"?'],
  },
  {
    name: 'unknown top-level key, no close match: lists the allowed keys',
    text: 'name: Orders\nfoo: 1\n',
    pointer: '/foo',
    line: 2,
    includes: ['unknown key "foo"', 'the keys allowed here are $schema, name, description'],
  },
  {
    name: 'unknown key inside a request (the example target)',
    text: 'name: Orders\nitems:\n  - name: List\n    url: "{{base_url}}/orders"\n    metod: GET\n',
    pointer: '/items/0/metod',
    line: 5,
    includes: ['unknown key "metod"', 'fix: did you mean "method"?', 'request "List"'],
  },
  {
    name: 'unknown key inside a nested request of a JSON config',
    file: 'gen-collection.config.json',
    text: '{\n  "name": "Orders",\n  "items": [\n    { "name": "F", "items": [\n      { "name": "R", "url": "u",\n        "hedaers": {} }\n    ] }\n  ]\n}\n',
    pointer: '/items/0/items/0/hedaers',
    line: 6,
    includes: ['did you mean "headers"?'],
  },
  {
    name: 'unknown oauth2 key',
    text: `name: Orders\n${oauth2}  scopes: read\n`,
    pointer: '/auth/scopes',
    line: 5,
    includes: ['did you mean "scope"?'],
  },
  {
    name: 'a client secret written into auth',
    text: `name: Orders\n${oauth2}  clientSecret: ${SECRET}\n`,
    pointer: '/auth/clientSecret',
    line: 5,
    includes: ['{{client_secret}}', '--env-var client_secret='],
  },
  {
    name: 'an oauth2 key under another auth type',
    text: 'name: Orders\nauth:\n  type: bearer\n  tokenUrl: x\n',
    pointer: '/auth/tokenUrl',
    line: 4,
    includes: ['belongs to auth type "oauth2"'],
  },
  {
    name: 'missing name',
    text: 'description: no name\n',
    pointer: '/name',
    line: 1,
    includes: ['missing required key "name"', 'add "name", e.g. "name": "Orders API"'],
  },
  {
    name: 'name of the wrong type',
    text: 'name: [a, b]\n',
    pointer: '/name',
    line: 1,
    includes: ['expected a string, got a list'],
  },
  { name: 'empty name', text: 'name: ""\n', pointer: '/name', line: 1, includes: ['must not be empty'] },
  {
    name: 'name without letters or digits',
    text: 'name: "!!!"\n',
    pointer: '/name',
    line: 1,
    includes: ['no ASCII letter or digit'],
  },
  {
    name: 'bad auth type',
    text: 'name: Orders\nauth:\n  type: oauth\n',
    pointer: '/auth/type',
    line: 3,
    includes: ['"none", "oauth2", "bearer", "basic" or "apikey"', 'did you mean "oauth2"?'],
  },
  {
    name: 'auth without a type reports only that',
    text: 'name: Orders\nauth:\n  tokenUrl: x\n  foo: 1\n',
    pointer: '/auth/type',
    line: 2,
    includes: ['missing required key "type"', 'one of "none", "oauth2"'],
  },
  {
    name: 'auth that is not an object',
    text: 'name: Orders\nauth: oauth2\n',
    pointer: '/auth',
    line: 2,
    includes: ['expected an object, got a string'],
  },
  {
    name: 'oauth2 without tokenUrl',
    text: 'name: Orders\nauth:\n  type: oauth2\n',
    pointer: '/auth/tokenUrl',
    line: 2,
    includes: ['missing required key "tokenUrl"', '"{{base_url}}/oauth/token"'],
  },
  {
    name: 'bad grantType',
    text: `name: Orders\n${oauth2}  grantType: authorization_code\n`,
    pointer: '/auth/grantType',
    line: 5,
    includes: ['"client_credentials", "password" or "jwt_bearer"'],
  },
  {
    name: 'bad clientAuth',
    text: `name: Orders\n${oauth2}  clientAuth: header\n`,
    pointer: '/auth/clientAuth',
    line: 5,
    includes: ['"body", "basic", "private_key_jwt", "client_secret_jwt" or "none"', '(got "header")'],
  },
  {
    name: 'an item naming an unknown auth profile: the item, the profiles and a guess',
    text: `name: Orders\n${oauth2}authProfiles:\n  admin:\n    type: oauth2\n    tokenUrl: https://t\n  partner:\n    type: oauth2\n    tokenUrl: https://t\nitems:\n  - name: Admin\n    items:\n      - name: Users\n        url: u\n        auth: admn\n`,
    pointer: '/items/0/items/0/auth',
    line: 17,
    includes: ['"admn" is no auth profile (the profiles are "admin", "partner")', 'did you mean "admin"?'],
  },
  {
    name: 'an item naming a profile of a config without authProfiles',
    text: `name: Orders\n${oauth2}items:\n  - name: Admin\n    url: u\n    auth: admin\n`,
    pointer: '/items/0/auth',
    includes: ['the config has no authProfiles', '"authProfiles": { "admin"'],
  },
  {
    name: 'a profile name that is no slug',
    text: `name: Orders\n${oauth2}authProfiles:\n  Admin:\n    type: oauth2\n    tokenUrl: https://t\n`,
    pointer: '/authProfiles/Admin',
    includes: ['"Admin" is not a valid auth profile name', 'lower-case letters'],
  },
  {
    name: 'a profile named none',
    text: `name: Orders\n${oauth2}authProfiles:\n  none:\n    type: oauth2\n    tokenUrl: https://t\n`,
    pointer: '/authProfiles/none',
    includes: ['"none" cannot name an auth profile', 'another name'],
  },
  {
    name: 'auth profiles without an oauth2 auth',
    text: 'name: Orders\nauth:\n  type: bearer\nauthProfiles:\n  admin:\n    type: oauth2\n    tokenUrl: https://t\n',
    pointer: '/authProfiles',
    includes: ['auth profiles need an oauth2 auth'],
  },
  {
    name: 'a profile smuggling client_secret into extraParams',
    text: `name: Orders\n${oauth2}authProfiles:\n  admin:\n    type: oauth2\n    tokenUrl: https://t\n    extraParams:\n      client_secret: x\n`,
    pointer: '/authProfiles/admin/extraParams/client_secret',
  },
  {
    name: 'two profiles signing with different algorithms',
    text: `name: Orders\n${oauth2}  clientAuth: private_key_jwt\nauthProfiles:\n  admin:\n    type: oauth2\n    tokenUrl: https://t\n    clientAuth: client_secret_jwt\n`,
    pointer: '/authProfiles/admin/assertion/algorithm',
    includes: ['one collection signs with one algorithm'],
  },
  {
    name: 'two profiles signing DPoP proofs with different algorithms',
    text: `name: Orders\n${oauth2}  dpop: {}\nauthProfiles:\n  admin:\n    type: oauth2\n    tokenUrl: t\n    dpop:\n      algorithm: EdDSA\n`,
    pointer: '/authProfiles/admin/dpop/algorithm',
    includes: ['this auth signs its DPoP proofs with EdDSA, /auth with ES256', 'use ES256 here too'],
  },
  {
    name: 'an unknown DPoP algorithm',
    text: `name: Orders\n${oauth2}  dpop:\n    algorithm: HS256\n`,
    pointer: '/auth/dpop/algorithm',
    includes: ['EdDSA'],
  },
  {
    name: 'an unknown key in dpop',
    text: `name: Orders\n${oauth2}  dpop:\n    alg: ES256\n`,
    pointer: '/auth/dpop/alg',
    includes: ['unknown key "alg"', 'the keys allowed here are algorithm'],
  },
  {
    name: 'a DPoP private key in the config',
    text: `name: Orders\n${oauth2}  dpop: {}\nenvironments:\n  dev:\n    dpop_private_key: ${SECRET}\n`,
    pointer: '/environments/dev/dpop_private_key',
    includes: ['--env-var dpop_private_key='],
    code: 'config-secret',
  },
  {
    name: "a profile's DPoP private key in the config",
    text: `name: Orders\n${oauth2}authProfiles:\n  admin:\n    type: oauth2\n    tokenUrl: t\n    dpop:\n      algorithm: EdDSA\nvariables:\n  dpop_private_key_admin: ${SECRET}\n`,
    pointer: '/variables/dpop_private_key_admin',
    code: 'config-secret',
  },
  {
    name: "a secret value for a profile's client secret",
    text: `name: Orders\n${oauth2}authProfiles:\n  admin:\n    type: oauth2\n    tokenUrl: https://t\nenvironments:\n  dev:\n    client_secret_admin: ${SECRET}\n`,
    pointer: '/environments/dev/client_secret_admin',
    includes: ['--env-var client_secret_admin='],
    code: 'config-secret',
  },
  {
    name: 'client_secret_jwt with a private-key algorithm',
    text: `name: Orders\n${oauth2}  clientAuth: client_secret_jwt\n  assertion:\n    algorithm: RS256\n`,
    pointer: '/auth/assertion/algorithm',
    includes: [
      'client_secret_jwt signs with the client secret (HS256), not with a private key (RS256)',
      'set algorithm to "HS256"',
    ],
  },
  {
    name: 'HS256 with private_key_jwt',
    text: `name: Orders\n${oauth2}  clientAuth: private_key_jwt\n  assertion:\n    algorithm: HS256\n`,
    pointer: '/auth/assertion/algorithm',
    includes: ['HS256 signs with the client secret, which only client_secret_jwt uses'],
  },
  {
    name: 'HS256 for the jwt_bearer grant',
    text: `name: Orders\n${oauth2}  grantType: jwt_bearer\n  clientAuth: none\n  assertion:\n    algorithm: HS256\n`,
    pointer: '/auth/assertion/algorithm',
    includes: ['use RS256, PS256 or ES256 with the private key'],
  },
  {
    name: 'jwt_bearer with client_secret_jwt',
    text: `name: Orders\n${oauth2}  grantType: jwt_bearer\n  clientAuth: client_secret_jwt\n`,
    pointer: '/auth/clientAuth',
    includes: ['use clientAuth "private_key_jwt", "body", "basic" or "none" with the jwt_bearer grant'],
  },
  {
    name: 'assertion without anything that signs',
    text: `name: Orders\n${oauth2}  assertion:\n    lifetimeSeconds: 30\n`,
    pointer: '/auth/assertion',
    includes: ['nothing signs a JWT', 'set clientAuth to "private_key_jwt"'],
  },
  {
    name: 'a claim the signer sets',
    text: `name: Orders\n${oauth2}  clientAuth: private_key_jwt\n  assertion:\n    claims:\n      aud: x\n`,
    pointer: '/auth/assertion/claims/aud',
    includes: ['the claim "aud" is set by the signer', 'set auth.assertion.audience instead'],
  },
  {
    name: 'a header field the signer sets',
    text: `name: Orders\n${oauth2}  clientAuth: private_key_jwt\n  assertion:\n    header:\n      alg: none\n`,
    pointer: '/auth/assertion/header/alg',
    includes: ['the header field "alg" is set by the signer'],
  },
  {
    name: 'unknown algorithm',
    text: `name: Orders\n${oauth2}  clientAuth: private_key_jwt\n  assertion:\n    algorithm: RS512\n`,
    pointer: '/auth/assertion/algorithm',
    includes: ['"RS256", "PS256", "ES256" or "HS256"'],
  },
  {
    name: 'a private key written into an environment',
    text: `name: Orders\n${oauth2}  clientAuth: private_key_jwt\nenvironments:\n  dev:\n    client_private_key: ${SECRET}\n`,
    pointer: '/environments/dev/client_private_key',
    includes: ['secret variable "client_private_key" has a value in the config', '--env-var client_private_key='],
  },
  {
    name: 'bad bodyFormat',
    text: `name: Orders\n${oauth2}  bodyFormat: jsn\n`,
    pointer: '/auth/bodyFormat',
    line: 5,
    includes: ['did you mean "json"?'],
  },
  {
    name: 'negative expiryBufferSeconds',
    text: `name: Orders\n${oauth2}  expiryBufferSeconds: -1\n`,
    pointer: '/auth/expiryBufferSeconds',
    line: 5,
    includes: ['between 0 and 86400', '(got -1)'],
  },
  {
    name: 'bad storage',
    text: `name: Orders\n${oauth2}  storage: env\n`,
    pointer: '/auth/storage',
    line: 5,
    includes: ['"auto", "environment" or "collection"'],
  },
  {
    name: 'retryOn401 not a boolean',
    text: `name: Orders\n${oauth2}  retryOn401: "yes"\n`,
    pointer: '/auth/retryOn401',
    line: 5,
    includes: ['expected true/false, got a string'],
  },
  {
    name: 'variable name written as a template',
    text: `name: Orders\n${oauth2}  variables:\n    clientSecret: "{{cs}}"\n`,
    pointer: '/auth/variables/clientSecret',
    line: 6,
    includes: ['"{{cs}}" is not a variable name', 'write the bare name'],
  },
  {
    name: 'a token parameter smuggled into extraParams',
    text: `name: Orders\n${oauth2}  extraParams:\n    client_secret: ${SECRET}\n`,
    pointer: '/auth/extraParams/client_secret',
    line: 6,
    includes: ['sent by the token script itself'],
  },
  {
    name: 'scope set twice',
    text: `name: Orders\n${oauth2}  scope: read\n  extraParams:\n    scope: write\n`,
    pointer: '/auth/extraParams/scope',
    line: 7,
    includes: ['set twice'],
  },
  {
    name: 'body with two modes',
    text: 'name: Orders\nitems:\n  - name: Create\n    url: u\n    body:\n      form: { a: 1 }\n      urlencoded: { b: 2 }\n',
    pointer: '/items/0/body',
    line: 5,
    includes: ['both "form" and "urlencoded"', 'exactly one of "json", "form", "urlencoded" or "raw"'],
  },
  {
    name: 'body json + raw',
    text: 'name: Orders\nitems:\n  - name: Create\n    url: u\n    body:\n      json: { a: 1 }\n      raw: "{}"\n',
    pointer: '/items/0/body',
    line: 5,
    includes: ['both "json" and "raw"', 'keep one of them'],
  },
  {
    name: 'body mode misspelt',
    text: 'name: Orders\nitems:\n  - name: Create\n    url: u\n    body:\n      jsno: { a: 1 }\n',
    pointer: '/items/0/body/jsno',
    line: 6,
    includes: ['did you mean "json"?'],
  },
  {
    name: 'contentType with a json body',
    text: 'name: Orders\nitems:\n  - name: Create\n    url: u\n    body:\n      json: { a: 1 }\n      contentType: text/plain\n',
    pointer: '/items/0/body/contentType',
    line: 7,
    includes: ['belongs to a "raw" body'],
  },
  {
    name: 'form entry without a key',
    text: 'name: Orders\nitems:\n  - name: Upload\n    url: u\n    body:\n      form:\n        - value: x\n',
    pointer: '/items/0/body/form/0/key',
    line: 7,
    includes: ['missing required key "key"'],
  },
  {
    name: 'header value that is an object',
    text: 'name: Orders\nitems:\n  - name: List\n    url: u\n    headers:\n      Accept: { a: 1 }\n',
    pointer: '/items/0/headers/Accept',
    line: 6,
    includes: ['expected a string, a number or true/false, got an object'],
  },
  {
    name: 'expect.status out of range',
    text: 'name: Orders\nitems:\n  - name: List\n    url: u\n    expect:\n      status: 600\n',
    pointer: '/items/0/expect/status',
    line: 6,
    includes: ['between 100 and 599', '(got 600)'],
  },
  {
    name: 'expect.status list with a bad entry',
    text: 'name: Orders\nitems:\n  - name: List\n    url: u\n    expect:\n      status: [200, 99]\n',
    pointer: '/items/0/expect/status/1',
    line: 6,
    includes: ['between 100 and 599'],
  },
  {
    name: 'expect.status as a string',
    text: 'name: Orders\nitems:\n  - name: List\n    url: u\n    expect:\n      status: "200"\n',
    pointer: '/items/0/expect/status',
    line: 6,
    includes: ['expected a whole number or a list, got a string', 'e.g. 200 or [200,201]'],
  },
  {
    name: 'item with neither url nor items',
    text: 'name: Orders\nitems:\n  - name: Health\n    method: GET\n',
    pointer: '/items/0',
    line: 3,
    includes: ['neither "url" (a request) nor "items" (a folder)'],
  },
  {
    name: 'folder with a url',
    text: 'name: Orders\nitems:\n  - name: Orders\n    url: u\n    items: []\n',
    pointer: '/items/0/url',
    line: 4,
    includes: ['in a folder', 'remove "items" to make this item a request'],
  },
  {
    name: 'item that is not an object',
    text: 'name: Orders\nitems:\n  - List orders\n',
    pointer: '/items/0',
    line: 3,
    includes: ['expected an object, got a string'],
  },
  {
    name: 'method with spaces',
    text: 'name: Orders\nitems:\n  - name: List\n    url: u\n    method: GET /orders\n',
    pointer: '/items/0/method',
    line: 5,
    includes: ['"GET /orders" is not an HTTP method'],
  },
  {
    name: 'script list of the wrong type',
    text: 'name: Orders\nscripts:\n  test: 5\n',
    pointer: '/scripts/test',
    line: 3,
    includes: ['expected a string or a list, got a number'],
  },
  {
    name: 'environment name unusable in a file name',
    text: 'name: Orders\nenvironments:\n  "dev env":\n    base_url: x\n',
    pointer: '/environments/dev env',
    line: 3,
    includes: ['"dev env" is not a valid environment name'],
  },
  {
    name: 'secret literal in environments (client_secret)',
    text: `name: Orders\n${oauth2}environments:\n  dev:\n    base_url: https://dev\n    client_secret: ${SECRET}\n`,
    pointer: '/environments/dev/client_secret',
    line: 8,
    code: 'config-secret',
    includes: ['secret variable "client_secret"', 'newman run … --env-var client_secret=$CLIENT_SECRET'],
  },
  {
    name: 'secret literal under a renamed client secret variable',
    text: `name: Orders\n${oauth2}  variables:\n    clientSecret: orders_secret\nenvironments:\n  dev:\n    orders_secret: ${SECRET}\n`,
    pointer: '/environments/dev/orders_secret',
    line: 9,
    code: 'config-secret',
    includes: ['--env-var orders_secret=$ORDERS_SECRET'],
  },
  {
    name: 'secret literal for a custom auth.secretVariables name',
    text: `name: Orders\n${oauth2}  secretVariables: [signing-key]\nenvironments:\n  prod:\n    signing-key: ${SECRET}\n`,
    pointer: '/environments/prod/signing-key',
    line: 8,
    code: 'config-secret',
    includes: ['--env-var signing-key=$SIGNING_KEY'],
  },
  {
    name: 'secret literal in variables',
    text: `name: Orders\n${oauth2}variables:\n  access_token: ${SECRET}\n`,
    pointer: '/variables/access_token',
    line: 6,
    code: 'config-secret',
    includes: ['--env-var access_token=$ACCESS_TOKEN'],
  },
  {
    name: 'the password is a secret whatever the grant',
    text: `name: Orders\n${oauth2}environments:\n  dev:\n    password: ${SECRET}\n`,
    pointer: '/environments/dev/password',
    line: 7,
    code: 'config-secret',
  },
  {
    name: 'a number counts as a secret value',
    text: 'name: Orders\nauth:\n  type: apikey\n  name: X-API-Key\nenvironments:\n  dev:\n    api_key: 123456789\n',
    pointer: '/environments/dev/api_key',
    line: 7,
    code: 'config-secret',
  },
  {
    name: 'basic auth password variable',
    text: `name: Orders\nauth:\n  type: basic\n  passwordVariable: pw\nvariables:\n  pw: ${SECRET}\n`,
    pointer: '/variables/pw',
    line: 6,
    code: 'config-secret',
  },
  {
    name: 'several problems: one error listing each with its line, in file order',
    text: 'name: Orders\noutptu: x\nitems:\n  - name: List\n    url: u\n    metod: GET\n',
    pointer: '/items/0/metod',
    line: 6,
    includes: ['2 problems in the config', ':2: /outptu: unknown key "outptu". fix: did you mean "output"?'],
  },
  {
    name: 'unknown key in a JSON config, with its line',
    file: 'gen-collection.config.json',
    text: '{\n  "name": "Orders",\n  "items": [\n    { "name": "List", "url": "u", "metod": "GET" }\n  ]\n}\n',
    pointer: '/items/0/metod',
    line: 4,
    includes: ['did you mean "method"?'],
  },
  {
    name: 'secret literal in a JSON config',
    file: 'gen-collection.config.json',
    text: `{\n  "name": "Orders",\n  "auth": { "type": "bearer" },\n  "environments": {\n    "dev": { "access_token": "${SECRET}" }\n  }\n}\n`,
    pointer: '/environments/dev/access_token',
    line: 5,
    code: 'config-secret',
  },
  {
    name: 'invalid JSON',
    file: 'gen-collection.config.json',
    text: '{\n  "name": "Orders",\n  "output": postman\n}\n',
    line: 3,
    code: 'config-parse',
    includes: ['invalid JSON: unquoted word', 'double quotes'],
  },
  {
    name: 'invalid JSON: trailing comma',
    file: 'gen-collection.config.json',
    text: '{\n  "name": "Orders",\n}\n',
    line: 2,
    code: 'config-parse',
    includes: ['trailing comma'],
  },
  {
    name: 'invalid JSON: an unquoted secret is not echoed',
    file: 'gen-collection.config.json',
    text: `{\n  "name": "Orders",\n  "environments": { "dev": { "client_secret": ${SECRET} } }\n}\n`,
    line: 3,
    code: 'config-parse',
  },
  {
    name: 'JSON with comments',
    file: 'gen-collection.config.json',
    text: '{\n  // the name\n  "name": "Orders"\n}\n',
    line: 2,
    code: 'config-parse',
    includes: ['comments are not allowed in JSON', 'gen-collection.config.yaml'],
  },
  {
    name: 'duplicate key in JSON',
    file: 'gen-collection.config.json',
    text: '{\n  "name": "Orders",\n  "name": "Other"\n}\n',
    line: 3,
    code: 'config-parse',
    includes: ['duplicate key "name" (first at line 2)'],
  },
  {
    name: 'YAML in a .json file',
    file: 'gen-collection.config.json',
    text: 'name: Orders\nitems: []\n',
    code: 'config-parse',
    includes: ['rename it to gen-collection.config.yaml'],
  },
  {
    name: 'invalid YAML',
    text: 'name: Orders\nitems:\n  - name: List\n   url: u\n',
    line: 4,
    code: 'config-parse',
    includes: ['invalid YAML', 'indentation'],
  },
  {
    name: 'duplicate key in YAML',
    text: 'name: Orders\noutput: a\noutput: b\n',
    line: 3,
    code: 'config-parse',
    includes: ['duplicate key "output"'],
  },
  {
    name: 'tab indentation in YAML',
    text: 'name: Orders\nauth:\n\ttype: none\n',
    line: 3,
    code: 'config-parse',
    includes: ['tabs'],
  },
  { name: 'empty file', text: '', code: 'config-parse', includes: ['empty', 'gen-collection init'] },
  { name: 'blank YAML file', text: '\n   \n', code: 'config-parse', includes: ['empty'] },
  { name: 'YAML with only comments', text: '# nothing yet\n', code: 'config-parse', includes: ['no settings'] },
  {
    name: 'top-level array (JSON)',
    file: 'gen-collection.config.json',
    text: '[\n  { "name": "Orders" }\n]\n',
    pointer: '/',
    line: 1,
    includes: ['the top level must be a JSON object, not a list'],
  },
  {
    name: 'top-level list (YAML)',
    text: '- name: Orders\n',
    pointer: '/',
    line: 1,
    includes: ['mapping', 'not a list'],
  },
  { name: 'top-level string', text: 'just words\n', pointer: '/', line: 1, includes: ['not a string'] },
  // issue 16: nesting past the limit is refused where the text is parsed, before any walker overflows the stack
  {
    name: 'JSON nested more than 2,000 levels',
    file: 'gen-collection.config.json',
    text: `{"name":"Orders","items":[{"name":"r","url":"u","body":{"json":${nestedObjects(5000)}}}]}`,
    pointer: '/items/0/body/json' + objectPointer(1997),
    line: 1,
    code: 'config-parse',
    includes: ['nested more than 2,000 levels deep', 'flatten the structure'],
  },
  {
    name: 'JSON nested more than 2,000 levels and cut off',
    file: 'gen-collection.config.json',
    text: `{"name":"Orders","items":[${'['.repeat(5000)}`,
    line: 1,
    code: 'config-parse',
    includes: ['invalid JSON: nested more than 2,000 levels deep'],
  },
  {
    name: 'YAML nested more than 500 levels',
    text: `name: Orders\nvariables:\n${nestedYamlBlocks(600).replace(/^/gm, '  ')}`,
    pointer: '/variables' + objectPointer(500),
    code: 'config-parse',
    includes: ['nested more than 500 levels deep', 'a JSON config may nest deeper'],
  },
  {
    name: 'YAML nested past what the YAML parser can compose',
    text: `name: Orders\nvariables: ${'['.repeat(5000)}`,
    line: 2,
    code: 'config-parse',
    pointer: '/variables' + '/0'.repeat(499),
    includes: ['nested more than 500 levels deep'],
  },
  // found by the fuzzer: the nesting check read keys the composer refuses, and threw the yaml package's own error
  {
    name: 'a key starting with a flow indicator',
    text: ',name: Orders\nitems: []\n',
    line: 1,
    code: 'config-parse',
    includes: ['invalid YAML'],
  },
  {
    name: 'a type error has a fix too',
    text: 'name: Orders\nitems: 5\n',
    pointer: '/items',
    line: 2,
    code: 'config-invalid',
    includes: ['expected a list, got a number', 'fix: see "Config reference" in the README'],
  },
  // issue 23, token rule 12: https unless loopback or allowHttp, per environment once its variables are filled in
  {
    name: 'a plain-HTTP token URL through an environment variable: names the environment and allowHttp',
    text: `name: Orders\n${oauth2}environments:\n  local:\n    base_url: http://127.0.0.1:8080\n  dev:\n    base_url: http://dev.example.com\n`,
    pointer: '/auth/tokenUrl',
    line: 4,
    includes: [
      'in environment "dev", the token URL "http://dev.example.com/oauth/token" (from "{{base_url}}/oauth/token") is plain HTTP',
      'set "allowHttp": true in /auth',
    ],
  },
  {
    name: 'a token URL without a scheme',
    text: 'name: Orders\nauth:\n  type: oauth2\n  tokenUrl: 127.0.0.1:4010/token\n',
    pointer: '/auth/tokenUrl',
    line: 4,
    includes: ['the token URL "127.0.0.1:4010/token" has no scheme', 'start it with https://'],
  },
  {
    name: 'a token URL whose environment value has no scheme',
    text: `name: Orders\n${oauth2}environments:\n  dev:\n    base_url: localhost:4010\n`,
    pointer: '/auth/tokenUrl',
    includes: [
      'in environment "dev", the token URL "localhost:4010/oauth/token"',
      'has no scheme',
      'variables of environment "dev"',
    ],
  },
  {
    name: "a profile's plain-HTTP token URL: the profile's pointer",
    text: `name: Orders\n${oauth2}authProfiles:\n  admin:\n    type: oauth2\n    tokenUrl: HTTP://idp.example.com/token\n`,
    pointer: '/authProfiles/admin/tokenUrl',
    line: 8,
    includes: ['is plain HTTP', 'set "allowHttp": true in /authProfiles/admin'],
  },
  {
    name: 'a token URL of another scheme',
    text: 'name: Orders\nauth:\n  type: oauth2\n  tokenUrl: ftp://idp.example.com/token\n',
    pointer: '/auth/tokenUrl',
    includes: ['is neither https:// nor http://'],
  },
  {
    name: 'allowHttp of the wrong type',
    text: `name: Orders\n${oauth2}  allowHttp: "yes"\n`,
    pointer: '/auth/allowHttp',
    line: 5,
    includes: ['expected true/false, got a string'],
  },
  {
    name: 'UTF-16 file',
    file: 'gen-collection.config.json',
    text: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"name":"Orders"}', 'utf16le')]),
    code: 'config-read',
    includes: ['UTF-16', 'UTF-8'],
  },
];

describe('bad configs: one GenCollectionError, exit 2, naming the file, the key and the line', () => {
  const tmp = tempDir();
  it('has at least 20 cases', () => expect(cases.length).toBeGreaterThanOrEqual(20));

  it.each(cases.map((c, i) => ({ ...c, i })))(
    '$name',
    async ({ i, file = 'gen-collection.config.yaml', text, pointer, line, includes = [], code }) => {
      const path = tmp.write(`case-${i}/${file}`, text);
      const error = await rejection(readConfig(path));
      expect(error).toBeInstanceOf(GenCollectionError);
      const e = error as GenCollectionError;
      expect(e.exitCode).toBe(2);
      expect(e.message).toContain(path);
      if (pointer !== undefined) expect(e.message).toContain(`${pointer}: `);
      if (line !== undefined) expect(e.message).toContain(`${path}:${line}:`);
      for (const part of includes) expect(e.message).toContain(part);
      if (code) expect(e.code).toBe(code);
      expect(e.message).not.toContain(SECRET);
      expect(e.stack ?? '').not.toContain(SECRET);
    },
  );

  it('fills pointer, line and fix on a single problem', async () => {
    const path = tmp.write(
      'single/gen-collection.config.yaml',
      'name: Orders\nitems:\n  - name: List\n    url: u\n    metod: GET\n',
    );
    const e = (await rejection(readConfig(path))) as GenCollectionError;
    expect({ code: e.code, file: e.file, pointer: e.pointer, line: e.line, fix: e.fix }).toEqual({
      code: 'config-invalid',
      file: path,
      pointer: '/items/0/metod',
      line: 5,
      fix: 'did you mean "method"?',
    });
    expect(e.message).toBe(
      `${path}:5: /items/0/metod: unknown key "metod" (in request "List")\n  fix: did you mean "method"?`,
    );
  });

  it.each([
    { name: 'https, scheme in capitals', url: 'HTTPS://idp.example.com/token' },
    { name: 'plain HTTP to localhost', url: 'http://localhost:4010/token' },
    { name: 'plain HTTP to 127.0.0.0/8', url: 'http://127.1.2.3/token' },
    { name: 'plain HTTP to [::1]', url: 'http://[::1]:4010/token' },
    { name: 'plain HTTP with allowHttp', url: 'http://keycloak:8080/token', extra: '  allowHttp: true\n' },
    { name: 'a host left to a variable no environment fills', url: 'http://{{idp_host}}/token' },
    { name: 'a whole URL left to a variable', url: '{{token_url}}' },
    { name: 'a variable given empty (passed at run time)', url: '{{base_url}}/token', env: '    base_url: ""\n' },
  ])('token URL accepted: $name', async ({ url, extra = '', env = '    base_url: https://dev.example.com\n' }) => {
    const path = tmp.write(
      `good-url-${url.replace(/\W+/g, '-')}/gen-collection.config.yaml`,
      `name: Orders\nauth:\n  type: oauth2\n  tokenUrl: "${url}"\n${extra}environments:\n  dev:\n${env}`,
    );
    await expect(readConfig(path)).resolves.toBeDefined();
  });

  it('lists secrets everywhere at once, and never their values', async () => {
    const path = tmp.write(
      'secrets/gen-collection.config.yaml',
      `name: Orders\n${oauth2}environments:\n  dev:\n    client_secret: ${SECRET}\n  prod:\n    client_secret: ${SECRET}\n    password: ${SECRET}\nvariables:\n  refresh_token: ${SECRET}\n`,
    );
    const e = (await rejection(readConfig(path))) as GenCollectionError;
    expect(e.code).toBe('config-secret');
    for (const pointer of [
      '/environments/dev/client_secret',
      '/environments/prod/client_secret',
      '/environments/prod/password',
      '/variables/refresh_token',
    ]) {
      expect(e.message).toContain(`: ${pointer}: `);
    }
    expect(e.message).not.toContain(SECRET);
  });
});
