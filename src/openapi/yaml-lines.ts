import { CORE_SCHEMA, load as parseYaml, type LoadOptions } from 'js-yaml';
import type { Locate } from '../json/locate.js';
import { pointerSegments } from '../json/pointer.js';
import { MAX_YAML_NESTING } from '../json/nesting.js';

/**
 * The line of each pointer of a YAML spec, for messages: the spec is parsed again on the first question only
 * (most specs have none worth a line), with js-yaml's node events, which give each mapping and sequence the
 * line it opens on — its key's line, as the config's locate gives it. The config's YAML parser keeps every
 * position too, but takes ten times as long on a big spec. A scalar gets the line of the object holding it; a
 * pointer the file does not have (a part bundled from another file) gets none.
 */
export function yamlLines(source: string): Locate {
  let parsed: { root: unknown; lines: Map<object, number> } | null | undefined;
  return (pointer) => {
    if (parsed === undefined) parsed = withLines(source);
    if (!parsed) return undefined;
    let node = parsed.root;
    let line = parsed.lines.get(node as object);
    for (const segment of pointerSegments(pointer)) {
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined;
      node = (node as Record<string, unknown>)[segment];
      line = (typeof node === 'object' && node !== null ? parsed.lines.get(node) : undefined) ?? line;
    }
    return line === undefined ? undefined : { line, column: 1 };
  };
}

function withLines(source: string): { root: unknown; lines: Map<object, number> } | null {
  const lines = new Map<object, number>();
  const open: number[] = [];
  try {
    const root = parseYaml(source, {
      schema: CORE_SCHEMA,
      maxDepth: 2 * MAX_YAML_NESTING,
      listener(event, state) {
        if (event === 'open') open.push(state.line + 1);
        else {
          const line = open.pop();
          const value: unknown = state.result;
          if (line !== undefined && typeof value === 'object' && value !== null && !lines.has(value))
            lines.set(value, line);
        }
      },
    } as LoadOptions);
    return { root, lines };
  } catch {
    return null;
  }
}
