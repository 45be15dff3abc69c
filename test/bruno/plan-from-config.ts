/** The plan of a config for the Bruno tests: the real validation, resolution and planner, in a temporary project. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { resolveConfig } from '../../src/config/resolve.js';
import { validateConfig } from '../../src/config/validate.js';
import { planCollection } from '../../src/plan/plan-collection.js';
import type { Plan } from '../../src/plan/plan.js';
import { Warnings } from '../../src/warnings.js';

/** The plan of `config`; `files` (path relative to the project → content) are written next to the config first. */
export async function planFromConfig(config: object, files: Record<string, string> = {}): Promise<Plan> {
  const baseDir = await mkdtemp(join(tmpdir(), 'gen-collection-bruno-project-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(baseDir, path)), { recursive: true });
      await writeFile(join(baseDir, path), content);
    }
    const file = join(baseDir, 'gen-collection.config.json');
    const warnings = new Warnings();
    const resolved = resolveConfig(validateConfig(config, file, undefined, warnings), { file, baseDir });
    return await planCollection(resolved, warnings);
  } finally {
    await rm(baseDir, { recursive: true, force: true });
  }
}
