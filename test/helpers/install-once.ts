// The runners the suites drive but the project does not depend on (the Postman CLI, the Bruno CLI) are installed
// with npm into .cache/ (git-ignored) on first use, and reused after.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';

/** Installs `spec` (`name@version`) into `prefix` unless `marker`, a file it installs, is already there. */
export function installOnce(spec: string, prefix: string, marker: string): void {
  if (existsSync(marker)) return;
  console.log(`installing ${spec} into .cache/${basename(prefix)} (once)…`);
  execFileSync(
    'npm',
    ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, spec],
    {
      stdio: 'inherit',
      timeout: 600_000,
    },
  );
}
