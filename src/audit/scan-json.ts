import { toPointer } from '../json/pointer.js';
import { isObject, type JsonObject } from '../json/json-value.js';
import { authSecrets } from './auth-secrets.js';
import type { Finding } from './finding.js';
import { headerSecret, literalSecret, maskSecret } from './literal.js';
import { isSecretHeader, isSecretName } from './secret-names.js';
import { MIN_SHAPED_LENGTH, shapedSecretsIn, type ShapedSecret } from './shaped-secrets.js';

type Path = (string | number)[];

/** Labels of key/value lists by the key that holds them. */
const LIST_LABELS: Record<string, string> = {
  query: 'query parameter',
  queryParams: 'query parameter',
  urlencoded: 'urlencoded body field',
  formdata: 'form-data body field',
  data: 'form body field',
  variable: 'variable',
  values: 'variable',
};

/** A secret found, unmasked, with the path of the value holding it: for `redactSecrets`, never printed. */
export interface LocatedSecret {
  path: Path;
  secret: string;
}

class Scan {
  readonly findings: Finding[] = [];
  /** The secret of each finding, in the same order. */
  readonly located: LocatedSecret[] = [];
  /**
   * The secrets beyond a finding's own at its place and of its kind: audit reports one finding per place and kind,
   * but redaction and extraction need every secret (a sample body can hold a hundred `"password"` members).
   */
  private readonly more: { located: LocatedSecret; tick: number }[] = [];
  private readonly moreSeen = new Set<string>();
  /** The secret of the finding at each place and of each kind (pointer NUL what). */
  private readonly seen = new Map<string, string>();
  /** The secrets reported at each pointer, so that a shape inside one already reported is not reported again. */
  private readonly flagged = new Map<string, string[]>();

  /** The shaped secrets of every string of the value (none on the first walk, which collects the strings). */
  shaped = new Map<string, ShapedSecret[]>();
  /**
   * On the first walk: every string long enough to hold a shaped secret, in document order, repeats and all
   * (`shapedSecretsIn` keeps one of each: a push here, one hashing there, not a set here and a set there).
   */
  readonly strings: string[] = [];
  /** The walk for the shapes alone (`scanValue`): the structural rules are not applied again. */
  shapesOnly = false;
  /**
   * A clock of the walk, the same on both walks: one tick as each value is entered, and one before each element of a
   * list, where its entry's rules run (after the element before it and all it holds).
   */
  tick = 0;
  /** The tick of each finding (a shape's: its string's, plus a half), to put the two walks' findings in one order. */
  private readonly ticks: number[] = [];

  constructor(
    readonly file: string,
    /** The objects and lists entered below the scanned value (`locateSecrets`); all when undefined. */
    readonly within?: WeakSet<object>,
  ) {}

  add(path: Path, what: string, secret: string): void {
    const pointer = toPointer(path);
    const key = `${pointer}\u0000${what}`;
    const first = this.seen.get(key);
    if (first !== undefined) {
      const again = `${key}\u0000${secret}`;
      if (first !== secret && !this.moreSeen.has(again)) {
        this.moreSeen.add(again);
        this.more.push({ located: { path: [...path], secret }, tick: this.shapesOnly ? this.tick + 0.5 : this.tick });
      }
      return;
    }
    this.seen.set(key, secret);
    // Also as a JSON string holds it: a shape is matched in a raw body's text, escapes and all.
    const escaped = JSON.stringify(secret).slice(1, -1);
    this.flagged.set(pointer, [...(this.flagged.get(pointer) ?? []), secret, ...(escaped === secret ? [] : [escaped])]);
    this.located.push({ path: [...path], secret });
    this.findings.push({ file: this.file, pointer, what, masked: maskSecret(secret) });
    this.ticks.push(this.shapesOnly ? this.tick + 0.5 : this.tick);
  }

  /** The findings of both walks in the order one walk applying every rule with the shapes would give them. */
  inWalkOrder(): void {
    const order = this.ticks.map((tick, i) => ({ tick, i })).sort((a, b) => a.tick - b.tick);
    if (order.every(({ i }, at) => i === at)) return;
    const findings = order.map(({ i }) => this.findings[i]!);
    const located = order.map(({ i }) => this.located[i]!);
    this.findings.splice(0, findings.length, ...findings);
    this.located.splice(0, located.length, ...located);
    this.ticks.splice(0, order.length, ...order.map(({ tick }) => tick));
  }

