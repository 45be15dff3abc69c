import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../package-root.js';

/** A token bundle pair: the pre-request and test code of one runtime and feature set. */
export type TokenBundle = Record<'prerequest' | 'test', string>;

const require = createRequire(import.meta.url);

/**
 * The directory of this module's compiled (or source) siblings: its own, or dist/src/scripts/ when this code runs
 * inside the CLI bundle (dist/src/cli.cjs and its chunks, scripts/bundle-cli.mjs), where the modules that
 * the digest covers are no files of their own.
 */
export const SCRIPTS_DIR = /[/\\]prebuilt-token-bundles\.[jt]s$/.test(fileURLToPath(import.meta.url))
  ? fileURLToPath(new URL('.', import.meta.url))
  : join(PACKAGE_ROOT, 'dist', 'src', 'scripts');

/** dist/src/scripts/token-bundles/, a file a bundle (absent when running from src/: then every bundle is built). */
export const PREBUILT_TOKEN_BUNDLES = join(SCRIPTS_DIR, 'token-bundles');

/**
 * The prebuilt file of a bundle key (`<runtime>:<feature>,<feature>…`): `postman.json`, `bruno.profiles.signed.json`.
 * A file a key, so that a build reads the few kilobytes of its own bundles, not all 32 (600 KB, and as much garbage).
 */
export function prebuiltBundleFile(key: string): string {
  const [runtime, features = ''] = key.split(':');
  return join(PREBUILT_TOKEN_BUNDLES, `${[runtime, ...features.split(',').filter(Boolean)].join('.')}.json`);
}

/**
 * A digest of everything a token bundle is made from: the token, runtime and JWT sources (shipped in the
 * package), the compiled bundler modules beside this one, and esbuild's version. A prebuilt file whose digest
 * differs (a script edited after `npm run build`, dist/ recompiled by tsc alone) is not used.
 */
export function tokenSourcesDigest(): string {
  return (digest ??= sourcesDigest());
}

let digest: string | undefined;

function sourcesDigest(): string {
  const hash = createHash('sha256');
  const scripts = join(PACKAGE_ROOT, 'scripts-src');
  for (const dir of ['token', 'runtime', 'jwt']) {
    for (const name of readdirSync(join(scripts, dir)).sort()) {
      if (name.endsWith('.ts') && !name.endsWith('.d.ts'))
        hash
          .update(`${dir}/${name}\0`)
          .update(readFileSync(join(scripts, dir, name)))
          .update('\0');
    }
  }
  hashScriptModules(hash, ['token-scripts', 'esbuild-sandbox', 'sandbox-externals']);
  const esbuild = JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')) as { version: string };
  return hash.update(`esbuild ${esbuild.version}`).digest('hex');
}

/**
 * The token bundle of `key` that `npm run build` prebuilt, when it was built from the current sources; else
 * undefined, and the bundle is built with esbuild at run time: a build that needs no user script then never loads
 * esbuild (about 0.1 s of start-up and a helper process). Read from its file on each call: token-scripts asks once
 * per key and process (`buildOnce` keeps the answer).
 */
export function prebuiltTokenBundle(key: string): TokenBundle | undefined {
  return readPrebuilt<TokenBundle>(prebuiltBundleFile(key), tokenSourcesDigest);
}

/**
 * Adds to `hash` the file of each named module of this directory, compiled (dist/) or source (src/): the code that
 * bundles what a prebuilt file holds, which its digest covers.
 */
export function hashScriptModules(hash: Hash, names: readonly string[]): Hash {
  for (const name of names) {
    for (const ext of ['.js', '.ts']) {
      const file = join(SCRIPTS_DIR, name + ext);
      if (existsSync(file)) hash.update(`${name}${ext}\0`).update(readFileSync(file)).update('\0');
    }
  }
  return hash;
}

/**
 * Writes a prebuilt file (`npm run build`): `content`, and `sources`, the digest of what it was built from. The
 * token bundles, the Bruno adapter and the crypto bundles are such files.
 */
export function writePrebuilt(file: string, sources: string, content: object): void {
  writeFileSync(file, `${JSON.stringify({ sources, ...content })}\n`);
}

/**
 * A prebuilt file's content (without its digest), when it was built from what `digest` says the code is made from
 * now; else undefined (a stale file, or none: running from src/, or a key the build does not prebuild), and the
 * caller bundles at run time.
 */
export function readPrebuilt<T extends object>(file: string, digest: () => string): T | undefined {
  try {
    const { sources, ...content } = JSON.parse(readFileSync(file, 'utf8')) as { sources: string };
    return sources === digest() ? (content as T) : undefined;
  } catch {
    return undefined;
  }
}
