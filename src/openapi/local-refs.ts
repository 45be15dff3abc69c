import { childPointer, pointerSegments } from '../json/pointer.js';
import { GenCollectionError } from '../errors.js';
import { isObject } from '../json/json-value.js';

/** A value of the spec and the JSON pointer it was found at. */
export interface Located<T = unknown> {
  value: T;
  pointer: string;
}

/**
 * Resolves local `#/…` references on demand, caching each target. The spec is never dereferenced whole:
 * big specs (GitHub's is 13 MB) would multiply in memory, and circular schemas cannot be inlined at all.
 */
export class LocalRefs {
  private readonly cache = new Map<string, Located>();

  constructor(
    private readonly root: unknown,
    private readonly file: string,
  ) {}

  /** Follows `$ref` chains from `value` (found at `pointer`) to the value they name. */
  resolve(value: unknown, pointer: string): Located {
    let current: Located = { value, pointer };
    const seen = new Set<string>();
    while (isObject(current.value) && typeof current.value.$ref === 'string') {
      const ref = current.value.$ref;
      const at = childPointer(current.pointer, '$ref');
      if (seen.has(ref)) {
        throw new GenCollectionError('spec-invalid', `$ref '${ref}' refers to itself through a chain of $refs`, {
          file: this.file,
          pointer: at,
          fix: 'point the $ref at a definition, not at another $ref that leads back here',
        });
      }
      seen.add(ref);
      current = this.target(ref, at);
    }
    return current;
  }

  /** The target of one `$ref` string found at pointer `at`. */
  private target(ref: string, at: string): Located {
    const cached = this.cache.get(ref);
    if (cached) return cached;
    const fail = (reason: string, fix: string): GenCollectionError =>
      new GenCollectionError('spec-invalid', `$ref '${ref}' ${reason}`, { file: this.file, pointer: at, fix });
    if (!ref.startsWith('#'))
      throw fail('points outside the spec and was not bundled', 'check that the referenced file exists');
    let fragment: string;
    try {
      fragment = decodeURIComponent(ref.slice(1));
    } catch {
      throw fail('is not a valid URI fragment', 'percent-encode the reference correctly');
    }
    if (fragment !== '' && !fragment.startsWith('/')) {
      throw fail('is not a JSON pointer (anchors are not supported)', "use a '#/components/…' pointer");
    }
    let node: unknown = this.root;
    let walked = '';
    for (const segment of pointerSegments(fragment)) {
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) {
        throw fail(
          `does not resolve: ${walked || '/'} has no '${segment}'`,
          'point the $ref at an existing definition',
        );
      }
      node = (node as Record<string, unknown>)[segment];
      walked = childPointer(walked, segment);
    }
    const located = { value: node, pointer: fragment };
    this.cache.set(ref, located);
    return located;
  }
}
