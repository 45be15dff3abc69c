import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { lazyRequire } from '../lazy-require.js';
import { GenCollectionError } from '../errors.js';
import { MAX_JSON_NESTING, nestingFix, rejectDeepNesting, tooDeepOffset, withThousands } from './nesting.js';
import { lineCounterFor, type Locate, type ParsedSource, positionAt, type SourcePosition } from './locate.js';
import { pointerSegments } from './pointer.js';

/** jsonc-parser: only to locate a problem or describe a syntax error, so loaded on first use. */
const jsonc = lazyRequire<typeof import('jsonc-parser')>('jsonc-parser');

/**
 * Parses strict JSON (no comments, no trailing commas) and keeps the position of every key.
 * `JSON.parse` gives the value; jsonc-parser gives the positions and precise syntax errors,
 * which `JSON.parse` often reports without any position.
 */
export function parseJson(text: string, file: string): ParsedSource {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw syntaxError(text, file);
  }
  rejectDeepNesting(value, { file, code: 'config-parse', limit: MAX_JSON_NESTING, jsonText: text });
  // The line table only when a position is asked for: a valid config never needs one.
  let table: ReturnType<typeof lineCounterFor> | undefined;
  const lines = () => (table ??= lineCounterFor(text));
  const duplicate = firstDuplicateKey(text);
  if (duplicate) {
    const { line } = positionAt(lines(), duplicate.offset);
    throw new GenCollectionError(
      'config-parse',
      `duplicate key "${duplicate.key}" (first at line ${positionAt(lines(), duplicate.firstOffset).line})`,
      {
        file,
        line,
        fix: 'keep one of the two: JSON parsers silently drop all but the last',
      },
    );
  }
  // Positions are only needed to explain a problem: the tree is built on the first `locate`.
  let tree: JsonNode | undefined;
  const locate: Locate = (pointer) => {
    tree ??= jsonc().parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
    return tree ? locateJson(tree, pointer, (offset) => positionAt(lines(), offset)) : undefined;
  };
  return { value, locate };
}

/** The precise error for a config `JSON.parse` refused. */
function syntaxError(text: string, file: string): GenCollectionError {
  const syntax = describeJsonSyntax(
    text,
    'remove the comment, or write the config as gen-collection.config.yaml, where # comments are allowed',
  );
  return new GenCollectionError('config-parse', `invalid JSON: ${syntax.problem}`, {
    file,
    ...syntax.position,
    fix: syntax.fix,
  });
}

/**
 * Where and why `JSON.parse` refused a text, in words, never quoting the text (it may hold a secret):
 * jsonc-parser gives the position `JSON.parse` often lacks. `commentFix` is the advice for a comment.
 */
export function describeJsonSyntax(
  text: string,
  commentFix = 'remove the comment: JSON allows none',
): { problem: string; fix: string; position?: SourcePosition } {
  const deep = tooDeepOffset(text, MAX_JSON_NESTING);
  if (deep !== undefined) {
    // jsonc-parser recurses: past the limit it would overflow the stack instead of describing the text
    return {
      problem: `nested more than ${withThousands(MAX_JSON_NESTING)} levels deep`,
      fix: nestingFix(MAX_JSON_NESTING),
      position: positionAt(lineCounterFor(text), deep),
    };
  }
  const errors: ParseError[] = [];
  jsonc().parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const { offset, problem, fix } = describeSyntaxError(text, errors[0]);
  return {
    problem,
    fix: problem === COMMENTS ? commentFix : fix,
    ...(errors[0] ? { position: positionAt(lineCounterFor(text), offset) } : {}),
  };
}

const COMMENTS = 'comments are not allowed in JSON';

/**
 * The first key that repeats within one object of text `JSON.parse` accepted (it silently keeps the last; in
 * a config that is always a mistake). A single pass over the tokens: in valid JSON a string followed by `:`
 * is a key, and `{`/`}` open and close the objects that own them.
 */
function firstDuplicateKey(text: string): { key: string; offset: number; firstOffset: number } | undefined {
  const objects: (Map<string, number> | undefined)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') objects.push(new Map());
    else if (c === '[') objects.push(undefined);
    else if (c === '}' || c === ']') objects.pop();
    else if (c === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      let next = i + 1;
      while (next < text.length && /\s/.test(text[next]!)) next++;
      const keys = objects[objects.length - 1];
      if (text[next] !== ':' || !keys) continue;
      const key = JSON.parse(text.slice(start, i + 1)) as string;
      const firstOffset = keys.get(key);
      if (firstOffset !== undefined) return { key, offset: start, firstOffset };
      keys.set(key, start);
    }
  }
  return undefined;
}

