import { toPointer } from '../json/pointer.js';
import { GenCollectionError } from '../errors.js';
import { TOKEN_CONFIG_GLOBAL } from '../scripts/token-config.js';
import { isObject, type JsonObject } from '../json/json-value.js';
import { insertKey } from './object-keys.js';

/** First line of gen-collection's block in a collection-level script. */
export const BLOCK_BEGIN =
  '// >>> gen-collection (generated, do not edit: `gen-collection inject` replaces this block)';
/** Last line of the block. */
export const BLOCK_END = '// <<< gen-collection';

type Listen = 'prerequest' | 'test';

/**
 * Puts the token scripts into the collection-level `prerequest` and `test` events as one marked block
 * each, in front of the user's own lines, which are kept as they are (`exec` as an array or a string).
 * Blocks of an earlier inject are removed first, so injecting twice gives the same result as once.
 * An event holding nothing but an old block is dropped when the new script for it is empty.
 * Returns the user's own collection-level pre-request lines (outside the block).
 */
export function placeScriptBlocks(collection: JsonObject, code: Record<Listen, string>, file: string): string[] {
  const blocks = { prerequest: blockLines(code.prerequest), test: blockLines(code.test) };
  const events = collectionEvents(collection, file, blocks.prerequest.length + blocks.test.length > 0);
  const vacated = new Set<JsonObject>();
  events.forEach((event, i) => {
    if (isObject(event) && removeBlocks(event, ['event', i], file)) vacated.add(event);
  });
  events.forEach((event, i) => rejectUnmarkedTokenScript(event, ['event', i], file));
  const userPrerequest = events.flatMap((e) =>
    isObject(e) && e.listen === 'prerequest' && isObject(e.script) ? execLines(e.script.exec) : [],
  );
  for (const listen of ['prerequest', 'test'] as const) {
    const block = blocks[listen];
    if (block.length === 0) continue;
    const target = events.find(
      (e): e is JsonObject => isObject(e) && e.listen === listen && e.disabled !== true && isObject(e.script),
    );
    if (target) {
      prependLines(target.script as JsonObject, block);
      vacated.delete(target);
    } else {
      events.push({ listen, script: { type: 'text/javascript', exec: block } });
    }
  }
  for (let i = events.length - 1; i >= 0; i--) if (vacated.has(events[i] as JsonObject)) events.splice(i, 1);
  return userPrerequest;
}

/** Removes every block of the script's lines. Returns true when it removed one and nothing but blank lines is left. */
function removeBlocks(event: JsonObject, path: (string | number)[], file: string): boolean {
  const script = event.script;
  if (!isObject(script)) return false;
  const lines = execLines(script.exec);
  let removed = false;
  for (let begin = lines.findIndex(isBegin); begin !== -1; begin = lines.findIndex(isBegin)) {
    const end = lines.findIndex((line, i) => i > begin && line.trim() === BLOCK_END);
    if (end === -1) {
      throw new GenCollectionError(
        'collection-invalid',
        'the gen-collection block in this collection script has no end marker',
        {
          file,
          pointer: toPointer([...path, 'script', 'exec']),
          fix: `delete the block from its first line ("${BLOCK_BEGIN.slice(0, 24)}…") to the end of the generated code, or restore the line "${BLOCK_END}"`,
        },
      );
    }
    lines.splice(begin, end - begin + 1);
    removed = true;
  }
  if (!removed) return false;
  setExecLines(script, lines);
  return lines.every((line) => line.trim() === '');
}

/**
 * Token scripts outside a block come from `gen-collection build` or a pasted `bundle`: adding the
 * block would run the token logic twice.
 */
function rejectUnmarkedTokenScript(event: unknown, path: (string | number)[], file: string): void {
  if (!isObject(event) || !isObject(event.script)) return;
  const line = execLines(event.script.exec).findIndex((l) => l.startsWith(`const ${TOKEN_CONFIG_GLOBAL} = `));
  if (line === -1) return;
  throw new GenCollectionError(
    'collection-invalid',
    'this collection script already holds gen-collection token scripts outside an inject block',
    {
      file,
      pointer: toPointer([...path, 'script', 'exec']),
      fix: 'a collection made by `gen-collection build` is regenerated with build, not injected; otherwise remove the pasted token script from the collection-level scripts first',
    },
  );
}

function prependLines(script: JsonObject, block: string[]): void {
  setExecLines(script, [...block, ...execLines(script.exec)]);
}

function isBegin(line: string): boolean {
  return line.trimStart().startsWith(BLOCK_BEGIN.slice(0, 20));
}

/** `exec` as lines: an array is its elements, a string is split on line breaks. */
function execLines(exec: unknown): string[] {
  if (Array.isArray(exec)) return exec.map((line) => (typeof line === 'string' ? line : String(line)));
  if (typeof exec === 'string') return exec.split('\n');
  return [];
}

/** Writes lines back in the form `exec` had: a string stays a string, anything else becomes an array. */
function setExecLines(script: JsonObject, lines: string[]): void {
  if (typeof script.exec === 'string') script.exec = lines.join('\n');
  else if ('exec' in script) script.exec = lines;
  else insertKey(script, 'exec', lines, { before: [] });
}

function blockLines(code: string): string[] {
  const body = code.replace(/\s+$/, '');
  if (body === '') return [];
  return [BLOCK_BEGIN, ...body.split('\n').map((line) => line.replace(/\r$/, '')), BLOCK_END];
}

/**
 * The collection's `event` list as an array: wrapped when it was one object, created (before
 * `variable`) when absent and `create` is set.
 */
function collectionEvents(collection: JsonObject, file: string, create: boolean): unknown[] {
  const event = collection.event;
  if (Array.isArray(event)) return event;
  if (event === undefined || event === null) {
    const events: unknown[] = [];
    if (!create) return events;
    if (event === null) collection.event = events;
    else insertKey(collection, 'event', events, { before: ['variable'] });
    return events;
  }
  if (isObject(event)) {
    collection.event = [event];
    return collection.event as unknown[];
  }
  throw new GenCollectionError('collection-invalid', '"event" is neither a list of events nor one event', {
    file,
    pointer: '/event',
    fix: 'export the collection again from the Postman app',
  });
}
