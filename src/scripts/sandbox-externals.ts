import { builtinModules } from 'node:module';

/**
 * Modules the Postman sandbox provides through `require`: bundles leave these as `require` calls.
 * Source: the Postman sandbox documentation ("Using external libraries") and postman-sandbox's own list.
 */
export const SANDBOX_MODULES: readonly string[] = [
  'lodash',
  'crypto-js',
  'uuid',
  'chai',
  'moment',
  'ajv',
  'cheerio',
  'tv4',
  'xml2js',
  'csv-parse/lib/sync',
  'atob',
  'btoa',
  'buffer',
  'url',
  'util',
  'events',
  'stream',
  'timers',
  'querystring',
  'string_decoder',
  'path',
  'assert',
  'punycode',
  // measured: require('postman-collection') works in postman-sandbox 4.7.1 and 6.7.4
  'postman-collection',
];

/** Why the sandbox cannot load a module, and what to do instead. */
export interface UnsupportedModule {
  message: string;
  fix: string;
}

const NODE_PREFIX = 'node:';

/** Fixes for the Node built-ins users reach for most; the rest get the generic one. */
const BUILTIN_FIXES: Record<string, string> = {
  crypto: 'use require("crypto-js") (CryptoJS), which the sandbox provides',
  fs: 'pass data through variables or an iteration data file (newman run -d) instead of reading files',
  http: 'send requests with pm.sendRequest(request, callback)',
  https: 'send requests with pm.sendRequest(request, callback)',
  http2: 'send requests with pm.sendRequest(request, callback)',
  net: 'send requests with pm.sendRequest(request, callback)',
  tls: 'send requests with pm.sendRequest(request, callback)',
  os: 'read machine-specific values from variables instead',
};

/**
 * Returns why `specifier` cannot be imported by a sandbox script, or `undefined` when it can (a sandbox
 * module, or anything else, which esbuild inlines). Rejected: Node built-ins the sandbox lacks, `node:`
 * specifiers (the sandbox's `require` knows no prefix) and subpaths of sandbox modules (`lodash/fp`).
 */
export function unsupportedModule(specifier: string): UnsupportedModule | undefined {
  if (SANDBOX_MODULES.includes(specifier)) return undefined;
  if (specifier.startsWith(NODE_PREFIX)) {
    const bare = specifier.slice(NODE_PREFIX.length);
    if (SANDBOX_MODULES.includes(bare)) {
      return {
        message: `"${specifier}" cannot be required in the Postman sandbox (it knows no "node:" prefix)`,
        fix: `import "${bare}" instead`,
      };
    }
    return unsupportedBuiltin(specifier, bare);
  }
  if (builtinModules.includes(specifier)) return unsupportedBuiltin(specifier, specifier);
  const parent = SANDBOX_MODULES.find((name) => specifier.startsWith(name + '/'));
  if (parent) {
    return {
      message: `"${specifier}" is not provided by the Postman sandbox (it provides "${parent}" only)`,
      fix: `import "${parent}" instead`,
    };
  }
  return undefined;
}

function unsupportedBuiltin(specifier: string, bare: string): UnsupportedModule {
  const fix =
    BUILTIN_FIXES[bare.split('/')[0]!] ?? `remove the import; the sandbox provides only ${SANDBOX_MODULES.join(', ')}`;
  return {
    message: `Node's "${specifier}" module is not available in the Postman sandbox (Newman 6, Postman app)`,
    fix: `${fix} (for types only, use \`import type\`)`,
  };
}
