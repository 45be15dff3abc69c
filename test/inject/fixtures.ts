/**
 * The exported-collection fixtures of test/fixtures/collections/ and a test-side undo of inject's
 * documented additions, written independently of src/inject so that "lossless" is checked, not assumed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/collections/', import.meta.url));

/** Fixture file names (every `*.json` in the folder). */
export const FIXTURES: string[] = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

export function fixtureText(name: string): string {
  return readFileSync(FIXTURE_DIR + name, 'utf8');
}

/** Fixtures whose collection-level auth conflicts with the Bearer inject sets (need `force`). */
export const NEEDS_FORCE = new Set(['basic-auth-collection.postman_collection.json']);

const BEGIN = '// >>> gen-collection';
const END = '// <<< gen-collection';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The output with inject's documented additions taken out: `info.schema` and the collection `auth`
 * back to the input's, the marked blocks (and the events that held nothing else) removed, and the `id`s the
 * input items did not have removed. Compare it with `withArrayAuthParams(input)`.
 */
export function undoInjection(output: Json, input: Json): Json {
  const out = structuredClone(output);
  if ('schema' in input.info) out.info.schema = input.info.schema;
  else delete out.info.schema;
  if ('auth' in input) out.auth = input.auth;
  else delete out.auth;
  const events = (out.event as Json[]).map(stripBlock).filter((e) => e !== undefined);
  if (!('event' in input)) {
    if (events.length > 0) throw new Error('inject left events in a collection that had none');
    delete out.event;
  } else {
    out.event = events; // a single input event is a list in v2.1: withArrayAuthParams wraps the input's too
  }
  removeAddedIds(out.item, input.item);
  return out;
}

/** The event without the block; undefined when the block was all of it and the input had no such event. */
function stripBlock(event: Json): Json {
  const exec = event.script.exec;
  if (typeof exec === 'string') {
    event.script.exec = exec.replace(/^\/\/ >>> gen-collection[^\n]*\n[\s\S]*?\/\/ <<< gen-collection(\n|$)/, '');
    return event;
  }
  const begin = exec.findIndex((l: string) => l.startsWith(BEGIN));
  if (begin === -1) return event;
  const end = exec.indexOf(END);
  exec.splice(begin, end - begin + 1);
  return exec.length === 0 ? undefined : event;
}

function removeAddedIds(outItems: Json[], inItems: Json[]): void {
  outItems.forEach((item, i) => {
    const before = inItems[i];
    if ('id' in item && !('id' in before)) delete item.id;
    if (Array.isArray(item.item)) removeAddedIds(item.item, before.item);
  });
}

/**
 * The input with what inject converts to v2.1 converted: v2.0 object-form auth params written as v2.1 arrays,
 * and a single object where the v2.1 schema wants a list (`event`, `variable`, `response`, `item` of the
 * collection and its items) wrapped into a list.
 */
export function withArrayAuthParams(input: Json): Json {
  const copy = structuredClone(input);
  const wrapLists = (node: Json): void => {
    for (const key of ['event', 'variable', 'response', 'item']) {
      if (node[key] && typeof node[key] === 'object' && !Array.isArray(node[key])) node[key] = [node[key]];
    }
    if (Array.isArray(node.item))
      node.item.forEach((item: Json) => item && typeof item === 'object' && wrapLists(item));
  };
  wrapLists(copy);
  const walk = (node: Json, key?: string): void => {
    if (Array.isArray(node)) node.forEach((n) => walk(n));
    else if (node && typeof node === 'object') {
      if (key === 'auth' && typeof node.type === 'string') {
        for (const [type, params] of Object.entries(node)) {
          if (type === 'type' || !params || typeof params !== 'object' || Array.isArray(params)) continue;
          node[type] = Object.entries(params).map(([k, v]) => ({
            key: k,
            value: v,
            type: typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? 'number' : 'string',
          }));
        }
      }
      for (const [k, v] of Object.entries(node)) walk(v, k);
    }
  };
  walk(copy);
  return copy;
}

/** The `genCollection` header object of the injected pre-request block (the token config). */
export function tokenConfigOf(collection: Json): Json {
  const pre = collection.event.find((e: Json) => e.listen === 'prerequest').script.exec;
  const text = Array.isArray(pre) ? pre.join('\n') : pre;
  const match = /const genCollection = (\{[\s\S]*?\n\});/.exec(text);
  if (!match) throw new Error('no token config in the pre-request block');
  return JSON.parse(match[1]!);
}
