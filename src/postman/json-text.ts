import { describeJsonSyntax } from '../json/parse-json.js';
import { GenCollectionError } from '../errors.js';
import { stripBom } from '../json/json-value.js';
import { MAX_JSON_NESTING, rejectDeepNesting } from '../json/nesting.js';

/**
 * Parses a JSON file's text (a BOM is allowed). An empty or invalid file is a GenCollectionError
 * (exit 2) naming the line and column; the message never quotes the text, which may hold a secret. So is
 * a value nested past MAX_JSON_NESTING, which would overflow the walkers' stack.
 */
export function parseJsonFile(text: string, file: string, fix: string): unknown {
  const source = stripBom(text);
  if (source.trim() === '') throw new GenCollectionError('collection-read', 'the file is empty', { file, fix });
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    const syntax = describeJsonSyntax(source);
    throw new GenCollectionError('collection-read', `not valid JSON: ${syntax.problem}`, {
      file,
      ...syntax.position,
      fix: `fix the JSON at that spot (${syntax.fix}), or ${fix}`,
    });
  }
  rejectDeepNesting(value, { file, code: 'collection-invalid', limit: MAX_JSON_NESTING, jsonText: source });
  return value;
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