interface SyntaxProblem {
  offset: number;
  problem: string;
  fix: string;
}

const QUOTES_FIX = 'JSON needs double quotes around every key and string: "name": "Orders API"';

/** Turns jsonc-parser's first error into words. Never echoes the offending text: it may be a secret. */
function describeSyntaxError(text: string, error: ParseError | undefined): SyntaxProblem {
  if (!error)
    return {
      offset: 0,
      problem: 'the file holds no JSON value',
      fix: 'write a JSON object, e.g. { "name": "Orders API" }',
    };
  const { offset } = error;
  const code = jsonc().printParseErrorCode(error.error);
  const at = text.charAt(offset);
  const trailingComma = /,\s*$/.exec(text.slice(0, offset));
  if ((code === 'PropertyNameExpected' || code === 'ValueExpected') && (at === '}' || at === ']') && trailingComma) {
    return {
      offset: trailingComma.index,
      problem: 'trailing comma',
      fix: `remove the "," before "${at}": JSON allows no trailing commas`,
    };
  }
  switch (code) {
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return { offset, problem: COMMENTS, fix: 'remove the comment' };
    case 'InvalidSymbol':
      if (at === "'") return { offset, problem: 'single quotes', fix: QUOTES_FIX };
      if (/[A-Za-z_$]/.test(at))
        return { offset, problem: 'unquoted word', fix: `${QUOTES_FIX}; the only bare words are true, false and null` };
      return {
        offset,
        problem: /[\x21-\x7e]/.test(at) ? `unexpected character "${at}"` : 'unexpected character',
        fix: QUOTES_FIX,
      };
    case 'PropertyNameExpected':
      return { offset, problem: 'expected a key in double quotes', fix: QUOTES_FIX };
    case 'ValueExpected':
      return {
        offset,
        problem: offset >= text.length ? 'the JSON ends too early' : 'expected a value',
        fix: 'a value is a "string", a number, true, false, null, an {object} or an [array]',
      };
    case 'ColonExpected':
      return { offset, problem: 'expected ":" after the key', fix: 'write each member as "key": value' };
    case 'CommaExpected':
      return {
        offset,
        problem: 'expected "," between two entries',
        fix: 'separate object members and array elements with ","',
      };
    case 'CloseBraceExpected':
      return { offset, problem: 'expected "}" to close an object', fix: 'check that every "{" has its "}"' };
    case 'CloseBracketExpected':
      return { offset, problem: 'expected "]" to close an array', fix: 'check that every "[" has its "]"' };
    case 'EndOfFileExpected':
      return {
        offset,
        problem: 'unexpected content after the end of the top-level object',
        fix: 'the file must hold exactly one JSON object; remove what follows it',
      };
    case 'UnexpectedEndOfString':
      return {
        offset,
        problem: 'unterminated string',
        fix: 'close the string with " on the same line; write a line break inside a string as \\n',
      };
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return {
        offset,
        problem: 'invalid escape sequence in a string',
        fix: 'write a backslash as \\\\; valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX',
      };
    case 'InvalidCharacter':
      return {
        offset,
        problem: 'control character inside a string',
        fix: 'write a tab as \\t and a line break as \\n',
      };
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return {
        offset,
        problem: 'invalid number',
        fix: 'write numbers like 5, -1, 0.5 or 1e3 (no leading zeros, no trailing dot)',
      };
    default:
      return { offset, problem: 'syntax error', fix: 'fix the JSON syntax at that spot' };
  }
}

function locateJson(root: JsonNode, pointer: string, at: (offset: number) => ReturnType<Locate>): ReturnType<Locate> {
  let node: JsonNode | undefined = root;
  let offset = root.offset;
  for (const segment of pointerSegments(pointer)) {
    if (node?.type === 'object') {
      const property: JsonNode | undefined = node.children?.find((p) => p.children?.[0]?.value === segment);
      if (!property) return undefined;
      offset = property.offset;
      node = property.children?.[1];
    } else if (node?.type === 'array' && /^\d+$/.test(segment)) {
      node = node.children?.[Number(segment)];
      if (!node) return undefined;
      offset = node.offset;
    } else {
      return undefined;
    }
  }
  return at(offset);
}
