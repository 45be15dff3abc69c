import { isAscii, isUtf8 } from 'node:buffer';
import { CORE_SCHEMA, load as parseYaml, type LoadOptions } from 'js-yaml';
import type { Locate } from '../json/locate.js';
import { pointerSegments } from '../json/pointer.js';
import { MAX_YAML_NESTING } from '../json/nesting.js';
import { nonAsciiRuns, spliceRuns } from './non-ascii-runs.js';

/** A YAML spec as js-yaml reads it (core schema), and the line of each of its pointers. */
export interface YamlWithLines {
  root: unknown;
  locate: Locate;
}

/**
 * The characters beyond Latin-1 of a YAML text, each written as a Latin-1 character the text does not use
 * (`oneByteYaml`): stand-in → character, and a pattern that finds every stand-in.
 */
export interface StandIns {
  chars: ReadonlyMap<string, string>;
  pattern: RegExp;
}

/** A YAML text for `parseYamlWithLines`, with the stand-ins it holds, if any. */
export interface YamlSource {
  text: string;
  standIns?: StandIns;
}

/**
 * Stand-in candidates: Latin-1 letters and signs, none of them YAML syntax, white space or a character
 * js-yaml refuses (it refuses 0x7F–0x9F but 0x85); the soft hyphen is left out.
 */
const STAND_IN_CANDIDATES = Array.from({ length: 0x100 - 0xa1 }, (_, i) => String.fromCharCode(0xa1 + i)).filter(
  (c) => c !== '\xad',
);

/** Characters js-yaml treats apart from others: a BOM (dropped first in the text), and two it refuses. */
const TREATED_APART = new Set(['\ufeff', '\ufffe', '\uffff']);

/**
 * UTF-8 YAML bytes (from `start`, past the BOMs) as a text stored one byte a character. A single character
 * beyond Latin-1 makes V8 store a whole text two bytes a character, and every string js-yaml cuts out of it
 * keeps it alive to the end of the run: Codat's 2.2 MB spec has 34 such characters (’ — € …) and took 4.4 MB,
 * GitHub's as 3.1 YAML has 36 (emoji among them) and took 20 MB. Each such character is written as a Latin-1
 * character the text does not use, and `parseYamlWithLines` puts the character back in every string js-yaml
 * makes, keys included. YAML gives no character beyond ASCII a syntax of its own, and js-yaml judges these
 * only as printable, so the values are those of the text as written. Undefined (the caller decodes the text as
 * it is) for invalid UTF-8, a character js-yaml treats apart, or more distinct characters than stand-ins.
 * Otherwise `bytes` is written over: the caller reads the text, not the bytes.
 */
export function oneByteYaml(bytes: Buffer, start: number): YamlSource | undefined {
  if (isAscii(bytes)) return { text: bytes.toString('latin1', start) };
  if (!isUtf8(bytes)) return undefined;
  // Valid UTF-8: a run of bytes ≥ 0x80 is whole characters.
  const runs = nonAsciiRuns(bytes, start);
  const decoded: string[] = [];
  const latin1Used = new Set<string>();
  const wide = new Set<string>();
  for (let r = 0; r < runs.length; r += 2) {
    const chars = bytes.toString('utf8', runs[r], runs[r + 1]);
    decoded.push(chars);
    for (const char of chars) (char.codePointAt(0)! > 0xff ? wide : latin1Used).add(char);
  }
  const free = STAND_IN_CANDIDATES.filter((c) => !latin1Used.has(c));
  if (free.length < wide.size || [...wide].some((c) => TREATED_APART.has(c))) return undefined;
  const standInOf = new Map([...wide].map((char, i) => [char, free[i]!]));
  // Written over in place, one byte a character: never longer than the characters' UTF-8 bytes.
  const standIns = decoded.map((chars) => Array.from(chars, (c) => standInOf.get(c) ?? c).join(''));
  const text = bytes.toString('latin1', 0, spliceRuns(bytes, start, runs, standIns, bytes));
  if (wide.size === 0) return { text };
  const chars = new Map([...standInOf].map(([char, standIn]) => [standIn, char]));
  return { text, standIns: { chars, pattern: new RegExp(`[${[...chars.keys()].join('')}]`, 'g') } };
}

/**
 * Parses a YAML spec and notes, with js-yaml's node events, the line each mapping and sequence opens on — its
 * key's line, as the config's locate gives it. One parse for the value and the lines: noting them costs about
 * a quarter of the parse, parsing again for the first warning (GitHub's spec has one) costs a whole parse and
 * a second tree (10 MB of YAML: 0.5 s, 40 MB). The config's YAML parser keeps every position too, but takes
 * ten times as long on a big spec. A scalar gets the line of the object holding it. Throws js-yaml's errors.
 * The lines are those of the tree as parsed: a tree changed afterwards (external refs bundled) needs `yamlLines`.
 */
export function parseYamlWithLines(source: string, standIns?: StandIns): YamlWithLines {
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
        // A node is closed before the mapping, sequence or document holding it takes its value (a key too).
        if (standIns && typeof value === 'string')
          state.result = value.replace(standIns.pattern, (c) => standIns.chars.get(c)!);
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
export function yamlLines(source: string, standIns?: StandIns): Locate {
  let parsed: YamlWithLines | null | undefined;
  return (pointer) => {
    if (parsed === undefined) {
      try {
        parsed = parseYamlWithLines(source, standIns);
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
