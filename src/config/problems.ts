import { type ErrorCode, GenCollectionError } from '../errors.js';
import { formatProblemLine } from '../warnings.js';
import { type Locate, locateNearest } from '../json/locate.js';

/** One thing wrong (or worth a warning) in a config, before it is given a file position. */
export interface Problem {
  /** JSON pointer of the offending key. */
  pointer: string;
  problem: string;
  fix?: string;
}

/** At most this many problems are listed in one error: the first ones are what to fix first. */
const MAX_LISTED = 25;

/** The fix of a problem whose own words already say what is expected (a type, a range): where to read more. */
const REFERENCE_FIX =
  'see "Config reference" in the README for what each key takes (editors check it through "$schema")';

/** `file:line: /pointer: problem. fix: …` — the one-line form used in problem lists and warnings. */
export function formatProblem(p: Problem, file: string, locate?: Locate): string {
  return formatProblemLine(p.problem, {
    file,
    line: locateNearest(locate, p.pointer)?.line,
    pointer: p.pointer,
    fix: p.fix,
  });
}

/** One GenCollectionError (exit 2) for a list of problems, sorted by line; one problem keeps its own pointer, line and fix. */
export function problemsError(
  code: ErrorCode,
  problems: readonly Problem[],
  file: string,
  locate?: Locate,
): GenCollectionError {
  const placed = byLine(problems, locate);
  if (placed.length === 1) {
    const [{ p, line }] = placed;
    return new GenCollectionError(code, p.problem, { file, pointer: p.pointer, line, fix: p.fix ?? REFERENCE_FIX });
  }
  const listed = placed.slice(0, MAX_LISTED).map(({ p }) => '  ' + formatProblem(p, file, locate));
  if (placed.length > MAX_LISTED) listed.push(`  … and ${placed.length - MAX_LISTED} more`);
  return new GenCollectionError(code, `${placed.length} problems in the config:\n${listed.join('\n')}`, {
    file,
    fix: `fix each one listed; ${REFERENCE_FIX}`,
  });
}

/** Problems with their line, in file order (those without a line last, in their given order). */
export function byLine(problems: readonly Problem[], locate?: Locate): { p: Problem; line?: number }[] {
  return problems
    .map((p, index) => ({ p, index, line: locateNearest(locate, p.pointer)?.line }))
    .sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || a.index - b.index);
}

/** Drops repeats (the same message for the same key, e.g. from several schema branches). */
export function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.pointer}\u0000${p.problem}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
