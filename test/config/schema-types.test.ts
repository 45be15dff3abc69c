import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

// a variable specifier: the generator is plain .mjs without type declarations
const generator = new URL('../../scripts/gen-config-types.mjs', import.meta.url).href;

describe('files generated from schema/config.schema.json (run `npm run gen:types` after changing the schema)', () => {
  it.each([
    ['src/config/config-types.generated.ts', 'generateConfigTypes'],
    ['src/config/config-validator.generated.ts', 'generateConfigValidator'],
  ])('%s is up to date', async (file, fn) => {
    const generate = ((await import(generator)) as Record<string, () => Promise<string>>)[fn]!;
    const committed = await readFile(new URL(`../../${file}`, import.meta.url), 'utf8');
    expect(await generate()).toBe(committed);
  });
});
