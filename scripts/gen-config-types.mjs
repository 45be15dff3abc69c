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

/**
 * ESM source of a boolean-only validator (no error details: those come from the full ajv compile). String lengths
 * are `.length` (`unicode: false`), not ajv's count of code points, which walks the whole string: the only length
 * rule the schema has is `minLength: 1`, and a string has at least one code point exactly when it has at least one
 * UTF-16 unit. A cold interpreted loop over every name, URL and key: 0.6–16 ms of `openapi` on GitHub's spec
 * (--cpu-prof, 6 runs). Any other length rule stops the generator here (it would count an emoji as 2).
 */
export async function generateConfigValidator() {
  const schema = await readSchema();
  const otherLength = lengthRules(schema).find(({ keyword, limit }) => keyword !== 'minLength' || limit !== 1);
  if (otherLength) {
    throw new Error(
      `${otherLength.pointer}: ${otherLength.keyword} ${otherLength.limit}: the fast validator counts UTF-16 units ` +
        '(unicode: false), right for minLength 1 only; drop `unicode: false` in scripts/gen-config-types.mjs',
    );
  }
  const ajv = new Ajv({
    allErrors: false,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    unicode: false,
    // each $ref'd definition one function, not a copy at every use: 82 KB less code for each run to parse (a
    // 1-request build: 8 M fewer instructions, callgrind), the same answers
    inlineRefs: false,
    code: { source: true, esm: true },
    // ajv 8 calls `unicode` deprecated but honours it; any other warning fails the generation
    logger: {
      log: console.log,
      warn: (message) => {
        if (!String(message).startsWith('DEPRECATED: option unicode')) throw new Error(String(message));
      },
      error: (message) => {
        throw new Error(String(message));
      },
    },
  });
  ajv.addKeyword('tsType');
  const code = standaloneCode.default(ajv, ajv.compile(schema));
  return [
    '// @ts-nocheck',
    '/* Generated from schema/config.schema.json by `npm run gen:types` (ajv standalone). Do not edit. */',
    "import { createRequire } from 'node:module';",
    'const require = createRequire(import.meta.url);',
    code,
    '',
  ].join('\n');
}

/** Every minLength and maxLength of a schema, with its JSON pointer (examples and defaults are data: skipped). */
export function lengthRules(schema) {
  const rules = [];
  const walk = (node, pointer) => {
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${pointer}/${i}`));
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'examples' || key === 'default' || key === 'const' || key === 'enum') continue;
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if ((key === 'minLength' || key === 'maxLength') && typeof child === 'number')
        rules.push({ pointer: at, keyword: key, limit: child });
      else walk(child, at);
    }
  };
  walk(schema, '');
  return rules;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(new URL('../src/config/config-types.generated.ts', import.meta.url), await generateConfigTypes());
  await writeFile(
    new URL('../src/config/config-validator.generated.ts', import.meta.url),
    await generateConfigValidator(),
  );
}
