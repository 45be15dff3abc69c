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

/**
 * The `{{variables}}` a collection uses where a literal value would be a secret (an auth password, an
 * `Authorization` header, a `client_secret` field, …): each use is swapped, in place and for the time of
 * one scan, for a literal stand-in, and the scanner says which stand-ins it flags. Environment templates
 * type these `secret`, so a collection whose secrets were extracted gives the same templates when it is
 * injected again.
 */
export function secretPositionVariables(collection: unknown): string[] {
  const names: string[] = [];
  const uses: Use[] = [];
  // The scans below enter only the objects and lists that hold a use, at any depth: the only places a stand-in
  // can be reported (in the 5,000-request export of bench/inject.mjs, 2 of every 3 objects and lists are not entered).
  const holders = new WeakSet<object>();
  collectUses(collection, uses, [], holders);
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

/**
 * Every string outside scripts that holds a `{{variable}}` (a `{{…}}` in code is not resolved, so not a use), and
 * into `holders` the objects and lists above each (`above`: those from the root down to `node`'s holder).
 */
function collectUses(node: unknown, uses: Use[], above: object[], holders: WeakSet<object>): void {
  if (Array.isArray(node)) {
    above.push(node);
    // a plain loop: two stack frames a level, so input at the nesting limit (src/json/nesting.ts) fits the stack
    for (let i = 0; i < node.length; i++)
      visitChild(node as unknown as Record<number, unknown>, i, node[i], uses, above, holders);
    above.pop();
  } else if (isObject(node)) {
    above.push(node);
    for (const key in node) if (key !== 'event') visitChild(node, key, node[key], uses, above, holders);
    above.pop();
  }
}

function visitChild(
  holder: Record<string | number, unknown>,
  key: string | number,
  child: unknown,
  uses: Use[],
  above: object[],
  holders: WeakSet<object>,
): void {
  if (typeof child === 'string') {
    if (child.includes('{{') && /\{\{[^{}"\\$][^{}"\\]*\}\}/.test(child)) {
      uses.push({ holder, key, original: child });
      // from the holder up, to the first one already in (whose own holders are in too)
      for (let i = above.length - 1; i >= 0 && !holders.has(above[i]!); i--) holders.add(above[i]!);
    }
  } else {
    collectUses(child, uses, above, holders);
  }
}
