/**
 * The pre-request token script of configs that sign a JWT (private_key_jwt, client_secret_jwt, the jwt_bearer
 * grant) or send no secret (clientAuth none), run in both real sandboxes against a fake token server: the
 * fields it sends, the JWTs verified with Node's crypto, and what happens with a missing or unusable key.
 */
import { createHmac, verify, type KeyObject } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { OAuth2Auth } from '../../src/config/config-types.generated.js';
import { resolveAuth } from '../../src/config/resolve-auth.js';
import type { OAuth2Resolved } from '../../src/config/resolved.js';
import { tokenScripts } from '../../src/scripts/token-scripts.js';
import { disposeSandboxes, runScript, SANDBOXES, type ScriptResult } from './sandbox-harness.js';
import { BASE_VARIABLES, CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, TOKEN_URL, visibleOutput } from './token-fixtures.js';
import { newKeyPair } from '../../src/keys/key-pair.js';

afterAll(disposeSandboxes);

const rsa = newKeyPair('rsa', { modulusLength: 2048 });
const ec = newKeyPair('ec', { namedCurve: 'P-256' });
const RSA_PEM = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const EC_PEM = ec.privateKey.export({ type: 'sec1', format: 'pem' }).toString();
const GRANTED = { access_token: 'tok-new-access', token_type: 'Bearer', expires_in: 300 };
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

function signedAuth(config: Partial<OAuth2Auth>): OAuth2Resolved {
  const auth = resolveAuth({ type: 'oauth2', tokenUrl: '{{base_url}}/oauth/token', scope: 'read write', ...config });
  if (auth.type !== 'oauth2') throw new Error('not oauth2');
  return auth;
}

interface Case {
  name: string;
  config: Partial<OAuth2Auth>;
  variables?: Record<string, string>;
  /** Field names of the token request, in order. */
  fields: string[];
  /** The JWT field to check, the key to verify it with, and the claims and header it must hold. */
  jwt: {
    field: string;
    verifyWith: KeyObject | string;
    algorithm: string;
    claims: Record<string, unknown>;
    header?: Record<string, unknown>;
  };
}

const cases: Case[] = [
  {
    name: 'private_key_jwt (RS256 default): client_assertion, no secret sent though one is set',
    config: { clientAuth: 'private_key_jwt' },
    variables: { client_private_key: RSA_PEM },
    fields: ['grant_type', 'client_assertion_type', 'client_assertion', 'scope', 'client_id'],
    jwt: {
      field: 'client_assertion',
      verifyWith: rsa.publicKey,
      algorithm: 'RS256',
      claims: { iss: CLIENT_ID, sub: CLIENT_ID, aud: TOKEN_URL },
    },
  },
  {
    name: 'private_key_jwt ES256 with keyId, a header field, a claim and an audience, key in a renamed variable with \\n escapes',
    config: {
      clientAuth: 'private_key_jwt',
      assertion: {
        algorithm: 'ES256',
        keyId: '{{key_id}}',
        header: { 'x5t#S256': '{{thumb}}' },
        claims: { tenant: '{{tenant}}', n: [1, '{{tenant}}'] },
        audience: '{{base_url}}',
      },
      variables: { privateKey: 'signing_key' },
    },
    variables: { signing_key: EC_PEM.replace(/\n/g, '\\n'), key_id: 'kid-7', thumb: 'thumb-1', tenant: 'contoso' },
    fields: ['grant_type', 'client_assertion_type', 'client_assertion', 'scope', 'client_id'],
    jwt: {
      field: 'client_assertion',
      verifyWith: ec.publicKey,
      algorithm: 'ES256',
      claims: {
        iss: CLIENT_ID,
        sub: CLIENT_ID,
        aud: 'https://auth.example.test',
        tenant: 'contoso',
        n: [1, 'contoso'],
      },
      header: { kid: 'kid-7', 'x5t#S256': 'thumb-1' },
    },
  },
  {
    name: 'client_secret_jwt (HS256 default): signed with the secret, which is not sent',
    config: { clientAuth: 'client_secret_jwt' },
    fields: ['grant_type', 'client_assertion_type', 'client_assertion', 'scope', 'client_id'],
    jwt: {
      field: 'client_assertion',
      verifyWith: CLIENT_SECRET,
      algorithm: 'HS256',
      claims: { iss: CLIENT_ID, sub: CLIENT_ID, aud: TOKEN_URL },
    },
  },
  {
    name: 'jwt_bearer with clientAuth none: the assertion is the grant, scope as a claim, no sub unless set',
    config: {
      grantType: 'jwt_bearer',
      clientAuth: 'none',
      scope: '',
      assertion: { issuer: 'svc@project.iam.example', claims: { scope: 'read write' } },
    },
    variables: { client_private_key: RSA_PEM },
    fields: ['grant_type', 'assertion', 'client_id'],
    jwt: {
      field: 'assertion',
      verifyWith: rsa.publicKey,
      algorithm: 'RS256',
      claims: { iss: 'svc@project.iam.example', aud: TOKEN_URL, scope: 'read write' },
    },
  },
  {
    name: 'jwt_bearer PS256 with a subject, and private_key_jwt client authentication',
    config: {
      grantType: 'jwt_bearer',
      clientAuth: 'private_key_jwt',
      assertion: { algorithm: 'PS256', subject: 'alice@example.test' },
    },
    variables: { client_private_key: RSA_PEM },
    fields: ['grant_type', 'assertion', 'client_assertion_type', 'client_assertion', 'scope', 'client_id'],
    jwt: {
      field: 'assertion',
      verifyWith: rsa.publicKey,
      algorithm: 'PS256',
      claims: { iss: CLIENT_ID, sub: 'alice@example.test', aud: TOKEN_URL },
    },
  },
];

