import type { CST } from 'yaml';
import { yamlModule } from './yaml-module.js';
import { GenCollectionError, type ErrorCode } from '../errors.js';
import { lineCounterFor, positionAt } from './locate.js';
import { toPointer } from './pointer.js';

/**
 * How deeply a JSON input (config, spec, collection, environment) may nest arrays and objects. The walkers
 * downstream recurse, and so do `JSON.stringify`, ajv and Newman: a limit checked once, where the text is
 * parsed, keeps every one of them inside the stack. 2,000 levels is about 1,000 nested folders: Newman 6.2.2
 * fails from 672 (measured on Node 20; README, troubleshooting), gen-collection's walkers overflowed from
 * about 1,450 (2,900 levels), so the limit lets through all that Newman runs, with room on both sides.
 */
export const MAX_JSON_NESTING = 2000;

/**
 * The same for YAML inputs: the YAML parsers recurse (the `yaml` package's composer overflows from about 780
 * levels), so YAML stops earlier than JSON. Configs are checked on the concrete syntax tree before composing
 * (`yamlTooDeep`); js-yaml stops itself on specs (`maxDepth`). Deeper configs and specs: write them as JSON.
 */
export const MAX_YAML_NESTING = 500;

/** The fix for any input nested past the limit. */
export function nestingFix(limit: number): string {
  return `flatten the structure to at most ${withThousands(limit)} nested levels of lists and objects (Newman 6 cannot run a collection with more than about 670 nested folders)`;
}

/**
 * A whole number with commas between thousands (`2,000`), as `toLocaleString('en-US')` writes it without loading
 * the locale data: that first call costs 10–40 ms, and parse-yaml.ts makes its fix text when it is loaded.
 */
export function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * The JSON pointer of the first array or object (depth first, document order) nested more than `limit`
 * levels deep (the top level is level 1), or undefined. Iterative: it must not itself run out of stack.
 */
export function tooDeepPointer(value: unknown, limit: number): string | undefined {
  return nestsDeeperThan(value, limit) ? firstTooDeep(value, limit) : undefined;
}

/** The fast pass, run on every input: depths only, no keys kept. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const nodes: unknown[] = [value];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return true;
    if (Array.isArray(node)) {
      for (const child of node as unknown[]) {
        if (typeof child === 'object' && child !== null) {
          nodes.push(child);
          depths.push(depth + 1);
        }
      }
    } else {
      // for…in: parsed JSON has no inherited enumerable keys
      for (const key in node) {
        const child = (node as Record<string, unknown>)[key];
        if (typeof child === 'object' && child !== null) {
          nodes.push(child);
          depths.push(depth + 1);
        }
      }
    }
  }
  return false;
}

/** The slow pass, only for input that is too deep: keys kept (as parent links) to name the pointer. */
function firstTooDeep(value: unknown, limit: number): string | undefined {
  interface Frame {
    node: object;
    depth: number;
    parent?: Frame;
    key?: string | number;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const stack: Frame[] = [{ node: value, depth: 1 }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth > limit) return pointerOf(frame);
    const node = frame.node as Record<string, unknown>;
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = node[keys[i]!];
      if (typeof child === 'object' && child !== null)
        stack.push({ node: child, depth: frame.depth + 1, parent: frame, key: keys[i] });
    }
  }
  return undefined;

  function pointerOf(frame: Frame): string {
    const path: (string | number)[] = [];
    for (let f: Frame | undefined = frame; f?.parent; f = f.parent) path.push(f.key!);
    return toPointer(path.reverse());
  }
}

/**
 * Throws a GenCollectionError (exit 2) naming the pointer when `value` nests deeper than `limit`; given the
 * JSON `text` it was parsed from, also the line and column.
 */
export function rejectDeepNesting(
  value: unknown,
  at: { file: string; code: ErrorCode; limit: number; jsonText?: string; fix?: string },
): void {
  const pointer = tooDeepPointer(value, at.limit);
  if (pointer === undefined) return;
  const offset = at.jsonText === undefined ? undefined : tooDeepOffset(at.jsonText, at.limit);
  const position = offset === undefined ? {} : positionAt(lineCounterFor(at.jsonText!), offset);
  throw new GenCollectionError(at.code, `nested more than ${withThousands(at.limit)} levels deep`, {
    file: at.file,
    pointer,
    ...position,
    fix: at.fix ?? nestingFix(at.limit),
  });
}

/**
 * The offset in JSON text (valid or not) where brackets first nest more than `limit` deep, or undefined.
 * A scan of the characters, for the syntax-error path: jsonc-parser recurses and cannot describe such text.
 */
export function tooDeepOffset(text: string, limit: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[') {
      if (++depth > limit) return i;
    } else if (c === '}' || c === ']') {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/**
 * Where YAML text first nests more than `limit` collections deep: the offset of that collection and its pointer,
 * or undefined. Read from the `yaml` package's concrete syntax tree, whose parser does not recurse, so the
 * composers (which do) never meet such text: a stack overflow inside them can abort the process outright (V8
 * reports a regular expression compiled at the edge of the stack as out of memory; found by the fuzzer).
 */
export function yamlTooDeep(text: string, limit: number): { offset: number; pointer: string } | undefined {
  interface Frame {
    token: CST.Token;
    depth: number;
    parent?: Frame;
    key?: CST.Token | null;
    index?: number;
  }
  const { Parser, CST: cst } = yamlModule();
  const stack: Frame[] = [];
  for (const doc of new Parser().parse(text))
    if (doc.type === 'document' && doc.value) stack.push({ token: doc.value, depth: 1 });
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { token } = frame;
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (frame.depth > limit) return { offset: token.offset, pointer: pointerOf(frame) };
    const items = token.items as { key?: CST.Token | null; value?: CST.Token | null }[];
    for (let i = items.length - 1; i >= 0; i--) {
      const { key, value } = items[i]!;
      if (value) stack.push({ token: value, depth: frame.depth + 1, parent: frame, key, index: i });
      if (key) stack.push({ token: key, depth: frame.depth + 1, parent: frame, key, index: i });
    }
  }
  return undefined;

  /** Keys are resolved only here, for the one collection reported: a key the composer would refuse names its index. */
  function pointerOf(frame: Frame): string {
    const path: (string | number)[] = [];
    for (let f: Frame | undefined = frame; f?.parent; f = f.parent) {
      const name = f.key ? cst.resolveAsScalar(f.key, true, () => undefined)?.value : undefined;
      path.push(name ?? f.index!);
    }
    return toPointer(path.reverse());
  }
}
