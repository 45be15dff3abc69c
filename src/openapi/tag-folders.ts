import type { Item, Request } from '../config/config-types.generated.js';
import { isObject, text } from '../json/json-value.js';
import type { Operation } from './operations.js';
import type { SpecContext } from './spec-context.js';

/**
 * Requests grouped into one folder per first tag: folders in the order of the top-level `tags` list, then of
 * first use, each with the tag's description; untagged requests follow at the root.
 */
export function tagFolders(ctx: SpecContext, entries: { op: Operation; request: Request }[]): Item[] {
  const declared = new Map<string, string | undefined>();
  if (Array.isArray(ctx.spec.tags)) {
    for (const tag of ctx.spec.tags) {
      const name = isObject(tag) ? text(tag.name) : undefined;
      if (name && !declared.has(name)) declared.set(name, isObject(tag) ? text(tag.description) : undefined);
    }
  }
  const folders = new Map<string, Request[]>([...declared.keys()].map((name) => [name, []]));
  const root: Request[] = [];
  for (const { op, request } of entries) {
    const tags = op.operation.value.tags;
    const tag = Array.isArray(tags) ? text(tags[0]) : undefined;
    if (!tag) {
      root.push(request);
      continue;
    }
    if (!folders.has(tag)) folders.set(tag, []);
    folders.get(tag)!.push(request);
  }
  const items: Item[] = [];
  for (const [name, requests] of folders) {
    if (requests.length === 0) continue;
    const description = declared.get(name);
    items.push({ name, ...(description ? { description } : {}), items: requests });
  }
  return [...items, ...root];
}
