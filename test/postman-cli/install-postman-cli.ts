// Vitest global setup of the Postman CLI suite: installs the official Postman CLI into .cache/postman-cli on first
// use, at the version in test/runners.json (see ../shared/SANDBOX-FACTS.md).
import { installOnce, runnerPrefix } from '../helpers/install-once.js';

export const POSTMAN_CLI_PREFIX = runnerPrefix('postman-cli');

export default function setup(): void {
  installOnce('postman-cli');
}
