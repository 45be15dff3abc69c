import { maskSecret } from '../audit/literal.js';
import { locateSecrets } from '../audit/scan-json.js';
import { toPointer } from '../json/pointer.js';
import { isObject, valueAt, type JsonObject } from '../json/json-value.js';
import { authParams } from '../postman/auth-params.js';
import { secretVariableName, type NameContext } from './secret-variable-name.js';

type Path = (string | number)[];

/** One literal secret moved into a variable: where it was (JSON pointer; inject maps it into the user's file), the variable, the value masked. */
export interface ExtractedSecret {
  pointer: string;
  variable: string;
  masked: string;
}

/** What `extractSecrets` did: each move, and the variables with their original values (in the order first met). */
export interface Extraction {
  moved: ExtractedSecret[];
  values: { key: string; value: string }[];
  /** The scanner's last look found nothing at all, scripts included: an audit of the result would find nothing. */
  clean: boolean;
}

/** A private key goes whole: audit matches its BEGIN line, the key material follows it (raw, or JSON-escaped in a body). */
const PRIVATE_KEY_BLOCK =
  /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----[\s\S]*?-----END \1PRIVATE KEY( BLOCK)?-----/g;
/** Characters around a value in the texts that hold secrets: query strings, JSON, headers, cookies, XML, URLs. */
const DELIMITER = /[\s"'=:;,&?#@<>()[\]{}/\\|]/;
/** Passes of locate-and-replace: a replacement can uncover a second secret of the same text (bounded). */
const MAX_PASSES = 4;

/**
 * Replaces, in place, every literal secret `audit` finds in a collection (outside scripts, where a
 * `{{variable}}` would not be resolved) by a `{{variable}}` reference, as a substring where the secret
 * sits inside a longer text (an OAuth 1 header, a JSON body, a query string). One variable per distinct
 * value, named after where it was first met, never one of `reserved` (the collection's own and the
 * token flow's variables). Built on the scanner's located secrets, so every shape it learns is extracted too.
 */
export function extractSecrets(collection: JsonObject, reserved: Iterable<string>): Extraction {
  const taken = new Set(reserved);
  const byValue = new Map<string, string>();
  const extraction: Extraction = { moved: [], values: [], clean: false };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const all = locateSecrets(collection);
    extraction.clean = all.length === 0;
    let progress = false;
    for (const { path, secret } of all.filter((found) => !inScript(found.path))) {
      const key = path[path.length - 1];
      const holder = valueAt(collection, path.slice(0, -1));
      if (key === undefined || !(isObject(holder) || Array.isArray(holder))) continue;
      const slot = holder as Record<string | number, unknown>;
      const current = typeof slot[key] === 'number' ? String(slot[key]) : slot[key];
      if (typeof current !== 'string') continue;
      const form = storedForm(current, secret);
      if (form === undefined) continue;
      const at = occurrences(current, form);
      let variable = byValue.get(form);
      if (variable === undefined) {
        variable = secretVariableName(nameContext(collection, path, current.slice(0, at[0])), taken);
        taken.add(variable);
        byValue.set(form, variable);
        extraction.values.push({ key: variable, value: form });
      }
      const reference = `{{${variable}}}`;
      slot[key] = replaceAt(current, form, at, reference);
      syncUrlRaw(collection, path, form, reference);
      extraction.moved.push({ pointer: toPointer(path), variable, masked: maskSecret(form) });
      progress = true;
    }
    if (!progress) break;
  }
  return extraction;
}

/** Script code runs as JavaScript: a `{{variable}}` in it would be a literal string, so secrets there stay for the refusal. */
function inScript(path: Path): boolean {
  const at = path.findIndex((p) => p === 'event' || p === 'events');
  return at !== -1 && path.includes('script', at);
}

/**
 * The text to move out: the secret as it stands in the value (as found, JSON-escaped in a body,
 * percent- or form-encoded in a URL), a private key with its whole block; undefined when it is not there.
 */
function storedForm(text: string, secret: string): string | undefined {
  const forms = [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
  ];
  const form = forms.find((f) => f !== '' && text.includes(f));
  if (form === undefined || !form.startsWith('-----BEGIN')) return form;
  const start = text.indexOf(form);
  for (const block of text.matchAll(PRIVATE_KEY_BLOCK)) if (block.index === start) return block[0];
  return form;
}

/**
 * Where `form` stands in the text as the value itself, best fit first: as a whole quoted or `key=` value
 * (`"VALUE"`, `a=VALUE&`), else between delimiters (`Bearer VALUE`, `:VALUE@`), else anywhere. A short
 * password must not take bites out of other words of the same body.
 */
