import { type ErrorCode, GenCollectionError } from '../errors.js';
import { formatFinding, type Finding } from './finding.js';

/** At most this many findings are listed in a refusal: enough to see the pattern, short enough to read. */
const MAX_LISTED = 10;

/** What a refusal says: what holds the secrets, the error code, the file and the fix. */
export interface Refusal {
  /** What holds the secrets, for the message: `the collection`, `the generated files`. */
  what: string;
  code: ErrorCode;
  /** The file the error is about; the first finding's pointer is given when the findings are in it. */
  file?: string;
  fix: string;
}

/**
 * Throws one GenCollectionError (exit 2) listing the findings, masked, when there are any: gen-collection
 * writes no file that `audit` would flag. Used by every command that writes Postman files.
 */
export function refuseSecrets(findings: readonly Finding[], refusal: Refusal): void {
  if (findings.length === 0) return;
  const inFile = refusal.file !== undefined && findings.every((f) => f.file === refusal.file);
  throw new GenCollectionError(refusal.code, secretsProblem(findings, refusal.what), {
    file: refusal.file,
    ...(inFile && { pointer: findings[0]!.pointer }),
    fix: refusal.fix,
  });
}

/** The problem a refusal states: how many literal secrets `what` holds, and the first ones listed, masked. */
export function secretsProblem(findings: readonly Finding[], what: string): string {
  const listed = findings.slice(0, MAX_LISTED).map((f) => `\n  ${formatFinding(f)}`);
  if (findings.length > MAX_LISTED) listed.push(`\n  … and ${findings.length - MAX_LISTED} more`);
  return `${findings.length} literal secret${findings.length === 1 ? '' : 's'} in ${what}, and gen-collection writes no file that audit would flag:${listed.join('')}`;
}