  /** Every secret found, in walk order: each finding's, and after it (at the same tick) the others of its place and kind. */
  everyLocated(): LocatedSecret[] {
    if (this.more.length === 0) return this.located;
    const all = [...this.located.map((located, i) => ({ located, tick: this.ticks[i]! })), ...this.more];
    // stable: a finding's own secret before the others met at the same tick
    return all.sort((a, b) => a.tick - b.tick).map((entry) => entry.located);
  }

  /** True when a secret reported at `path` is, holds or lies inside `secret`. */
  isReported(path: Path, secret: string): boolean {
    return (this.flagged.get(toPointer(path)) ?? []).some((s) => s.includes(secret) || secret.includes(s));
  }
}

/**
 * Finds literal secrets in a parsed collection (v1, v2.0, v2.1), environment or globals file, or any
 * other JSON: auth params, credential headers, secret-named query/body/variable values, secrets in
 * raw and saved-response bodies, and shaped secrets in every string (the secretlint recommended preset
 * and a few shapes of its own: `shaped-secrets.ts`). `{{variables}}`,
 * empty values and placeholders are fine. Every file gen-collection writes must give no finding.
 */
export function auditJson(file: string, value: unknown): Finding[] {
  return scanValue(file, value).findings;
}

/**
 * The secrets `auditJson` would report, unmasked, with where they sit (internal: for redaction only). With
 * `within`, only the objects and lists in it are entered (the value itself always): a secret inside one left out is
 * not found. Every rule that reports a value runs on the value or on one of the objects and lists holding it, and
 * reads only what lies below, so with every ancestor of the values that matter in `within`, those values are
 * judged as in a whole scan.
 */
export function locateSecrets(value: unknown, within?: WeakSet<object>): LocatedSecret[] {
  return scanValue('', value, within).everyLocated();
}

/**
 * The structural rules need the shaped secrets of each string as they meet it, and those are found for all
 * strings at once. The first walk applies the structural rules and collects the strings; when no string holds a
 * shaped secret (every file gen-collection writes, every collection inject accepts), its findings are the answer,
 * and the value was walked once. Otherwise a second walk reports the shapes alone, and the findings of the two
 * are put in one order. That is what one walk applying every rule with the shapes finds, in its order: each
 * structural finding at a value comes while the value or one holding it is visited, so before the value's shapes
 * are judged (which skip a secret already reported there), and none comes after (a test holds the two to each
 * other). The second walk costs little more than the walk itself: redacting GitHub's spec (11 secret-looking
 * examples) took 107 ms with a second walk applying every rule, 66 ms with this one (--cpu-prof).
 */
function scanValue(file: string, value: unknown, within?: WeakSet<object>): Scan {
  const scan = new Scan(file, within);
  visit(scan, value, [], undefined, scopeOf(value), false);
  scan.shaped = shapedSecretsIn(scan.strings);
  if (scan.shaped.size === 0) return scan;
  scan.shapesOnly = true;
  scan.tick = 0;
  visit(scan, value, [], undefined, scopeOf(value), false);
  scan.inWalkOrder();
  return scan;
}

/**
 * For tests only: what `scanValue`'s two walks must equal, one walk that applies every rule with the shapes
 * of all strings known beforehand (found by a first walk, as before).
 */
export function auditInOneWalk(file: string, value: unknown): { findings: Finding[]; located: LocatedSecret[] } {
  const first = new Scan(file);
  visit(first, value, [], undefined, scopeOf(value), false);
  const scan = new Scan(file);
  scan.shaped = shapedSecretsIn(first.strings);
  visit(scan, value, [], undefined, scopeOf(value), false);
  return { findings: scan.findings, located: scan.everyLocated() };
}

function scopeOf(value: unknown): string {
  if (!isObject(value)) return 'file';
  const scope = value._postman_variable_scope;
  if (scope === 'globals' || scope === 'environment') return scope;
  if (Array.isArray(value.values) && !('item' in value)) return 'environment';
  return 'info' in value || 'item' in value || 'requests' in value ? 'collection' : 'file';
}

/**
 * Visits one value. `where` says where it sits for the `what` of a finding (`collection`, `folder`,
 * `request`, `saved response`, `request script`, `environment`, …); inside an auth block (`inAuth`)
 * params are judged by `authSecrets` alone.
 */
