import { shapedSecrets } from '../audit/shaped-secrets.js';
import { childPointer } from '../json/pointer.js';
import { isObject, text, type JsonObject } from '../json/json-value.js';
import type { Located } from './local-refs.js';
import { unlessInvalid } from './spec-problem.js';
import { givenValue } from './schema-sample.js';
import type { SpecContext } from './spec-context.js';

/** A query parameter, header, path variable or form field as the config lists it. */
export interface KeyValueItem {
  key: string;
  value: string | number | boolean;
  description?: string;
  disabled?: boolean;
}

/**
 * The parameters of an operation: path-level ones merged with the operation's (same `in` and `name`:
 * the operation's wins, in the path-level position), each `$ref` resolved and checked.
 */
export function mergedParameters(
  ctx: SpecContext,
  pathItem: Located<JsonObject>,
  operation: Located<JsonObject>,
): Located<JsonObject>[] {
  const merged = new Map<string, Located<JsonObject>>();
  for (const owner of [pathItem, operation]) {
    for (const param of parameterList(ctx, owner)) merged.set(`${param.value.in}\n${param.value.name}`, param);
  }
  return [...merged.values()];
}

function parameterList(ctx: SpecContext, owner: Located<JsonObject>): Located<JsonObject>[] {
  const list = owner.value.parameters;
  const pointer = childPointer(owner.pointer, 'parameters');
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    ctx.warnings.add('parameters is not a list: its parameters are left out of the request', {
      file: ctx.file,
      pointer,
      fix: 'make parameters a list of parameter objects',
    });
    return [];
  }
  return list.flatMap((entry, i) => {
    const at = childPointer(pointer, i);
    const param = unlessInvalid(ctx, 'the parameter is left out of the request', at, () => ctx.refs.resolve(entry, at));
    if (!param) return [];
    const unusable = unusableParameter(param.value);
    if (unusable) {
      ctx.warnings.add(`${unusable.problem}: the parameter is left out of the request`, {
        file: ctx.file,
        pointer: param.pointer,
        fix: unusable.fix,
      });
      return [];
    }
    return [{ value: param.value as JsonObject, pointer: param.pointer }];
  });
}

/** HTTP header names are tokens (RFC 9110 §5.1): Node refuses to send any other, so Newman would fail the request. */
export function isHeaderName(name: string): boolean {
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name);
}

/**
 * Why a parameter cannot become a key of the request (an unnamed one, a header name HTTP cannot carry, …),
 * or undefined when it can. A body parameter's name is never sent, so any name does.
 */
function unusableParameter(value: unknown): { problem: string; fix: string } | undefined {
  if (!isObject(value) || typeof value.in !== 'string' || typeof value.name !== 'string') {
    return {
      problem: 'a parameter needs a string name and in',
      fix: "give the parameter 'name' and 'in' (path, query, header or cookie)",
    };
  }
  if (value.in === 'body') return undefined;
  if (value.name.trim() === '') {
    return {
      problem: `the ${value.in} parameter has an empty name`,
      fix: 'give the parameter the name it is sent with',
    };
  }
  if (value.in === 'header' && !isHeaderName(value.name.trim())) {
    return {
      problem: `header name '${value.name}' is not an HTTP token (letters, digits and !#$%&'*+.^_\`|~-)`,
      fix: 'give the header the name it is sent with',
    };
  }
  return undefined;
}

/** The value a parameter is sent with: its example, else its schema's example/default/enum, else empty. */
export function parameterValue(ctx: SpecContext, param: Located<JsonObject>): string | number | boolean {
  return flatten(givenParameterValue(ctx, param));
}

/** The example, default or enum value a parameter gives, as the spec writes it (undefined when none). */
function givenParameterValue(ctx: SpecContext, param: Located<JsonObject>): unknown {
  const p = param.value;
  if (p.example !== undefined) return p.example;
  const example = firstExample(ctx, p.examples, childPointer(param.pointer, 'examples'));
  if (example !== undefined) return example;
  const schema = ctx.refs.resolve(p.schema, childPointer(param.pointer, 'schema')).value;
  const fromSchema = isObject(schema) ? givenValue(schema) : undefined;
  if (fromSchema !== undefined) return fromSchema;
  const fromContent = contentExample(ctx, p.content, childPointer(param.pointer, 'content'));
  if (fromContent !== undefined) return fromContent;
  // Swagger 2.0 keeps type, default and enum on the parameter itself.
  return givenValue(p);
}

/** Swagger 2.0's `collectionFormat`s that join a list into one value (`multi` repeats the parameter instead). */
const COLLECTION_SEPARATORS: Record<string, string> = { csv: ',', ssv: ' ', tsv: '\t', pipes: '|' };
/** OpenAPI 3's query `style`s that join a list into one value when not exploded. */
const STYLE_SEPARATORS: Record<string, string> = { form: ',', spaceDelimited: ' ', pipeDelimited: '|' };

/**
 * The entries of a query parameter whose value is a list or an object, serialised as the spec says (OpenAPI 3
 * `style` and `explode`, Swagger 2.0 `collectionFormat`), so that the request sends what the API parses: a list as
 * one entry per element (`form` exploded, OpenAPI 3's default; `multi`) or one value joined by `,`, ` `, a tab or `|`
 * (not exploded; Swagger 2.0's default `csv`); an object as one entry per property (`form` exploded), one
 * `name[property]` entry per property (`deepObject`) or `key,value` pairs (`form` not exploded). Every entry keeps
 * the parameter's description and its disabled flag (optional parameters are disabled). A scalar, a list holding
 * objects, an object in another style, or a parameter given as `content`: one entry, as `parameterEntry` makes it.
 */