function decode(jwt: string): {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  valid: (key: KeyObject | string, algorithm: string) => boolean;
} {
  const [h, p, s] = jwt.split('.') as [string, string, string];
  const data = Buffer.from(`${h}.${p}`);
  const signature = Buffer.from(s, 'base64url');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString()) as Record<string, unknown>,
    claims: JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>,
    valid: (key, algorithm) =>
      algorithm === 'HS256'
        ? createHmac('sha256', key as string)
            .update(data)
            .digest()
            .equals(signature)
        : verify(
            'sha256',
            data,
            {
              key: key as KeyObject,
              ...(algorithm === 'ES256' ? { dsaEncoding: 'ieee-p1363' as const } : {}),
              ...(algorithm === 'PS256' ? { padding: 6, saltLength: 32 } : {}),
            },
            signature,
          ),
  };
}

async function run(
  module: (typeof SANDBOXES)[number]['module'],
  auth: OAuth2Resolved,
  variables: Record<string, string>,
  replies = [{ status: 200, json: GRANTED }],
): Promise<ScriptResult> {
  const { prerequest } = await tokenScripts(auth, { skipRequestIds: [] });
  return runScript(module, {
    script: prerequest,
    listen: 'prerequest',
    collectionVariables: { ...BASE_VARIABLES, ...variables },
    replies,
  });
}

const formFields = (result: ScriptResult, index = 0): [string, string][] => {
  const body = result.sent[index]?.body;
  return body && 'urlencoded' in body ? body.urlencoded : [];
};

