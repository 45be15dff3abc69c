import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { lazyRequire } from '../lazy-require.js';
import type { Warnings } from '../warnings.js';
import { configWarnings, secretValueProblems, semanticProblems } from './config-checks.js';
import type { GenCollectionConfig } from './config-types.generated.js';
import { validate as precompiledValidate } from './config-validator.generated.js';

/** The schema check, precompiled by `npm run gen:types` (ajv standalone): no schema compile at start-up. */
const isValidConfig = precompiledValidate as (data: unknown) => data is GenCollectionConfig;
import type { Locate } from '../json/locate.js';
import { resolveAuths } from './resolve-auth.js';
import { byLine, problemsError, uniqueProblems } from './problems.js';
import { configSchema } from './schema.js';
import { schemaProblems } from './schema-errors.js';

interface Compiled {
  ajv: Ajv;
  validate: ValidateFunction<GenCollectionConfig>;
  schemaId: string;
}

let compiled: Compiled | undefined;

/** ajv itself: loaded only when a config is invalid (the precompiled validator answers for a valid one). */
const ajvModule = lazyRequire<typeof import('ajv')>('ajv');

/** The ajv validator of the config schema, compiled once per process. */
function compiledSchema(): Compiled {
  if (!compiled) {
    // verbose: errors carry their schema and data, which the messages are built from
    const ajv = new (ajvModule().Ajv)({
      allErrors: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
      verbose: true,
    });
    ajv.addKeyword('tsType'); // a hint for json-schema-to-typescript
    const schema = configSchema();
    compiled = { ajv, validate: ajv.compile<GenCollectionConfig>(schema), schemaId: String(schema.$id) };
  }
  return compiled;
}

function validateBranch(schemaPointer: string, data: unknown): ErrorObject[] {
  const { ajv, schemaId } = compiledSchema();
  const validate = ajv.getSchema(`${schemaId}#${schemaPointer}`);
  if (!validate || validate(data)) return [];
  return validate.errors ?? [];
}

/**
 * Checks a parsed config against the schema and the rules beyond it (no secret values, …) and
 * returns it typed; throws one GenCollectionError (exit 2) listing every problem with
 * `file:line: /pointer: problem. fix: …`. `locate` adds line numbers; `warnings` collects the
 * things that work but are probably not meant.
 */
export function validateConfig(
  config: unknown,
  file: string,
  locate?: Locate,
  warnings?: Warnings,
): GenCollectionConfig {
  // The precompiled validator answers valid/invalid without compiling the schema; only an invalid
  // config pays for the full compile that explains what is wrong.
  if (!isValidConfig(config)) {
    const { validate } = compiledSchema();
    validate(config);
    const problems = uniqueProblems(schemaProblems(validate.errors ?? [], config, validateBranch));
    throw problemsError('config-invalid', problems, file, locate);
  }
  const auths = resolveAuths(config);
  const secrets = secretValueProblems(config, auths);
  if (secrets.length > 0) throw problemsError('config-secret', secrets, file, locate);
  const semantic = semanticProblems(config, auths);
  if (semantic.length > 0) throw problemsError('config-invalid', semantic, file, locate);
  for (const { p, line } of byLine(configWarnings(config, auths), locate))
    warnings?.add(p.problem, { file, line, pointer: p.pointer, fix: p.fix });
  return config;
}
