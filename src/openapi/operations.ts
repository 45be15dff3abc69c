import { childPointer } from '../json/pointer.js';
import { GenCollectionError } from '../errors.js';
import { isObject, type JsonObject } from '../json/json-value.js';
import type { Located } from './local-refs.js';
import type { SpecContext } from './spec-context.js';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** One operation of the spec with its path item, both located. */
export interface Operation {
  /** Upper-cased HTTP method. */
  method: string;
  path: string;
  pathItem: Located<JsonObject>;
  operation: Located<JsonObject>;
}

/** Every operation, in document order (paths, then methods as the path item lists them). */
export function listOperations(ctx: SpecContext): Operation[] {
  const paths = isObject(ctx.spec.paths) ? ctx.spec.paths : {};
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    if (path.startsWith('x-')) continue;
    const pathItem = ctx.refs.resolve(rawItem, childPointer('/paths', path));
    if (!isObject(pathItem.value)) throw invalid(ctx, 'a path item must be an object', pathItem.pointer);
    for (const [key, operation] of Object.entries(pathItem.value)) {
      if (!METHODS.has(key)) continue;
      const pointer = childPointer(pathItem.pointer, key);
      if (!isObject(operation)) throw invalid(ctx, `the ${key} operation must be an object`, pointer);
      operations.push({
        method: key.toUpperCase(),
        path,
        pathItem: { value: pathItem.value, pointer: pathItem.pointer },
        operation: { value: operation, pointer },
      });
    }
  }
  return operations;
}

/** `GET /pets/{id}`: how messages name an operation. */
export function operationLabel(op: Operation): string {
  return `${op.method} ${op.path}`;
}

function invalid(ctx: SpecContext, problem: string, pointer: string): GenCollectionError {
  return new GenCollectionError('spec-invalid', problem, {
    file: ctx.file,
    pointer,
    fix: 'see the OpenAPI specification for the path item object',
  });
}
