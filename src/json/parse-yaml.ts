import type { Document, LineCounter, YAMLError } from 'yaml';
import { GenCollectionError } from '../errors.js';
import { MAX_YAML_NESTING, nestingFix, yamlTooDeep } from './nesting.js';
import { lineCounterFor, type Locate, type ParsedSource, positionAt } from './locate.js';
import { pointerSegments } from './pointer.js';
import { yamlModule } from './yaml-module.js';

/** Parses one YAML 1.2 document (core schema: `yes` stays a string) and keeps the position of every key. */
export function parseYaml(text: string, file: string): ParsedSource {
  const { LineCounter, parseDocument } = yamlModule();
  const lines = new LineCounter();
  const deep = yamlTooDeep(text, MAX_YAML_NESTING);
  if (deep) throw tooDeep(file, { pointer: deep.pointer, ...positionAt(lineCounterFor(text), deep.offset) });
  // merge: `<<: *defaults` is the usual way to share settings in YAML configs
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: true });
  const error = doc.errors[0];
  if (error?.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(error.message))
    throw tooDeep(file, positionAt(lines, error.pos[0]));
  if (error) {
    throw new GenCollectionError('config-parse', `invalid YAML: ${yamlProblem(error, text)}`, {
      file,
      ...positionAt(lines, error.pos[0]),
      fix: yamlFix(error),
    });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    if (err instanceof RangeError) throw tooDeep(file);
    // unresolved alias (`*name` without `&name`) or an alias bomb
    throw new GenCollectionError('config-parse', `invalid YAML: ${lowerFirst((err as Error).message)}`, {
      file,
      fix: 'define each anchor (&name) before its aliases (*name), and keep aliases few',
    });
  }
  return { value, locate: (pointer) => locateYaml(doc, lines, pointer) };
}

const YAML_NESTING_FIX = `${nestingFix(MAX_YAML_NESTING)}; a JSON config may nest deeper`;

/** Past the nesting limit (the composer recurses: it never sees such text, but a stack overflow in it would say the same). */
function tooDeep(file: string, at: { pointer?: string; line?: number; column?: number } = {}): GenCollectionError {
  return new GenCollectionError('config-parse', `nested more than ${MAX_YAML_NESTING} levels deep`, {
    file,
    ...at,
    fix: YAML_NESTING_FIX,
  });
}

function yamlProblem(error: YAMLError, text: string): string {
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      // the error marks only the start of the key: read the key up to its ":"
      const key = /^(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|([^:#\n]*?))\s*:/.exec(text.slice(error.pos[0]));
      const name = key?.[1] ?? key?.[2] ?? key?.[3];
      return name ? `duplicate key "${name}"` : 'duplicate key';
    }
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document';
    default:
      return lowerFirst(error.message);
  }
}

function yamlFix(error: YAMLError): string {
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return 'keep one of the two keys';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'MULTIPLE_DOCS':
      return 'keep one document: remove the second "---"';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
      return 'check the indentation (keys of one mapping line up; list items start with "- "), and quote values that contain ": " or " #"';
    case 'BAD_SCALAR_START':
      return 'quote the value: values starting with @ ` * & ! | > % need quotes';
    default:
      return 'fix the YAML syntax at that spot';
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function locateYaml(doc: Document, lines: LineCounter, pointer: string): ReturnType<Locate> {
  const { isAlias, isMap, isSeq } = yamlModule();
  let node: unknown = doc.contents;
  let offset = (doc.contents as { range?: [number, number, number] } | null)?.range?.[0];
  for (const segment of pointerSegments(pointer)) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === segment);
      if (!pair) return undefined;
      offset = (pair.key as { range?: [number, number, number] } | null)?.range?.[0];
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(segment)) {
      node = node.items[Number(segment)];
      offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
      if (offset === undefined) return undefined;
    } else {
      return undefined;
    }
  }
  return offset === undefined ? undefined : positionAt(lines, offset);
}

function keyText(key: unknown): string {
  return yamlModule().isScalar(key) ? String(key.value) : String(key);
}
