import { dirname, resolve } from 'node:path';
import { buildResolved, type BuildResult } from './build-from-config.js';
import type { GenCollectionConfig } from '../config/config-types.generated.js';
import { loadConfigFile } from '../config/load-config.js';
import { resolveConfig } from '../config/resolve.js';
import type { ResolvedConfig } from '../config/resolved.js';
import { validateConfig } from '../config/validate.js';
import type { OutputFormat } from '../render/render.js';
import type { Locate } from '../json/locate.js';
import { Warnings } from '../warnings.js';
import { GeneratedPlaces, type GeneratedOrigin } from '../openapi/generated-places.js';
import { loadSpec } from '../openapi/load-spec.js';
import { mergeConfigOverrides } from '../openapi/merge-overrides.js';
import { specToConfig } from '../openapi/spec-to-config.js';

export interface BuildFromSpecOptions {
  /** A config whose name, auth, environments and scripts override the spec's (`-c`). */
  config?: string;
  /** Output directory overriding the config's `output` (relative to the working directory). */
  output?: string;
  /** Output formats overriding the config's `formats` (`--format`). */
  formats?: OutputFormat[];
  /** Fetch OpenID Connect discovery documents for their token endpoint (`--discover`). */
  discover?: boolean;
  onProgress?(done: number, total: number): void;
  /** The run's warnings bag (a new one when not given); `BuildResult.warnings` is its list. */
  warnings?: Warnings;
}

/**
 * `gen-collection openapi` as a function: an OpenAPI/Swagger file (and an optional overriding config) →
 * the collection and environment templates, through the same validation and generation as a config.
 * Example values that look like secrets are emptied, with a warning. Writes nothing.
 */
export async function buildFromSpec(specFile: string, opts: BuildFromSpecOptions = {}): Promise<BuildResult> {
  const warnings = opts.warnings ?? new Warnings();
  // The config is resolved in a function of its own: the generated and merged configs (tens of megabytes for a
  // big spec) are garbage while the collection is generated.
  const { resolved, places, checked } = await resolvedConfig(specFile, opts, warnings);
  try {
    const result = await buildResolved(resolved, 'redact', checked);
    for (const line of checked.list) warnings.add(line);
    return { ...result, warnings: warnings.list };
  } catch (error) {
    throw places.error(error);
  }
}

/**
 * The spec's config, merged with the overriding config (`-c`), validated and resolved; `checked` holds the
 * warnings of the checks (mapped to their places), the build's go there too.
 */
async function resolvedConfig(
  specFile: string,
  opts: BuildFromSpecOptions,
  warnings: Warnings,
): Promise<{ resolved: ResolvedConfig; places: GeneratedPlaces; checked: Warnings }> {
  const sources = new Map<string, string>();
  const { generated, locate } = await generatedConfig(specFile, opts, warnings, sources);
  let merged = generated;
  let file = specFile;
  let config: GeneratedOrigin['config'];
  if (opts.config) {
    const loaded = await loadConfigFile(opts.config);
    merged = mergeConfigOverrides(generated, validateConfig(loaded.config, opts.config, loaded.locate, warnings));
    file = opts.config;
    config = { file, locate: loaded.locate };
  }
  // The merged config goes through the same checks as a hand-written one; what they report about the
  // generated part points at the spec, about the user's part at the config (never at the merged config).
  const places = new GeneratedPlaces({
    checkedAs: file,
    spec: { file: specFile, locate },
    sources,
    generatedItems: generated.items?.length ?? 0,
    config,
  });
  const checked = places.warnings();
  try {
    const valid = validateConfig(merged, file, undefined, checked);
    const resolved = resolveConfig(valid, {
      file,
      baseDir: dirname(resolve(file)),
      output: opts.output,
      formats: opts.formats,
    });
    return { resolved, places, checked };
  } catch (error) {
    throw places.error(error);
  }
}

/**
 * The spec mapped to a config, in a function of its own: the parsed spec (30 MB for Microsoft Graph's) is
 * garbage before the collection is generated, not kept to the end of the build.
 */
async function generatedConfig(
  specFile: string,
  opts: BuildFromSpecOptions,
  warnings: Warnings,
  sources: Map<string, string>,
): Promise<{ generated: GenCollectionConfig; locate: Locate | undefined }> {
  const { spec, locate } = await loadSpec(specFile);
  const generated = await specToConfig(spec, {
    file: specFile,
    warnings,
    locate,
    sources,
    discoverOpenIdConnect: opts.discover,
    onProgress: opts.onProgress,
  });
  return { generated, locate };
}
