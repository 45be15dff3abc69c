/** The finished token script texts: header line, config object, bundle; deterministic and small. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import {
  configLiteral,
  FEATURES,
  tokenConfigFor,
  tokenFeatures,
  tokenScripts,
} from '../../src/scripts/token-scripts.js';
import { VERSION } from '../../src/version.js';
import { withClient } from '../helpers/oauth2.js';
import { BASE_AUTH } from './token-fixtures.js';

describe('tokenConfigFor', () => {
  it('maps the resolved OAuth2 config to the script header, in a fixed key order', () => {
    const config = tokenConfigFor(
      { ...BASE_AUTH, params: { scope: 'a', audience: '{{aud}}' }, expiryBufferSeconds: 30 },
      ['r1', 'r2'],
    );
    expect(JSON.stringify(config)).toBe(
      JSON.stringify({
        grantType: 'client_credentials',
        tokenUrl: '{{base_url}}/oauth/token',
        client: {
          method: 'body',
          sends: { client_id: 'body', client_secret: 'body' },
          // Keys of `vars`, not names: a profile that only renames its variables repeats no client.
          inputs: ['clientId', 'clientSecret'],
          secretInputs: ['clientSecret'],
        },
        bodyFormat: 'form',
        params: { scope: 'a', audience: '{{aud}}' },
        expiryBufferMs: 30_000,
        storage: 'auto',
        retryOn401: true,
        vars: {
          accessToken: 'access_token',
          expiresAt: 'token_expires_at',
          refreshToken: 'refresh_token',
          clientId: 'client_id',
          clientSecret: 'client_secret',
          username: 'username',
          password: 'password',
        },
        skipRequestIds: ['r1', 'r2'],
      }),
    );
  });

  it('leaves empty keys out: no params, no skipped requests', () => {
    const config = tokenConfigFor({ ...BASE_AUTH, params: {} }, []);
    expect(Object.keys(config)).toEqual([
      'grantType',
      'tokenUrl',
      'client',
      'bodyFormat',
      'expiryBufferMs',
      'storage',
      'retryOn401',
      'vars',
    ]);
  });

  it.each([
    { allowHttp: false, keys: ['grantType', 'tokenUrl', 'client'] },
    { allowHttp: true, keys: ['grantType', 'tokenUrl', 'allowHttp', 'client'] },
  ])('carries allowHttp only when true (allowHttp: $allowHttp)', ({ allowHttp, keys }) => {
    const config = tokenConfigFor({ ...BASE_AUTH, allowHttp }, []);
    expect(Object.keys(config).slice(0, keys.length)).toEqual(keys);
    if (allowHttp) expect(config.allowHttp).toBe(true);
  });

  it('does not depend on the key order of the variables it is given', () => {
    const reversed = Object.fromEntries(Object.entries(BASE_AUTH.variables).reverse()) as typeof BASE_AUTH.variables;
    expect(JSON.stringify(tokenConfigFor({ ...BASE_AUTH, variables: reversed }, []))).toBe(
      JSON.stringify(tokenConfigFor(BASE_AUTH, [])),
    );
  });
});

describe('configLiteral', () => {
  it.each([
    { name: 'typical', auth: BASE_AUTH, skip: [] as string[] },
    {
      name: 'extra params with odd keys, several skipped requests',
      auth: { ...BASE_AUTH, params: { scope: 'a b', 'x-tenant': '{{t}}', 'say "hi"': '\\' } },
      skip: ['r1', 'r2'],
    },
    { name: 'no params', auth: { ...BASE_AUTH, params: {} }, skip: [] as string[] },
  ])('is the config as JSON, one top-level key a line: $name', ({ auth, skip }) => {
    const config = tokenConfigFor(auth, skip);
    const text = configLiteral(config);
    expect(JSON.parse(text)).toEqual(config);
    const lines = text.split('\n');
    expect(lines).toHaveLength(Object.keys(config).length + 2);
    expect(lines.slice(1, -1).map((line) => /^ {2}"(\w+)": /.exec(line)?.[1])).toEqual(Object.keys(config));
  });

  it('writes nested values on their line, spaced', () => {
    const text = configLiteral(tokenConfigFor({ ...BASE_AUTH, params: { scope: 'read write' } }, ['r1', 'r2']));
    expect(text).toContain('\n  "params": { "scope": "read write" },\n');
    expect(text).toContain(
      '\n  "vars": { "accessToken": "access_token", "expiresAt": "token_expires_at", "refreshToken": "refresh_token", ',
    );
    expect(text).toContain('\n  "skipRequestIds": ["r1", "r2"]\n}');
  });
});

describe('tokenScripts', () => {
  it.each([
    { kind: 'prerequest' as const, what: 'OAuth2 token: reuse, refresh or fetch' },
    { kind: 'test' as const, what: 'on HTTP 401, drop the OAuth2 token and replay the request once' },
  ])(
    '$kind: header line, then the config object, then the readable bundle in a scope of its own',
    async ({ kind, what }) => {
      const script = (await tokenScripts(BASE_AUTH, { skipRequestIds: ['r1'] }))[kind];
      const lines = script.split('\n');
      expect(lines[0]).toBe(`// gen-collection ${VERSION}: ${what}. Generated: edit the config and rebuild.`);
      const config = `const genCollection = ${configLiteral(tokenConfigFor(BASE_AUTH, ['r1']))};`;
      expect(script.startsWith(`${lines[0]}\n${config}\n(() => {\n`)).toBe(true);
      // Sandbox modules stay plain require calls: no bundler shim around them.
      expect(script).not.toContain('__require');
      expect(script.endsWith('\n})();\n')).toBe(true);
      // Only the header line is a comment: no per-module path comments, no directive.
      expect(lines.filter((line) => /^\s*\/\//.test(line))).toEqual([lines[0]]);
      expect(script).not.toContain('scripts-src');
      expect(script).not.toContain('use strict');
      expect(script).not.toContain(PACKAGE_ROOT);
    },
  );

  it('keeps the token names out of the script scope: code after it may declare the same names', async () => {
    const { prerequest, test } = await tokenScripts(BASE_AUTH, { skipRequestIds: [] });
    for (const script of [prerequest, test]) {
      const declared = [...script.matchAll(/^(?:function|var|let|const) (\w+)/gm)].map((m) => m[1]);
      expect(declared).toContain('failTest');
      // A user line kept by inject that declares every one of those names still parses.
      expect(
        () =>
          new Function(
            `${script}\n${declared
              .filter((n) => n !== 'genCollection')
              .map((n) => `let ${n};`)
              .join('\n')}`,
          ),
      ).not.toThrow();
    }
  });

  it('is deterministic; the config only changes the header', async () => {
    const a = await tokenScripts(BASE_AUTH, { skipRequestIds: [] });
    // A second, fresh module instance bundles again: its own cache is empty, so a bundle that differs from one
    // build to the next (an order, a path, a time) shows here; two calls of one instance share one bundle.
    vi.resetModules();
    const fresh = (await import('../../src/scripts/token-scripts.js')).tokenScripts;
    expect(fresh).not.toBe(tokenScripts);
    const b = await fresh(BASE_AUTH, { skipRequestIds: [] });
    const c = await tokenScripts(
      { ...BASE_AUTH, grantType: 'password', storage: 'collection' },
      { skipRequestIds: ['x'] },
    );
    expect(b).toEqual(a);
    const bundle = (script: string) => script.slice(script.indexOf('\n};\n') + 4);
    expect(bundle(c.prerequest)).toBe(bundle(a.prerequest));
    expect(bundle(c.test)).toBe(bundle(a.test));
  });

  it('bundles into each script only what it runs', async () => {
    const scripts = await tokenScripts(BASE_AUTH, { skipRequestIds: [] });
    for (const name of [
      'sendRequest(',
      'skipRequest(',
      'function fetchToken',
      'function tokenRequest',
      'function saveToken',
      'function failRequest',
    ]) {
      expect(scripts.test).not.toContain(name);
    }
    for (const name of [
      'setNextRequest(',
      'gen_collection_replaying',
      'function rememberReplay',
      'function isReplay',
      'function handleResponse',
    ]) {
      expect(scripts.prerequest).not.toContain(name);
    }
  });
});

describe('tokenScripts with auth profiles', () => {
  const admin = {
    ...BASE_AUTH,
    tokenUrl: '{{admin_token_url}}',
    params: {},
    storage: 'collection' as const,
    variables: { ...BASE_AUTH.variables, accessToken: 'access_token_admin' },
  };

  it('each profile in the header holds what differs from the default (null: a key it lacks) and its request ids', async () => {
    const { prerequest } = await tokenScripts(
      { ...BASE_AUTH, params: { scope: 'read' } },
      { skipRequestIds: ['s1'], profiles: { admin: { auth: admin, requestIds: ['a1', 'a2'] } } },
    );
    expect(prerequest).toContain(
      '\n  "skipRequestIds": ["s1"],\n  "profiles": {\n    "admin": { "tokenUrl": "{{admin_token_url}}", "storage": "collection", "vars": { "accessToken": "access_token_admin", ',
    );
    expect(prerequest).toContain('"params": null, "requestIds": ["a1", "a2"] }\n  }\n};\n');
  });

  it('the same bundle for any number of profiles: a profile adds data, not code', async () => {
    const bundle = (script: string) => script.slice(script.indexOf('\n};\n') + 4);
    const one = await tokenScripts(BASE_AUTH, {
      skipRequestIds: [],
      profiles: { admin: { auth: admin, requestIds: ['a1'] } },
    });
    const two = await tokenScripts(BASE_AUTH, {
      skipRequestIds: [],
      profiles: {
        admin: { auth: admin, requestIds: ['a1'] },
        other: { auth: { ...admin, tokenUrl: 'x' }, requestIds: [] },
      },
    });
    const none = await tokenScripts(BASE_AUTH, { skipRequestIds: [] });
    for (const kind of ['prerequest', 'test'] as const) {
      expect(bundle(two[kind])).toBe(bundle(one[kind]));
      expect(bundle(one[kind])).toContain('function selectProfile()');
      // Without profiles, neither the selection nor a profiles key.
      expect(none[kind]).not.toContain('selectProfile');
      expect(none[kind]).not.toContain('"profiles"');
    }
  });

  it('a profile that signs brings the signer and the signed token request, also when the default does not sign', async () => {
    const signing = {
      ...admin,
      clientAuth: 'client_secret_jwt' as const,
      assertion: { algorithm: 'HS256' as const, issuer: '{{client_id_admin}}', audience: 'x', lifetimeSeconds: 60 },
    };
    const { prerequest } = await tokenScripts(BASE_AUTH, {
      skipRequestIds: [],
      profiles: { admin: { auth: withClient(signing), requestIds: ['a1'] } },
    });
    expect(prerequest).toContain('const genCollectionSignJwt = ');
    expect(prerequest).toContain('client_assertion_type');
  });
});

describe('tokenFeatures: what the config uses, nothing else', () => {
  const signing = withClient({
    ...BASE_AUTH,
    clientAuth: 'private_key_jwt',
    assertion: { algorithm: 'RS256', issuer: '{{client_id}}', audience: 'x', lifetimeSeconds: 60 },
    variables: { ...BASE_AUTH.variables, privateKey: 'client_private_key' },
  });
  const noRetry = { ...BASE_AUTH, retryOn401: false };
  const dpop = { ...BASE_AUTH, dpop: { algorithm: 'ES256' as const, keyVariable: 'dpop_private_key' } };
  it.each([
    { name: 'the default auth', auths: [BASE_AUTH], profiles: false, features: ['retry-on-401'] },
    { name: 'retryOn401 off', auths: [noRetry], profiles: false, features: [] },
    {
      name: 'retryOn401 off but on in a profile',
      auths: [noRetry, BASE_AUTH],
      profiles: true,
      features: ['profiles', 'retry-on-401'],
    },
    { name: 'a signed client assertion', auths: [signing], profiles: false, features: ['signed', 'retry-on-401'] },
    {
      name: 'a profile that signs',
      auths: [noRetry, signing],
      profiles: true,
      features: ['profiles', 'signed', 'retry-on-401'],
    },
    { name: 'DPoP', auths: [dpop], profiles: false, features: ['dpop', 'retry-on-401'] },
    {
      name: 'a profile with DPoP',
      auths: [noRetry, dpop],
      profiles: true,
      features: ['profiles', 'dpop', 'retry-on-401'],
    },
  ])('$name', ({ auths, profiles, features }) => {
    expect(tokenFeatures(auths, profiles)).toEqual(features);
  });

  it('a feature the config does not use adds none of its code', async () => {
    const plain = await tokenScripts(noRetry, { skipRequestIds: [] });
    expect(plain.prerequest).not.toContain('client_assertion');
    expect(plain.prerequest).not.toContain('selectProfile');
    expect(plain.test).not.toContain('setNextRequest');
    expect(plain.prerequest + plain.test).not.toMatch(/dpop/i);
    const bound = await tokenScripts(dpop, { skipRequestIds: [] });
    expect(bound.prerequest).toContain('const genCollectionDpopProof = ');
    expect(bound.test).toContain('use_dpop_nonce');
    expect(bound.test).not.toContain('genCollectionDpopProof');
    const signed = await tokenScripts(signing, { skipRequestIds: [] });
    expect(signed.prerequest).toContain('client_assertion_type');
    expect(signed.test).not.toContain('client_assertion');
  });

  /** The labels of the labelled statements in a script or module. */
  const labelsIn = (name: string, text: string): string[] => {
    const labels: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isLabeledStatement(node)) labels.push(node.label.text);
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile(name, text, ts.ScriptTarget.Latest));
    return labels;
  };

  it('every labelled statement of the token modules names a feature, and every feature has some', () => {
    const dir = join(PACKAGE_ROOT, 'scripts-src', 'token');
    const labels = readdirSync(dir)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
      .flatMap((file) => labelsIn(file, readFileSync(join(dir, file), 'utf8')));
    expect(new Set(labels)).toEqual(new Set(Object.values(FEATURES)));
  });

  it.each([
    { name: 'no feature', auth: noRetry, labels: [] },
    { name: 'retry on 401', auth: BASE_AUTH, labels: ['retryOn401'] },
    { name: 'DPoP', auth: { ...dpop, retryOn401: false }, labels: ['dpop'] },
    { name: 'signed', auth: signing, labels: ['retryOn401', 'signed'] },
  ])('a bundle keeps the labelled statements of its features alone: $name', async ({ auth, labels }) => {
    const scripts = await tokenScripts(auth, { skipRequestIds: [] });
    const kept = [...labelsIn('pre.js', scripts.prerequest), ...labelsIn('test.js', scripts.test)];
    expect([...new Set(kept)].sort()).toEqual(labels);
  });
});
