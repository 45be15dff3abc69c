// What every reader of user input must do with any input: return a result or throw gen-collection's own error
// (exit 2, a code and a fix) — never a crash. Run counts: a fixed seed and few runs in `npm test`; `npm run fuzz`
// sets FUZZ_SEED (random) and FUZZ_SCALE (more runs).
import { appendFileSync, cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';
import type { GenCollectionError } from '../../src/errors.js';
import { okOrError } from '../helpers/gen-collection-error.js';
import { tempDir } from '../helpers/temp-dir.js';

/** The seed of every property in this run: fixed in CI so a failure reproduces, random under `npm run fuzz`. */
export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 16_016;
const SCALE = process.env.FUZZ_SCALE ? Number(process.env.FUZZ_SCALE) : 1;

/**
 * fast-check parameters for a property with `runs` runs in CI (scaled up by `npm run fuzz`). FUZZ_PATH replays
 * one reported counterexample; FUZZ_SHRINK=1 shrinks it (slow on big documents).
 */
export function params(runs: number): fc.Parameters<unknown> {
  return {
    seed: SEED,
    numRuns: Math.max(1, Math.round(runs * SCALE)),
    endOnFailure: process.env.FUZZ_SHRINK !== '1',
    ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
  };
}

let cases = 0;
/** Counts one case; `npm run fuzz` sums the counts of every test file (FUZZ_COUNT_FILE). */
export function countCase(): void {
  cases++;
}
afterAll(() => {
  if (process.env.FUZZ_COUNT_FILE) appendFileSync(process.env.FUZZ_COUNT_FILE, `${cases}\n`);
});

/** A vitest timeout for a property of `runs` runs at `msPerRun` each, with room for a loaded machine. */
export function timeout(runs: number, msPerRun: number): number {
  return 60_000 + Math.round(runs * SCALE) * msPerRun * 4;
}

/** Awaits `run`: a result passes; an error must be a GenCollectionError with a code, a fix and exit code 2. */
export async function returnsOrOwnError(run: () => unknown): Promise<'ok' | GenCollectionError> {
  countCase();
  const error = await okOrError(run);
  if (error === 'ok') {
    if (process.env.FUZZ_STATS) console.log('fuzz outcome: ok');
    return 'ok';
  }
  expect(error.code).toMatch(/^[a-z-]+$/);
  expect(error.fix, `no fix in: ${error.message.slice(0, 300)}`).toBeTruthy();
  expect(error.exitCode).toBe(2);
  if (process.env.FUZZ_STATS)
    console.log(
      `fuzz outcome: ${error.code} ${error.message
        .split('\n')[0]!
        .replace(/^.*?: /, '')
        .slice(0, 60)}`,
    );
  return error;
}

/** A temporary folder for this test file, removed after it. */
export function scratchDir(): string {
  return tempDir('gen-collection-fuzz-').dir;
}

/** Copies a folder (a config's scripts, a spec's referenced files) into `dir`. */
export function copyInto(from: string, dir: string): void {
  cpSync(from, dir, { recursive: true });
}

/** The seed documents of a folder: every file `accept` takes, as text and parsed value. */
export function seedsIn(
  dir: string,
  accept: (file: string) => boolean,
  parse: (text: string) => unknown,
): { file: string; text: string; value: unknown }[] {
  return readdirSync(dir)
    .filter((f) => statSync(join(dir, f)).isFile() && accept(f))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return { file: f, text, value: parse(text.replace(/^\uFEFF/, '')) };
    });
}

export const REPO = join(import.meta.dirname, '../..');
