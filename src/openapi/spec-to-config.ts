import { basename, extname } from 'node:path';
import type { GenCollectionConfig, Request } from '../config/config-types.generated.js';
import type { Warnings } from '../warnings.js';
import { isObject, text } from '../json/json-value.js';
import { LocalRefs } from './local-refs.js';
import { operationRequest, type RequestMapping } from './operation-request.js';
import { listOperations, type Operation } from './operations.js';
import { SchemaSampler } from './schema-sample.js';
import { planSecurity } from './security.js';
import { specServers } from './servers.js';
import type { SpecContext } from './spec-context.js';
import { checkSpec } from './spec-version.js';
import { tagFolders } from './tag-folders.js';

export interface SpecToConfigOptions {
  /** The spec file as the user named it, for messages. */
  file: string;
  warnings: Warnings;
  /** Fetch OpenID Connect discovery documents for their token endpoint (CLI: --discover). */
  discoverOpenIdConnect?: boolean;
  /** Called as operations are mapped: about a hundred times for a big spec, and once at the end. */
  onProgress?(done: number, total: number): void;
}

/**
 * Maps an OpenAPI 3.0/3.1 or Swagger 2.0 description to a gen-collection config: one request per operation
 * in tag folders, `{{base_url}}` with one environment per server, and the collection auth chosen from the
 * security schemes. The result goes through the same validate → resolve → generate pipeline as a config
 * written by hand. Throws GenCollectionError (exit 2) naming the file and JSON pointer of what is invalid.
 */
export async function specToConfig(spec: object, options: SpecToConfigOptions): Promise<GenCollectionConfig> {
  const { file, warnings } = options;
  const checked = checkSpec(spec, file, warnings);
  const ctx: SpecContext = { ...checked, file, refs: new LocalRefs(checked.spec, file), warnings };
  const servers = specServers(ctx);
  const operations = listOperations(ctx);
  const security = await planSecurity(ctx, operations, servers, options);

  const mapping: RequestMapping = {
    ctx,
    sampler: new SchemaSampler(ctx.refs),
    serverUrls: new Set(servers.map((s) => s.url)),
  };
  const total = operations.length;
  const step = Math.max(1, Math.ceil(total / 100));
  const entries: { op: Operation; request: Request }[] = [];
  for (let i = 0; i < total; i++) {
    const op = operations[i]!;
    entries.push({ op, request: operationRequest(mapping, op, security.operations[i]!) });
    if (options.onProgress && ((i + 1) % step === 0 || i + 1 === total)) options.onProgress(i + 1, total);
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
    name: text(info.title) ?? (basename(file, extname(file)) || 'API'),
    ...(description ? { description } : {}),
    ...(security.auth ? { auth: security.auth } : {}),
    ...(security.authProfiles ? { authProfiles: security.authProfiles } : {}),
    environments,
    // Collection variables: the first server is the default when no environment is selected.
    variables: { ...environments[servers[0]!.name]! },
    items: tagFolders(ctx, entries),
  };
}