function visit(
  scan: Scan,
  node: unknown,
  path: Path,
  key: string | number | undefined,
  where: string,
  inAuth: boolean,
): void {
  scan.tick++;
  if (typeof node === 'string') {
    if (!scan.shapesOnly) {
      if (node.length >= MIN_SHAPED_LENGTH) scan.strings.push(node);
      if (key === 'url') scanUrl(scan, node, path, where);
      if ((key === 'header' || key === 'headers') && !inAuth) scanHeaderLines(scan, node, path, where);
      if (key === 'rawModeData') scanBodyText(scan, node, path, `${where} body`);
    }
    // (no shape is known on the first walk of `scanValue`, nor on any walk of a text without one)
    if (scan.shaped.size !== 0) scanShape(scan, node, path, where);
    return;
  }
  if (Array.isArray(node)) {
    // only an `item` element's place depends on the element (folder or request): the others' is the list's
    const listPlace = key === 'item' ? undefined : elementWhere(key, undefined, where);
    const entries = !inAuth && typeof key === 'string' && !scan.shapesOnly;
    for (let i = 0; i < node.length; i++) {
      const element: unknown = node[i];
      if (scan.within && typeof element === 'object' && element !== null && !scan.within.has(element)) continue;
      const elementPlace = listPlace ?? elementWhere(key, element, where);
      path.push(i);
      scan.tick++;
      if (entries && isObject(element)) scanListEntry(scan, element, path, key, elementPlace);
      visit(scan, element, path, i, elementPlace, inAuth);
      path.pop();
    }
    return;
  }
  if (typeof node !== 'object' || node === null) return; // (a list was handled above)
  const object = node as JsonObject;
  const authBlock = !inAuth && key === 'auth' && typeof object.type === 'string';
  if (authBlock && !scan.shapesOnly) {
    for (const found of authSecrets(object))
      scan.add([...path, ...found.path], `${found.what} in ${where} auth`, found.secret);
  }
  const childrenInAuth = inAuth || authBlock;
  if (!childrenInAuth && !scan.shapesOnly) scanObject(scan, object, path, key, where);
  // for…in: no key array per object (JSON.parse objects have no inherited enumerable keys)
  const within = scan.within;
  for (const k in object) {
    const child = object[k];
    if (typeof child === 'string' && scan.shaped.size === 0 && !STRING_RULE_KEYS.has(k)) {
      // what `visit` does with a string that no rule reads by its key, when no text holds a shape (the first walk),
      // without the call: most of a collection's values (in-process inject of 5,000 requests: about 2 ms of 95)
      scan.tick++;
      if (child.length >= MIN_SHAPED_LENGTH) scan.strings.push(child);
      continue;
    }
    if (within && typeof child === 'object' && child !== null && !within.has(child)) continue;
    path.push(k);
    // most keys leave the place as it is: propertyWhere only for the three that change it
    const place = k === 'originalRequest' || k === 'event' || k === 'events' ? propertyWhere(k, where) : where;
    visit(scan, child, path, k, place, childrenInAuth);
    path.pop();
  }
}

/** The keys under which `visit` judges a string by its key: a URL, header lines, a v1 raw body. */
const STRING_RULE_KEYS = new Set(['url', 'header', 'headers', 'rawModeData']);

function elementWhere(listKey: string | number | undefined, element: unknown, where: string): string {
  if (listKey === 'item') return isObject(element) && Array.isArray(element.item) ? 'folder' : 'request';
  if (listKey === 'requests') return 'request';
  if (listKey === 'folders') return 'folder';
  if (listKey === 'response' || listKey === 'responses') return 'saved response';
  return where;
}

function propertyWhere(key: string, where: string): string {
  if (key === 'originalRequest') return 'saved response request';
  if ((key === 'event' || key === 'events') && !where.endsWith('script')) return `${where} script`;
  return where;
}

/** Rules for an object's own members: secret-named fields, URLs, bodies. */
function scanObject(scan: Scan, node: JsonObject, path: Path, key: string | number | undefined, where: string): void {
  const isEntry = typeof node.key === 'string' || (typeof node.name === 'string' && 'value' in node);
  // for…in: no key array per object (JSON.parse objects have no inherited enumerable keys)
  if (!isEntry)
    for (const k in node) {
      const v = node[k];
      if (typeof v !== 'string' || !isSecretName(k)) continue;
      const secret = literalSecret(v);
      if (secret) scan.add([...path, k], `literal "${k}" in ${where}`, secret);
    }
  if (key === 'url' && typeof node.raw === 'string') {
    if (Array.isArray(node.query)) scanUserinfo(scan, node.raw, [...path, 'raw'], where);
    else scanUrl(scan, node.raw, [...path, 'raw'], where);
  }
  if (key === 'body') {
    if (typeof node.raw === 'string') scanBodyText(scan, node.raw, [...path, 'raw'], `${where} body`);
    if (isObject(node.graphql) && typeof node.graphql.variables === 'string') {
      scanBodyText(scan, node.graphql.variables, [...path, 'graphql', 'variables'], `${where} GraphQL variables`);
    }
  }
  if (where === 'saved response' && typeof node.body === 'string' && ('code' in node || 'status' in node)) {
    scanBodyText(scan, node.body, [...path, 'body'], 'saved response body');
  }
}

