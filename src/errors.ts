/** Exit codes of the CLI, fixed by the contract: 70 is sysexits' EX_SOFTWARE, so a crash never reads as "audit found secrets". */
export const ExitCode = { ok: 0, checkFailed: 1, badInput: 2, internalError: 70 } as const;

/** One of the CLI's exit codes. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorCode =
  | 'usage'
  | 'config-read'
  | 'config-parse'
  | 'config-invalid'
  | 'config-secret'
  | 'script-missing'
  | 'script-type'
  | 'script-compat'
  | 'script-bundle'
  | 'spec-read'
  | 'spec-invalid'
  | 'collection-read'
  | 'collection-invalid'
  | 'auth-conflict'
  | 'output-exists'
  | 'io';

export interface GenCollectionErrorDetails {
  /** The file the problem is in (as the user named it). */
  file?: string;
  /** JSON pointer of the offending key, e.g. `/auth/tokenUrl`. */
  pointer?: string;
  /** 1-based line (and column) when known, e.g. for YAML or TypeScript errors. */
  line?: number;
  column?: number;
  /** What the user should do about it. */
  fix?: string;
  exitCode?: ExitCode;
}

/** The one error class of gen-collection: the CLI prints `message` without a stack and exits with `exitCode`. */
export class GenCollectionError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
  readonly fix?: string;
  readonly exitCode: ExitCode;

  constructor(code: ErrorCode, problem: string, details: GenCollectionErrorDetails = {}) {
    super(formatMessage(problem, details));
    this.name = 'GenCollectionError';
    this.code = code;
    this.file = details.file;
    this.pointer = details.pointer;
    this.line = details.line;
    this.column = details.column;
    this.fix = details.fix;
    this.exitCode = details.exitCode ?? ExitCode.badInput;
  }
}

/** `file:line:col: /pointer: problem. Fix: …` — every part optional but the problem. */
function formatMessage(problem: string, d: GenCollectionErrorDetails): string {
  let where = '';
  if (d.file) where += d.file + (d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : '');
  if (d.pointer !== undefined) where += (where ? ': ' : '') + (d.pointer === '' ? '/' : d.pointer);
  const head = where ? `${where}: ${problem}` : problem;
  return d.fix ? `${head}\n  fix: ${d.fix}` : head;
}
