import { GenCollectionError } from '../errors.js';
import type { SpecContext } from './spec-context.js';

/** The problem of a GenCollectionError alone, without the `file:line: /pointer: ` before it and the fix after it. */
export function problemOf(e: GenCollectionError): string {
  const where = `${e.file ?? ''}${e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : ''}: `;
  const at = e.pointer === undefined ? '' : `${e.pointer || '/'}: `;
  return e.message.split('\n  fix: ')[0]!.replace(where, '').replace(at, '');
}

/**
 * `map()`, or undefined when the part of the spec it maps is invalid (a `$ref` that does not resolve, …): that
 * part is left out with a warning naming the spec's pointer and what was done (`consequence`), so one broken
 * entry does not lose the whole spec. Errors other than the spec's own go on.
 */
export function unlessInvalid<T>(ctx: SpecContext, consequence: string, pointer: string, map: () => T): T | undefined {
  try {
    return map();
  } catch (error) {
    if (!(error instanceof GenCollectionError) || error.code !== 'spec-invalid') throw error;
    ctx.warnings.add(`${problemOf(error)}: ${consequence}`, {
      file: ctx.file,
      pointer: error.pointer ?? pointer,
      fix: error.fix,
    });
    return undefined;
  }
}
