import { childPointer } from '../json/pointer.js';
import { isObject, type JsonObject } from '../json/json-value.js';
import type { LocalRefs } from './local-refs.js';

/** Nesting depth of objects and arrays in a sample; deeper ones are written empty. */
const MAX_DEPTH = 4;
/** Schema nodes visited for one sample: wide schemas (Microsoft Graph) stay small and fast. */
const MAX_NODES = 300;

const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00',
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  uri: 'https://example.com',
  url: 'https://example.com',
  'uri-reference': 'https://example.com',
  iri: 'https://example.com',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  byte: 'c3RyaW5n',
  binary: '',
  password: '',
};

interface SampleState {
  nodes: number;
  /** Pointers of the schemas being expanded: meeting one again is a cycle, left out. */
  stack: Set<string>;
}

/**
 * Builds example values from schemas: the schema's own example, const, default or first enum value, else
 * a value of its type. Bounded in depth and size, safe on circular schemas, readOnly properties left out
 * (samples are request bodies). Samples of the same `$ref` are computed once and shared: treat them as
 * read-only.
 */
export class SchemaSampler {
  private readonly cache = new Map<string, unknown>();

  constructor(private readonly refs: LocalRefs) {}

  /** A sample of `schema` (found at `pointer`); undefined when nothing can be produced (a bare cycle). */
  sample(schema: unknown, pointer: string): unknown {
    const ref = isObject(schema) && typeof schema.$ref === 'string' ? schema.$ref : undefined;
    if (ref !== undefined && this.cache.has(ref)) return this.cache.get(ref);
    const value = this.node(schema, pointer, 0, { nodes: 0, stack: new Set() });
    if (ref !== undefined) this.cache.set(ref, value);
    return value;
  }

  private node(schema: unknown, pointer: string, depth: number, state: SampleState): unknown {
    const target = this.refs.resolve(schema, pointer);
    // A schema met again below itself is a cycle (through a $ref, or a bundled file that refers to itself).
    if (state.stack.has(target.pointer)) return undefined;
    state.stack.add(target.pointer);
    try {
      return this.resolved(target.value, target.pointer, depth, state);
    } finally {
      state.stack.delete(target.pointer);
    }
  }

  private resolved(schema: unknown, pointer: string, depth: number, state: SampleState): unknown {
    if (!isObject(schema)) return schema === false ? undefined : null;
    if (++state.nodes > MAX_NODES) return undefined;
    const given = givenValue(schema);
    if (given !== undefined) return given;

    const combined = this.combined(schema, pointer, depth, state);
    if (combined !== undefined) return combined;

    switch (schemaType(schema)) {
      case 'object':
        return this.object(schema, pointer, depth, state);
      case 'array': {
        if (depth >= MAX_DEPTH) return [];
        const item = this.node(schema.items, childPointer(pointer, 'items'), depth + 1, state);
        return item === undefined ? [] : [item];
      }
      case 'string':
        return typeof schema.format === 'string' && Object.hasOwn(FORMAT_SAMPLES, schema.format)
          ? FORMAT_SAMPLES[schema.format]
          : 'string';
      case 'integer':
      case 'number':
        return numberSample(schema);
      case 'boolean':
        return true;
      default:
        return null;
    }
  }

  /** allOf: the parts merged; oneOf/anyOf: the first option that gives a non-null value. */
  private combined(schema: JsonObject, pointer: string, depth: number, state: SampleState): unknown {
    const parts: unknown[] = [];
    if (Array.isArray(schema.allOf)) {
      schema.allOf.forEach((part, i) =>
        parts.push(this.node(part, childPointer(childPointer(pointer, 'allOf'), i), depth, state)),
      );
    }
    for (const key of ['oneOf', 'anyOf'] as const) {
      const options = schema[key];
      if (!Array.isArray(options) || parts.length > 0) continue;
      for (let i = 0; i < options.length; i++) {
        const value = this.node(options[i], childPointer(childPointer(pointer, key), i), depth, state);
        if (value !== undefined && value !== null) {
          parts.push(value);
          break;
        }
      }
    }
    if (parts.length === 0) return undefined;
    if (isObject(schema.properties)) parts.push(this.object(schema, pointer, depth, state));
    const objects = parts.filter(isObject);
    if (objects.length > 0) return Object.assign({}, ...objects);
    return parts.find((p) => p !== undefined);
  }

  private object(schema: JsonObject, pointer: string, depth: number, state: SampleState): JsonObject {
    const result: JsonObject = {};
    if (depth >= MAX_DEPTH || !isObject(schema.properties)) return result;
    const propertiesPointer = childPointer(pointer, 'properties');
    for (const [name, property] of Object.entries(schema.properties)) {
      const at = childPointer(propertiesPointer, name);
      const target = this.refs.resolve(property, at).value;
      if (isObject(target) && target.readOnly === true) continue;
      if (isObject(property) && property.readOnly === true) continue;
      const value = this.node(property, at, depth + 1, state);
      if (value !== undefined) result[name] = value;
    }
    return result;
  }
}

/** A value the schema states itself: example (3.1 examples), const, default, first enum value. */
export function givenValue(schema: JsonObject): unknown {
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema['x-example'] !== undefined) return schema['x-example'];
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.find((v) => v !== null) ?? null;
  return undefined;
}

/** The schema's type (3.1 type lists: the first that is not null), else the type its keywords imply. */
export function schemaType(schema: JsonObject): string | undefined {
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? schema.type[0]) : schema.type;
  if (typeof type === 'string') return type;
  if (schema.properties !== undefined || schema.additionalProperties !== undefined) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function numberSample(schema: JsonObject): number {
  if (typeof schema.minimum === 'number') return schema.exclusiveMinimum === true ? schema.minimum + 1 : schema.minimum;
  if (typeof schema.exclusiveMinimum === 'number') return schema.exclusiveMinimum + 1;
  if (typeof schema.maximum === 'number' && schema.maximum < 0) return schema.maximum;
  return 0;
}
