import { ExitCode, GenCollectionError } from '../errors.js';
import { stderr } from './streams.js';

/**
 * Prints an error to stderr and returns the exit code: our own errors as their message (no stack); anything
 * else is a bug, reported in one line asking for a report (the stack only with `DEBUG=gen-collection`) and
 * exiting 70, never 1, which means "audit found secrets".
 */
export function reportError(error: unknown): ExitCode {
  if (error instanceof GenCollectionError) {
    stderr().write(`gen-collection: error: ${error.message}\n`);
    return error.exitCode;
  }
  const e = error as Error | undefined;
  const summary = e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(error);
  stderr().write(
    `gen-collection: internal error (a bug): ${summary}. Please report it with the command you ran (DEBUG=gen-collection shows the stack).\n`,
  );
  if (debugging()) stderr().write(`${e?.stack ?? String(error)}\n`);
  return ExitCode.internalError;
}

/** Whether `DEBUG` names gen-collection (a comma- or space-separated list, `*` for everything, as the debug package reads it). */
function debugging(): boolean {
  return (process.env.DEBUG ?? '').split(/[\s,]+/).some((name) => name === '*' || name === 'gen-collection');
}

/** Prints collected warnings once, at the end. */
export function printWarnings(warnings: readonly string[]): void {
  for (const w of warnings) stderr().write(`gen-collection: warning: ${w}\n`);
}

/** A status line on stderr (stdout carries only output). */
export function info(message: string): void {
  stderr().write(`${message}\n`);
}
