import { resolve } from 'node:path';
import type { Warnings } from '../warnings.js';
import type { OutputFile } from '../write-files.js';
import { environmentFiles } from './environment-files.js';
import { injectCollection, type InjectResult } from './inject-collection.js';
import type { InjectConfig } from './inject-config.js';
import { checkSecretsPath, secretsFile } from './secrets-file.js';

/** What `inject` writes besides the token flow itself: the options of the command. */
export interface InjectFilesOptions {
  /** The collection file the text was read from (messages name it). */
  file: string;
  /** Where the injected collection goes (`-o`, or the collection file with `--in-place`); none: the caller prints it. */
  target?: string;
  /** `--env-dir`: where the environment templates go. */
  envDir?: string;
  /** `--extract-secrets FILE`: literal secrets move to variables, their values to FILE. */
  extractSecrets?: string;
  force?: boolean;
  inheritBearer?: boolean;
  warnings: Warnings;
}

/** The injected collection and the files to write for it, in order: the collection, the templates, the secrets file. */
export interface InjectFiles {
  result: InjectResult;
  files: OutputFile[];
}

/**
 * `gen-collection inject` as a function: the token flow of `config` added to the collection `text`, and the
 * files to write. Writes nothing; throws GenCollectionError (exit 2) before anything is written.
 */
export async function injectFiles(text: string, config: InjectConfig, opts: InjectFilesOptions): Promise<InjectFiles> {
  const { file, target, extractSecrets: extract, warnings } = opts;
  if (extract !== undefined) checkSecretsPath(extract, [file, target]);
  const result = await injectCollection(text, {
    file,
    auth: config.auth,
    force: opts.force,
    inheritBearer: opts.inheritBearer,
    extractSecrets: extract !== undefined,
    // only the environment templates read the variables
    templates: opts.envDir !== undefined,
    warnings,
  });
  const name = collectionName(result);
  const files: OutputFile[] = [];
  if (target) files.push({ path: resolve(target), content: result.text });
  if (opts.envDir) {
    files.push(
      ...environmentFiles(result, { collectionName: name, config: config.config, envDir: opts.envDir, warnings }),
    );
  }
  const secrets = extract === undefined ? undefined : await secretsFile(extract, name, result.secretValues);
  if (secrets) files.push(secrets);
  return { result, files };
}

function collectionName(result: InjectResult): string {
  const info = (result.collection as { info?: { name?: unknown } }).info;
  return typeof info?.name === 'string' && info.name.trim() ? info.name : 'collection';
}