export function queryEntries(ctx: SpecContext, param: Located<JsonObject>): KeyValueItem[] {
  const value = givenParameterValue(ctx, param);
  const entry = parameterEntry(ctx, param, undefined, flatten(value));
  const p = param.value;
  // a parameter given as `content` (3.x) is sent in that media type, whole: JSON text, as `parameterEntry` has it
  if (p.content !== undefined && p.schema === undefined) return [entry];
  if (!isObject(value) && !Array.isArray(value)) return [entry];
  const swagger = ctx.version === '2.0';
  const style = swagger ? undefined : typeof p.style === 'string' ? p.style : 'form';
  const explode = swagger
    ? p.collectionFormat === 'multi'
    : typeof p.explode === 'boolean'
      ? p.explode
      : style === 'form';
  /** One entry per pair; an empty list or object keeps the parameter, empty. */
  const entries = (pairs: [string, unknown][]): KeyValueItem[] =>
    pairs.length === 0 ? [{ ...entry, value: '' }] : pairs.map(([key, v]) => ({ ...entry, key, value: flatten(v) }));
  if (Array.isArray(value)) {
    if (value.some((v) => v !== null && typeof v === 'object')) return [entry];
    if (explode) return entries(value.map((v) => [entry.key, v]));
    const separator = swagger
      ? (COLLECTION_SEPARATORS[String(p.collectionFormat ?? 'csv')] ?? ',')
      : (STYLE_SEPARATORS[style!] ?? ',');
    return [{ ...entry, value: value.map((v) => String(flatten(v))).join(separator) }];
  }
  if (style === 'deepObject') return entries(Object.entries(value).map(([k, v]) => [`${entry.key}[${k}]`, v]));
  if (style === 'form' && explode) return entries(Object.entries(value));
  if (style === 'form') {
    return [
      {
        ...entry,
        value: Object.entries(value)
          .flatMap(([k, v]) => [k, String(flatten(v))])
          .join(','),
      },
    ];
  }
  return [entry];
}

/** The value of the first entry of an `examples` map (3.x), `$ref`s resolved; externalValue-only entries have none. */
export function firstExample(ctx: SpecContext, examples: unknown, pointer: string): unknown {
  if (!isObject(examples)) return undefined;
  const first = Object.keys(examples)[0];
  if (first === undefined) return undefined;
  const example = ctx.refs.resolve(examples[first], childPointer(pointer, first)).value;
  return isObject(example) ? example.value : undefined;
}

function contentExample(ctx: SpecContext, content: unknown, pointer: string): unknown {
  if (!isObject(content)) return undefined;
  const media = Object.keys(content)[0];
  if (media === undefined || !isObject(content[media])) return undefined;
  const m = content[media];
  const at = childPointer(pointer, media);
  if (m.example !== undefined) return m.example;
  const example = firstExample(ctx, m.examples, childPointer(at, 'examples'));
  if (example !== undefined) return example;
  const schema = ctx.refs.resolve(m.schema, childPointer(at, 'schema')).value;
  return isObject(schema) ? givenValue(schema) : undefined;
}

/**
 * A path parameter's value as a path segment carries it: what is not a path character of RFC 3986 (unreserved, sub-
 * delimiters, `:` and `@`) is percent-encoded as UTF-8, `%` included, as OpenAPI's `simple` style expands a value.
 * The runners send a path variable's value as written: Newman 6 sent `a/b` as two segments, and a `?` or `#` would
 * end the path (it encodes a space or an `é` itself, the same way). A `{{variable}}` is left as it is, and so is a
 * value that holds a secret's shape: the build's redaction finds it there and writes it empty, where encoded (a `/`
 * as `%2F`) it would no longer match its shape (a Slack webhook URL, an AWS secret key).
 */
export function pathSegmentValue(value: string | number | boolean): string | number | boolean {
  if (typeof value !== 'string') return value;
  const encoded = value
    .split(/(\{\{[^{}]*\}\})/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(NOT_PATH_CHARACTER, percentEncoded)))
    .join('');
  return encoded === value || shapedSecrets(value).length > 0 ? value : encoded;
}

const NOT_PATH_CHARACTER = /[^A-Za-z0-9\-._~!$&'()*+,;=:@]/gu;

/** A character as `%XX` per UTF-8 byte (a lone surrogate as U+FFFD's, where `encodeURIComponent` would throw). */
function percentEncoded(character: string): string {
  let out = '';
  for (const byte of Buffer.from(character, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/** Config values are scalars: lists become comma-separated (form style), objects JSON. */
export function flatten(value: unknown): string | number | boolean {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))
    return value.map((v) => String(v ?? '')).join(',');
  return JSON.stringify(value);
}

/**
 * A config list entry for a parameter: required ones enabled, optional ones disabled. `value`: the parameter's own
 * (`parameterValue`) unless given.
 */
export function parameterEntry(
  ctx: SpecContext,
  param: Located<JsonObject>,
  key = param.value.name as string,
  value = parameterValue(ctx, param),
): KeyValueItem {
  const description = text(param.value.description);
  return {
    key,
    value,
    ...(description ? { description } : {}),
    ...(param.value.required === true ? {} : { disabled: true }),
  };
}
