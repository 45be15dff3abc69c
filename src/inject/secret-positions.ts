import { locateSecrets } from '../audit/scan-json.js';

const VARIABLE = /\{\{([^{}"\\$][^{}"\\]*)\}\}/g;
const STAND_IN = /gcprobe(\d+)q/g;
const MAX_PASSES = 4;

/**
 * The `{{variables}}` a collection uses where a literal value would be a secret (an auth password, an
 * `Authorization` header, a `client_secret` field, …): each use is swapped for a literal stand-in and the
 * scanner says which stand-ins it flags. Environment templates type these `secret`, so a collection whose
 * secrets were extracted gives the same templates when it is injected again.
 */
export function secretPositionVariables(collection: unknown): string[] {
  const names: string[] = [];
  // Scripts are left out: a `{{…}}` there is not resolved, and no stand-in is shaped like a secret.
  const text = JSON.stringify(collection, (key, value: unknown) => (key === 'event' ? undefined : value));
  let probed = text.replace(VARIABLE, (_match, name: string) => `gcprobe${names.push(name.trim()) - 1}q`);
  if (names.length === 0) return [];
  const found = new Set<number>();
  // The scanner reports one value of a text per rule (the first literal cookie of a header): the stand-ins it
  // reported become templates again and the rest are looked at once more (bounded).
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const value: unknown = JSON.parse(probed);
    let another = false;
    for (const { path, secret } of locateSecrets(value)) {
      for (const match of secret.matchAll(STAND_IN)) found.add(Number(match[1]));
      const holder = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);
      if (typeof holder === 'string' && holder.replace(secret, '').match(STAND_IN)) another = true;
    }
    // Only a text that held a reported stand-in and another one can hide a second secret position.
    if (!another) break;
    probed = probed.replace(STAND_IN, (stand, i: string) => (found.has(Number(i)) ? '{{_}}' : stand));
  }
  return [...new Set([...found].map((i) => names[i]!))].sort();
}
