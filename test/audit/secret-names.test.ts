import { describe, expect, it } from 'vitest';
import { headerSecret, literalSecret, maskSecret } from '../../src/audit/literal.js';
import { isSecretHeader, isSecretName } from '../../src/audit/secret-names.js';

describe('isSecretName', () => {
  it.each([
    'client_secret',
    'clientSecret',
    'password',
    'Password',
    'db_password',
    'passwd',
    'pwd',
    'pass',
    'passphrase',
    'access_token',
    'accessToken',
    'refresh_token',
    'id_token',
    'token',
    'auth_token',
    'api_key',
    'apiKey',
    'apikey',
    'API_KEY',
    'x-api-key',
    'private_key',
    'privateKey',
    'secret',
    'aws_secret_access_key',
    'sessionToken',
    'credentials',
    'session_cookie',
    'authKey',
    'sig',
    'signature',
  ])('%s is a secret name', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    'client_id',
    'username',
    'base_url',
    'token_url',
    'tokenUrl',
    'accessTokenUrl',
    'token_expires_at',
    'expires_in',
    'token_type',
    'tokenType',
    'tokenName',
    'addTokenTo',
    'signatureMethod',
    'private_key_id',
    'grant_type',
    'page_token',
    'next_page_token',
    'csrf_token',
    'tokenizer',
    'password_policy',
    'scope',
    'audience',
    'consumerKey',
    'accessKey',
    'key',
    '',
    '_',
    'nextToken',
    'NextToken',
    'prev_token',
    'pass_through[search]',
  ])('%s is not', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe('isSecretHeader', () => {
  it.each([
    'Authorization',
    'proxy-authorization',
    'Cookie',
    'Set-Cookie',
    'X-API-Key',
    'Api-Key',
    'X-Auth-Token',
    'Private-Token',
    'X-Amz-Security-Token',
  ])('%s', (name) => {
    expect(isSecretHeader(name)).toBe(true);
  });
  it.each([
    'Accept',
    'Content-Type',
    'WWW-Authenticate',
    'X-Request-Id',
    'Access-Control-Allow-Headers',
    'X-CSRF-Token',
  ])('not %s', (name) => {
    expect(isSecretHeader(name)).toBe(false);
  });
});

describe('literalSecret and headerSecret', () => {
  it.each([
    ['abc123', 'abc123'],
    ['  padded-value  ', 'padded-value'],
    [12345678, '12345678'],
    ['{{x}}-suffix', '{{x}}-suffix'],
  ])('%j is literal', (value, secret) => {
    expect(literalSecret(value)).toBe(secret);
  });

  it.each([
    [''],
    ['   '],
    ['{{client_secret}}'],
    ['{{a}}{{b}}'],
    [' {{a}} '],
    [null],
    [undefined],
    [true],
    [['x']],
    ['<your token>'],
    ['***'],
    ['xxxx'],
    ['...'],
    ['string'],
    ['true'],
    ['disabled'],
  ])('%j is not', (value) => {
    expect(literalSecret(value)).toBeUndefined();
  });

  it.each([
    ['Authorization', 'Bearer {{access_token}}', undefined],
    ['Authorization', 'bearer   {{access_token}}', undefined],
    ['Authorization', 'Basic {{basic}}', undefined],
    ['Authorization', 'Bearer abc.def.ghi', 'abc.def.ghi'],
    ['Authorization', 'Token t0k3n-value', 't0k3n-value'],
    ['Cookie', 'a={{a}}; b={{b}}', undefined],
    ['Cookie', 'a={{a}}; b=literal-b', 'literal-b'],
    ['Set-Cookie', 'sid={{sid}}; Path=/; HttpOnly', undefined],
    ['Set-Cookie', 'sid=abcdef123; Path=/', 'abcdef123'],
    ['X-API-Key', 'Bearer looks-like-a-scheme', 'Bearer looks-like-a-scheme'],
  ])('%s: %s', (name, value, secret) => {
    expect(headerSecret(name, value)).toBe(secret);
  });
});

describe('maskSecret', () => {
  it.each([
    ['abcdefgh', 'abcd…'],
    ['eyJhbGciOiJIUzI1NiJ9.payload.sig', 'eyJh…'],
    ['1234567', '…'],
    ['a', '…'],
    ['', '…'],
    ['😀😀😀😀😀😀😀😀', '😀😀😀😀…'],
  ])('%s → %s', (secret, masked) => {
    expect(maskSecret(secret)).toBe(masked);
  });
});
