import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

describe('src/config/config-types.generated.ts', () => {
  it('is what `npm run gen:types` makes from schema/config.schema.json (run it after changing the schema)', async () => {
    // a variable specifier: the generator is plain .mjs without type declarations
    const generator = new URL('../../scripts/gen-config-types.mjs', import.meta.url).href;
    const { generateConfigTypes } = (await import(generator)) as { generateConfigTypes: () => Promise<string> };
    const committed = await readFile(new URL('../../src/config/config-types.generated.ts', import.meta.url), 'utf8');
    expect(await generateConfigTypes()).toBe(committed);
  });
});
