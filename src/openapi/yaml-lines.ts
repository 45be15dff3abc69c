import { CORE_SCHEMA, load as parseYaml, type LoadOptions } from 'js-yaml';
import type { Locate } from '../json/locate.js';
import { pointerSegments } from '../json/pointer.js';
import { MAX_YAML_NESTING } from '../json/nesting.js';

/** A YAML spec as js-yaml reads it (core schema), and the line of each of its pointers. */
export interface YamlWithLines {
  root: unknown;
  locate: Locate;
}

/**
 * Parses a YAML spec and notes, with js-yaml's node events, the line each mapping and sequence opens on — its
 * key's line, as the config's locate gives it. One parse for the value and the lines: noting them costs about
 * a quarter of the parse, parsing again for the first warning (GitHub's spec has one) costs a whole parse and
 * a second tree (10 MB of YAML: 0.5 s, 40 MB). The config's YAML parser keeps every position too, but takes
 * ten times as long on a big spec. A scalar gets the line of the object holding it. Throws js-yaml's errors.
 * The lines are those of the tree as parsed: a tree changed afterwards (external refs bundled) needs `yamlLines`.
 */
export function parseYamlWithLines(source: string): YamlWithLines {
  const lines = new Map<object, number>();
  const open: number[] = [];
  // js-yaml 4.3 counts depth its own way (up to two per level): twice the limit stops it inside the stack
  // (its default, 100, would refuse specs the limit allows). @types/js-yaml does not know the option yet.
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
  return { root, locate: (pointer) => lineOf(root, lines, pointer) };
}

/**
 * The line of each pointer of a YAML text, parsed again on the first question only, for a spec whose parsed
 * tree was changed (external refs bundled into it): the lines of the text as written. A pointer the text does
 * not have (a part bundled from another file) gets none; text js-yaml cannot read gives none.
 */
export function yamlLines(source: string): Locate {
  let parsed: YamlWithLines | null | undefined;
  return (pointer) => {
    if (parsed === undefined) {
      try {
        parsed = parseYamlWithLines(source);
      } catch {
        parsed = null;
      }
    }
    return parsed?.locate(pointer);
  };
}

function lineOf(root: unknown, lines: Map<object, number>, pointer: string): ReturnType<Locate> {
  let node = root;
  let line = lines.get(node as object);
  for (const segment of pointerSegments(pointer)) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
    line = (typeof node === 'object' && node !== null ? lines.get(node) : undefined) ?? line;
  }
  return line === undefined ? undefined : { line, column: 1 };
}
