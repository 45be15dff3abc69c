import type { Item, Request } from '../config/config-types.generated.js';
import { isObject, text } from '../json/json-value.js';
import { operationLabel, type Operation } from './operations.js';
import type { SpecContext } from './spec-context.js';

/** A mapped operation: the request and the operation it comes from. */
export type Entry = { op: Operation; request: Request };

/**
 * Requests grouped into one folder per first tag: folders in the order of the top-level `tags` list, then of
 * first use, each with the tag's description; untagged requests follow at the root. Sibling requests that
 * share a name (operations with the same summary) get their method and path added to it: Newman reports and
 * `--folder` tell items apart by name. `origins`, when given, receives the spec pointer of each folder (its tag)
 * and request (its operation).
 */
export function tagFolders(ctx: SpecContext, entries: Entry[], origins?: Map<Item, string>): Item[] {
  const declared = new Map<string, string | undefined>();
  const tagPointers = new Map<string, string>();
  if (Array.isArray(ctx.spec.tags)) {
    ctx.spec.tags.forEach((tag, i) => {
      const name = isObject(tag) ? text(tag.name) : undefined;
      if (!name || declared.has(name)) return;
      declared.set(name, isObject(tag) ? text(tag.description) : undefined);
      tagPointers.set(name, `/tags/${i}`);
    });
  }
  const folders = new Map<string, Entry[]>([...declared.keys()].map((name) => [name, []]));
  const root: Entry[] = [];
  for (const entry of entries) {
    const tags = entry.op.operation.value.tags;
    const tag = Array.isArray(tags) ? text(tags[0]) : undefined;
    if (!tag) {
      root.push(entry);
      continue;
    }
    if (!folders.has(tag)) folders.set(tag, []);
    if (!tagPointers.has(tag)) tagPointers.set(tag, `${entry.op.operation.pointer}/tags/0`);
    folders.get(tag)!.push(entry);
  }
  const items: Item[] = [];
  for (const [name, members] of folders) {
    if (members.length === 0) continue;
    const description = declared.get(name);
    const folder = { name, ...(description ? { description } : {}), items: distinctNames(members, new Set(), origins) };
    origins?.set(folder, tagPointers.get(name)!);
    items.push(folder);
  }
  return [...items, ...distinctNames(root, new Set(items.map((i) => i.name)), origins)];
}

/** The requests, each named apart from its siblings (`taken`: the names already used beside them). */
function distinctNames(entries: Entry[], taken: Set<string>, origins?: Map<Item, string>): Request[] {
  return entries.map(({ op, request }) => {
    let name = request.name;
    if (taken.has(name)) name = `${request.name} (${operationLabel(op)})`;
    for (let n = 2; taken.has(name); n++) name = `${request.name} (${operationLabel(op)}) ${n}`;
    taken.add(name);
    const named = name === request.name ? request : { ...request, name };
    origins?.set(named, op.operation.pointer);
    return named;
  });
}
