import { toPointer } from '../json/pointer.js';
import { isObject } from '../json/json-value.js';
import { locateSecrets } from './scan-json.js';
import { shapedSecrets } from './shaped-secrets.js';

/**
 * Empties, in place, every literal secret `auditJson` would report in a value (a generated collection):
 * a value that is the secret becomes `''`, a longer text (a raw body) loses the secret's characters.
 * Returns the JSON pointers of the values changed. For example values taken from API descriptions,
 * which often hold sample tokens and passwords: the output must never be something `audit` flags.
 */
export function redactSecrets(value: unknown, removed?: Set<string>): string[] {
  const changed = new Set<string>();
  // One pass empties what it finds; a second one catches what the first uncovered (bounded).
  for (let pass = 0; pass < 3; pass++) {
    const located = locateSecrets(value);
    if (located.length === 0) break;
    for (const { path, secret } of located) {
      removed?.add(secret);
      const parent = nodeAt(value, path.slice(0, -1));
      const key = path[path.length - 1];
      if (key === undefined || !(isObject(parent) || Array.isArray(parent))) continue;
      const holder = parent as Record<string | number, unknown>;
      const current = holder[key];
      holder[key] = typeof current === 'string' && current.trim() !== secret ? withoutSecret(current, secret) : '';
      changed.add(toPointer(path));
      // A query parameter also stands in its URL's `raw` text, which audit does not read when the list exists.
      const queryAt = path.lastIndexOf('query');
      const url = queryAt > 0 ? nodeAt(value, path.slice(0, queryAt)) : undefined;
      if (isObject(url) && typeof url.raw === 'string')
        url.raw = withoutSecret(withoutSecret(url.raw, secret), encodeURIComponent(secret));
    }
  }
  return [...changed];
}

/**
 * `value` with the given secrets taken out of every string (deep, a copy): a string that is one becomes `''`, a
 * longer text loses it. What `redactSecrets` removed from one rendering, applied to the plan every format renders.
 */
export function withoutSecrets<T>(value: T, secrets: ReadonlySet<string>): T {
  if (secrets.size === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let text = v;
      for (const secret of secrets)
        if (text.includes(secret)) text = text.trim() === secret ? '' : withoutSecret(text, secret);
      return text;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, child]) => [k, walk(child)]));
    return v;
  };
  return walk(value) as T;
}

const PRIVATE_KEY_BLOCK =
  /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----[\s\S]*?-----END \1PRIVATE KEY( BLOCK)?-----/g;

function nodeAt(root: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      isObject(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined,
    root,
  );
}

/**
 * A text without the secret, as found or JSON-escaped (audit reads raw JSON bodies unescaped), and without
 * any further shaped secret (audit reports one per text; a sample body can list several tokens).
 */
function withoutSecret(text: string, secret: string): string {
  const escaped = JSON.stringify(secret).slice(1, -1);
  // A private key goes whole: audit matches its BEGIN line, the key material follows it.
  let rest = text.replace(PRIVATE_KEY_BLOCK, '').split(secret).join('').split(escaped).join('');
  // Removing one secret can join the text around it into another shape: look again (bounded).
  for (
    let pass = 0, shaped = shapedSecrets(rest);
    shaped.length > 0 && pass < 3;
    pass++, shaped = shapedSecrets(rest)
  ) {
    for (const { secret } of shaped) rest = rest.split(secret).join('');
  }
  return rest;
}
