import type { Locate } from '../json/locate.js';
import { GenCollectionError } from '../errors.js';
import type { Place, Warnings } from '../warnings.js';
import { problemOf } from './spec-problem.js';

/** What the mapping steps add warnings to: the run's bag, seen through `specWarnings`. */
export type WarningSink = Pick<Warnings, 'add'>;

/** `place` with the spec's line of its pointer added, when it names the spec and the line is known. */
export function withSpecLine(place: Place, file: string, locate: Locate | undefined): Place {
  if (!locate || place.file !== file || place.pointer === undefined || place.line !== undefined) return place;
  const line = locate(place.pointer)?.line;
  return line === undefined ? place : { ...place, line };
}

/** The run's warnings bag, each warning that names a pointer of the spec given its line (YAML specs). */
export function specWarnings(bag: Warnings, file: string, locate: Locate | undefined): WarningSink {
  return locate ? { add: (problem, place) => bag.add(problem, place && withSpecLine(place, file, locate)) } : bag;
}

/** The error with the spec's line of its pointer added (YAML specs); other errors as they are. */
export function withSpecLineError(error: unknown, file: string, locate: Locate | undefined): unknown {
  if (!(error instanceof GenCollectionError) || error.line !== undefined) return error;
  const place = withSpecLine({ file: error.file, pointer: error.pointer }, file, locate);
  if (place.line === undefined) return error;
  return new GenCollectionError(error.code, problemOf(error), {
    file: error.file,
    pointer: error.pointer,
    line: place.line,
    fix: error.fix,
    exitCode: error.exitCode,
  });
}
