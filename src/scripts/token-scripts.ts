import { basename, join } from 'node:path';
import type { Plugin } from 'esbuild';
import { TOKEN_VARIABLE_DEFAULTS } from '../config/resolve-auth.js';
import type { OAuth2Resolved, ResolvedClient, TokenVariables } from '../config/resolved.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { VERSION } from '../version.js';
import { buildOnce } from './build-once.js';
import { prebuiltTokenBundle } from './prebuilt-token-bundles.js';
import { SANDBOX_BUILD_OPTIONS, withoutModuleComments } from './esbuild-sandbox.js';
import { DPOP_PROOF_GLOBAL, dpopProofScript } from './dpop-proof.js';
import { JWT_SIGNER_GLOBAL, jwtSignerScript } from './jwt-signer.js';
import {
  TOKEN_CONFIG_GLOBAL,
  type TokenClient,
  type TokenConfig,
  type TokenProfile,
  type VariableKey,
} from './token-config.js';

/** The collection-level OAuth2 token scripts, ready for the collection's `prerequest` and `test` events. */
export interface TokenScripts {
  /** Fetches, caches and refreshes the access token before each Bearer request. */
  prerequest: string;
  /** On a 401, drops the token and replays the request once. */
  test: string;
  /**
   * Modules the scripts load with `require('./lib/<name>')` from the collection's folder, by file name: on Bruno,
   * the JWT signer, whose BigInt literals the esprima 4 pass over inline scripts rejects. Empty on Postman.
   */
  lib: Record<string, string>;
}

/**
 * The header of the token scripts for one resolved oauth2 auth: its keys in the resolved order, `type`
 * dropped, the expiry buffer in milliseconds, `variables` as `vars` in the defaults' key order (so the
 * header never depends on how the resolved object was built), then the skipped request ids; empty objects
 * and lists left out.
 */
export function tokenConfigFor(auth: OAuth2Resolved, skipRequestIds: readonly string[]): TokenConfig {
  const header: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(auth)) {
    // `client` carries the client authentication; the presentation picks the features, not the code's branches.
    if (key === 'type' || key === 'clientAuth' || key === 'presentation') continue;
    if (key === 'expiryBufferSeconds') header.expiryBufferMs = auth.expiryBufferSeconds * 1000;
    else if (key === 'variables') header.vars = inDefaultOrder(auth.variables);
    // Only configs that opt out of https carry the key: the others' header stays as it was.
    else if (key === 'allowHttp') header.allowHttp = value === true ? true : undefined;
    else if (key === 'client') header.client = clientByKey(auth.client, auth.variables);
    else header[key] = value;
  }
  header.skipRequestIds = [...skipRequestIds];
  for (const key in header) if (isEmpty(header[key])) delete header[key];
  return header as unknown as TokenConfig;
}

/** The keys of `profile` whose value differs from `base`'s, and `null` for those of `base` it lacks. */
function difference(profile: TokenConfig, base: TokenConfig): Omit<TokenProfile, 'requestIds'> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(profile))
    if (JSON.stringify(value) !== JSON.stringify(base[key as keyof TokenConfig])) changed[key] = value;
  for (const key in base) if (!(key in profile)) changed[key] = null;
  return changed;
}

/** The client authentication with each variable name replaced by its key in `variables`. */
function clientByKey(client: ResolvedClient, variables: TokenVariables): TokenClient {
  const keyOf = (name: string) =>
    (Object.keys(variables) as VariableKey[]).find((key) => variables[key] === name) ?? 'privateKey';
  const { method, sends, inputs, secretInputs, signer } = client;
  return {
    method,
    sends,
    inputs: inputs.map(keyOf),
    secretInputs: secretInputs.map(keyOf),
    ...(signer ? { signer: { algorithm: signer.algorithm, key: keyOf(signer.keyVariable) } } : {}),
  };
}

function inDefaultOrder(variables: TokenVariables): TokenVariables {
  const ordered = {} as TokenVariables;
  for (const key of Object.keys(TOKEN_VARIABLE_DEFAULTS) as Exclude<keyof TokenVariables, 'privateKey'>[])
    ordered[key] = variables[key];
  // Only configs that sign with a private key name one: the others' header stays as it was.
  if (variables.privateKey) ordered.privateKey = variables.privateKey;
  return ordered;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || (typeof value === 'object' && value !== null && Object.keys(value).length === 0);
}

/** What the token scripts need besides the default auth. */
export interface TokenScriptOptions {
  /** Requests that send no Bearer although the sandbox cannot tell (they inherit `noauth` from a folder). */
  skipRequestIds: string[];
  /** Auth profiles by name, with the ids of the requests that send each one's token; none when absent or empty. */
  profiles?: Record<string, { auth: OAuth2Resolved; requestIds: string[] }>;
  /**
   * The collection carries no auth of its own: its top-level items set the token's auth (the postman-v3 format),
   * so the v3 runtime's `pm.sendRequest`, which takes the collection's auth, adds none to a token request.
   */
  authOnItems?: boolean;
}

