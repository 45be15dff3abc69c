import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { environmentTemplates, environmentVariables } from '../plan/environments.js';
import { postmanEnvironment, secretsEnvironment } from '../postman/environment.js';
import { configFileIn } from '../config/find.js';
import { childPointer } from '../json/pointer.js';
import { readConfig } from '../config/read.js';
import { resolveConfig } from '../config/resolve.js';
import type { ResolvedConfig } from '../config/resolved.js';
import { ExitCode, GenCollectionError } from '../errors.js';
import { Warnings } from '../warnings.js';
import { injectCollection, type InjectResult } from '../inject/inject-collection.js';
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
  extractSecrets?: string;
}

/** `gen-collection inject COLLECTION`: token scripts and collection Bearer auth for an exported collection. */
export async function runInject(file: string, opts: InjectCliOptions): Promise<ExitCode> {
  const warnings = new Warnings();
  const config = await injectConfig(opts.config, warnings);
  if (config.auth.type !== 'oauth2') {
    throw new GenCollectionError(
      'config-invalid',
      `inject needs an oauth2 auth, the config has "${config.auth.type}"`,
      {
        file: config.configFile,
        pointer: '/auth/type',
        fix: 'set "auth": { "type": "oauth2", "tokenUrl": "…" } in the config given with -c',
      },
    );
  }
  if (config.auth.dpop) {
    // inject sets a Bearer auth and recognises its own by it: a DPoP token sent as Bearer is refused by every API.
    throw new GenCollectionError('config-invalid', 'inject does not add DPoP (auth.dpop) to a collection yet', {
      file: config.configFile,
      pointer: '/auth/dpop',
      fix: 'build the collection from the config (gen-collection build), or leave dpop out of the config given with -c',
    });
  }
  const profiles = Object.keys(config.authProfiles);
  if (profiles.length) {
    warnings.add(`inject adds the default profile (auth) only; authProfiles (${profiles.join(', ')}) are left out`, {
      file: config.configFile,
      pointer: '/authProfiles',
      fix: 'build the collection from the config (gen-collection build) to use auth profiles',
    });
  }
  const text = await readInputFile(file, {
    what: 'the collection',
    code: 'collection-read',
    missingFix: 'check the path of the exported collection',
    utf16: true,
  });
  const extract = opts.extractSecrets;
  const target = opts.inPlace ? file : opts.output;
  if (extract !== undefined) checkSecretsPath(extract, [file, target]);
  const result = await injectCollection(text, {
    file,
    auth: config.auth,
    force: opts.force,
    inheritBearer: opts.inheritBearer,
    extractSecrets: extract !== undefined,
    warnings,
  });

  const files: OutputFile[] = [];
  if (target) files.push({ path: resolve(target), content: result.text });
  if (opts.envDir) files.push(...environmentFiles(result, config, opts.envDir, warnings));
  const secrets = extract === undefined ? undefined : await secretsFile(extract, result);
  if (secrets) files.push(secrets);
  await writeFilesAtomic(files);
  if (!target) process.stdout.write(result.text);
  for (const moved of result.extracted)
    info(`${file}: ${moved.pointer}: moved to {{${moved.variable}}} (${moved.masked})`);
  if (extract !== undefined && result.extracted.length === 0)
    info(`no literal secrets to move: ${extract} left as it was`);
  for (const f of files)
    info(`wrote ${f.path}${f.mode === undefined ? '' : ' (mode 600: keep it out of version control)'}`);
  printWarnings(warnings.list);
  return ExitCode.ok;
}

/** The private environment of `--extract-secrets`: never the input or the output, never overwritten with other values. */
function checkSecretsPath(path: string, others: (string | undefined)[]): void {
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
async function secretsFile(path: string, result: InjectResult): Promise<OutputFile | undefined> {
  if (result.secretValues.length === 0) return undefined;
  const content = jsonText(secretsEnvironment(collectionName(result), result.secretValues));
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

function collectionName(result: InjectResult): string {
  const info = (result.collection as { info?: { name?: unknown } }).info;
  return typeof info?.name === 'string' && info.name.trim() ? info.name : 'collection';
}

/** The config giving the oauth2 settings: `-c`, else gen-collection.config.* in the working directory, else the defaults with `{{token_url}}`. */
async function injectConfig(configFile: string | undefined, warnings: Warnings): Promise<ResolvedConfig> {
  const file = configFile ?? configFileIn(process.cwd());
  if (file) {
    return (await readConfig(file, { warnings })).resolved;
  }
  warnings.add(
    'no config given (-c) and none in the working directory: using the oauth2 defaults with tokenUrl {{token_url}}; set token_url, client_id and client_secret in the environment',
  );
  return resolveConfig(
    { name: 'inject', auth: { type: 'oauth2', tokenUrl: '{{token_url}}' } },
    { baseDir: process.cwd() },
  );
}

function environmentFiles(
  result: InjectResult,
  config: ResolvedConfig,
  envDir: string,
  warnings: Warnings,
): OutputFile[] {
  const name = collectionName(result);
  const slug = slugify(name) || 'collection';
  const environments = Object.keys(config.environments).length ? config.environments : { default: {} };
  // A configured value of a variable the collection uses as a credential would put a secret in a template.
  for (const [env, values] of Object.entries(environments)) {
    for (const key of result.secretVariables) {
      if (values[key]) {
        warnings.add(
          `{{${key}}} is used where a secret goes, so the template leaves it empty; pass it at run time: newman run … --env-var ${key}=…`,
          {
            file: config.configFile,
            pointer: childPointer(childPointer('/environments', env), key),
          },
        );
      }
    }
  }
  return environmentTemplates({
    collectionName: name,
    idRoot: slug,
    environments,
    variables: environmentVariables(result.variables, result.collectionVariables, config.auth),
    secrets: [...config.secretVariables, ...result.secretVariables, ...result.secretValues.map((v) => v.key)],
  }).map((t) => ({
    path: resolve(envDir, `${slug}.${t.name}.postman_environment.json`),
    content: jsonText(postmanEnvironment(t)),
  }));
}
