/** The finished token script texts: header line, config object, bundle; deterministic and small. */
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { tokenConfigFor, tokenScripts } from '../../src/scripts/token-scripts.js';
import { VERSION } from '../../src/version.js';
import { BASE_AUTH } from './token-fixtures.js';

describe('tokenConfigFor', () => {
  it('maps the resolved OAuth2 config to the script header, in a fixed key order', () => {
    const config = tokenConfigFor({ ...BASE_AUTH, params: { scope: 'a', audience: '{{aud}}' }, expiryBufferSeconds: 30 }, ['r1', 'r2']);
    expect(JSON.stringify(config)).toBe(
      JSON.stringify({
        version: VERSION,
        grantType: 'client_credentials',
        tokenUrl: '{{base_url}}/oauth/token',
        clientAuth: 'body',
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

  it('does not depend on the key order of the variables it is given', () => {
    const reversed = Object.fromEntries(Object.entries(BASE_AUTH.variables).reverse()) as typeof BASE_AUTH.variables;
    expect(JSON.stringify(tokenConfigFor({ ...BASE_AUTH, variables: reversed }, []))).toBe(JSON.stringify(tokenConfigFor(BASE_AUTH, [])));
  });
});

describe('tokenScripts', () => {
  it.each([
    { kind: 'prerequest' as const, entry: 'prerequest.ts', what: 'fetch, cache and refresh it before each request' },
    { kind: 'test' as const, entry: 'retry-on-401.ts', what: 'on HTTP 401, drop it and replay the request once' },
  ])('$kind: header line, then the config object, then the readable bundle', async ({ kind, entry, what }) => {
    const script = (await tokenScripts(BASE_AUTH, { skipRequestIds: ['r1'] }))[kind];
    const lines = script.split('\n');
    expect(lines[0]).toBe(`// gen-collection ${VERSION}: OAuth2 token: ${what}. Generated: edit the config and rebuild, not this script.`);
    const config = `const genCollection = ${JSON.stringify(tokenConfigFor(BASE_AUTH, ['r1']), null, 2)};`;
    expect(script.startsWith(`${lines[0]}\n${config}\n(() => {\n`)).toBe(true);
    expect(script).toContain(`  // scripts-src/token/${entry}\n`);
    expect(script).not.toContain('use strict');
    // Paths in the bundle are relative to the package, so the output does not depend on where it was built.
    expect(script).not.toContain(PACKAGE_ROOT);
  });

  it('is deterministic; the config only changes the header', async () => {
    const a = await tokenScripts(BASE_AUTH, { skipRequestIds: [] });
    const b = await tokenScripts(BASE_AUTH, { skipRequestIds: [] });
    const c = await tokenScripts({ ...BASE_AUTH, grantType: 'password', storage: 'collection' }, { skipRequestIds: ['x'] });
    expect(b).toEqual(a);
    const bundle = (script: string) => script.slice(script.indexOf('\n};\n') + 4);
    expect(bundle(c.prerequest)).toBe(bundle(a.prerequest));
    expect(bundle(c.test)).toBe(bundle(a.test));
  });

  it('keeps the test script free of token-fetching code and both scripts small', async () => {
    const scripts = await tokenScripts(BASE_AUTH, { skipRequestIds: [] });
    expect(scripts.test).not.toMatch(/sendRequest\(/);
    expect(scripts.test).not.toMatch(/skipRequest\(/);
    expect(Buffer.byteLength(scripts.prerequest)).toBeLessThan(8_500);
    expect(Buffer.byteLength(scripts.test)).toBeLessThan(4_500);
  });
});
