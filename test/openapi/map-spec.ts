import type { GenCollectionConfig, Item, Request } from '../../src/config/config-types.generated.js';
import { validateConfig } from '../../src/config/validate.js';
import { Warnings } from '../../src/warnings.js';
import { specToConfig, type SpecToConfigOptions } from '../../src/openapi/index.js';

/** Maps a spec object and checks the result is a valid config (the same validation `build` runs). */
export async function mapSpec(
  spec: object,
  options: Partial<SpecToConfigOptions> = {},
): Promise<{ config: GenCollectionConfig; warnings: string[] }> {
  const warnings = new Warnings();
  const config = await specToConfig(spec, { file: 'spec.yaml', warnings, ...options });
  validateConfig(JSON.parse(JSON.stringify(config)), 'generated config', undefined, warnings);
  return { config, warnings: warnings.list };
}

/** Every request of a config, depth first. */
export function requests(config: GenCollectionConfig): Request[] {
  const out: Request[] = [];
  const walk = (items: Item[]): void => {
    for (const item of items) {
      if ('items' in item) walk(item.items);
      else out.push(item);
    }
  };
  walk(config.items ?? []);
  return out;
}

/** The only request of a config mapped from a one-operation spec. */
export async function onlyRequest(spec: object, options: Partial<SpecToConfigOptions> = {}): Promise<Request> {
  const { config } = await mapSpec(spec, options);
  const all = requests(config);
  if (all.length !== 1) throw new Error(`expected one request, got ${all.length}`);
  return all[0]!;
}

/** A minimal OpenAPI 3 spec around the given parts. */
export function openapi(parts: Record<string, unknown>, version = '3.0.3'): object {
  return {
    openapi: version,
    info: { title: 'Test API', version: '1' },
    servers: [{ url: 'https://api.example.com' }],
    paths: {},
    ...parts,
  };
}

/** A minimal OpenAPI 3 spec with one operation (`GET /things` unless given). */
export function oneOperation(
  operation: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  method = 'get',
  path = '/things',
): object {
  return openapi({
    paths: { [path]: { [method]: { responses: { '200': { description: 'ok' } }, ...operation } } },
    ...extra,
  });
}

/** A minimal Swagger 2.0 spec around the given parts. */
export function swagger(parts: Record<string, unknown>): object {
  return { swagger: '2.0', info: { title: 'Test API', version: '1' }, host: 'api.example.com', paths: {}, ...parts };
}
