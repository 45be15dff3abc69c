/** Where a problem is: the file, and the key (JSON pointer) or line when known. */
export interface Place {
  file?: string;
  /** JSON pointer; `''` is the whole document (shown as `/`). */
  pointer?: string;
  line?: number;
  /** What the user should do about it. */
  fix?: string;
}

/** `file:line: /pointer: problem. fix: …`, every part optional but the problem: the one-line form of problem lists and warnings. */
export function formatProblemLine(problem: string, place: Place = {}): string {
  let where = place.file ? `${place.file}${place.line ? `:${place.line}` : ''}` : '';
  if (place.pointer !== undefined) where += `${where ? ': ' : ''}${place.pointer || '/'}`;
  return `${where ? `${where}: ` : ''}${problem}${place.fix ? `. fix: ${place.fix}` : ''}`;
}

/**
 * The warnings of one run (unbuild's `warn(ctx, msg)`): every step adds what it meets, with where it is;
 * the same warning twice is kept once; the CLI prints the list once, at the end, on stderr.
 */
export class Warnings {
  readonly list: string[] = [];

  add(problem: string, place?: Place): void {
    const line = formatProblemLine(problem, place);
    if (!this.list.includes(line)) this.list.push(line);
  }
}
