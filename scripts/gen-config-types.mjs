// Regenerates src/config/config-types.generated.ts from schema/config.schema.json (the single source of truth).
// `npm run gen:types` writes it; test/config/schema-types.test.ts fails when the committed file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { compile } from 'json-schema-to-typescript';

export async function generateConfigTypes() {
  const schema = JSON.parse(await readFile(new URL('../schema/config.schema.json', import.meta.url), 'utf8'));
  return compile(schema, 'GenCollectionConfig', {
    bannerComment: '/* Generated from schema/config.schema.json by `npm run gen:types`. Do not edit. */',
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(new URL('../src/config/config-types.generated.ts', import.meta.url), await generateConfigTypes());
}
