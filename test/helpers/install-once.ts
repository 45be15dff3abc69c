// The runners the suites drive but the project does not depend on (the Postman CLI, the Bruno CLI) are installed
// with npm into .cache/NAME/ (git-ignored) on first use, and reused after: scripts/install-runners.mjs, at the
// versions in test/runners.json. `npm test` has usually installed them already, beside lint and tsc.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

/** The directory runner `name` (a key of test/runners.json) is installed into. */
export function runnerPrefix(name: string): string {
  return join(root, '.cache', name);
}

/** Installs runner `name` unless it is there at the wanted version. */
export function installOnce(name: string): void {
  execFileSync(process.execPath, [join(root, 'scripts/install-runners.mjs'), name], { stdio: 'inherit' });
}
