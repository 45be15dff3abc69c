// Vitest global setup: the CLI tests run the real binary (dist/src/cli.cjs and its chunks, esbuild bundles), so rebuild dist/
// as `npm run build` does (tsc, scripts/bundle-cli.mjs, then the prebuilt token bundles) when any source file, a
// token script's among them, is newer than it. `npm test` does not build (lint, format, tsc --noEmit, then
// vitest): this is what keeps dist/ current for it and for `npx vitest run` alike.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const bin = join(root, 'dist/src/cli.cjs');
  const sources = Math.max(
    newestMtime(join(root, 'src')),
    newestMtime(join(root, 'scripts-src')),
    statSync(join(root, 'package.json')).mtimeMs,
  );
  if (!existsSync(bin) || statSync(bin).mtimeMs < sources) {
    try {
      execFileSync(
        process.execPath,
        [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
        { stdio: 'pipe' },
      );
    } catch {
      // tsc still emits on type errors; `npm run typecheck` reports them, and CLI tests fail on a broken dist/.
      console.warn('global-setup: tsc reported errors while rebuilding dist/ (run `npm run typecheck`)');
    }
    // then the CLI bundle, as `npm run build` makes it: the tests run the binary users get
    execFileSync(process.execPath, [join(root, 'scripts/bundle-cli.mjs')], { stdio: 'pipe' });
    // and the token bundles built from these sources: the CLI tests check that a build does not start esbuild
    execFileSync(process.execPath, [join(root, 'scripts/prebuild-token-bundles.mjs')], { stdio: 'pipe' });
  }
}
