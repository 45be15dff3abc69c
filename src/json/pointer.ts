/** JSON pointers (RFC 6901): the way every message names a key of the config. */
import { valueAt as valueAtPath } from './json-value.js';

/** Builds a pointer from path segments, escaping `~` and `/`: `['items', 0, 'url']` → `/items/0/url`. */
export function toPointer(segments: readonly (string | number)[]): string {
  let pointer = '';
  for (const segment of segments) pointer += `/${escapeSegment(segment)}`;
  return pointer;
}

/** One segment with `~` and `/` escaped (the common segment has neither: no replace then). */
function escapeSegment(segment: string | number): string {
  const s = String(segment);
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
}

/** Splits a pointer into its unescaped segments: `/items/0/url` → `['items', '0', 'url']`; `''` → `[]`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Appends one segment to a pointer. */
export function childPointer(pointer: string, segment: string | number): string {
  return `${pointer}/${escapeSegment(segment)}`;
}

/** The value at `pointer` inside `data`, or undefined when the path does not exist. */
export function valueAt(data: unknown, pointer: string): unknown {
  return valueAtPath(data, pointerSegments(pointer));
}
