import { SCRIPT_HEADER } from '../collection/events.js';

/**
 * One event's script text from its pieces (token code, bundled user scripts, generated tests): trailing
 * blank space trimmed, empty pieces dropped, a gen-collection header line in front unless the first piece
 * brings its own; undefined when nothing is left to run.
 */
export function scriptCode(pieces: readonly string[]): string | undefined {
  const code = pieces.map((s) => s.replace(/\s+$/, '')).filter((s) => s !== '');
  if (code.length === 0) return undefined;
  if (!code[0]!.startsWith('// gen-collection ')) code.unshift(SCRIPT_HEADER);
  return code.join('\n\n');
}
