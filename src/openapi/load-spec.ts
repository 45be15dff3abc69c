import { dirname, extname, resolve as resolvePath } from 'node:path';
import { isAscii } from 'node:buffer';
import type { JSONParserError } from '@apidevtools/json-schema-ref-parser';
import { parseJson as parseConfigJson } from '../json/parse-json.js';
import { parseYaml as parseConfigYaml } from '../json/parse-yaml.js';
import type { Locate } from '../json/locate.js';
import { childPointer } from '../json/pointer.js';
import { GenCollectionError } from '../errors.js';
import { type InputKind, readInputFile, readUtf8InputBytes } from '../read-input.js';
import { MAX_JSON_NESTING, MAX_YAML_NESTING, rejectDeepNesting } from '../json/nesting.js';
import { isObject, stripBom } from '../json/json-value.js';
import { problemOf } from './spec-problem.js';
import { nonAsciiRuns, spliceRuns } from './non-ascii-runs.js';
import { oneByteYaml, parseYamlWithLines, type StandIns, yamlLines } from './yaml-lines.js';

/** A parsed spec: external file `$ref`s bundled in as local ones, local `$ref`s left in place. */
export interface LoadedSpec {
  spec: object;
  /** The file as the user named it. */
  file: string;
  /** Where each key sits in a YAML spec (noted while parsing: see `parseYamlWithLines`). */
  locate?: Locate;
}

const SPEC_INPUT: InputKind = {
  what: 'the spec',
  code: 'spec-read',
  missingFix: 'check the path of the OpenAPI file',
};

/**
 * Reads an OpenAPI/Swagger file (JSON or YAML, BOM stripped). `$ref`s to other files are bundled into the
 * spec as local refs; nothing is dereferenced (big specs would multiply in memory, circular ones cannot be
 * inlined). Throws GenCollectionError (exit 2) for an unreadable file, a parse error (with line and column)
 * or an external `$ref` that does not resolve.
 */
export async function loadSpec(file: string): Promise<LoadedSpec> {
  // Read and parsed in a function of its own: the text is garbage once parsed, not kept through the checks.
  const parsed = await parseSpecFile(file);
  const { spec } = parsed;
  const limit = parsed.json ? MAX_JSON_NESTING : MAX_YAML_NESTING;
  const { tooDeep, externalRef } = walkSpec(spec, limit);
  if (tooDeep) {
    // the error names the pointer; a JSON spec's text is read again for its line
    const jsonText = parsed.json ? { jsonText: await specText(file) } : {};
    rejectDeepNesting(spec, { file, code: 'spec-invalid', limit, ...jsonText });
  }
  if (!isObject(spec)) {
    throw new GenCollectionError('spec-invalid', 'the spec is not an object', {
      file,
      pointer: '',
      fix: 'give an OpenAPI 3.x or Swagger 2.0 description',
    });
  }
  if (!externalRef) return { spec, file, ...(parsed.json ? {} : { locate: parsed.locate }) };
  return {
    spec: await bundleExternalRefs(file, spec),
    file,
    // bundling changes the tree: the lines of the text as written
    ...(parsed.json ? {} : { locate: yamlLines(parsed.text, parsed.standIns) }),
  };
}

type ParsedSpecFile =
  { spec: unknown; json: true } | { spec: unknown; json: false; text: string; standIns?: StandIns; locate: Locate };

/**
 * The spec file, parsed by lean, fast parsers (the config parsers keep every key's position; the `yaml`
 * package is about ten times slower than js-yaml 4 on a 2 MB spec, js-yaml 5 about as fast with a third more
 * memory). Both read the YAML 1.2 core schema: `2024-01-01` stays a string.
 */
async function parseSpecFile(file: string): Promise<ParsedSpecFile> {
  const { text, json, escaped, standIns } = specSource(await readUtf8InputBytes(file, SPEC_INPUT), file);
  if (json) {
    try {
      return { spec: JSON.parse(text) as unknown, json };
    } catch (error) {
      // the text as written (read again after an escaped one) for the line and column
      throw syntaxError(error as Error, escaped ? await specText(file) : text, file, true);
    }
  }
  try {
    const { root, locate } = parseYamlWithLines(text, standIns);
    return { spec: root, json, text, standIns, locate };
  } catch (error) {
    // the text as written (decoded again after stand-ins) for js-yaml's own error, line and column
    if (standIns) return parseYamlAsWritten(file);
    throw syntaxError(error as Error, text, file, false);
  }
}

