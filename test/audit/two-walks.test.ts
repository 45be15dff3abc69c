// scanValue finds the structural secrets on a first walk and, when some string holds a shaped secret, the
// shapes alone on a second walk, then puts the two in one order. It must give exactly what one walk applying
// every rule with the shapes known beforehand gives (auditInOneWalk): the same findings, located the same way,
// in the same order. Held here on the fixtures and on generated collections that put shapes and structural
// secrets side by side, in the same values and next to each other.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditInOneWalk, auditJson, locateSecrets } from '../../src/audit/scan-json.js';
import { FAMILIES, OWN_FAMILIES } from './fake-secrets.js';
import { params } from '../fuzz/property.js';

const fixtures = join(import.meta.dirname, '../fixtures');
const files = ['collections', 'secrets'].flatMap((dir) =>
  readdirSync(join(fixtures, dir))
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(fixtures, dir, name)),
);

function expectOneWalk(value: unknown): void {
  const oneWalk = auditInOneWalk('f.json', value);
  expect(auditJson('f.json', value)).toEqual(oneWalk.findings);
  expect(locateSecrets(value)).toEqual(oneWalk.located.map(({ path, secret }) => ({ path, secret })));
}

const shape = fc.constantFrom(...[...FAMILIES, ...OWN_FAMILIES].map(([, value]) => value));
const literal = fc.constantFrom('lit-s3cr3t-value', 'hunter2hunter2', 'abc123def456ghi7');
/** A value that may be a shape, a literal, a template, plain text, or several of them in one text. */
const text = fc.oneof(
  shape,
  literal,
  fc.constant('{{token}}'),
  fc.constant('plain words, nothing secret here'),
  fc.tuple(shape, literal, shape).map(([a, b, c]) => `${a} and ${b}; then ${c}`),
);
const secretName = fc.constantFrom('client_secret', 'password', 'api_key', 'note', 'Authorization', 'X-API-Key');

const request = fc.record({
  name: fc.constant('Case'),
  request: fc.record({
    method: fc.constant('POST'),
    header: fc.array(fc.record({ key: secretName, value: text }), { maxLength: 3 }),
    url: fc.oneof(
      fc.record({
        raw: fc.oneof(
          fc.constant('https://api.example.com/x'),
          text.map((t) => `https://svc:${encodeURIComponent(t)}@api.example.com/x?api_key=${encodeURIComponent(t)}`),
        ),
        query: fc.array(fc.record({ key: secretName, value: text }), { maxLength: 2 }),
      }),
      // a URL as one string (v2.0): its structural rules and its shapes judge the same value
      fc.tuple(literal, shape).map(([password, s]) => `https://svc:${password}@api.example.com/x?note=${s}`),
    ),
    body: fc.oneof(
      fc.record({
        mode: fc.constant('raw'),
        raw: fc.tuple(secretName, text, text).map(([k, v, w]) => JSON.stringify({ [k]: v, note: w })),
      }),
      fc.record({ mode: fc.constant('urlencoded'), urlencoded: fc.array(fc.record({ key: secretName, value: text })) }),
    ),
    auth: fc.option(
      fc.record({
        type: fc.constant('basic'),
        basic: fc.tuple(text, text).map(([u, p]) => [
          { key: 'username', value: u },
          { key: 'password', value: p },
        ]),
      }),
      { nil: undefined },
    ),
    description: text,
  }),
  response: fc.array(
    fc.record({ name: fc.constant('OK'), code: fc.constant(200), body: text.map((t) => JSON.stringify({ token: t })) }),
    { maxLength: 1 },
  ),
});
const collection = fc
  .tuple(fc.array(request, { minLength: 1, maxLength: 4 }), fc.array(request, { maxLength: 3 }), text)
  .map(([top, nested, description]) => ({
    info: { name: 'Generated', description, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/' },
    item: [...top, { name: 'Folder', item: nested }],
    variable: [{ key: 'client_secret', value: description }],
  }));

describe('the two walks of the audit give what one walk applying every rule gives', () => {
  it.each(files.map((file) => [file.slice(fixtures.length + 1), file]))('%s', (_name, file) => {
    expectOneWalk(JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')));
  });

  it('generated collections with shapes and structural secrets side by side', () => {
    let withShapes = 0;
    fc.assert(
      fc.property(collection, (value) => {
        expectOneWalk(value);
        if (auditJson('f.json', value).some((f) => !f.what.startsWith('literal'))) withShapes++;
      }),
      params(150),
    );
    // the property met the second walk, and the reordering, many times
    expect(withShapes).toBeGreaterThan(100);
  });
});
