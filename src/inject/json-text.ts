import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { GenCollectionError } from '../errors.js';

/** A JSON object as `JSON.parse` returns it. */
export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text without a leading UTF-8 byte-order mark (the Postman app on Windows and some editors add one). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses a JSON file's text (a BOM is allowed). An empty or invalid file is a GenCollectionError
 * (exit 2) naming the line and column; the message never quotes the text, which may hold a secret.
 */
export function parseJsonFile(text: string, file: string, fix: string): unknown {
  const source = stripBom(text);
  if (source.trim() === '') throw new GenCollectionError('collection-read', 'the file is empty', { file, fix });
  try {
    return JSON.parse(source);
  } catch {
    const syntax = syntaxError(source);
    throw new GenCollectionError('collection-read', `not valid JSON: ${syntax.problem}`, {
      file,
      ...lineColumn(source, syntax.offset),
      fix: `fix the JSON at that spot, or ${fix}`,
    });
  }
}

/**
 * `value` as JSON text laid out like `original`: its indentation (tab or n spaces; 2 spaces when it
 * was minified) and line endings, with a final newline. Keeps diffs of a re-exported file small.
 */
export function jsonTextLike(value: unknown, original: string): string {
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const text = JSON.stringify(value, null, detectIndent(original)) + '\n';
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

function detectIndent(text: string): string | number {
  const first = /\n([ \t]+)\S/.exec(text.slice(0, 4096));
  if (!first) return 2;
  const indent = first[1]!;
  return indent.includes('\t') ? '\t' : Math.min(indent.length, 10);
}

/** The first syntax error as an offset and words; never echoes the offending text. */
function syntaxError(text: string): { offset: number; problem: string } {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return { offset: 0, problem: 'unexpected content' };
  const problems: Record<string, string> = {
    InvalidSymbol: 'unexpected character (keys and strings need double quotes)',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'expected a key in double quotes (a trailing comma?)',
    ValueExpected: first.offset >= text.length ? 'the JSON ends too early (truncated file?)' : 'expected a value (a trailing comma?)',
    ColonExpected: 'expected ":" after a key',
    CommaExpected: 'expected "," between two entries',
    CloseBraceExpected: 'expected "}" to close an object',
    CloseBracketExpected: 'expected "]" to close an array',
    EndOfFileExpected: 'unexpected content after the end of the top-level value',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'comments are not allowed in JSON',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'invalid number',
    InvalidUnicode: 'invalid \\u escape in a string',
    InvalidEscapeCharacter: 'invalid escape sequence in a string',
    InvalidCharacter: 'control character (a raw line break or tab) inside a string',
  };
  return { offset: first.offset, problem: problems[printParseErrorCode(first.error)] ?? 'syntax error' };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