async function parseYamlAsWritten(file: string): Promise<ParsedSpecFile> {
  const text = decodedText(await readUtf8InputBytes(file, SPEC_INPUT));
  try {
    const { root, locate } = parseYamlWithLines(text);
    return { spec: root, json: false, text, locate };
  } catch (error) {
    throw syntaxError(error as Error, text, file, false);
  }
}

/** The spec file's text as written, BOM stripped. */
async function specText(file: string): Promise<string> {
  return stripBom(await readInputFile(file, SPEC_INPUT));
}

/**
 * The spec's text, and whether it is JSON. The text of a JSON spec has its non-ASCII characters written as
 * `\u` escapes (`escaped`), which `JSON.parse` reads as the same characters: in JSON text that parses they
 * stand only inside strings. One non-ASCII character makes V8 store a whole text two bytes a character:
 * GitHub's 13 MB description has 40 of them, its escaped text takes 13 MB instead of 26. A YAML text has its
 * characters beyond Latin-1 written as stand-ins for the same reason (`oneByteYaml`).
 */
function specSource(
  bytes: Buffer,
  file: string,
): { text: string; json: boolean; escaped: boolean; standIns?: StandIns } {
  const start = utf8BomLength(bytes);
  if (!isJson(bytes, start, file))
    return { ...(oneByteYaml(bytes, start) ?? { text: decodedText(bytes) }), json: false, escaped: false };
  if (isAscii(bytes)) return { text: bytes.toString('latin1', start), json: true, escaped: false };
  const runs = nonAsciiRuns(bytes, start);
  const escapes: string[] = [];
  let nonAsciiBytes = 0;
  let nonAsciiUnits = 0;
  for (let r = 0; r < runs.length; r += 2) {
    // `\é` is no JSON, but `\\u00e9` is: after an escaping backslash, the text stays as written
    if (backslashesBefore(bytes, start, runs[r]!) % 2 === 1)
      return { text: decodedText(bytes), json: true, escaped: false };
    const chars = bytes.toString('utf8', runs[r], runs[r + 1]);
    nonAsciiBytes += runs[r + 1]! - runs[r]!;
    nonAsciiUnits += chars.length;
    escapes.push(unicodeEscapes(chars));
  }
  // Mostly non-ASCII text (6 bytes a character escaped, 2 in a two-byte string): as written.
  const asciiBytes = bytes.length - start - nonAsciiBytes;
  if (asciiBytes + 6 * nonAsciiUnits > 2 * (asciiBytes + nonAsciiUnits))
    return { text: decodedText(bytes), json: true, escaped: false };
  // The escaped text put together as bytes (the runs' places hold their escapes), then read as one string.
  const escaped = Buffer.allocUnsafe(asciiBytes + 6 * nonAsciiUnits);
  spliceRuns(bytes, start, runs, escapes, escaped);
  return { text: escaped.toString('latin1'), json: true, escaped: true };
}

/** UTF-8 bytes as text without the BOMs the decoder and `stripBom` drop: the text `specText` gives. */
function decodedText(bytes: Buffer): string {
  return stripBom(new TextDecoder('utf-8').decode(bytes));
}

/** The bytes of the UTF-8 BOMs `decodedText` drops: up to two. */
function utf8BomLength(bytes: Buffer): number {
  let length = 0;
  while (length < 6 && bytes[length] === 0xef && bytes[length + 1] === 0xbb && bytes[length + 2] === 0xbf) length += 3;
  return length;
}

/** How many backslashes stand right before `offset` in `bytes`, back to `start`. */
function backslashesBefore(bytes: Buffer, start: number, offset: number): number {
  let count = 0;
  while (offset - count > start && bytes[offset - count - 1] === 0x5c) count++;
  return count;
}

