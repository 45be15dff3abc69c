import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../package-root.js';

/** A token bundle pair: the pre-request and test code of one runtime and feature set. */
export type TokenBundle = Record<'prerequest' | 'test', string>;

/** The file `npm run build` writes next to the compiled bundler: every bundle, and what they were built from. */
interface PrebuiltFile {
  sources: string;
  bundles: Record<string, TokenBundle>;
}

const require = createRequire(import.meta.url);

/**
 * The directory of this module's compiled (or source) siblings: its own, or dist/src/scripts/ when this code runs
 * inside the CLI bundle (dist/src/cli.js and its chunks, scripts/bundle-cli.mjs), where the modules that
 * the digest covers are no files of their own.
 */
export const SCRIPTS_DIR = /[/\\]prebuilt-token-bundles\.[jt]s$/.test(fileURLToPath(import.meta.url))
  ? fileURLToPath(new URL('.', import.meta.url))
  : join(PACKAGE_ROOT, 'dist', 'src', 'scripts');

/** dist/src/scripts/token-bundles.json (absent when running from src/: then every bundle is built). */
export const PREBUILT_TOKEN_BUNDLES = join(SCRIPTS_DIR, 'token-bundles.json');

/**
 * A digest of everything a token bundle is made from: the token, runtime and JWT sources (shipped in the
 * package), the compiled bundler modules beside this one, and esbuild's version. A prebuilt file whose digest
 * differs (a script edited after `npm run build`, dist/ recompiled by tsc alone) is not used.
 */
export function tokenSourcesDigest(): string {
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
  for (const name of ['token-scripts', 'esbuild-sandbox', 'sandbox-externals']) {
    for (const ext of ['.js', '.ts']) {
      try {
        hash
          .update(`${name}${ext}\0`)
          .update(readFileSync(join(SCRIPTS_DIR, name + ext)))
          .update('\0');
      } catch {
        // the other extension: compiled (dist/) or source (src/)
      }
    }
  }
  const esbuild = JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')) as { version: string };
  return hash.update(`esbuild ${esbuild.version}`).digest('hex');
}

let prebuilt: Record<string, TokenBundle> | null | undefined;

/**
 * The token bundles `npm run build` prebuilt, by key, when they were built from the current sources; else
 * undefined, and each bundle is built with esbuild at run time. Read once per process: a build that needs no
 * user script then never loads esbuild (about 0.1 s of start-up and a helper process).
 */
export function prebuiltTokenBundles(): Record<string, TokenBundle> | undefined {
  if (prebuilt === undefined) {
    try {
      const file = JSON.parse(readFileSync(PREBUILT_TOKEN_BUNDLES, 'utf8')) as PrebuiltFile;
      prebuilt = file.sources === tokenSourcesDigest() ? file.bundles : null;
    } catch {
      prebuilt = null;
    }
  }
  return prebuilt ?? undefined;
}