/** The two token scripts: before each request, after each response. */
type TokenScriptKind = 'prerequest' | 'test';

/** The runtimes the token scripts are bundled for, each through its adapter in scripts-src/runtime/. */
export type RuntimeName = 'postman' | 'bruno';

/**
 * The optional features of the token scripts, each with the label that marks its statements in scripts-src/token/
 * (`dpop: addTokenRequestProof(headers, url);`). A bundle drops the statements of the features its config does not
 * use, and with them every function only those call (esbuild's `dropLabels`): such a feature adds nothing.
 */
export const FEATURES = {
  profiles: 'profiles',
  signed: 'signed',
  dpop: 'dpop',
  'retry-on-401': 'retryOn401',
} as const satisfies Record<string, string>;

/** One of the optional features. */
export type TokenFeature = keyof typeof FEATURES;

/** The entry module of each script. */
const CORE: Record<TokenScriptKind, string> = { prerequest: 'prerequest.ts', test: 'respond.ts' };

/** The features the default auth and the profiles use, in `FEATURES` order: what a config does not use adds nothing. */
export function tokenFeatures(auths: readonly OAuth2Resolved[], profiles: boolean): TokenFeature[] {
  const used: Record<TokenFeature, boolean> = {
    profiles,
    signed: auths.some((a) => a.client.signer),
    dpop: auths.some((a) => a.dpop),
    'retry-on-401': auths.some((a) => a.retryOn401),
  };
  return (Object.keys(FEATURES) as TokenFeature[]).filter((feature) => used[feature]);
}

/**
 * The finished token scripts for `runtime`: a header line, the `genCollection` config object, then the bundled
 * code; in front of the pre-request code, the JWT signer for the config's algorithm when it signs one.
 */
export async function tokenScripts(
  auth: OAuth2Resolved,
  opts: TokenScriptOptions,
  runtime: RuntimeName = 'postman',
): Promise<TokenScripts> {
  const profiles = Object.entries(opts.profiles ?? {});
  const auths = [auth, ...profiles.map(([, profile]) => profile.auth)];
  const bundles = await tokenBundles(`${runtime}:${tokenFeatures(auths, profiles.length > 0).join(',')}`);
  // The config checks let the profiles that sign agree on one algorithm.
  const algorithm = auths.find((a) => a.client.signer)?.client.signer?.algorithm;
  const lib: Record<string, string> = {};
  const signer = algorithm
    ? sandboxCode(
        runtime,
        lib,
        `gen-collection-jwt-${algorithm.toLowerCase()}.js`,
        `JWT signer (${algorithm})`,
        JWT_SIGNER_GLOBAL,
        await jwtSignerScript(algorithm),
      )
    : '';
  // Likewise on one DPoP algorithm.
  const dpopAlgorithm = auths.find((a) => a.dpop)?.dpop?.algorithm;
  const proofMaker = dpopAlgorithm
    ? sandboxCode(
        runtime,
        lib,
        `gen-collection-dpop-${dpopAlgorithm.toLowerCase()}.js`,
        `DPoP proofs (${dpopAlgorithm})`,
        DPOP_PROOF_GLOBAL,
        await dpopProofScript(dpopAlgorithm),
      )
    : '';
  // First, so that the rest of the header reads as in the other formats.
  const tokenConfig: TokenConfig = {
    ...(opts.authOnItems ? { authOnItems: true as const } : {}),
    ...tokenConfigFor(auth, opts.skipRequestIds),
  };
  if (profiles.length) {
    const base = tokenConfigFor(auth, []);
    tokenConfig.profiles = Object.fromEntries(
      profiles.map(([name, profile]) => [
        name,
        { ...difference(tokenConfigFor(profile.auth, []), base), requestIds: [...profile.requestIds] },
      ]),
    );
  }
  const config = `const ${TOKEN_CONFIG_GLOBAL} = ${configLiteral(tokenConfig)};\n`;
  // Bruno does not wait for callbacks: its adapter hands the script a promise to await (scripts-src/runtime/bruno.ts).
  const [before, after] =
    runtime === 'bruno'
      ? [`const ${BRUNO_SETTLE_GLOBAL} = {};\n`, `await ${BRUNO_SETTLE_GLOBAL}.settled();\n`]
      : ['', ''];
  return {
    prerequest: `${header('OAuth2 token: reuse, refresh or fetch')}${config}${signer}${proofMaker}${before}${bundles.prerequest}${after}`,
    test: `${header('on HTTP 401, drop the OAuth2 token and replay the request once')}${config}${before}${bundles.test}${after}`,
    lib,
  };
}

/**
 * The config as JSON (so tools can read it back), one key a line and nested values on that line: every key
 * stays visible without the header taking half the script.
 */
export function configLiteral(config: TokenConfig): string {
  const lines = Object.entries(config).map(
    ([key, value]) =>
      `  ${JSON.stringify(key)}: ${key === 'profiles' ? profilesJson(value as object) : inlineJson(value)}`,
  );
  return `{\n${lines.join(',\n')}\n}`;
}

