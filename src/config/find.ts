import { statSync } from 'node:fs';
import { join } from 'node:path';
import { GenCollectionError } from '../errors.js';

/** The config file names `build` and friends look for, in this order. */
export const CONFIG_FILE_NAMES = [
  'gen-collection.config.json',
  'gen-collection.config.yaml',
  'gen-collection.config.yml',
] as const;

/** The config file in `cwd` (`gen-collection.config.{json,yaml,yml}`); throws (exit 2) when there is none or more than one. */
export function findConfigFile(cwd: string): string {
  const file = configFileIn(cwd);
  if (file) return file;
  throw new GenCollectionError(
    'config-read',
    `no config file found in ${cwd} (looked for ${CONFIG_FILE_NAMES.join(', ')})`,
    {
      fix: 'run `gen-collection init` to create one, or pass the config with -c FILE',
    },
  );
}

/** Like `findConfigFile`, but undefined when `cwd` has no config (for commands where a config is optional). */
export function configFileIn(cwd: string): string | undefined {
  const found = CONFIG_FILE_NAMES.map((name) => join(cwd, name)).filter(isFile);
  if (found.length > 1) {
    throw new GenCollectionError('config-read', `more than one config file in ${cwd}: ${found.join(', ')}`, {
      fix: `pass the one to use with -c (e.g. -c ${found[0]}), or delete the others`,
    });
  }
  return found[0];
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
