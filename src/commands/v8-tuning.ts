import { statSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * V8 settings for one run of the CLI, which lasts a second or two: never set by the library, whose process is the
 * caller's. Each is a V8 flag set at run time, and changing any flag costs time of its own: Node then loads its
 * internal modules without their code cache (measured on Node 20: `http`, `zlib` and two more took 16–17 ms instead
 * of 7–8), so a small input is left alone.
 */

/** From this size on, an input is large enough for `optimizeLess` to gain more than a flag change costs. */
export const LARGE_INPUT_BYTES = 256 * 1024;

/**
 * Node 20's V8 (11.x) compiles every function it finds hot with TurboFan on a helper thread. A run this short
 * rarely earns that back, and on two cores the compiler competes with the run and its garbage collector. Waiting
 * for 4 times the work before a function counts as hot (`--interrupt-budget`, 66 KB by default), Node 20, medians
 * of 15 interleaved runs: a 2,000-request `build` took 412 ms instead of 457 and 502 ms of CPU instead of 623; a
 * 10,000-request one 1,040 ms instead of 1,096 (CPU 1,329 / 1,524); `openapi` on Microsoft Graph 2.28 s instead of
 * 2.50 (CPU 2.91 / 3.47, 3 runs), on GitHub's spec the same wall time at 10% less CPU. A 500-request build (135 KB)
 * broke even on wall time. V8 12 and later (Node 22 on) tier up by invocation counts and know no such flag (it
 * would print an error): there it is not set, and a 2,000-request build gained nothing from the counterpart
 * settings tried (`--invocation-count-for-turbofan`, `--max-opt=2`).
 */
export function optimizeLess(): void {
  if (Number(process.versions.v8.split('.')[0]) >= 12) return;
  // node:v8 loaded only here: it took 3 ms, which a small build would pay for nothing
  const v8 = createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
  v8.setFlagsFromString('--interrupt-budget=270336');
}

/** `optimizeLess` for an input of `size` bytes (or characters, for a text read) that is large (`LARGE_INPUT_BYTES`). */
export function optimizeLessFor(size: number): void {
  if (size >= LARGE_INPUT_BYTES) optimizeLess();
}

/** `optimizeLessFor` the size of a file; nothing when it cannot be read (the command reports that itself). */
export function optimizeLessForFile(file: string): void {
  let bytes: number;
  try {
    bytes = statSync(file).size;
  } catch {
    return;
  }
  optimizeLessFor(bytes);
}