describe.each(SANDBOXES)('signed token requests in $label', ({ module }) => {
  it.each(cases)('$name', async ({ config, variables = {}, fields, jwt }) => {
    const auth = signedAuth(config);
    const result = await run(module, auth, variables);
    expect(result.errors).toEqual([]);
    expect(result.assertions).toEqual([]);
    expect(result.sent).toHaveLength(1);
    expect(result.sent[0]!.url).toBe(TOKEN_URL);
    const sent = formFields(result);
    expect(sent.map(([key]) => key)).toEqual(fields);
    const field = Object.fromEntries(sent);
    if (field.client_assertion_type) expect(field.client_assertion_type).toBe(CLIENT_ASSERTION_TYPE);
    if (field.assertion) expect(field.grant_type).toBe(JWT_BEARER);
    expect(JSON.stringify(result.sent)).not.toContain(CLIENT_SECRET);
    expect(JSON.stringify(result.sent)).not.toContain('PRIVATE KEY');
    const token = decode(field[jwt.field]!);
    expect(token.valid(jwt.verifyWith, jwt.algorithm)).toBe(true);
    expect(token.header).toEqual({ alg: jwt.algorithm, typ: 'JWT', ...jwt.header });
    const { jti, iat, exp, ...claims } = token.claims;
    expect(claims).toEqual(jwt.claims);
    expect(jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(exp).toBe((iat as number) + 60);
    expect(Math.abs((iat as number) - Date.now() / 1000)).toBeLessThan(30);
    expect(result.collectionVariables.access_token).toBe('tok-new-access');
  });

  it('the refresh grant carries a fresh client assertion too, with another jti', async () => {
    const auth = signedAuth({ clientAuth: 'private_key_jwt' });
    const first = await run(module, auth, { client_private_key: RSA_PEM, refresh_token: REFRESH_TOKEN });
    const second = await run(module, auth, { client_private_key: RSA_PEM });
    const refresh = Object.fromEntries(formFields(first));
    expect(refresh).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: REFRESH_TOKEN,
      client_assertion_type: CLIENT_ASSERTION_TYPE,
    });
    expect(refresh.client_secret).toBeUndefined();
    const jtiOf = (r: ScriptResult) => decode(Object.fromEntries(formFields(r)).client_assertion!).claims.jti;
    expect(decode(refresh.client_assertion!).valid(rsa.publicKey, 'RS256')).toBe(true);
    expect(jtiOf(first)).not.toBe(jtiOf(second));
  });

  it('JSON body: the signed fields, no client_secret', async () => {
    const result = await run(
      module,
      { ...signedAuth({ clientAuth: 'private_key_jwt' }), bodyFormat: 'json' },
      { client_private_key: RSA_PEM },
    );
    const body = result.sent[0]!.body as { raw: string };
    expect(Object.keys(JSON.parse(body.raw) as object)).toEqual([
      'grant_type',
      'client_assertion_type',
      'client_assertion',
      'scope',
      'client_id',
    ]);
  });

  it('clientAuth none without a JWT: client_id only, the secret stays home', async () => {
    const result = await run(module, signedAuth({ clientAuth: 'none' }), {});
    expect(formFields(result)).toEqual([
      ['grant_type', 'client_credentials'],
      ['scope', 'read write'],
      ['client_id', CLIENT_ID],
    ]);
  });

  it.each([
    // Found before any signing (issue 11, missing inputs), with every other missing input.
    {
      name: 'an empty private key',
      key: '',
      failure:
        /^no token request sent: client_private_key is empty \(newman run … --env-var client_private_key="\$\(cat key\.pem\)", or its current value in the Postman app\)$/,
    },
    {
      name: 'a key that is no PEM',
      key: 'not a key at all',
      failure: /cannot sign the JWT: the private key in client_private_key is not a PEM key/,
    },
    {
      name: 'an EC key for RS256',
      key: EC_PEM,
      failure: /client_private_key holds an EC P-256 key, but RS256 needs an RSA key/,
    },
  ])('$name: one failing test naming the variable, no token request, the request skipped', async ({ key, failure }) => {
    const result = await run(module, signedAuth({ clientAuth: 'private_key_jwt' }), { client_private_key: key }, []);
    expect(result.sent).toEqual([]);
    expect(result.skipped).toBe(true);
    expect(result.assertions).toHaveLength(1);
    expect(result.assertions[0]!.passed).toBe(false);
    expect(result.assertions[0]!.name).toBe('gen-collection: no access token, request skipped');
    expect(result.assertions[0]!.error).toMatch(failure);
    for (const line of key.split('\n').filter((l) => l.length > 10 && !l.startsWith('-----')))
      expect(visibleOutput(result)).not.toContain(line);
  });
});
