import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NON_ASCII_CHUNK as CHUNK, nonAsciiRuns, spliceRuns } from '../../src/openapi/non-ascii-runs.js';

/** The runs as a regular expression over the Latin-1 text finds them (what the function replaced). */
function oracle(bytes: Buffer, start: number): number[] {
  return [...bytes.toString('latin1', start).matchAll(/[\x80-\xff]+/g)].flatMap((m) => [
    start + m.index,
    start + m.index + m[0].length,
  ]);
}

describe('nonAsciiRuns: the runs of bytes ≥ 0x80', () => {
  it('finds what a regular expression finds, runs across chunk edges included (property)', () => {
    // runs placed anywhere in up to three chunks, and right at the chunk edges
    const place = fc.oneof(fc.nat(3 * CHUNK), fc.constantFrom(CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK - 2, 2 * CHUNK));
    const run = fc.record({
      at: place,
      bytes: fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.nat(3 * CHUNK + 10), fc.array(run, { maxLength: 30 }), fc.nat(4), (length, runs, start) => {
        const bytes = Buffer.alloc(length, 0x61);
        for (const r of runs) r.bytes.forEach((b, i) => r.at + i < length && (bytes[r.at + i] = b));
        const from = Math.min(start, length);
        expect(nonAsciiRuns(bytes, from)).toEqual(oracle(bytes, from));
      }),
      { numRuns: 200 },
    );
  });

  it('a text nearly all non-ASCII (every chunk holds runs), and an empty one', () => {
    const text = Buffer.from('日本語のテキスト a b ✓ '.repeat(20_000));
    expect(nonAsciiRuns(text, 0)).toEqual(oracle(text, 0));
    expect(nonAsciiRuns(Buffer.alloc(0), 0)).toEqual([]);
  });
});

describe('spliceRuns: the text from `start`, each run replaced', () => {
  // text of ASCII and UTF-8 characters of 2–4 bytes; a replacement per run, of Latin-1 characters
  const text = fc
    .array(fc.constantFrom('a', 'b', ' ', '\n', 'é', '’', '€', '🍫', '中'), { maxLength: 60 })
    .map((chars) => chars.join(''));
  const latin1 = fc.string({
    unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
    maxLength: 8,
  });

  it('into a new buffer, as a replace over the Latin-1 text gives it (property)', () => {
    fc.assert(
      fc.property(text, fc.nat(3), fc.array(latin1, { minLength: 60, maxLength: 60 }), (t, bom, replacements) => {
        const bytes = Buffer.concat([Buffer.alloc(bom, 0xef), Buffer.from(t)]);
        const runs = nonAsciiRuns(bytes, bom);
        let i = 0;
        const expected = bytes.toString('latin1', bom).replace(/[\x80-\xff]+/g, () => replacements[i++]!);
        const target = Buffer.alloc(bytes.length * 8 + 8);
        const length = spliceRuns(bytes, bom, runs, replacements, target);
        expect(target.toString('latin1', 0, length)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('in place, when no replacement is longer than its run (property)', () => {
    fc.assert(
      fc.property(text, fc.nat(3), (t, bom) => {
        const bytes = Buffer.concat([Buffer.alloc(bom, 0xef), Buffer.from(t)]);
        const runs = nonAsciiRuns(bytes, bom);
        // each run replaced by as many Latin-1 characters as it has characters: never longer than its bytes
        const replacements = Array.from({ length: runs.length / 2 }, (_, r) =>
          '¤'.repeat([...bytes.toString('utf8', runs[2 * r], runs[2 * r + 1])].length),
        );
        let i = 0;
        const expected = bytes.toString('latin1', bom).replace(/[\x80-\xff]+/g, () => replacements[i++]!);
        const length = spliceRuns(bytes, bom, runs, replacements, bytes);
        expect(bytes.toString('latin1', 0, length)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
