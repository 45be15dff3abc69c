/**
 * Builds a collection for an e2e test with the real generator (`buildFromConfig`), writing the
 * user scripts a case needs into a temporary project folder first.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildFromConfig, type BuildResult } from '../../src/build/build-from-config.js';

export interface Generated {
  collection: object;
  /** The environment template named `name` (JSON), or undefined when the config has none by that name. */
  environment(name: string): object | undefined;
  result: BuildResult;
}

/** Generates `config`; `files` (path relative to the project → content) are written next to the config first. */
export async function generate(
  config: Record<string, unknown>,
  files: Record<string, string> = {},
): Promise<Generated> {
  const baseDir = await mkdtemp(join(tmpdir(), 'gen-collection-e2e-project-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      const file = join(baseDir, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
    }
    const result = await buildFromConfig(config, { baseDir });
    return {
      collection: result.collection,
      environment: (name) => result.environments.find((env) => env.name === name)?.json,
      result,
    };
  } finally {
    await rm(baseDir, { recursive: true, force: true });
  }
}
