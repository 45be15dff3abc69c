import { childPointer } from '../json/pointer.js';
import { isObject, type JsonObject } from '../json/json-value.js';
import type { Located } from './local-refs.js';
import { unlessInvalid } from './spec-problem.js';
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

/**
 * Every operation, in document order (paths, then methods as the path item lists them). A path item or
 * operation that is not an object is left out with a warning: one broken entry does not lose the spec.
 */
export function listOperations(ctx: SpecContext): Operation[] {
  const paths = isObject(ctx.spec.paths) ? ctx.spec.paths : {};
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    if (path.startsWith('x-')) continue;
    const at = childPointer('/paths', path);
    const pathItem = unlessInvalid(ctx, "the path's operations are left out", at, () => ctx.refs.resolve(rawItem, at));
    if (!pathItem) continue;
    if (!isObject(pathItem.value)) {
      leftOut(ctx, 'the path item is not an object: its operations are left out', pathItem.pointer);
      continue;
    }
    for (const [key, operation] of Object.entries(pathItem.value)) {
      if (!METHODS.has(key)) continue;
      const pointer = childPointer(pathItem.pointer, key);
      if (!isObject(operation)) {
        leftOut(ctx, `the ${key} operation is not an object: it is left out`, pointer);
        continue;
      }
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

function leftOut(ctx: SpecContext, problem: string, pointer: string): void {
  ctx.warnings.add(problem, { file: ctx.file, pointer, fix: 'see the OpenAPI specification for the path item object' });
}

/** `GET /pets/{id}`: how messages name an operation. */
export function operationLabel(op: Operation): string {
  return `${op.method} ${op.path}`;
}
