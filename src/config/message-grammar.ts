/** The small grammar of messages: JSON type names, quoting (never a long value, which may be a secret), "a, b or c". */

/** The JSON type of a value as JSON Schema names it. */
export type JsonType = 'null' | 'array' | 'object' | 'string' | 'integer' | 'number' | 'boolean';

/** The JSON type of a parsed value (`undefined` counts as null). */
export function jsonType(value: unknown): JsonType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean') return typeof value as JsonType;
  return 'object';
}

/** A JSON type in words: `a list`, `an object`, `true/false`. */
export function typeName(type: JsonType | string): string {
  const names: Record<string, string> = {
    null: 'an empty value',
    array: 'a list',
    object: 'an object',
    string: 'a string',
    integer: 'a number',
    number: 'a number',
    boolean: 'true/false',
  };
  return names[type] ?? type;
}

/** A schema `type` (one or several) in words, joined with "or". */
export function describeTypes(type: unknown): string {
  if (type === 'integer') return 'a whole number';
  return orList(([] as unknown[]).concat(type ?? 'any value').map((t) => typeName(String(t))));
}

/** A value quoted for a message; long or multi-line values are not shown (they may be secrets). */
export function shown(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string' && value.length <= 40 && !/[\r\n]/.test(value)) return JSON.stringify(value);
  return typeName(jsonType(value));
}

/** A key or value in double quotes. */
export function quote(s: string): string {
  return `"${s}"`;
}

/** "a, b or c". */
export function orList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** "a, b and c". */
export function andList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
