// Vitest global setup of the Bruno suite: installs the Bruno CLI into .cache/bruno-cli (git-ignored) on first use,
// as the Postman CLI suite does. Not a devDependency: 508 packages and ~275 MB that only this suite needs.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The Bruno CLI version the suite was measured against (see ../shared/SANDBOX-FACTS.md, "Bruno"). */
export const BRUNO_CLI_VERSION = '4.1.0';
export const BRUNO_CLI_PREFIX = join(import.meta.dirname, '../../.cache/bruno-cli');
/** The `bru` entry point (run with this Node, not through a shell wrapper, so a timed-out run can be killed). */
export const BRU_BIN = join(BRUNO_CLI_PREFIX, 'node_modules/@usebruno/cli/bin/bru.js');

export default function setup(): void {
  if (existsSync(BRU_BIN)) return;
  console.log(`installing @usebruno/cli@${BRUNO_CLI_VERSION} into .cache/bruno-cli (once)…`);
  execFileSync(
    'npm',
    [
      'install',
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--prefix',
      BRUNO_CLI_PREFIX,
      `@usebruno/cli@${BRUNO_CLI_VERSION}`,
    ],
    { stdio: 'inherit', timeout: 600_000 },
  );
}
