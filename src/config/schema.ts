import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { childPointer } from '../json/pointer.js';

/** A JSON Schema node, as read from schema/config.schema.json. */
export type SchemaNode = { [keyword: string]: unknown };

/** Absolute path of the shipped config schema (works from src/ and dist/src/). */
export const CONFIG_SCHEMA_PATH: string = join(PACKAGE_ROOT, 'schema', 'config.schema.json');

let cached: SchemaNode | undefined;

/** The config JSON Schema, read once per process. */
export function configSchema(): SchemaNode {
  cached ??= JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as SchemaNode;
  return cached;
}

/** A definition of the schema by name, e.g. `definitions/oauth2Auth`. */
export function schemaDefinition(name: string): SchemaNode {
  return (configSchema().definitions as Record<string, SchemaNode>)[name];
}

let pointers: Map<unknown, string> | undefined;

/** The JSON pointer of a node inside the config schema (by identity), e.g. `/definitions/body/oneOf/3`. */
export function schemaPointerOf(node: unknown): string | undefined {
  if (!pointers) {
    const found = new Map<unknown, string>();
    const walk = (value: unknown, pointer: string): void => {
      if (value === null || typeof value !== 'object' || found.has(value)) return;
      found.set(value, pointer);
      for (const [key, child] of Object.entries(value)) walk(child, childPointer(pointer, key));
    };
    walk(configSchema(), '');
    pointers = found;
  }
  return pointers.get(node);
}
