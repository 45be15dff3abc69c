import { GenCollectionError } from '../errors.js';

/** One problem found in a user script file. */
export interface ScriptProblem {
  /** Absolute path of the file. */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  message: string;
  fix: string;
}

/** At most this many problems are listed in one error. */
const MAX_LISTED = 10;

/**
 * Turns the problems of one batch into one error: the first locates it (file, line, column, fix), the
 * next ones (up to ten in all) follow in the message, each with its own fix when it differs.
 */
export function scriptProblemsError(
  code: 'script-type' | 'script-compat',
  problems: readonly ScriptProblem[],
  display: (file: string) => string,
): GenCollectionError {
  const [first, ...rest] = problems;
  if (!first) throw new Error('scriptProblemsError needs at least one problem');
  const lines = [indentContinuation(first.message)];
  for (const p of rest.slice(0, MAX_LISTED - 1)) {
    const fix = p.fix === first.fix ? '' : ` (fix: ${p.fix})`;
    lines.push(`  ${display(p.file)}:${p.line}:${p.column}: ${indentContinuation(p.message)}${fix}`);
  }
  if (problems.length > MAX_LISTED) lines.push(`  … and ${problems.length - MAX_LISTED} more`);
  return new GenCollectionError(code, lines.join('\n'), {
    file: display(first.file),
    line: first.line,
    column: first.column,
    fix: first.fix,
  });
}

function indentContinuation(message: string): string {
  return message.replace(/\n/g, '\n    ');
}
