/** A parsed JSON (or YAML) object: untyped input until each part is checked. */
export type JsonObject = Record<string, unknown>;

/** True for a plain object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text without a leading UTF-8 byte-order mark (the Postman app on Windows and some editors add one). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The string at `value`, trimmed, or undefined when it is not a non-blank string. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * The value at a path of keys and indexes inside a parsed JSON value, or undefined where the path leads nowhere
 * (own members only: a key named `constructor` finds nothing inherited).
 */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
