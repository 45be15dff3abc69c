import { resolve } from 'node:path';
import { environmentTemplates, environmentVariables } from '../collection/environment.js';
import { configFileIn } from '../config/find.js';
import { readConfig } from '../config/read.js';
import { resolveConfig } from '../config/resolve.js';
import type { ResolvedConfig } from '../config/resolved.js';
import { ExitCode, GenCollectionError } from '../errors.js';
import { Warnings } from '../warnings.js';
import { injectCollection } from '../inject/inject-collection.js';
import { readInputFile } from '../read-input.js';
import { slugify } from '../slug.js';
import { jsonText, writeFilesAtomic, type OutputFile } from '../write-files.js';
import { info, printWarnings } from './report.js';

interface InjectCliOptions {
  config?: string;
  output?: string;
  inPlace?: boolean;
  envDir?: string;
  force?: boolean;
  inheritBearer?: boolean;
}

/** `gen-collection inject COLLECTION`: token scripts and collection Bearer auth for an exported collection. */
export async function runInject(file: string, opts: InjectCliOptions): Promise<ExitCode> {
  const warnings = new Warnings();
  const config = await injectConfig(opts.config, warnings);
  if (config.auth.type !== 'oauth2') {
    throw new GenCollectionError('config-invalid', `inject needs an oauth2 auth, the config has "${config.auth.type}"`, {
      file: config.configFile,
      pointer: '/auth/type',
      fix: 'set "auth": { "type": "oauth2", "tokenUrl": "…" } in the config given with -c',
    });
  }
  const text = await readInputFile(file, { what: 'the collection', code: 'collection-read', missingFix: 'check the path of the exported collection' });
  const result = await injectCollection(text, { file, auth: config.auth, force: opts.force, inheritBearer: opts.inheritBearer, warnings });

  const files: OutputFile[] = [];
  const target = opts.inPlace ? file : opts.output;
  if (target) files.push({ path: resolve(target), content: result.text });
  if (opts.envDir) files.push(...environmentFiles(result, config, opts.envDir));
  await writeFilesAtomic(files);
  if (!target) process.stdout.write(result.text);
  for (const f of files) info(`wrote ${f.path}`);
  printWarnings(warnings.list);
  return ExitCode.ok;
}

/** The config giving the oauth2 settings: `-c`, else gen-collection.config.* in the working directory, else the defaults with `{{token_url}}`. */
async function injectConfig(configFile: string | undefined, warnings: Warnings): Promise<ResolvedConfig> {
  const file = configFile ?? configFileIn(process.cwd());
  if (file) {
    return (await readConfig(file, { warnings })).resolved;
  }
  warnings.add('no config given (-c) and none in the working directory: using the oauth2 defaults with tokenUrl {{token_url}}; set token_url, client_id and client_secret in the environment');
  return resolveConfig({ name: 'inject', auth: { type: 'oauth2', tokenUrl: '{{token_url}}' } }, { baseDir: process.cwd() });
}

function environmentFiles(result: Awaited<ReturnType<typeof injectCollection>>, config: ResolvedConfig, envDir: string): OutputFile[] {
  const info = (result.collection as { info?: { name?: unknown } }).info;
  const name = typeof info?.name === 'string' && info.name.trim() ? info.name : 'collection';
  const slug = slugify(name) || 'collection';
  const environments = Object.keys(config.environments).length ? config.environments : { default: {} };
  return environmentTemplates({
    collectionName: name,
    idRoot: slug,
    environments,
    variables: environmentVariables(result.variables, result.collectionVariables, config.auth),
    secrets: config.secretVariables,
  }).map((t) => ({ path: resolve(envDir, `${slug}.${t.name}.postman_environment.json`), content: jsonText(t.json) }));
}
