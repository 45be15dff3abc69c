import { yamlModule } from '../json/yaml-module.js';

/**
 * The two YAML styles gen-collection writes. `postman-v3`: the style `postman collection migrate` writes, double
 * quotes only where a plain scalar would change meaning (`"{{base_url}}"`, `"1"`, `""`). `bruno`: as Bruno writes
 * its files, single quotes where they avoid escaping a `"`. Both: no line folding (a script stays line for line as
 * written), multi-line strings as `|` literal blocks, two-space indent, sequences indented under their key.
 */
export type YamlStyle = 'postman-v3' | 'bruno';

/** The `yaml` package's options that define each style: what `yamlText` writes, and what it falls back to. */
export const YAML_OPTIONS = {
  'postman-v3': {
    lineWidth: 0,
    minContentWidth: 0,
    singleQuote: false,
    blockQuote: 'literal',
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
    indentSeq: true,
    aliasDuplicateObjects: false,
    // The Postman CLI reads a v3 file as YAML 1.1 (js-yaml's default schema): an unquoted `2025-10-15T13:51:01Z`,
    // `1_000` or `0o17` read back as a date or a number made it skip the request without a word (measured, 1.34.0).
    // So a string either schema reads as something else is quoted (yaml's `compat`).
    compat: 'yaml-1.1',
  },
  bruno: { lineWidth: 0, indent: 2, minContentWidth: 0 },
} as const;

/**
 * YAML text of `value` in `style`: the same bytes as the `yaml` package's `stringify` with that style's options,
 * so the same value always gives the same file. Written here for the values the renderers make (maps, lists,
 * strings, integers, booleans): `yaml` builds a node tree per document and was most of a postman-v3 or Bruno
 * build's CPU time (2,000 request files: 0.34 s, 0.67 s). A value outside those shapes, or a string whose
 * rendering here is not certain (control characters, a multi-line key, trailing blanks after a line break…), is
 * handed to `yaml` itself.
 */
export function yamlText(value: unknown, style: YamlStyle): string {
  return emitYaml(value, style) ?? yamlModule().stringify(value, YAML_OPTIONS[style]);
}

/** Thrown inside the emitter when `yaml` must write the document instead. */
const UNSUPPORTED = Symbol('unsupported');

/** Deeper than any value the renderers make: a cycle (or something that odd) goes to `yaml`. */
const MAX_DEPTH = 64;

/**
 * The emitter alone: the document's text, or undefined when `yaml` must write it. Exported for the tests that
 * prove it equal to `yaml` and that the renderers' values never need the fallback.
 */
export function emitYaml(value: unknown, style: YamlStyle): string | undefined {
  if (!isPlainObject(value)) return undefined;
  // `bruno` keeps yaml's default `aliasDuplicateObjects: true`: an object met twice becomes an anchor and alias.
  const seen = style === 'bruno' ? new Set<object>() : undefined;
  const emitter = new Emitter(style, seen);
  try {
    emitter.collection(value, '', 0);
    emitter.parts.push('\n');
    return emitter.parts.join('');
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}

/**
 * A string that must not be plain (yaml's `plainString`): an indicator first, `- ` or `? ` first, `: `, ` #`, or
 * blank or `:` last. Such a string is quoted (one line) or a block scalar (several).
 */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/**
 * The tests of the YAML 1.2 core schema's non-string scalars (null, bool, int, float), as the `yaml` package
 * writes them: a string one of them matches is quoted, so it reads back as a string. A test compares this list to
 * the package's own schema.
 */
export const CORE_SCALAR_TESTS: readonly RegExp[] = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
/**
 * The same for the YAML 1.1 schema (`postman-v3`): also `yes`/`on`/`y` booleans, `0b…`, `0…` octal, numbers with
 * `_`, the merge key `<<`, sexagesimal `12:30:00` and timestamps.
 */
export const YAML_11_SCALAR_TESTS: readonly RegExp[] = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  /^<<$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/,
];
/** Per style, the strings quoted so that they read back as strings: `postman-v3` in YAML 1.2 and in YAML 1.1. */
const NON_STRING: Record<YamlStyle, RegExp> = {
  'postman-v3': new RegExp([...CORE_SCALAR_TESTS, ...YAML_11_SCALAR_TESTS].map((test) => test.source).join('|')),
  bruno: new RegExp(CORE_SCALAR_TESTS.map((test) => test.source).join('|')),
};