function unicodeEscapes(chars: string): string {
  let escaped = '';
  for (let i = 0; i < chars.length; i++) escaped += `\\u${chars.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return escaped;
}

/** JSON when the name says so or the text starts with `{` or `[` (after white space), else YAML. */
function isJson(bytes: Buffer, start: number, file: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return true;
  if (ext === '.yaml' || ext === '.yml') return false;
  let i = start;
  while (i < bytes.length && ASCII_SPACE.has(bytes[i]!)) i++;
  // a non-ASCII character first: decoded, for the white space `\s` knows beyond ASCII (no-break space, …)
  if (bytes[i]! >= 0x80) return /^\s*[{[]/.test(decodedText(bytes));
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
}

/** What `\s` matches below 0x80: tab, line feed, vertical tab, form feed, carriage return, space. */
const ASCII_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]);

/** The config parsers diagnose syntax errors well (line, column, words, no echo of the text): reuse them. */
function syntaxError(error: Error, source: string, file: string, json: boolean): GenCollectionError {
  try {
    (json ? parseConfigJson : parseConfigYaml)(source, file);
  } catch (diagnosed) {
    if (diagnosed instanceof GenCollectionError) return asSpecError(diagnosed);
  }
  return new GenCollectionError('spec-invalid', `invalid ${json ? 'JSON' : 'YAML'}: ${firstLine(error.message)}`, {
    file,
    fix: `fix the ${json ? 'JSON' : 'YAML'} syntax`,
  });
}

function asSpecError(e: GenCollectionError): GenCollectionError {
  return new GenCollectionError('spec-invalid', problemOf(e), {
    file: e.file,
    pointer: e.pointer,
    line: e.line,
    column: e.column,
    fix: e.fix,
  });
}

/**
 * Whether the parsed spec nests arrays and objects deeper than `limit` (as `tooDeepPointer` counts: the top
 * level is level 1), and whether some `$ref` names another document: one walk for both (a walk of GitHub's
 * spec takes 15–30 ms). Iterative: specs nest deeply.
 */
function walkSpec(root: unknown, limit: number): { tooDeep: boolean; externalRef: boolean } {
  let externalRef = false;
  const nodes: unknown[] = [root];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return { tooDeep: true, externalRef };
    // for…in: parsed JSON and YAML have no inherited enumerable keys
    for (const key in node) {
      const child = (node as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) {
        nodes.push(child);
        depths.push(depth + 1);
      } else if (key === '$ref' && typeof child === 'string' && !child.startsWith('#')) externalRef = true;
    }
  }
  return { tooDeep: false, externalRef };
}

/** Pulls referenced files into the spec (`bundle`: internal refs only, nothing inlined twice). Local files only. */
async function bundleExternalRefs(file: string, spec: object): Promise<object> {
  const absolute = resolvePath(file);
  const remote = findRef(spec, (ref) => /^https?:\/\//i.test(ref));
  if (remote) {
    throw new GenCollectionError(
      'spec-invalid',
      `$ref '${remote.ref}' is remote: gen-collection reads local files only`,
      {
        file,
        pointer: remote.pointer,
        fix: 'download the referenced document next to the spec and refer to it by a relative path',
      },
    );
  }
  // only specs that refer to other files need the ref parser: loaded then
  const { $RefParser } = await import('@apidevtools/json-schema-ref-parser');
  try {
    return (await new $RefParser().bundle(absolute, spec, {
      resolve: { http: false },
      mutateInputSchema: true,
    })) as object;
  } catch (error) {
    const e = error as Partial<JSONParserError> & { targetRef?: string };
    const source = e.source?.replace(/^file:\/\//, '');
    // The parser does not say where the failing $ref is: look for it in the spec itself.
    const site = source
      ? findRef(spec, (ref) => {
          const [target = '', fragment] = ref.split('#');
          return (
            resolvePath(dirname(absolute), target) === source &&
            (e.targetRef === undefined || `#${fragment ?? ''}` === e.targetRef)
          );
        })
      : undefined;
    throw new GenCollectionError(
      'spec-invalid',
      `${site ? `$ref '${site.ref}'` : 'a $ref to another file'} does not resolve: ${firstLine(String(e.message))}`,
      {
        file,
        ...(site ? { pointer: site.pointer } : {}),
        fix: 'check the referenced file path (relative to the spec) and the pointer after #',
      },
    );
  }
}

/** The first `$ref` in the spec (document order) that `match` accepts, with its JSON pointer. */
function findRef(
  node: unknown,
  match: (ref: string) => boolean,
  pointer = '',
): { ref: string; pointer: string } | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  for (const [key, child] of Object.entries(node)) {
    const at = childPointer(pointer, key);
    if (key === '$ref' && typeof child === 'string' && match(child)) return { ref: child, pointer: at };
    const found = findRef(child, match, at);
    if (found) return found;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!;
}
