import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { secretsEnvironment } from '../postman/environment.js';
import { GenCollectionError } from '../errors.js';
import { jsonText, type OutputFile } from '../write-files.js';
import type { InjectResult } from './inject-collection.js';

/** The private environment of `--extract-secrets`: never the input or the output, never overwritten with other values. */
export function checkSecretsPath(path: string, others: (string | undefined)[]): void {
  if (others.some((other) => other !== undefined && resolve(other) === resolve(path))) {
    throw new GenCollectionError('usage', '--extract-secrets names the collection file itself', {
      file: path,
      fix: 'give the secret values their own file, e.g. --extract-secrets secrets.postman_environment.json',
    });
  }
}

/**
 * FILE of `--extract-secrets` (mode 0600), or undefined when nothing was moved or FILE already holds the
 * same values: an existing FILE is the only copy of earlier values, so it is never replaced by others.
 */
export async function secretsFile(
  path: string,
  collectionName: string,
  secretValues: InjectResult['secretValues'],
): Promise<OutputFile | undefined> {
  if (secretValues.length === 0) return undefined;
  const content = jsonText(secretsEnvironment(collectionName, secretValues));
  const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) =>
    error.code === 'ENOENT' ? undefined : '',
  );
  if (existing === content) return undefined;
  if (existing !== undefined) {
    throw new GenCollectionError(
      'output-exists',
      'the --extract-secrets file already exists and holds other values (perhaps the only copy of them)',
      {
        file: path,
        fix: 'move it away or name a new file; gen-collection never overwrites a file of secret values',
      },
    );
  }
  return { path: resolve(path), content, mode: 0o600 };
}
