import { toPointer } from '../json/pointer.js';
import { isObject } from '../json/json-value.js';
import { locateSecrets } from './scan-json.js';
import { shapedSecretsIn } from './shaped-secrets.js';

/**
 * Empties, in place, every literal secret `auditJson` would report in a value (a generated collection):
 * a value that is the secret becomes `''`, a longer text (a raw body) loses the secret's characters.
 * Returns the JSON pointers of the values changed; `onRemoved` hears each secret and the path it was found at.
 * For example values taken from API descriptions, which often hold sample tokens and passwords: the output must
 * never be something `audit` flags.
 */
export function redactSecrets(
  value: unknown,
  onRemoved?: (path: readonly (string | number)[], secret: string) => void,
): string[] {
  const changed = new Set<string>();
  // One pass empties what it finds; a second one catches what the first uncovered (bounded).
  let scanned = value;
  for (let pass = 0; pass < 3; pass++) {
    const located = locateSecrets(scanned);
    if (located.length === 0) break;
    for (const { path, secret } of located) {
      onRemoved?.(path, secret);
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
    scanned = changedItems(
      value,
      located.map((l) => l.path),
    );
  }
  return [...changed];
}

type Path = readonly (string | number)[];

/**
 * What the next pass needs to scan of a collection: the requests and folders where this pass changed a value
 * (in a copy of the collection and its folders whose other items are holes, so every path stays the same),
 * and all that is not an item. A scan finds a secret in one item from that item alone, and an item this pass
 * left as it was had none: scanning the other thousands of requests again would find nothing (GitHub's
 * spec: 11 values changed in 1,223 requests, 0.1 s a scan). A value that is no collection is scanned whole.
 */
function changedItems(value: unknown, paths: Path[]): unknown {
  if (!isObject(value) || !Array.isArray(value.item)) return value;
  return { ...value, item: itemsAt(value.item, pathsUnder('item', paths)) };
}

function itemsAt(items: unknown[], paths: Path[]): unknown[] {
  const view: unknown[] = new Array<unknown>(items.length);
  const byIndex = new Map<number, Path[]>();
  for (const path of paths) {
    const index = path[0];
    if (typeof index === 'number') byIndex.set(index, [...(byIndex.get(index) ?? []), path.slice(1)]);
  }
  for (const [index, under] of byIndex) {
    const item = items[index];
    // a folder where only items changed: those items; else the whole item
    view[index] =
      isObject(item) && Array.isArray(item.item) && under.every((p) => p[0] === 'item')
        ? { ...item, item: itemsAt(item.item, pathsUnder('item', under)) }
        : item;
  }
  return view;
}

function pathsUnder(key: string, paths: Path[]): Path[] {
  return paths.filter((p) => p[0] === key).map((p) => p.slice(1));
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
export function withoutSecret(text: string, secret: string): string {
  const escaped = JSON.stringify(secret).slice(1, -1);
  // A private key goes whole: audit matches its BEGIN line, the key material follows it.
  let rest = text.replace(PRIVATE_KEY_BLOCK, '').split(secret).join('').split(escaped).join('');
  // Removing one secret can join the text around it into another shape: look again (bounded).
  for (let pass = 0; pass < 3; pass++) {
    const found = shapedSecretsIn([rest]).get(rest) ?? [];
    if (found.length === 0) break;
    for (const { secret: other } of found) rest = rest.split(other).join('');
  }
  return rest;
}
