import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { validate as precompiledValidate } from '../../src/config/config-validator.generated.js';

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

describe('the precompiled validator counts string lengths in UTF-16 units (ajv unicode: false)', () => {
  const lengthRules = async (schema: unknown) =>
    (
      (await import(generator)) as {
        lengthRules: (s: unknown) => { pointer: string; keyword: string; limit: number }[];
      }
    ).lengthRules(schema);

  it('which is right because the only length rule in the schema is minLength 1', async () => {
    const rules = await lengthRules(configSchema());
    expect(rules.length).toBeGreaterThan(10);
    expect(rules.filter((r) => r.keyword !== 'minLength' || r.limit !== 1)).toEqual([]);
    expect(rules).toContainEqual({ pointer: '/properties/name/minLength', keyword: 'minLength', limit: 1 });
  });

  it('finds every length rule, not those inside examples and defaults', async () => {
    const schema = {
      properties: {
        a: { type: 'string', maxLength: 3 },
        'b/c': { oneOf: [{ minLength: 2 }, { type: 'array', items: { minLength: 1 } }] },
        d: { examples: [{ minLength: 9 }], default: { maxLength: 9 } },
      },
    };
    expect(await lengthRules(schema)).toEqual([
      { pointer: '/properties/a/maxLength', keyword: 'maxLength', limit: 3 },
      { pointer: '/properties/b~1c/oneOf/0/minLength', keyword: 'minLength', limit: 2 },
      { pointer: '/properties/b~1c/oneOf/1/items/minLength', keyword: 'minLength', limit: 1 },
    ]);
  });

  it.each(['', 'a', '😀', '\uD83D', 'é'])(
    'judges %j as the full ajv compile does, wherever minLength 1 applies',
    (text) => {
      const full = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true });
      full.addKeyword('tsType');
      const check = full.compile(configSchema());
      const configs = [
        { name: text },
        { name: 'x', output: text },
        { name: 'x', items: [{ name: text, url: 'u' }] },
        { name: 'x', items: [{ name: 'r', url: text }] },
        { name: 'x', auth: { type: 'oauth2', tokenUrl: text } },
        { name: 'x', auth: { type: 'bearer', tokenVariable: text } },
        { name: 'x', scripts: { prerequest: [text] } },
      ];
      for (const config of configs) expect([config, precompiledValidate(config)]).toEqual([config, check(config)]);
      // the empty string fails everywhere, every other text passes: the check is not vacuous
      expect(configs.map((c) => precompiledValidate(c))).toEqual(configs.map(() => text !== ''));
    },
  );
});