/** The profiles one a line, each as the default's keys are. */
function profilesJson(profiles: object): string {
  const lines = Object.entries(profiles).map(
    ([name, profile]) => `    ${JSON.stringify(name)}: ${inlineJson(profile)}`,
  );
  return `{\n${lines.join(',\n')}\n  }`;
}

/** JSON on one line, with a space after `:` and `,` to stay readable. */
function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${inlineJson(item)}`);
  return entries.length ? `{ ${entries.join(', ')} }` : '{}';
}

/**
 * Crypto code (`const <global> = (() => {…})();`) as the script carries it: inline on Postman; on Bruno a
 * `lib/` file the script `require`s, since Bruno passes inline scripts through esprima 4, which rejects BigInt
 * literals.
 */
function sandboxCode(
  runtime: RuntimeName,
  lib: Record<string, string>,
  file: string,
  what: string,
  global: string,
  code: string,
): string {
  if (runtime !== 'bruno') return code;
  lib[file] = `${header(what)}${code}module.exports = ${global};\n`;
  return `const ${global} = require('./lib/${file}');\n`;
}

function header(what: string): string {
  return `// gen-collection ${VERSION}: ${what}. Generated: edit the config and rebuild.\n`;
}

const TOKEN_DIR = join(PACKAGE_ROOT, 'scripts-src', 'token');
const RUNTIME_DIR = join(PACKAGE_ROOT, 'scripts-src', 'runtime');

/** The adapter of `runtime`: scripts-src/runtime/runtime.ts imports `./postman.ts`, which becomes `./<runtime>.ts`. */
function adapterPlugin(runtime: RuntimeName): Plugin {
  return {
    name: 'gen-collection-runtime-adapter',
    setup(build) {
      build.onResolve({ filter: /^\.\/postman\.ts$/ }, (args) =>
        basename(args.importer) === 'runtime.ts' ? { path: join(RUNTIME_DIR, `${runtime}.ts`) } : undefined,
      );
    },
  };
}

/**
 * Bundles per `<runtime>:<feature>,<feature>…`: those `npm run build` prebuilt from the current sources, else each
 * built once per process.
 */
const tokenBundles = buildOnce(async (key: string) => prebuiltTokenBundle(key) ?? bundleTokenScripts(key));

/** Every bundle key: each runtime with each subset of the features in `FEATURES` order (what the build prebuilds). */
export function tokenBundleKeys(): string[] {
  const runtimes: RuntimeName[] = ['postman', 'bruno'];
  const subsets = (Object.keys(FEATURES) as TokenFeature[]).reduce<TokenFeature[][]>(
    (sets, feature) => [...sets, ...sets.map((set) => [...set, feature])],
    [[]],
  );
  return runtimes.flatMap((runtime) => subsets.map((set) => `${runtime}:${set.join(',')}`));
}

/** The object a Bruno token script declares and its adapter puts `settled` on (the bundle's names stay inside it). */
export const BRUNO_SETTLE_GLOBAL = 'genCollectionRuntime';

/** The two token scripts of one bundle key, bundled with esbuild. */
export async function bundleTokenScripts(key: string): Promise<Record<TokenScriptKind, string>> {
  const [runtime, list] = key.split(':') as [RuntimeName, string];
  const used = list ? list.split(',') : [];
  const dropped = (Object.keys(FEATURES) as TokenFeature[]).filter((feature) => !used.includes(feature));
  const labels = dropped.map((feature) => FEATURES[feature]);
  const [prerequest, test] = await Promise.all([
    bundleTokenScript(CORE.prerequest, runtime, labels),
    bundleTokenScript(CORE.test, runtime, labels),
  ]);
  return { prerequest, test };
}

/**
 * One token script from its entry module without the statements labelled `dropLabels`, bundled as a plain module
 * and wrapped in an arrow function by hand: its names stay apart from other code in the same collection script
 * (a user's lines kept by `inject`), without indenting every line the way esbuild's `iife` format does.
 * esbuild's `// scripts-src/….ts` line in front of each module is dropped (a blank line still separates them):
 * it only costs bytes in the Postman app. The format is `cjs` so that a sandbox module (`require('crypto-js')`)
 * stays a plain `require` call, where the `esm` format adds a 0.4 KB `__require` shim; the `"use strict"` it
 * puts first is dropped, as the scripts never ran in strict mode.
 */
async function bundleTokenScript(entry: string, runtime: RuntimeName, dropLabels: string[]): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    ...SANDBOX_BUILD_OPTIONS,
    plugins: [...(SANDBOX_BUILD_OPTIONS.plugins ?? []), adapterPlugin(runtime)],
    format: 'cjs',
    dropLabels,
    absWorkingDir: PACKAGE_ROOT,
    metafile: true,
    entryPoints: [join(TOKEN_DIR, entry)],
  });
  const code = withoutModuleComments(result).replace(/^"use strict";\n\n?/, '');
  return `(() => {\n${code}})();\n`;
}
