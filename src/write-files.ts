import {
  closeSync,
  existsSync,
  fchmodSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { GenCollectionError } from './errors.js';

/** A file to write: absolute path and content, and a mode when it must not be readable by others. */
export interface OutputFile {
  path: string;
  content: string;
  /** File mode, e.g. `0o600` for a file of secret values: set on the temporary file, before any content is in it. */
  mode?: number;
  /**
   * The same content in pieces, made one at a time while the file is written (`piecewiseFile`): a big collection
   * is never one string in memory. When set, the writer uses it and leaves `content` (then a getter) alone.
   */
  pieces?: () => Iterable<string>;
}

/**
 * A file whose content is made in pieces when written; `content` joins them on first use (tests, library callers).
 * Microsoft Graph's collection is 34 MB of JSON, a 68 MB string (two bytes a character once one is not ASCII):
 * written piece by piece, the peak memory of `openapi` on it fell by about that much (bench/openapi.mjs).
 */
export function piecewiseFile(path: string, pieces: () => Iterable<string>): OutputFile {
  let content: string | undefined;
  return {
    path,
    pieces,
    get content(): string {
      return (content ??= [...pieces()].join(''));
    },
  };
}

/**
 * Writes every file to a temporary sibling first and renames them into place only when all were
 * written, so a failure leaves no half-written output. Synchronous calls on purpose: a postman-v3 or Bruno
 * collection is thousands of small files, and a promise round trip through the thread pool per open, write,
 * close and rename cost more CPU than the writes themselves (measured: 2,000 files 0.45–1.1 s async, 0.07 s sync).
 * A file that already holds exactly its content is left alone (a rebuild rewrote thousands of unchanged files,
 * each a create, write and rename over the old one: about 0.5 ms of kernel time apiece); one with a mode is
 * always written, so its mode is set. A directory that does not exist yet (a first build) is written whole as a
 * temporary sibling and renamed into place once: nothing in it to compare with, and one rename instead of one
 * per file (2,000 files: 2,000 failed opens and 2,000 renames fewer).
 */
export async function writeFilesAtomic(files: OutputFile[]): Promise<void> {
  /** Temporary files written beside their places, renamed in once all are written. */
  const renames: { temp: string; path: string }[] = [];
  const newTrees = new Map<string, string>();
  const places = new Map<string, { dir: string; tree?: string }>();
  const made = new Set<string>();
  try {
    for (const file of files) {
      const dir = dirname(file.path);
      let place = places.get(dir);
      if (!place) {
        place = placeOf(dir, newTrees);
        places.set(dir, place);
      }
      // In a new tree the file is written under its final name; elsewhere as a temporary file beside it.
      let temp: string;
      if (place.tree) {
        if (!made.has(place.dir)) {
          mkdirSync(place.dir, { recursive: true });
          made.add(place.dir);
        }
        temp = join(place.dir, basename(file.path));
      } else {
        if (file.mode === undefined && holds(file.path, file)) continue;
        temp = join(dir, `.${basename(file.path)}.${process.pid}.tmp`);
        renames.push({ temp, path: file.path });
      }
      writePieces(temp, file.pieces ? file.pieces() : [file.content], file.mode);
    }
    for (const { temp, path } of renames) renameSync(temp, path);
    for (const [tree, temp] of newTrees) renameSync(temp, tree);
  } catch (error) {
    for (const { temp } of renames) removeQuietly(temp);
    for (const temp of newTrees.values()) removeQuietly(temp);
    const e = error as NodeJS.ErrnoException;
    throw new GenCollectionError('io', `cannot write output: ${e.message}`, {
      file: e.path,
      fix:
        e.code === 'ENAMETOOLONG'
          ? 'a file name is longer than the file system takes (255 bytes): shorten the collection name ("name" in the config: the file names start with it) or the environment names'
          : 'check that the output directory is writable and the disk is not full',
    });
  }
}

/**
 * Where the files of directory `dir` are written: `dir` itself when it exists, else the same place inside the
 * temporary sibling of its topmost missing ancestor (`tree`, registered in `newTrees` with its temporary path).
 */
function placeOf(dir: string, newTrees: Map<string, string>): { dir: string; tree?: string } {
  let tree: string | undefined;
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    tree = d;
    if (dirname(d) === d) break;
  }
  if (!tree) return { dir };
  let temp = newTrees.get(tree);
  if (!temp) {
    temp = join(dirname(tree), `.${basename(tree)}.${process.pid}.tmp`);
    // A temporary tree left by an earlier run of the same process id would bring its files along.
    rmSync(temp, { recursive: true, force: true });
    newTrees.set(tree, temp);
  }
  return { dir: join(temp, relative(tree, dir)), tree };
}

