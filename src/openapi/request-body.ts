import { childPointer } from '../json/pointer.js';
import type { Body } from '../config/config-types.generated.js';
import { isObject, text, type JsonObject } from '../json/json-value.js';
import type { Located } from './local-refs.js';
import { firstExample, flatten, parameterEntry, type KeyValueItem } from './parameters.js';
import type { SchemaSampler } from './schema-sample.js';
import type { SpecContext } from './spec-context.js';

/** A request body and the Content-Type header it needs beyond what the body kind implies. */
export interface MappedBody {
  body: Body;
  contentType?: string;
}

type BodyKind = 'json' | 'urlencoded' | 'form' | 'raw';

/** The body of an operation: 3.x `requestBody`, or 2.0 `in: body` / `in: formData` parameters. */
export function requestBody(
  ctx: SpecContext,
  sampler: SchemaSampler,
  operation: Located<JsonObject>,
  params: Located<JsonObject>[],
): MappedBody | undefined {
  return ctx.version === '2.0' ? swaggerBody(ctx, sampler, operation, params) : openApiBody(ctx, sampler, operation);
}

function openApiBody(ctx: SpecContext, sampler: SchemaSampler, operation: Located<JsonObject>): MappedBody | undefined {
  if (operation.value.requestBody === undefined) return undefined;
  const requestBody = ctx.refs.resolve(operation.value.requestBody, childPointer(operation.pointer, 'requestBody'));
  if (!isObject(requestBody.value) || !isObject(requestBody.value.content)) return undefined;
  const content = requestBody.value.content;
  const contentPointer = childPointer(requestBody.pointer, 'content');
  const keys = Object.keys(content);
  const mediaType = preferredMediaType(keys.filter(isMediaType));
  for (const key of keys.filter((k) => !isMediaType(k))) {
    ctx.warnings.add(
      `content type '${key}' is not a media type (type/subtype): ${mediaType === undefined ? 'the request is sent without a body' : `the request body is '${mediaType}'`}`,
      {
        file: ctx.file,
        pointer: childPointer(contentPointer, key),
        fix: "name the media type, e.g. 'application/json'",
      },
    );
  }
  if (mediaType === undefined) return undefined;
  const mediaPointer = childPointer(contentPointer, mediaType);
  const media = isObject(content[mediaType]) ? content[mediaType] : {};
  const schema: Located = { value: media.schema, pointer: childPointer(mediaPointer, 'schema') };
  const example =
    media.example !== undefined
      ? media.example
      : firstExample(ctx, media.examples, childPointer(mediaPointer, 'examples'));
  return mapBody(ctx, sampler, mediaType, schema, example);
}

function swaggerBody(
  ctx: SpecContext,
  sampler: SchemaSampler,
  operation: Located<JsonObject>,
  params: Located<JsonObject>[],
): MappedBody | undefined {
  const consumes =
    mediaTypes(ctx, operation.value.consumes, childPointer(operation.pointer, 'consumes')) ??
    mediaTypes(ctx, ctx.spec.consumes, '/consumes') ??
    [];
  const bodyParam = params.find((p) => p.value.in === 'body');
  if (bodyParam) {
    const mediaType = consumes.find((m) => kindOf(m) === 'json') ?? consumes[0] ?? 'application/json';
    const schema: Located = { value: bodyParam.value.schema, pointer: childPointer(bodyParam.pointer, 'schema') };
    return mapBody(ctx, sampler, mediaType, schema, bodyParam.value['x-example']);
  }
  const fields = params.filter((p) => p.value.in === 'formData');
  if (fields.length === 0) return undefined;
  const multipart = consumes.some((m) => kindOf(m) === 'form') || fields.some((p) => p.value.type === 'file');
  const entries = fields.map((p) => parameterEntry(ctx, p));
  return { body: multipart ? { form: entries } : { urlencoded: entries } };
}

function mapBody(
  ctx: SpecContext,
  sampler: SchemaSampler,
  mediaType: string,
  schema: Located,
  example: unknown,
): MappedBody {
  const kind = kindOf(mediaType);
  const value = example !== undefined ? example : sampler.sample(schema.value, schema.pointer);
  switch (kind) {
    case 'json': {
      const json = value === undefined ? {} : typeof value === 'string' ? parseJsonText(value) : value;
      const plain = mediaType.split(';')[0]!.trim().toLowerCase() === 'application/json';
      return { body: { json }, ...(plain ? {} : { contentType: mediaType }) };
    }
    case 'urlencoded':
    case 'form': {
      const entries = fieldEntries(ctx, schema, value, example !== undefined);
      return { body: kind === 'form' ? { form: entries } : { urlencoded: entries } };
    }
    case 'raw':
      return {
        body: {
          raw: typeof value === 'string' ? value : '',
          ...(mediaType.includes('*') ? {} : { contentType: mediaType }),
        },
      };
  }
}

