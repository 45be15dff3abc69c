import { locateSecrets } from '../audit/scan-json.js';

const VARIABLE = /\{\{([^{}"\\$][^{}"\\]*)\}\}/g;

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
  const probed = text.replace(VARIABLE, (_match, name: string) => `gcprobe${names.push(name.trim()) - 1}q`);
  if (names.length === 0) return [];
  const found = new Set<string>();
  for (const { secret } of locateSecrets(JSON.parse(probed))) {
    for (const match of secret.matchAll(/gcprobe(\d+)q/g)) found.add(names[Number(match[1])]!);
  }
  return [...found].sort();
}