function occurrences(text: string, form: string): number[] {
  const all: number[] = [];
  for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + form.length)) all.push(at);
  const before = (at: number) => text[at - 1];
  const after = (at: number) => text[at + form.length];
  const whole = all.filter(
    (at) =>
      (before(at) === '"' && after(at) === '"') ||
      (before(at) === '=' && isEnd(after(at))) ||
      (at === 0 && after(at) === undefined),
  );
  if (whole.length) return whole;
  const delimited = all.filter((at) => isDelimiter(before(at)) && isDelimiter(after(at)));
  return delimited.length ? delimited : all;
}

function replaceAt(text: string, form: string, at: number[], reference: string): string {
  let out = '';
  let from = 0;
  for (const index of at) {
    out += text.slice(from, index) + reference;
    from = index + form.length;
  }
  return out + text.slice(from);
}

function isEnd(char: string | undefined): boolean {
  return char === undefined || /[\s&;,#]/.test(char);
}

function isDelimiter(char: string | undefined): boolean {
  return char === undefined || DELIMITER.test(char);
}

/**
 * A query parameter or a URL password also stands in its URL's `raw` text, which audit does not read when
 * the parsed parts exist: it is replaced there too, as `key=VALUE` or `:VALUE@`, so no copy stays behind.
 */
function syncUrlRaw(root: unknown, path: Path, form: string, reference: string): void {
  const at = path.lastIndexOf('url');
  const url = at === -1 ? undefined : valueAt(root, path.slice(0, at + 1));
  if (!isObject(url) || typeof url.raw !== 'string' || path[at + 1] === 'raw') return;
  const escaped = escapeRegExp(form);
  if (path[at + 1] === 'query') {
    const entry = valueAt(root, path.slice(0, -1));
    if (!isObject(entry) || typeof entry.key !== 'string') return;
    const name = escapeRegExp(entry.key);
    url.raw = url.raw.replace(
      new RegExp(`([?&]${name}=)${escaped}(?=[&#]|$)`, 'g'),
      (_m, lead: string) => `${lead}${reference}`,
    );
  } else if (path[at + 1] === 'auth') {
    url.raw = url.raw.replace(new RegExp(`(://[^/@\\s]*:)${escaped}@`), (_m, lead: string) => `${lead}${reference}@`);
  }
}

/** `text` as a regular expression that matches it literally. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a secret was, in the words `secretVariableName` builds a name from. */
function nameContext(root: JsonObject, path: Path, before: string): NameContext {
  const itemName = nearestItemName(root, path);
  const authAt = path.lastIndexOf('auth');
  const auth = authAt === -1 ? undefined : valueAt(root, path.slice(0, authAt + 1));
  if (isObject(auth) && typeof auth.type === 'string' && typeof path[authAt + 1] === 'string') {
    const type = path[authAt + 1] as string;
    const rest = path.slice(authAt + 1);
    const param = authParams(auth, type).find(
      (p) => p.path.length === rest.length && p.path.every((k, i) => k === rest[i]),
    );
    const nested = valueAt(root, path.slice(0, -1));
    const nestedKey =
      param === undefined && isObject(nested) && typeof nested.key === 'string' ? nested.key : undefined;
    if (param || nestedKey) return { kind: 'auth', authType: type, name: nestedKey ?? param!.key, itemName };
  }
  const entry = valueAt(root, path.slice(0, -1));
  const list = path[path.length - 3];
  if (isObject(entry) && typeof list === 'string' && path[path.length - 1] === 'value') {
    const name = typeof entry.key === 'string' ? entry.key : typeof entry.name === 'string' ? entry.name : '';
    if (list === 'cookie' || list === 'cookies') return { kind: 'cookie', name, itemName };
    if (list === 'header' || list === 'headers') return headerContext(name, before, itemName);
    if (list === 'variable' && path.length === 3) return { kind: 'collection variable', name, itemName };
    return { kind: 'field', name, itemName };
  }
  if (/:\/\/[^/@\s]*:$/.test(before)) return { kind: 'url password', name: '', itemName };
  return { kind: 'field', name: keyBefore(before) ?? '', itemName };
}

function headerContext(header: string, before: string, itemName: string | undefined): NameContext {
  const lower = header.trim().toLowerCase();
  if (lower === 'cookie' || lower === 'set-cookie') return { kind: 'cookie', name: keyBefore(before) ?? '', itemName };
  return { kind: 'header', name: header, itemName };
}

/** The key written right before a value in a text (`before` ends where the value starts): `name=`, `"name": "`, `name: Bearer `. */
function keyBefore(before: string): string | undefined {
  return /([A-Za-z0-9_.[\]-]+)["']?\s*[:=]\s*["']?(?:[A-Za-z0-9-]+\s+)?$/.exec(before)?.[1];
}

/** The name of the request or folder holding the path (the last `item` on it), for telling two same-named values apart. */
function nearestItemName(root: unknown, path: Path): string | undefined {
  const at = path.lastIndexOf('item');
  const item = at === -1 ? undefined : valueAt(root, path.slice(0, at + 2));
  return isObject(item) && typeof item.name === 'string' ? item.name : undefined;
}