/** JSON media with a string example: authors often write the JSON text itself. */
function parseJsonText(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Form fields from an example or a sample object; with a sample, optional fields are disabled. */
function fieldEntries(ctx: SpecContext, schema: Located, value: unknown, fromExample: boolean): KeyValueItem[] {
  if (!isObject(value)) return [];
  const shape = objectShape(ctx, schema, new Set());
  const fields = Object.entries(value);
  if (fields.some(([key]) => key.trim() === '')) {
    ctx.warnings.add('a form field has an empty name: it is left out of the request body', {
      file: ctx.file,
      pointer: schema.pointer.slice(0, schema.pointer.lastIndexOf('/')),
      fix: 'give every field of the form the name it is sent with',
    });
  }
  return fields
    .filter(([key]) => key.trim() !== '')
    .map(([key, v]) => {
      const property = shape.properties.get(key);
      const description = property ? text(property.description) : undefined;
      const optional = !fromExample && !shape.required.has(key);
      return {
        key,
        value: flatten(v),
        ...(description ? { description } : {}),
        ...(optional ? { disabled: true } : {}),
      };
    });
}

interface ObjectShape {
  properties: Map<string, JsonObject>;
  required: Set<string>;
}

/** The properties and required names of an object schema, allOf parts merged in. */
function objectShape(ctx: SpecContext, schema: Located, seen: Set<string>): ObjectShape {
  const shape: ObjectShape = { properties: new Map(), required: new Set() };
  const target = ctx.refs.resolve(schema.value, schema.pointer);
  if (!isObject(target.value) || seen.has(target.pointer)) return shape;
  seen.add(target.pointer);
  const s = target.value;
  if (Array.isArray(s.allOf)) {
    s.allOf.forEach((part, i) => {
      const partShape = objectShape(
        ctx,
        { value: part, pointer: childPointer(childPointer(target.pointer, 'allOf'), i) },
        seen,
      );
      for (const [k, v] of partShape.properties) shape.properties.set(k, v);
      for (const r of partShape.required) shape.required.add(r);
    });
  }
  if (isObject(s.properties)) {
    for (const [k, v] of Object.entries(s.properties)) {
      const property = ctx.refs.resolve(v, childPointer(childPointer(target.pointer, 'properties'), k)).value;
      if (isObject(property)) shape.properties.set(k, property);
    }
  }
  if (Array.isArray(s.required)) for (const r of s.required) if (typeof r === 'string') shape.required.add(r);
  return shape;
}

/** application/json first, then other JSON types, urlencoded, multipart, then whatever comes first. */
function preferredMediaType(types: string[]): string | undefined {
  const rank = (m: string): number => {
    const base = m.split(';')[0]!.trim().toLowerCase();
    if (base === 'application/json') return 0;
    return { json: 1, urlencoded: 2, form: 3, raw: 4 }[kindOf(m)];
  };
  return types.reduce<string | undefined>(
    (best, m) => (best === undefined || rank(m) < rank(best) ? m : best),
    undefined,
  );
}

function kindOf(mediaType: string): BodyKind {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  if (base === 'application/json' || /^[a-z]+\/[^*]*\+json$/.test(base) || /^application\/[^*]*json$/.test(base))
    return 'json';
  if (base === 'application/x-www-form-urlencoded') return 'urlencoded';
  if (base === 'multipart/form-data') return 'form';
  return 'raw';
}

/** `type/subtype`, parameters allowed: what a Content-Type header can carry. */
function isMediaType(key: string): boolean {
  return /^[^\s/;]+\/[^\s/;]+\s*(;.*)?$/.test(key.trim());
}

/** A 2.0 `consumes` list: its media types, each other entry left out with a warning; undefined when none. */
function mediaTypes(ctx: SpecContext, value: unknown, pointer: string): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const types = value.filter((v, i): v is string => {
    if (typeof v === 'string' && isMediaType(v)) return true;
    ctx.warnings.add(`consumes entry ${JSON.stringify(v)} is not a media type (type/subtype): it is left out`, {
      file: ctx.file,
      pointer: childPointer(pointer, i),
      fix: "name the media type, e.g. 'application/json'",
    });
    return false;
  });
  return types.length > 0 ? types : undefined;
}
