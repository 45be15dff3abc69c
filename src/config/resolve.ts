import { resolve as resolvePath } from 'node:path';
import { slugify } from '../slug.js';
import type { Body, GenCollectionConfig, Item, KeyValue, ScriptList, Scripts } from './config-types.generated.js';
import { childPointer } from '../json/pointer.js';
import { resolveAuths, secretVariableNames } from './resolve-auth.js';
import type {
  KeyValueEntry,
  ResolvedBody,
  ResolvedConfig,
  ResolvedItem,
  ResolvedScripts,
  ScriptRef,
} from './resolved.js';

export interface ResolveOptions {
  /** The config file, when there is one (made absolute). */
  file?: string;
  /** Directory that script paths and `output` are relative to (normally the config file's). */
  baseDir: string;
  /** Output directory from the command line, relative to the working directory; wins over `output`. */
  output?: string;
}

/** Applies every default and normalises every shape of a validated config: the one place defaults live. */
export function resolveConfig(config: GenCollectionConfig, opts: ResolveOptions): ResolvedConfig {
  const baseDir = resolvePath(opts.baseDir);
  const { auth, profiles: authProfiles } = resolveAuths(config);
  return {
    name: config.name,
    slug: slugify(config.name),
    ...(config.description !== undefined && { description: config.description }),
    ...(opts.file !== undefined && { configFile: resolvePath(opts.file) }),
    baseDir,
    outputDir:
      opts.output !== undefined
        ? resolvePath(process.cwd(), opts.output)
        : resolvePath(baseDir, config.output ?? 'postman'),
    auth,
    authProfiles,
    secretVariables: [
      ...new Set([
        ...secretVariableNames(auth, config.auth?.secretVariables),
        ...Object.entries(authProfiles).flatMap(([name, profile]) =>
          secretVariableNames(profile, config.authProfiles?.[name]?.secretVariables),
        ),
      ]),
    ],
    environments: Object.fromEntries(
      Object.entries(config.environments ?? {}).map(([env, values]) => [env, stringValues(values)]),
    ),
    variables: stringValues(config.variables ?? {}),
    scripts: resolveScripts(config.scripts, '/scripts', { baseDir, configFile: opts.file }),
    items: (config.items ?? []).map((item, i) =>
      resolveItem(item, childPointer('/items', i), { baseDir, configFile: opts.file }),
    ),
  };
}

/** Where script paths are resolved from, and the config file that names them (for messages). */
interface ScriptPaths {
  baseDir: string;
  configFile?: string;
}

function resolveItem(item: Item, pointer: string, paths: ScriptPaths): ResolvedItem {
  const description = item.description !== undefined ? { description: item.description } : {};
  const auth = item.auth ?? 'inherit';
  const scripts = resolveScripts(item.scripts, childPointer(pointer, 'scripts'), paths);
  if ('items' in item) {
    const items = item.items.map((child, i) =>
      resolveItem(child, childPointer(childPointer(pointer, 'items'), i), paths),
    );
    return { kind: 'folder', name: item.name, ...description, auth, scripts, items, pointer };
  }
  return {
    kind: 'request',
    name: item.name,
    ...description,
    method: (item.method ?? 'GET').toUpperCase(),
    url: item.url,
    pathVariables: entries(item.pathVariables),
    query: entries(item.query),
    headers: entries(item.headers),
    ...(item.body !== undefined && { body: resolveBody(item.body) }),
    auth,
    expectStatus: item.expect?.status === undefined ? [] : [item.expect.status].flat(),
    scripts,
    pointer,
  };
}

function resolveScripts(scripts: Scripts | undefined, pointer: string, paths: ScriptPaths): ResolvedScripts {
  return {
    prerequest: scriptRefs(scripts?.prerequest, childPointer(pointer, 'prerequest'), paths),
    test: scriptRefs(scripts?.test, childPointer(pointer, 'test'), paths),
  };
}

/** One path or a list: a single string keeps the key's pointer, list entries get their index. */
function scriptRefs(list: ScriptList | undefined, pointer: string, { baseDir, configFile }: ScriptPaths): ScriptRef[] {
  if (list === undefined) return [];
  const ref = (display: string, at: string): ScriptRef => ({
    path: resolvePath(baseDir, display),
    display,
    pointer: at,
    ...(configFile !== undefined && { configFile }),
  });
  return typeof list === 'string' ? [ref(list, pointer)] : list.map((p, i) => ref(p, childPointer(pointer, i)));
}

function resolveBody(body: Body): ResolvedBody {
  if ('json' in body) return { mode: 'json', json: body.json };
  if ('form' in body) return { mode: 'form', entries: entries(body.form) };
  if ('urlencoded' in body) return { mode: 'urlencoded', entries: entries(body.urlencoded) };
  return { mode: 'raw', raw: body.raw, ...(body.contentType !== undefined && { contentType: body.contentType }) };
}

/** KeyValue object or list → entries, values stringified. */
function entries(kv: KeyValue | undefined): KeyValueEntry[] {
  if (kv === undefined) return [];
  if (!Array.isArray(kv)) return Object.entries(kv).map(([key, value]) => ({ key, value: String(value) }));
  return kv.map((e) => ({
    key: e.key,
    value: e.value === undefined ? '' : String(e.value),
    ...(e.description !== undefined && { description: e.description }),
    ...(e.disabled !== undefined && { disabled: e.disabled }),
  }));
}

function stringValues(values: Record<string, string | number | boolean>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]));
}