/** Characters yaml always double-quotes and escapes (its own rendering, left to it). */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** Printable ASCII, tab and line feed only: no need for the slower Unicode test of `CONTROL`. */
const NOT_ASCII = /[^\x20-\x7e\n\t]/;

/** A root key that would read as a document marker is quoted. */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/;
/** Under yaml's 1,024 characters, above which it writes a key as `? key`. */
const MAX_PLAIN_KEY = 1000;

/**
 * One-line scalars as written, per style: keys and short values repeat in every file (`name`, `type: query`,
 * `"{{base_url}}"`), so each is tested once. Bounded, for a long `build --watch`.
 */
const SCALARS = { 'postman-v3': new Map<string, string>(), bruno: new Map<string, string>() };
const MAX_CACHED = 5000;
const MAX_CACHED_LENGTH = 200;

/**
 * Literal blocks as written, by indent and string (the same in both styles): the scripts of thousands of
 * requests are a handful of distinct texts. Bounded by their total length.
 */
const BLOCKS = new Map<string, Map<string, string>>();
const MAX_BLOCK_CHARS = 4_000_000;
let blockChars = 0;

class Emitter {
  /** The document's text in pieces, joined once at the end. */
  readonly parts: string[] = [];
  private readonly preferSingle: boolean;
  private readonly scalars: Map<string, string>;
  private readonly nonString: RegExp;

  constructor(
    style: YamlStyle,
    /** Objects met so far, when an object met twice would be an alias (`bruno`). */
    private readonly seen: Set<object> | undefined,
  ) {
    // Single quotes where they avoid escaping (`bruno`); else always double quotes.
    this.preferSingle = style === 'bruno';
    this.scalars = SCALARS[style];
    this.nonString = NON_STRING[style];
  }

  /** A map or list at `indent`: its first line unindented (it follows `key:` + newline + indent, or `- `). */
  collection(value: object, indent: string, depth: number): void {
    if (depth > MAX_DEPTH) throw UNSUPPORTED;
    if (this.seen) {
      if (this.seen.has(value)) throw UNSUPPORTED;
      this.seen.add(value);
    }
    const { parts } = this;
    const inner = `${indent}  `;
    const start = parts.length;
    const newline = `\n${indent}`;
    if (Array.isArray(value)) {
      for (const item of value) {
        parts.push(parts.length === start ? '- ' : `${newline}- `);
        this.node(item, inner, depth);
      }
      if (parts.length === start) parts.push('[]');
      return;
    }
    if (!isPlainObject(value)) throw UNSUPPORTED;
    const root = indent === '';
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue; // as yaml: an undefined value drops its key
      if (parts.length !== start) parts.push(newline);
      parts.push(this.key(key, root));
      this.afterKey(item, inner, depth);
    }
    if (parts.length === start) parts.push('{}');
  }

  /** What follows a key: `: value`, or `:`, a newline and a non-empty collection one level in. */
  private afterKey(value: unknown, inner: string, depth: number): void {
    const { parts } = this;
    if (typeof value !== 'object' || value === null) {
      parts.push(': ', this.scalar(value, inner));
      return;
    }
    const at = parts.push(':');
    this.collection(value, inner, depth + 1);
    // An empty collection is one piece (`{}` or `[]`), on the key's line; any other starts on the next line.
    parts[at - 1] = parts.length === at + 1 ? ': ' : `:\n${inner}`;
  }

  /** A list item or map value; `indent`: where a block scalar's lines start. */
  private node(value: unknown, indent: string, depth: number): void {
    if (typeof value === 'object' && value !== null) this.collection(value, indent, depth + 1);
    else this.parts.push(this.scalar(value, indent));
  }

  private scalar(value: unknown, indent: string): string {
    switch (typeof value) {
      case 'string':
        return this.string(value, indent);
      case 'boolean':
        return value ? 'true' : 'false';
      case 'number':
        if (Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
        throw UNSUPPORTED;
      default:
        throw UNSUPPORTED;
    }
  }

  /** A key; `root`: of the document's map. */
  private key(key: string, root: boolean): string {
    const cached = root ? undefined : this.scalars.get(key);
    if (cached !== undefined) return cached;
    if (key.length > MAX_PLAIN_KEY || key.includes('\n') || hasControl(key)) throw UNSUPPORTED;
    const quote = NOT_PLAIN.test(key) || this.nonString.test(key) || (root && DOCUMENT_MARKER.test(key));
    const text = quote ? this.quoted(key) : key;
    if (!root) this.cache(key, text);
    return text;
  }

  private string(value: string, indent: string): string {
    if (value.length <= MAX_CACHED_LENGTH) {
      const cached = this.scalars.get(value);
      if (cached !== undefined) return cached;
    }
    if (value.includes('\n')) return block(value, indent);
    if (hasControl(value)) throw UNSUPPORTED;
    const text = NOT_PLAIN.test(value) || this.nonString.test(value) ? this.quoted(value) : value;
    this.cache(value, text);
    return text;
  }

  private cache(value: string, text: string): void {
    if (value.length <= MAX_CACHED_LENGTH && this.scalars.size < MAX_CACHED) this.scalars.set(value, text);
  }

  /** One line quoted as yaml's `quotedString` does (no control characters here, so JSON's escapes are yaml's). */
  private quoted(value: string): string {
    if (this.preferSingle && value.includes('"') && !value.includes("'")) return `'${value}'`;
    return JSON.stringify(value);
  }
}

