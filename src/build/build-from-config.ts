import { join, resolve as resolvePath } from 'node:path';
import { readConfig } from '../config/read.js';
import { resolveConfig } from '../config/resolve.js';
import { validateConfig } from '../config/validate.js';
import type { ResolvedConfig } from '../config/resolved.js';
import { auditJson } from '../audit/scan-json.js';
import { redactSecrets } from '../audit/redact.js';
import { redactPlan, type RedactedSecret } from '../audit/redact-plan.js';
import { planCollection } from '../plan/plan-collection.js';
import type { Plan } from '../plan/plan.js';
import { postmanEnvironment, type PostmanEnvironment } from '../postman/environment.js';
import type { PostmanCollection } from '../postman/collection.js';
import { postmanCollection, postmanCollectionFile, postmanEnvironmentFile } from '../render/postman.js';
import { refuseSecrets } from '../audit/refuse-secrets.js';
import { MAX_JSON_NESTING, rejectDeepNesting } from '../json/nesting.js';
import { renderFormat } from '../render/index.js';
import type { OutputFormat, RenderedFile } from '../render/render.js';
import { Warnings } from '../warnings.js';
import { jsonPieces, type OutputFile, piecewiseFile } from '../write-files.js';

/** The outputs of `build`, ready to write, and the warnings met on the way. */
export interface BuildResult {
  /** The format-neutral plan every output format is rendered from (secrets redacted when the policy says so). */
  plan: Plan;
  /** The Postman v2.1 collection (file name relative to the output directory). */
  collection: PostmanCollection;
  collectionFile: string;
  /** The Postman environment templates, one per configured environment. */
  environments: { name: string; file: string; json: PostmanEnvironment }[];
  /** Absolute output directory. */
  outputDir: string;
  /** The files of every configured format, in `formats` order; paths relative to the output directory. */
  outputs: { format: OutputFormat; files: RenderedFile[] }[];
  warnings: string[];
  /** The user script files the build read or looked for (absolute, sorted): what `build --watch` watches besides the config. */
  inputs: string[];
}

export interface BuildOptions {
  /** Directory script paths are relative to. */
  baseDir: string;
  /** Config file name, for messages. */
  file?: string;
  /** Output directory overriding the config's `output` (relative to the working directory). */
  output?: string;
  /** Output formats overriding the config's `formats` (`--format`). */
  formats?: OutputFormat[];
  /** The run's warnings bag (a new one when not given); `BuildResult.warnings` is its list. */
  warnings?: Warnings;
  /** The run's set of input files (a new one when not given), filled also when the build fails; `BuildResult.inputs` lists it. */
  inputs?: Set<string>;
}

/** Validates a config object, resolves it and generates the collection and environment templates. */
export async function buildFromConfig(config: unknown, options: BuildOptions): Promise<BuildResult> {
  const file = options.file ?? join(options.baseDir, 'gen-collection.config.json');
  const warnings = options.warnings ?? new Warnings();
  // a config value from the caller, not from a file the readers checked
  rejectDeepNesting(config, { file, code: 'config-invalid', limit: MAX_JSON_NESTING });
  const valid = validateConfig(config, file, undefined, warnings);
  const resolved = resolveConfig(valid, {
    file,
    baseDir: options.baseDir,
    output: options.output,
    formats: options.formats,
  });
  return buildResolved(resolved, 'reject', warnings, options.inputs);
}

/** Reads, validates and resolves a config file (JSON or YAML), then generates its outputs. */
export async function buildFromConfigFile(
  file: string,
  options: Pick<BuildOptions, 'output' | 'formats' | 'warnings' | 'inputs'> = {},
): Promise<BuildResult> {
  const warnings = options.warnings ?? new Warnings();
  const { resolved } = await readConfig(file, { output: options.output, formats: options.formats, warnings });
  return buildResolved(resolved, 'reject', warnings, options.inputs);
}

/**
 * What to do with a literal secret in the generated files (which `audit` would flag): `reject` it (exit 2;
 * a config must use `{{variables}}`), or `redact` it with a warning (example values of an API description).
 */
export type SecretPolicy = 'reject' | 'redact';

/**
 * Generates the outputs of an already resolved config; never returns files `audit` would flag. Warnings go into
 * `warnings`, the script files read into `inputs`.
 */
export async function buildResolved(
  resolved: ResolvedConfig,
  secrets: SecretPolicy = 'reject',
  warnings = new Warnings(),
  inputs = new Set<string>(),
): Promise<BuildResult> {
  // the plan bundles the user scripts: the files they read go into `inputs`
  let plan = await planCollection(resolved, warnings, inputs);
  const collectionFile = postmanCollectionFile(plan);
  const collection = await postmanCollection(plan);
  const environments = plan.environments.map((env) => ({
    name: env.name,
    file: postmanEnvironmentFile(plan, env.name),
    json: postmanEnvironment(env),
  }));
  const files: [string, unknown][] = [
    [collectionFile, collection],
    ...environments.map((e): [string, unknown] => [e.file, e.json]),
  ];
  if (secrets === 'redact') {
    const redacted: RedactedSecret[] = [];
    const emptied = files.flatMap(([file, json], index) =>
      redactSecrets(json, (path, secret) => redacted.push({ file: index, path, secret })).map(
        (pointer) => `${file}#${pointer}`,
      ),
    );
    // The Postman files are redacted in place; the plan, which every other format renders, loses the same values.
    plan = redactPlan(plan, redacted);
    if (emptied.length > 0) {
      warnings.add(
        emptied.length === 1
          ? `1 example value that looks like a secret (a token, password or key) was left empty, at ${emptied[0]}; pass the real value at run time`
          : `${emptied.length} example values that look like secrets (tokens, passwords, keys) were left empty, e.g. ${emptied.slice(0, 3).join(', ')}; pass real values at run time`,
      );
    }
  } else {
    refuseSecrets(
      files.flatMap(([file, json]) => auditJson(file, json)),
      {
        what: 'the generated files',
        code: 'config-secret',
        file: resolved.configFile,
        fix: 'write a {{variable}} in the config instead and pass the value at run time: newman run … --env-var name=value',
      },
    );
  }
  // The postman format is the checked (or redacted) files above, serialised only when written (4 MB of JSON for
  // 2,000 requests); every other format renders the plan.
  const postmanFiles = () => files.map(([path, json]) => piecewiseFile(path, () => jsonPieces(json)));
  const outputs = [];
  for (const format of resolved.formats) {
    outputs.push({ format, files: format === 'postman' ? postmanFiles() : await renderFormat(plan, format) });
  }
  return {
    plan,
    collection,
    collectionFile,
    environments,
    outputDir: resolved.outputDir,
    outputs,
    warnings: warnings.list,
    inputs: [...inputs].sort(),
  };
}

/** The files a build result writes (every configured format), with absolute paths. */
export function buildOutputFiles(result: BuildResult): OutputFile[] {
  return result.outputs.flatMap(({ files }) =>
    files.map((f) => {
      const path = resolvePath(result.outputDir, f.path);
      // a piecewise file stays one: its content is made while it is written
      return f.pieces ? piecewiseFile(path, f.pieces) : { path, content: f.content };
    }),
  );
}
