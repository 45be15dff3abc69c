import { basename, extname } from 'node:path';
import type { GenCollectionConfig, Item } from '../config/config-types.generated.js';
import type { Locate } from '../json/locate.js';
import type { Warnings } from '../warnings.js';
import { isObject, text, type JsonObject } from '../json/json-value.js';
import { slugify } from '../slug.js';
import { LocalRefs } from './local-refs.js';
import { operationRequest, type RequestMapping } from './operation-request.js';
import { listOperations, operationLabel } from './operations.js';
import { specWarnings, withSpecLineError } from './spec-lines.js';
import { unlessInvalid } from './spec-problem.js';
import { SchemaSampler } from './schema-sample.js';
import { planSecurity } from './security.js';
import { specServers } from './servers.js';
import type { SpecContext } from './spec-context.js';
import { checkSpec } from './spec-version.js';
import { tagFolders, type Entry } from './tag-folders.js';

export interface SpecToConfigOptions {
  /** The spec file as the user named it, for messages. */
  file: string;
  warnings: Warnings;
  /** Fetch OpenID Connect discovery documents for their token endpoint (CLI: --discover). */
  discoverOpenIdConnect?: boolean;
  /** Where the spec's keys sit (YAML specs: `LoadedSpec.locate`), for the line of each warning and error. */
  locate?: Locate;
  /**
   * Filled, when given, with the spec pointer each generated folder and request comes from, by its config
   * pointer (`/items/0/items/2` → `/paths/~1pets/get`): messages about the generated config point at the spec.
   */
  sources?: Map<string, string>;
  /** Called as operations are mapped: about a hundred times for a big spec, and once at the end. */
  onProgress?(done: number, total: number): void;
}

/**
 * Maps an OpenAPI 3.0/3.1 or Swagger 2.0 description to a gen-collection config: one request per operation
 * in tag folders, `{{base_url}}` with one environment per server, and the collection auth chosen from the
 * security schemes. The result goes through the same validate → resolve → generate pipeline as a config
 * written by hand. What the collection cannot express (an unnamed parameter, a content type that is no media
 * type, an invalid operation) is left out of its request with a warning naming the spec's JSON pointer. Throws
 * GenCollectionError (exit 2) naming the file and JSON pointer only for what spoils the whole spec.
 */
export async function specToConfig(spec: object, options: SpecToConfigOptions): Promise<GenCollectionConfig> {
  try {
    return await mapSpec(spec, options);
  } catch (error) {
    throw withSpecLineError(error, options.file, options.locate);
  }
}

async function mapSpec(spec: object, options: SpecToConfigOptions): Promise<GenCollectionConfig> {
  const { file } = options;
  const warnings = specWarnings(options.warnings, file, options.locate);
  const checked = checkSpec(spec, file, warnings);
  const ctx: SpecContext = { ...checked, file, refs: new LocalRefs(checked.spec, file), warnings };
  const servers = specServers(ctx);
  const operations = listOperations(ctx);
  const security = await planSecurity(ctx, operations, servers, options);

  const mapping: RequestMapping = {
    ctx,
    sampler: new SchemaSampler(ctx.refs),
    serverUrls: new Set(servers.map((s) => s.url)),
    ...(security.auth?.type === 'apikey'
      ? { apiKey: { in: security.auth.in ?? 'header', name: security.auth.name, left: 0 } }
      : {}),
  };
  const total = operations.length;
  const step = Math.max(1, Math.ceil(total / 100));
  const entries: Entry[] = [];
  for (let i = 0; i < total; i++) {
    const op = operations[i]!;
    const request = unlessInvalid(ctx, `the operation ${operationLabel(op)} is left out`, op.operation.pointer, () =>
      operationRequest(mapping, op, security.operations[i]!),
    );
    if (request) entries.push({ op, request });
    if (options.onProgress && ((i + 1) % step === 0 || i + 1 === total)) options.onProgress(i + 1, total);
  }
  if (mapping.apiKey?.left) {
    const { name, left } = mapping.apiKey;
    ctx.warnings.add(
      `${left} operation parameter${left === 1 ? '' : 's'} '${name}' (${mapping.apiKey.in}) left out: the collection's apikey auth sends that key`,
      { file: ctx.file, pointer: '/paths' },
    );
  }

  const info = isObject(ctx.spec.info) ? ctx.spec.info : {};
  const description = text(info.description);
  const environments = Object.fromEntries(
    servers.map((s, i) => [
      s.name,
      {
        base_url: s.url,
        ...(security.tokenUrls ? { token_url: security.tokenUrls[i]! } : {}),
        ...Object.fromEntries(
          Object.entries(security.profileTokenUrls ?? {}).map(([variable, urls]) => [variable, urls[i]!]),
        ),
      },
    ]),
  );
  return {
    name: collectionName(ctx, info),
    ...(description ? { description } : {}),
    ...(security.auth ? { auth: security.auth } : {}),
    ...(security.authProfiles ? { authProfiles: security.authProfiles } : {}),
    environments,
    // Collection variables: the first server is the default when no environment is selected.
    variables: { ...environments[servers[0]!.name]! },
    items: itemsWithSources(ctx, entries, options.sources),
  };
}

/** The tag folders, and (when asked) the spec pointer of each folder and request by its config pointer. */
function itemsWithSources(ctx: SpecContext, entries: Entry[], sources: Map<string, string> | undefined): Item[] {
  if (!sources) return tagFolders(ctx, entries);
  const origins = new Map<Item, string>();
  const items = tagFolders(ctx, entries, origins);
  const walk = (list: Item[], pointer: string): void =>
    list.forEach((item, i) => {
      const at = `${pointer}/${i}`;
      const origin = origins.get(item);
      if (origin !== undefined) sources.set(at, origin);
      if ('items' in item) walk(item.items, `${at}/items`);
    });
  walk(items, '/items');
  return items;
}

/** `info.title`, else the file name: whichever has an ASCII letter or digit to name the output files by. */
function collectionName(ctx: SpecContext, info: JsonObject): string {
  const title = text(info.title);
  const fallback = basename(ctx.file, extname(ctx.file));
  const name = [title, fallback].find((n) => n !== undefined && slugify(n) !== '') ?? 'API';
  if (title !== undefined && name !== title) {
    ctx.warnings.add(
      `the title has no ASCII letter or digit to name the output files by: the collection is named '${name}'`,
      {
        file: ctx.file,
        pointer: '/info/title',
        fix: 'give a config with a name (-c)',
      },
    );
  }
  return name;
}