/** A multi-line string at `indent`, from `BLOCKS` or written there. */
function block(value: string, indent: string): string {
  let blocks = BLOCKS.get(indent);
  if (!blocks) BLOCKS.set(indent, (blocks = new Map()));
  const cached = blocks.get(value);
  if (cached !== undefined) return cached;
  if (hasControl(value)) throw UNSUPPORTED;
  const text = literalBlock(value, indent);
  if (blockChars + value.length + text.length <= MAX_BLOCK_CHARS) {
    blocks.set(value, text);
    blockChars += value.length + text.length;
  }
  return text;
}

function hasControl(value: string): boolean {
  return NOT_ASCII.test(value) && CONTROL.test(value);
}

/**
 * A multi-line string as yaml's `blockString` writes a `|` literal: the chomping indicator from the trailing line
 * breaks, an indentation indicator when the first line starts with a space, each line after `indent` (empty lines
 * stay empty). Trailing blanks after the last line break are yaml's to quote.
 */
function literalBlock(value: string, indent: string): string {
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  // The usual script or JSON body: no blank first, and no blank last or one line break after a non-blank.
  if (first !== 32 && first !== 10) {
    if (!isBlank(last)) return `|-\n${indent}${value.replace(/\n+/g, `$&${indent}`)}`;
    if (last === 10 && !isBlank(value.charCodeAt(value.length - 2)))
      return `|\n${indent}${value.slice(0, -1).replace(/\n+/g, `$&${indent}`)}`;
  }
  if (/\n[\t ]+$/.test(value)) throw UNSUPPORTED;
  let endStart = value.length;
  while (endStart > 0 && isBlank(value.charCodeAt(endStart - 1))) endStart--;
  let end = value.substring(endStart);
  const endNl = end.indexOf('\n');
  // strip (`-`): no final line break; keep (`+`): more than one (or only breaks); clip: exactly one
  const chomp = endNl === -1 ? '-' : value === end || endNl !== end.length - 1 ? '+' : '';
  let body = value;
  if (end) {
    body = value.slice(0, -end.length);
    if (end.endsWith('\n')) end = end.slice(0, -1);
    end = end.replace(/(^|(?<!\n))\n+(?!\n|$)/g, `$&${indent}`);
  }
  let startWithSpace = false;
  let startEnd = 0;
  let startNl = -1;
  for (; startEnd < body.length; startEnd++) {
    const ch = body[startEnd];
    if (ch === ' ') startWithSpace = true;
    else if (ch === '\n') startNl = startEnd;
    else break;
  }
  let start = body.substring(0, startNl < startEnd ? startNl + 1 : startEnd);
  if (start) {
    body = body.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const header = `${startWithSpace ? '2' : ''}${chomp}`;
  return `|${header}\n${indent}${start}${body.replace(/\n+/g, `$&${indent}`)}${end}`;
}

function isBlank(code: number): boolean {
  return code === 10 || code === 9 || code === 32;
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null || Array.isArray(value);
}
