import { join } from 'node:path';
import type { OAuth2Resolved } from '../config/resolved.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { VERSION } from '../version.js';
import { bundleEntry } from './bundle.js';
import { TOKEN_CONFIG_GLOBAL, type TokenConfig } from './token-config.js';

/** The collection-level OAuth2 token scripts, ready for the collection's `prerequest` and `test` events. */
export interface TokenScripts {
  /** Fetches, caches and refreshes the access token before each Bearer request. */
  prerequest: string;
  /** On a 401, drops the token and replays the request once. */
  test: string;
}

/** The data header of the token scripts for one OAuth2 config: variable names and templates, never a secret. */
export function tokenConfigFor(auth: OAuth2Resolved, skipRequestIds: string[]): TokenConfig {
  const v = auth.variables;
  return {
    version: VERSION,
    grantType: auth.grantType,
    tokenUrl: auth.tokenUrl,
    clientAuth: auth.clientAuth,
    bodyFormat: auth.bodyFormat,
    params: { ...auth.params },
    expiryBufferMs: auth.expiryBufferSeconds * 1000,
    storage: auth.storage,
    retryOn401: auth.retryOn401,
    // Listed key by key so the header's key order never depends on how the config was built.
    vars: {
      accessToken: v.accessToken,
      expiresAt: v.expiresAt,
      refreshToken: v.refreshToken,
      clientId: v.clientId,
      clientSecret: v.clientSecret,
      username: v.username,
      password: v.password,
    },
    skipRequestIds: [...skipRequestIds],
  };
}

/** The finished token scripts: a header line, the `genCollection` config object, then the bundled code. */
export async function tokenScripts(auth: OAuth2Resolved, opts: { skipRequestIds: string[] }): Promise<TokenScripts> {
  const bundles = await tokenBundles();
  const config = `const ${TOKEN_CONFIG_GLOBAL} = ${JSON.stringify(tokenConfigFor(auth, opts.skipRequestIds), null, 2)};\n`;
  return {
    prerequest: `${header('OAuth2 token: fetch, cache and refresh it before each request')}${config}${bundles.prerequest}`,
    test: `${header('OAuth2 token: on HTTP 401, drop it and replay the request once')}${config}${bundles.test}`,
  };
}

function header(what: string): string {
  return `// gen-collection ${VERSION}: ${what}. Generated: edit the config and rebuild, not this script.\n`;
}

// The bundles do not depend on the config (it comes in the header), so one build serves the whole process.
let cachedBundles: Promise<TokenScripts> | undefined;

function tokenBundles(): Promise<TokenScripts> {
  cachedBundles ??= bundleTokenScripts().catch((error: unknown) => {
    cachedBundles = undefined;
    throw error;
  });
  return cachedBundles;
}

async function bundleTokenScripts(): Promise<TokenScripts> {
  // Relative to the package root, the `// scripts-src/token/…` comments esbuild writes do not depend on the working directory.
  const bundle = (file: string) => bundleEntry(join(PACKAGE_ROOT, 'scripts-src', 'token', file), undefined, { absWorkingDir: PACKAGE_ROOT });
  const [prerequest, test] = await Promise.all([bundle('prerequest.ts'), bundle('retry-on-401.ts')]);
  return { prerequest: withoutUseStrict(prerequest), test: withoutUseStrict(test) };
}

/** esbuild adds `"use strict";` (strict tsconfig); after the header it would be no directive, only noise. */
function withoutUseStrict(bundle: string): string {
  return bundle.replace(/^"use strict";\n/, '');
}
