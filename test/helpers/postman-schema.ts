/** Validation against the official Postman collection v2.1.0 schema (test/fixtures/schemas/). */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';

const schema = JSON.parse(
  readFileSync(new URL('../fixtures/schemas/postman-collection-v2.1.0.schema.json', import.meta.url), 'utf8'),
) as { definitions: { auth: { properties: { type: { enum: string[] } } } } };

/** The auth types the published schema knows; the Postman app also exports newer ones (jwt, asap). */
const SCHEMA_AUTH_TYPES = new Set(schema.definitions.auth.properties.type.enum);

// strict: false — the official schema uses `format`s and keywords ajv's strict mode refuses; they are not checked here
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

/**
 * Where and how `collection` breaks the v2.1.0 schema: `pointer: message` lines, none when it is valid. Auth
 * objects of a type the schema predates (the Postman app's jwt, asap) are left out: the schema cannot judge them.
 */
export function v21SchemaErrors(collection: unknown): string[] {
  const copy = withoutNewerAuthTypes(structuredClone(collection));
  if (validate(copy)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}

function withoutNewerAuthTypes(node: unknown): unknown {
  if (Array.isArray(node)) node.forEach(withoutNewerAuthTypes);
  else if (node && typeof node === 'object') {
    const object = node as Record<string, unknown>;
    const auth = object.auth as { type?: unknown } | undefined;
    if (auth && typeof auth.type === 'string' && !SCHEMA_AUTH_TYPES.has(auth.type)) delete object.auth;
    Object.values(object).forEach(withoutNewerAuthTypes);
  }
  return node;
}
