import { statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { ScriptRef } from '../config/resolved.js';
import { GenCollectionError } from '../errors.js';
import { VERSION } from '../version.js';
import { bundleEntry } from './esbuild-sandbox.js';
import { compatProblems } from './compat.js';
import type { ScriptEvent } from './sandbox-typings.js';
import { localModuleGraph } from './script-graph.js';
import { scriptProblemsError } from './script-problem.js';
import { PREREQUEST_DIR, tsconfigEvent } from './script-tsconfig.js';
import { typeCheckScripts } from './typecheck.js';

export type { ScriptEvent } from './sandbox-typings.js';

const TYPESCRIPT_FILE = /\.(?:ts|tsx|mts|cts)$/;

/**
 * A finished bundle, the `mtime:size` of every local file it was built from (to tell when it is stale) and the
 * files its build read (reported again when the bundle is reused).
 */
interface CachedBundle {
  code: string;
  stamps: Map<string, string>;
  sources: string[];
}

/** Bundles already built by this process, by event, path and display name. */
const bundleCache = new Map<string, CachedBundle>();

/**
 * Turns the user scripts of one event into sandbox JavaScript, in the order of `refs`: checks that each
 * file exists, rejects what Newman 6 cannot run (see `compatProblems`), type-checks the TypeScript files
 * together in one program against the sandbox typings of `event`, then bundles each with esbuild.
 * Every problem of the batch is reported in one GenCollectionError (exit 2). TypeScript's parser is
 * loaded whenever there is a script (the compatibility check uses it), a type-check program only when
 * one of them is TypeScript.
 * `sources`, when given, receives every user file the call read or looked for (see `bundleUserScriptBatches`).
 */
export async function bundleUserScripts(
  refs: readonly ScriptRef[],
  event: ScriptEvent,
  sources?: Set<string>,
): Promise<string[]> {
  const [codes] = await bundleUserScriptBatches([{ refs, event }], sources);
  return codes!;
}

/** The user scripts of one event, for `bundleUserScriptBatches`. */
export interface ScriptBatch {
  refs: readonly ScriptRef[];
  event: ScriptEvent;
}

/**
 * `bundleUserScripts` for several events at once (a build's pre-request and test scripts): every batch is
 * checked before any error is thrown, so one error lists the problems of every broken file (and `build --watch`
 * watches them all), not only those of the first broken batch.
 * `sources` receives every user file the batches read or looked for: the scripts (even missing ones), the local
 * modules they import and the files the type checker loaded; also when the call throws, so that `build --watch`
 * can watch a file that holds an error. A parameter, not an async context: Node 20's `AsyncLocalStorage` turns
 * on promise hooks for the rest of the process, about 1 µs more for every later `await` (7 ms of user time in a
 * 2,000-request postman-v3 build, measured).
 */
export async function bundleUserScriptBatches(
  batches: readonly ScriptBatch[],
  sources = new Set<string>(),
): Promise<string[][]> {
  const checked = batches.map(({ refs, event }) => checkBatch(refs, event, sources));
  const compat = checked.flatMap((c) => c.compat);
  const types = checked.flatMap((c) => c.types);
  const display = displayNames(batches.flatMap((b) => b.refs));
  if (compat.length > 0) throw scriptProblemsError('script-compat', [...compat, ...types], display);
  if (types.length > 0) throw scriptProblemsError('script-type', types, display);
  await Promise.all(
    checked.flatMap(({ todo, graphs, event, typedFiles }) =>
      todo.map(async (ref) => {
        const code = await bundleEntry(ref.path, ref.display, { absWorkingDir: scriptBaseDir(ref) });
        const header = `// ${ref.display} (${event} script), bundled by gen-collection ${VERSION}\n`;
        const graph = [...graphs.get(ref.path)!.keys()];
        bundleCache.set(cacheKey(ref, event), {
          code: header + code,
          stamps: stampsOf(graph),
          sources: [...new Set([...graph, ...typedFiles])],
        });
      }),
    ),
  );
  return batches.map(({ refs, event }) => refs.map((ref) => bundleCache.get(cacheKey(ref, event))!.code));
}

/**
 * The checks of one batch before bundling: what is not bundled yet, its local module graphs, the files Newman 6
 * cannot run and (for a batch without those) the type errors.
 */
function checkBatch(refs: readonly ScriptRef[], event: ScriptEvent, read: Set<string>) {
  const record = (files: Iterable<string>): void => {
    for (const file of files) read.add(file);
  };
  record(refs.map((ref) => ref.path));
  for (const ref of refs) assertScriptFile(ref);
  for (const ref of refs) assertTsconfigAgrees(ref, event);
  const stale = refs.filter((ref) => {
    const cached = cachedBundle(ref, event);
    if (cached) record(cached.sources);
    return !cached;
  });
  const todo = [...new Map(stale.map((ref) => [cacheKey(ref, event), ref])).values()];
  const graphs = new Map(todo.map((ref) => [ref.path, localModuleGraph([ref.path])]));
  if (todo.length === 0) return { event, todo, graphs, compat: [], types: [], typedFiles: [] };
  const sources = new Map([...graphs.values()].flatMap((graph) => [...graph]));
  record(sources.keys());
  const compat = compatProblems(sources.values());
  const typed = [...graphs.keys()].filter((file) => TYPESCRIPT_FILE.test(file));
  const check = compat.length > 0 ? { problems: [], files: [] } : typeCheckScripts(typed, event);
  record(check.files);
  return { event, todo, graphs, compat, types: check.problems, typedFiles: check.files };
}

function assertScriptFile(ref: ScriptRef): void {
  let isFile = false;
  try {
    isFile = statSync(ref.path).isFile();
  } catch {
    // missing or unreadable: reported below
  }
  if (!isFile) {
    throw new GenCollectionError('script-missing', `script file not found: ${ref.display} (${ref.path})`, {
      file: ref.configFile,
      pointer: ref.pointer,
      fix: `create the file, or correct the path at ${ref.pointer} (script paths are relative to the config file)`,
    });
  }
}

/**
 * A TypeScript script must be checked by its nearest tsconfig.json (as the editor and `tsc -p` do) with the
 * API of the event the config runs it in, when that tsconfig is one of gen-collection's (`init` writes them):
 * otherwise the editor and `build` would report different errors for the same line.
 */
function assertTsconfigAgrees(ref: ScriptRef, event: ScriptEvent): void {
  if (!TYPESCRIPT_FILE.test(ref.path)) return;
  const checked = tsconfigEvent(ref.path);
  if (!checked || checked.event === event) return;
  const kind = (e: ScriptEvent) => (e === 'test' ? 'test' : 'pre-request');
  throw new GenCollectionError(
    'script-type',
    `${ref.display} runs as a ${kind(event)} script, but ${checked.tsconfig} checks it with the ${kind(checked.event)} sandbox API`,
    {
      file: ref.configFile,
      pointer: ref.pointer,
      fix:
        event === 'prerequest'
          ? `move it into a ${PREREQUEST_DIR}/ folder beside your test scripts (scripts-src/${PREREQUEST_DIR}/, which has its own tsconfig.json)`
          : `move it out of ${PREREQUEST_DIR}/: that folder holds pre-request scripts`,
    },
  );
}

function cacheKey(ref: ScriptRef, event: ScriptEvent): string {
  return `${event}\0${ref.path}\0${ref.display}`;
}

function cachedBundle(ref: ScriptRef, event: ScriptEvent): CachedBundle | undefined {
  const cached = bundleCache.get(cacheKey(ref, event));
  if (!cached) return undefined;
  for (const [file, stamp] of cached.stamps) if (stampOf(file) !== stamp) return undefined;
  return cached;
}

function stampsOf(files: Iterable<string>): Map<string, string> {
  return new Map([...files].map((file) => [file, stampOf(file)]));
}

function stampOf(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return 'missing';
  }
}

/**
 * The directory a script's display path is relative to (the config's, for a relative path): the nearest
 * ancestor of `path` that `display` resolves against to `path`. Bundles name their sources relative to
 * it, so they do not depend on the working directory.
 */
function scriptBaseDir(ref: ScriptRef): string {
  for (let dir = dirname(ref.path); ; dir = dirname(dir)) {
    if (resolve(dir, ref.display) === ref.path) return dir;
    if (dirname(dir) === dir) return dirname(ref.path);
  }
}

/** Names files in messages: an entry as the config wrote it, another file relative to the config's directory. */
function displayNames(refs: readonly ScriptRef[]): (file: string) => string {
  const byPath = new Map(refs.map((ref) => [ref.path, ref.display]));
  const baseDir = refs[0] ? scriptBaseDir(refs[0]) : process.cwd();
  return (file) => byPath.get(file) ?? relative(baseDir, file).split(sep).join('/');
}