/** One entry of a key/value list: a header, a saved cookie, a query/body param or a variable. */
function scanListEntry(scan: Scan, entry: JsonObject, path: Path, listKey: string, where: string): void {
  if (listKey === 'cookie' || listKey === 'cookies') {
    const secret = literalSecret(entry.value);
    if (secret) scan.add([...path, 'value'], `cookie "${String(entry.name ?? entry.key ?? '')}" in ${where}`, secret);
    return;
  }
  if (typeof entry.key !== 'string') return;
  if (listKey === 'header' || listKey === 'headers') {
    if (!isSecretHeader(entry.key)) return;
    const secret = headerSecret(entry.key, entry.value);
    if (secret) scan.add([...path, 'value'], `literal ${entry.key.trim()} header in ${where}`, secret);
    return;
  }
  const typedSecret = entry.type === 'secret';
  if (!typedSecret && !isSecretName(entry.key)) return;
  const secret = literalSecret(entry.value);
  if (!secret) return;
  const label = Object.hasOwn(LIST_LABELS, listKey) ? LIST_LABELS[listKey]! : 'field';
  const kind = label === 'variable' && typedSecret ? 'secret variable' : label;
  scan.add([...path, 'value'], `literal ${kind} "${entry.key}" in ${where}`, secret);
}

/** `Name: value` lines of a header string (v1, and v2 where the header is one string). */
function scanHeaderLines(scan: Scan, text: string, path: Path, where: string): void {
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:\/\/)?\s*([^:\s][^:]*):(.*)$/.exec(line);
    if (!match || !isSecretHeader(match[1]!)) continue;
    const name = match[1]!.trim();
    const secret = headerSecret(name, match[2]);
    if (secret) scan.add(path, `literal ${name} header in ${where}`, secret);
  }
}

function scanUrl(scan: Scan, url: string, path: Path, where: string): void {
  scanUserinfo(scan, url, path, where);
  const query = /\?([^#]*)/.exec(url)?.[1];
  if (query) scanQueryString(scan, query, path, `query parameter`, `${where} URL`);
}

/** The password of a URL's userinfo (`https://user:password@host`). */
function scanUserinfo(scan: Scan, url: string, path: Path, where: string): void {
  const password = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s:]*:([^/@\s]+)@/i.exec(url.trim())?.[1];
  const secret = password === undefined ? undefined : literalSecret(safeDecode(password));
  if (secret) scan.add(path, `literal URL password in ${where}`, secret);
}

function scanQueryString(scan: Scan, query: string, path: Path, label: string, where: string): void {
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = safeDecode(pair.slice(0, eq));
    if (!isSecretName(name)) continue;
    const secret = literalSecret(safeDecode(pair.slice(eq + 1)));
    if (secret) scan.add(path, `literal ${label} "${name}" in ${where}`, secret);
  }
}

const JSON_MEMBER = /"((?:[^"\\\n]|\\.){1,200})"\s*:\s*"((?:[^"\\\n]|\\.)*)"/g;
const FORM_ENCODED = /^[^\s=&{}<>[\]]+=[^\s&]*(&[^\s=&]+=[^\s&]*)*$/;

/**
 * Secret-named string members of a JSON text, found by pattern so that templated JSON that does not
 * parse (`{"qty": {{qty}}}`) is read too; a form-encoded text is read as query parameters.
 */
function scanBodyText(scan: Scan, text: string, path: Path, where: string): void {
  let sawMember = false;
  for (const match of text.matchAll(JSON_MEMBER)) {
    sawMember = true;
    const name = jsonUnescape(match[1]!);
    if (!isSecretName(name)) continue;
    const secret = literalSecret(jsonUnescape(match[2]!));
    if (secret) scan.add(path, `literal "${name}" in ${where}`, secret);
  }
  const trimmed = text.trim();
  if (!sawMember && FORM_ENCODED.test(trimmed)) scanQueryString(scan, trimmed, path, 'form field', where);
}

/**
 * The shaped secrets of a string, one finding per kind (a raw body can hold several), except those a
 * structural rule already reported (`"access_token": "ghp_…"` is one finding, not two).
 */
function scanShape(scan: Scan, text: string, path: Path, where: string): void {
  if (text.length < MIN_SHAPED_LENGTH) return;
  for (const shaped of scan.shaped.get(text) ?? []) {
    if (!scan.isReported(path, shaped.secret)) scan.add(path, `${shaped.what} in ${where}`, shaped.secret);
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function jsonUnescape(text: string): string {
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text;
  }
}
