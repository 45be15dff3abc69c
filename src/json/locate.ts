/** A 1-based position in a source file. */
export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Finds where a JSON pointer's key sits in the source: the position of the key for an object
 * member, of the element for an array element, of the value for the root; undefined when the path
 * does not exist in the source.
 */
export type Locate = (pointer: string) => SourcePosition | undefined;

/** A parsed config source: the plain value and where each key sits. */
export interface ParsedSource {
  value: unknown;
  locate: Locate;
}

/** The position of `pointer`, or of its nearest ancestor that exists (e.g. the object a required key is missing from). */
export function locateNearest(locate: Locate | undefined, pointer: string): SourcePosition | undefined {
  if (!locate) return undefined;
  let current = pointer;
  for (;;) {
    const found = locate(current);
    if (found || current === '') return found;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}

/** Offsets to 1-based line/column: the `yaml` package's `LineCounter`, or `lineCounterFor`'s table. */
export interface LinePositions {
  linePos(offset: number): { line: number; col: number };
}

/**
 * Maps character offsets of `text` to 1-based line/column, as the `yaml` package's `LineCounter` does (the same
 * binary search over line starts), without loading that package for a JSON input.
 */
export function lineCounterFor(text: string): LinePositions {
  const starts = [0]; // the yaml parser registers line 1 this way too
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    linePos(offset) {
      let low = 0;
      let high = starts.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (starts[mid]! < offset) low = mid + 1;
        else high = mid;
      }
      if (starts[low] === offset) return { line: low + 1, col: 1 };
      if (low === 0) return { line: 0, col: offset };
      return { line: low, col: offset - starts[low - 1]! + 1 };
    },
  };
}

/** 1-based line/column of an offset. */
export function positionAt(counter: LinePositions, offset: number): SourcePosition {
  const { line, col } = counter.linePos(offset);
  return { line, column: col };
}
