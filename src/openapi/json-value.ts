export { isObject, type JsonObject } from '../json-value.js';

/** The string at `value`, trimmed, or undefined when it is not a non-blank string. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
