// Vitest global setup of the Bruno suite: installs the Bruno CLI into .cache/bruno-cli (git-ignored) on first use,
// as the Postman CLI suite does. Not a devDependency: 508 packages and ~275 MB that only this suite needs.
import { join } from 'node:path';
import { installOnce } from '../helpers/install-once.js';

/** The Bruno CLI version the suite was measured against (see ../shared/SANDBOX-FACTS.md, "Bruno"). */
export const BRUNO_CLI_VERSION = '4.1.0';
export const BRUNO_CLI_PREFIX = join(import.meta.dirname, '../../.cache/bruno-cli');
/** The `bru` entry point (run with this Node, not through a shell wrapper, so a timed-out run can be killed). */
export const BRU_BIN = join(BRUNO_CLI_PREFIX, 'node_modules/@usebruno/cli/bin/bru.js');

export default function setup(): void {
  installOnce(`@usebruno/cli@${BRUNO_CLI_VERSION}`, BRUNO_CLI_PREFIX, BRU_BIN);
}
