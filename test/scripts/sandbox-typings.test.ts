import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SANDBOX_MODULES } from '../../src/scripts/sandbox-externals.js';
import { MODULES_TYPED_BY_SANDBOX_TYPINGS, sandboxTypingFile } from '../../src/scripts/sandbox-typings.js';

// a variable specifier: the generator is plain .mjs without type declarations
const generator = new URL('../../scripts/gen-sandbox-types.mjs', import.meta.url).href;
const generateSandboxTypes = async (event: string): Promise<string> =>
  ((await import(generator)) as { generateSandboxTypes: (event: string) => Promise<string> }).generateSandboxTypes(
    event,
  );

describe('sandboxTypingFile', () => {
  it.each(['prerequest', 'test'] as const)(
    '%s: shipped, up to date with its sources (else run npm run gen:types), without Node',
    async (event) => {
      const file = sandboxTypingFile(event);
      expect(file).toMatch(new RegExp(`[\\\\/]sandbox[\\\\/]${event}\\.d\\.ts$`));
      expect(existsSync(file)).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(text).toBe(await generateSandboxTypes(event));
      expect(text).not.toContain('<reference types="node"');
      expect(text).toContain('declare module "postman-collection"');
    },
  );

  it.each(['prerequest', 'test'] as const)(
    '%s: declares every untyped sandbox module as a pattern (used only when the import has no types)',
    (event) => {
      const text = readFileSync(sandboxTypingFile(event), 'utf8');
      const patterns = [...text.matchAll(/^declare module "([^"]+)\*";$/gm)].map((m) => m[1]);
      expect(patterns).toEqual(SANDBOX_MODULES.filter((m) => !MODULES_TYPED_BY_SANDBOX_TYPINGS.includes(m)));
    },
  );

  it.each([
    ['test', /response: import\("postman-collection"\)\.Response/, /skipRequest\(\): void/],
    ['prerequest', /skipRequest\(\): void/, /response: import\("postman-collection"\)\.Response/],
  ] as const)('%s: has its own API and not the other event’s', (event, present, absent) => {
    const text = readFileSync(sandboxTypingFile(event), 'utf8');
    expect(text).toMatch(present);
    expect(text).not.toMatch(absent);
  });
});
