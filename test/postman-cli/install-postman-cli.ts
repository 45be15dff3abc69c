// Vitest global setup of the Postman CLI suite: installs the official Postman CLI into .cache/postman-cli
// (git-ignored) on first use. It is not a devDependency: its per-platform binary packages are not all on
// every registry mirror, which would break `npm ci` for everyone, and it weighs ~240 MB.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The Postman CLI version the suite was measured against (see ../shared/SANDBOX-FACTS.md). */
export const POSTMAN_CLI_VERSION = '1.34.0';
export const POSTMAN_CLI_PREFIX = join(import.meta.dirname, '../../.cache/postman-cli');

export default function setup(): void {
  const installed = join(POSTMAN_CLI_PREFIX, 'node_modules/postman-cli/package.json');
  if (existsSync(installed)) return;
  console.log(`installing postman-cli@${POSTMAN_CLI_VERSION} into .cache/postman-cli (once)…`);
  execFileSync(
    'npm',
    [
      'install',
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--prefix',
      POSTMAN_CLI_PREFIX,
      `postman-cli@${POSTMAN_CLI_VERSION}`,
    ],
    {
      stdio: 'inherit',
      timeout: 600_000,
    },
  );
}
