// Vitest global setup of the Postman CLI suite: installs the official Postman CLI into .cache/postman-cli
// (git-ignored) on first use. It is not a devDependency: its per-platform binary packages are not all on
// every registry mirror, which would break `npm ci` for everyone, and it weighs ~240 MB.
import { join } from 'node:path';
import { installOnce } from '../helpers/install-once.js';

/** The Postman CLI version the suite was measured against (see ../shared/SANDBOX-FACTS.md). */
export const POSTMAN_CLI_VERSION = '1.34.0';
export const POSTMAN_CLI_PREFIX = join(import.meta.dirname, '../../.cache/postman-cli');

export default function setup(): void {
  installOnce(
    `postman-cli@${POSTMAN_CLI_VERSION}`,
    POSTMAN_CLI_PREFIX,
    join(POSTMAN_CLI_PREFIX, 'node_modules/postman-cli/package.json'),
  );
}
