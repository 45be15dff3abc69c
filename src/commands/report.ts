import { GenCollectionError } from '../errors.js';

/** Prints an error to stderr (no stack for our own errors) and returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof GenCollectionError) {
    process.stderr.write(`gen-collection: error: ${error.message}\n`);
    return error.exitCode;
  }
  const e = error as Error;
  process.stderr.write(`gen-collection: internal error: ${e?.stack ?? String(error)}\nPlease report this with the command you ran.\n`);
  return 1;
}

/** Prints collected warnings once, at the end. */
export function printWarnings(warnings: readonly string[]): void {
  for (const w of warnings) process.stderr.write(`gen-collection: warning: ${w}\n`);
}

/** A status line on stderr (stdout carries only output). */
export function info(message: string): void {
  process.stderr.write(`${message}\n`);
}
