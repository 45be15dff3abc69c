import { LineCounter } from 'yaml';

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

/** Maps character offsets of `text` to 1-based line/column. */
export function lineCounterFor(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0); // the yaml parser registers line 1 this way too
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
  return counter;
}

/** 1-based line/column of an offset. */
export function positionAt(counter: LineCounter, offset: number): SourcePosition {
  const { line, col } = counter.linePos(offset);
  return { line, column: col };
}
