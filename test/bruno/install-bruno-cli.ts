// Vitest global setup of the Bruno suite: installs the Bruno CLI into .cache/bruno-cli on first use, at the version
// in test/runners.json (see ../shared/SANDBOX-FACTS.md, "Bruno").
import { join } from 'node:path';
import { installOnce, runnerPrefix } from '../helpers/install-once.js';

/** The `bru` entry point (run with this Node, not through a shell wrapper, so a timed-out run can be killed). */
export const BRU_BIN = join(runnerPrefix('bruno-cli'), 'node_modules/@usebruno/cli/bin/bru.js');

export default function setup(): void {
  installOnce('bruno-cli');
}
