import { locateSecrets } from '../audit/scan-json.js';
import { isObject, valueAt } from '../json/json-value.js';

const VARIABLE = /\{\{([^{}"\\$][^{}"\\]*)\}\}/g;
const STAND_IN = /gcprobe(\d+)q/g;
const MAX_PASSES = 4;

/** A string of the collection that uses variables: where it is, and its text. */
interface Use {
  holder: Record<string | number, unknown>;
  key: string | number;
  original: string;
}

/** What one walk of a collection outside its scripts finds for `variablesUsed` and `secretPositionVariables`. */
export interface TemplateTexts {
  /** Every string holding `{{` (where `variablesUsed` looks for names). */
  texts: string[];
  /** The strings holding a `{{variable}}`, and where each is. */
  uses: Use[];
  /** The objects and lists above each use, at any depth. */
  holders: WeakSet<object>;
}

/** One walk of a collection outside its scripts: a `{{…}}` in code is not resolved, so not a use. */
export function templateTexts(collection: unknown): TemplateTexts {
  const found: TemplateTexts = { texts: [], uses: [], holders: new WeakSet() };
  collectUses(collection, found);
  return found;
}

/**
 * The `{{variables}}` a collection uses where a literal value would be a secret (an auth password, an
 * `Authorization` header, a `client_secret` field, …): each use is swapped, in place and for the time of
 * one scan, for a literal stand-in, and the scanner says which stand-ins it flags. Environment templates
 * type these `secret`, so a collection whose secrets were extracted gives the same templates when it is
 * injected again. `templates`: the collection's `templateTexts`, as it is now.
 */
export function secretPositionVariables(collection: unknown, templates = templateTexts(collection)): string[] {
  const names: string[] = [];
  // The scans below enter only the objects and lists that hold a use, at any depth: the only places a stand-in
  // can be reported (in the 5,000-request export of bench/inject.mjs, 2 of every 3 objects and lists are not entered).
  const { uses, holders } = templates;
  if (uses.length === 0) return [];
  const found = new Set<number>();
  try {
    for (const use of uses)
      use.holder[use.key] = use.original.replace(
        VARIABLE,
        (_m, name: string) => `gcprobe${names.push(name.trim()) - 1}q`,
      );
    // The scanner reports one value of a text per rule (the first literal cookie of a header): the stand-ins
    // it reported become templates again, and texts that held another one are looked at once more (bounded).
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let another = false;
      for (const { path, secret } of locateSecrets(collection, holders)) {
        for (const match of secret.matchAll(STAND_IN)) found.add(Number(match[1]));
        const text = valueAt(collection, path);
        if (typeof text === 'string' && STAND_IN.test(text.replace(secret, ''))) another = true;
        STAND_IN.lastIndex = 0;
      }
      if (!another) break;
      for (const use of uses) {
        const text = use.holder[use.key] as string;
        use.holder[use.key] = text.replace(STAND_IN, (stand, i: string) => (found.has(Number(i)) ? '{{_}}' : stand));
      }
    }
  } finally {
    for (const use of uses) use.holder[use.key] = use.original;
  }
  return [...new Set([...found].map((i) => names[i]!))].sort();
}

/** Into `found`, what lies below `node`; true when a use lies below (then `node` is one of the holders). */
function collectUses(node: unknown, found: TemplateTexts): boolean {
  let holds = false;
  if (Array.isArray(node)) {
    // a plain loop: two stack frames a level, so input at the nesting limit (src/json/nesting.ts) fits the stack
    for (let i = 0; i < node.length; i++)
      if (visitChild(node as unknown as Record<number, unknown>, i, node[i], found)) holds = true;
  } else if (isObject(node)) {
    for (const key in node) if (key !== 'event' && visitChild(node, key, node[key], found)) holds = true;
  }
  if (holds) found.holders.add(node as object);
  return holds;
}

function visitChild(
  holder: Record<string | number, unknown>,
  key: string | number,
  child: unknown,
  found: TemplateTexts,
): boolean {
  if (typeof child !== 'string') return collectUses(child, found);
  if (!child.includes('{{')) return false;
  found.texts.push(child);
  if (!/\{\{[^{}"\\$][^{}"\\]*\}\}/.test(child)) return false;
  found.uses.push({ holder, key, original: child });
  return true;
}
