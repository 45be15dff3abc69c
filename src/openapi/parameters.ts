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
  const p = param.value;
  if (p.example !== undefined) return flatten(p.example);
  const example = firstExample(ctx, p.examples, childPointer(param.pointer, 'examples'));
  if (example !== undefined) return flatten(example);
  const schema = ctx.refs.resolve(p.schema, childPointer(param.pointer, 'schema')).value;
  const fromSchema = isObject(schema) ? givenValue(schema) : undefined;
  if (fromSchema !== undefined) return flatten(fromSchema);
  const fromContent = contentExample(ctx, p.content, childPointer(param.pointer, 'content'));
  if (fromContent !== undefined) return flatten(fromContent);
  // Swagger 2.0 keeps type, default and enum on the parameter itself.
  const own = givenValue(p);
  return own === undefined ? '' : flatten(own);
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

/** Config values are scalars: lists become comma-separated (form style), objects JSON. */
export function flatten(value: unknown): string | number | boolean {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))
    return value.map((v) => String(v ?? '')).join(',');
  return JSON.stringify(value);
}

/** A config list entry for a parameter: required ones enabled, optional ones disabled. */
export function parameterEntry(
  ctx: SpecContext,
  param: Located<JsonObject>,
  key = param.value.name as string,
): KeyValueItem {
  const description = text(param.value.description);
  return {
    key,
    value: parameterValue(ctx, param),
    ...(description ? { description } : {}),
    ...(param.value.required === true ? {} : { disabled: true }),
  };
}
