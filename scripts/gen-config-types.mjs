// Regenerates what is derived from schema/config.schema.json (the single source of truth):
// - src/config/config-types.generated.ts: the config types (json-schema-to-typescript);
// - src/config/config-validator.generated.ts: a precompiled ajv validator (standalone code), so no
//   schema compilation at start-up; the full ajv compile only runs to explain an invalid config.
// `npm run gen:types` writes both; test/config/schema-types.test.ts fails when either is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { compile } from 'json-schema-to-typescript';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const readSchema = async () =>
  JSON.parse(await readFile(new URL('../schema/config.schema.json', import.meta.url), 'utf8'));

export async function generateConfigTypes() {
  return compile(await readSchema(), 'GenCollectionConfig', {
    bannerComment: '/* Generated from schema/config.schema.json by `npm run gen:types`. Do not edit. */',
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true },
  });
}

/** ESM source of a boolean-only validator (no error details: those come from the full ajv compile). */
export async function generateConfigValidator() {
  const ajv = new Ajv({
    allErrors: false,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    code: { source: true, esm: true },
  });
  ajv.addKeyword('tsType');
  const code = standaloneCode.default(ajv, ajv.compile(await readSchema()));
  return [
    '// @ts-nocheck',
    '/* Generated from schema/config.schema.json by `npm run gen:types` (ajv standalone). Do not edit. */',
    "import { createRequire } from 'node:module';",
    'const require = createRequire(import.meta.url);',
    code,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(new URL('../src/config/config-types.generated.ts', import.meta.url), await generateConfigTypes());
  await writeFile(
    new URL('../src/config/config-validator.generated.ts', import.meta.url),
    await generateConfigValidator(),
  );
}
