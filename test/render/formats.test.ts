/** The output formats: one list for the schema, the command line and the renderer registry. */
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { collectFormat } from '../../src/render/format-option.js';
import { RENDERERS } from '../../src/render/index.js';
import { OUTPUT_FORMATS } from '../../src/render/render.js';

describe('output formats', () => {
  it('the schema enum of "formats" is OUTPUT_FORMATS', () => {
    const formats = (configSchema().properties as Record<string, { items: { enum: string[] } }>).formats!;
    expect(formats.items.enum).toEqual([...OUTPUT_FORMATS]);
  });

  it('every registered renderer is a known format', () => {
    for (const format of Object.keys(RENDERERS)) expect(OUTPUT_FORMATS).toContain(format);
  });

  it.each([
    { values: ['postman-v3'], expected: ['postman-v3'] },
    { values: ['postman', 'postman-v3'], expected: ['postman', 'postman-v3'] },
  ])('--format $values collects $expected', ({ values, expected }) => {
    expect(values.reduce<ReturnType<typeof collectFormat>>((all, v) => collectFormat(v, all), [])).toEqual(expected);
  });

  it.each([
    { value: 'Postman-V3', message: /unknown format "Postman-V3" \(did you mean postman-v3\?\)/ },
    { value: 'json', message: /unknown format "json"; use one of postman, postman-v3, bruno/ },
  ])('--format $value is refused with the known formats', ({ value, message }) => {
    expect(() => collectFormat(value)).toThrow(message);
  });
});
