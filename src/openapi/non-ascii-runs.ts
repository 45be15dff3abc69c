import { isAscii } from 'node:buffer';

/**
 * Bytes checked at a time for a byte ≥ 0x80 (natively): a spec's text is nearly all ASCII. The loop scans only
 * chunks that hold one, but each check makes a Buffer view: on GitHub's spec (52 runs), the first call takes
 * about 6 ms with 16 KB chunks, 10 ms with 64 KB, 11 ms with 1 KB (6 runs each).
 */
export const NON_ASCII_CHUNK = 1 << 14;

/**
 * Where the runs of bytes ≥ 0x80 are in `bytes` from `start`: `[start, end, start, end, …]`. In valid UTF-8 a
 * run is whole characters. Found in the bytes, not with a regular expression over a Latin-1 copy of the text:
 * chunks without one are skipped by `isAscii`, so a 13 MB spec with 40 such characters costs 2 ms warm, 6 ms on
 * the first call (the expression took 30 ms), and no second string the size of the text is made.
 */
export function nonAsciiRuns(bytes: Uint8Array, start: number): number[] {
  const runs: number[] = [];
  let i = start;
  while (i < bytes.length) {
    const end = Math.min(bytes.length, i + NON_ASCII_CHUNK);
    if (isAscii(bytes.subarray(i, end))) {
      i = end;
      continue;
    }
    // each byte is looked at once: by `isAscii` or here (a run may go on past the chunk)
    while (i < end) {
      if (bytes[i]! < 0x80) {
        i++;
        continue;
      }
      const runStart = i;
      while (i < bytes.length && bytes[i]! >= 0x80) i++;
      runs.push(runStart, i);
    }
  }
  return runs;
}

/**
 * Writes the text of `bytes` from `start` into `target` from its first byte, each run (`nonAsciiRuns`) replaced
 * by the Latin-1 bytes of its replacement; returns the length written. `target` may be `bytes` itself when no
 * replacement is longer than its run: each write then lands at or before what is still to be read (`copy`
 * handles the overlap).
 */
export function spliceRuns(
  bytes: Buffer,
  start: number,
  runs: readonly number[],
  replacements: readonly string[],
  target: Buffer,
): number {
  let at = 0;
  let from = start;
  for (let r = 0; r < runs.length; r += 2) {
    at += bytes.copy(target, at, from, runs[r]);
    at += target.write(replacements[r / 2]!, at, 'latin1');
    from = runs[r + 1]!;
  }
  return at + bytes.copy(target, at, from);
}