/** Removes a temporary file or tree; one that could not even be created (`ENOTDIR`…) is not there to remove. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // nothing of ours there
  }
}

/** True when `path` is a file holding exactly the file's content (UTF-8). */
function holds(path: string, file: OutputFile): boolean {
  let text: string;
  try {
    // Read and decoded in one call into Node's C++ (a Buffer read is an open, stat, read and close from JS).
    text = readFileSync(path, 'utf8');
  } catch {
    return false;
  }
  let replaced = false;
  if (file.pieces) {
    // piece by piece against the text read: the content is never joined
    let at = 0;
    for (const piece of file.pieces()) {
      if (!text.startsWith(piece, at)) return false;
      at += piece.length;
      replaced ||= piece.includes('\uFFFD');
    }
    if (at !== text.length) return false;
  } else {
    if (text !== file.content) return false;
    replaced = file.content.includes('\uFFFD');
  }
  // Equal text from valid UTF-8 is equal bytes; a U+FFFD may have been decoded from bytes that are not its own.
  return !replaced || readFileSync(path).equals(Buffer.from(file.content, 'utf8'));
}

/** Pieces are gathered up to this many characters per write: one system call per piece would be thousands. */
const WRITE_BATCH = 1 << 20;

/**
 * Writes `pieces` one after the other into a new file `path`, about 1 MB a write. With `mode`, the mode is set
 * before any content is in the file (a stale temporary file keeps its own: fchmod).
 */
function writePieces(path: string, pieces: Iterable<string>, mode: number | undefined): void {
  const fd = openSync(path, 'w', mode ?? 0o666);
  try {
    if (mode !== undefined) fchmodSync(fd, mode);
    let batch = '';
    for (const piece of pieces) {
      batch += piece;
      if (batch.length >= WRITE_BATCH) {
        writeAll(fd, batch);
        batch = '';
      }
    }
    if (batch) writeAll(fd, batch);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes all of `text`. One write(2) may write less than asked (a file size limit, a full disk) and say so only
 * in its count: the rest is written, and the error that meets is thrown, as writeFileSync does. Each turn writes
 * at least one byte or throws.
 */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length;) {
    const written = writeSync(fd, bytes, at, bytes.length - at);
    if (written === 0) throw new Error(`no byte written of ${bytes.length - at} left`);
    at += written;
  }
}

/** Pretty JSON with a trailing newline, as every output file is written. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * `jsonText(value)` in pieces, for `piecewiseFile`: a top-level object's keys one by one, and the elements of a
 * top-level `item` list (a collection's folders and requests) one by one, each made as it is asked for. Joined,
 * the pieces are `jsonText(value)` byte for byte (a test holds them to it).
 */
export function* jsonPieces(value: unknown): Generator<string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || hasToJson(value)) {
    yield jsonText(value);
    return;
  }
  // what JSON.stringify writes: own enumerable keys whose value has a JSON text (not undefined, a function…)
  const entries = Object.entries(value).filter(([, v]) => hasJsonText(v));
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{';
  for (const [i, [key, v]] of entries.entries()) {
    yield `${i === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (key === 'item' && Array.isArray(v) && v.length > 0 && !hasToJson(v)) {
      yield '[';
      for (const [j, element] of v.entries()) {
        yield `${j === 0 ? '' : ','}\n    ${itemText(element)}`;
      }
      yield '\n  ]';
    } else {
      yield memberText(key, v);
    }
  }
  yield '\n}\n';
}

/*
 * A value's JSON text nested one or two levels deep is cut out of JSON.stringify's text of the value wrapped at that
 * depth: V8 writes the indentation as it goes, where re-indenting a text afterwards (a replace of every line break)
 * took as long again (15 ms of 30 on a 2,000-request collection, --cpu-prof).
 */

/** The JSON text of top-level member `key` (`{"key": value}` at indent 2), as it follows `"key": `. */
function memberText(key: string, value: unknown): string {
  // a computed key is an own property, `__proto__` too; value.toJSON gets `key`, as in JSON.stringify of the whole
  const text = JSON.stringify({ [key]: value }, null, 2);
  return text.slice(4 + JSON.stringify(key).length + 2, text.length - 2);
}

const ITEM_OPENING = '{\n  "item": [\n    '.length;
const ITEM_CLOSING = '\n  ]\n}'.length;

/** The JSON text of an element of the top-level `item` list (indent 4), as it follows its line's indent. */
function itemText(element: unknown): string {
  if (typeof element === 'object' && element !== null && hasToJson(element)) {
    // in a wrapper its toJSON would get the key "0": alone it gets "", as it always has (the whole text gives its index)
    const text = JSON.stringify(element, null, 2) ?? 'null';
    return text.replace(/\n/g, '\n    ');
  }
  // an element JSON.stringify cannot write (undefined, a function) is `null` in a list
  const text = JSON.stringify({ item: [element] }, null, 2);
  return text.slice(ITEM_OPENING, text.length - ITEM_CLOSING);
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** Whether JSON.stringify writes `value` as an object's property (without serialising a big one to find out). */
function hasJsonText(value: unknown): boolean {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return false;
  return typeof value !== 'object' || value === null || !hasToJson(value) || JSON.stringify(value) !== undefined;
}
