// gen-collection's public API: the operations of the CLI as typed functions that take and return data.
// Nothing here writes files or exits the process; `writeFilesAtomic` is there for callers who want to.

export {
  buildFromConfig,
  buildFromConfigFile,
  buildResolved,
  buildOutputFiles,
  type BuildOptions,
  type BuildResult,
} from './build/build-from-config.js';
export { planCollection } from './plan/plan-collection.js';
export type * from './plan/plan.js';
export { environmentTemplates } from './plan/environments.js';
export { collectVariableNames } from './plan/variables.js';
export { renderPostman, postmanCollection } from './render/postman.js';
export { COLLECTION_SCHEMA_V21, type PostmanCollection } from './postman/collection.js';
export type { Renderer, RenderedFile, OutputFormat } from './render/render.js';
export { postmanEnvironment, secretsEnvironment, type PostmanEnvironment } from './postman/environment.js';
export { readConfig, type ReadConfigResult } from './config/read.js';
export { loadConfigFile } from './config/load-config.js';
export { validateConfig } from './config/validate.js';
export { resolveConfig } from './config/resolve.js';
export { findConfigFile } from './config/find.js';
export type * from './config/config-types.generated.js';
export type * from './config/resolved.js';
export { tokenScripts } from './scripts/token-scripts.js';
export { bundleUserScripts } from './scripts/user-scripts.js';
export type { TokenConfig } from './scripts/token-config.js';
export { buildFromSpec, type BuildFromSpecOptions } from './build/build-from-spec.js';
export { loadSpec, specToConfig, mergeConfigOverrides } from './openapi/index.js';
export { injectCollection, type InjectOptions, type InjectResult } from './inject/inject-collection.js';
export { auditFiles } from './audit/audit-files.js';
export { auditJson } from './audit/scan-json.js';
export { formatFinding, type Finding } from './audit/finding.js';
export { GenCollectionError, ExitCode, type ErrorCode } from './errors.js';
export { Warnings, formatProblemLine, type Place } from './warnings.js';
export {
  generateSigningKey,
  KEYGEN_ALGORITHMS,
  type GeneratedKey,
  type KeygenAlgorithm,
  type RegisteredJwk,
} from './keys/generate-key.js';
export { jwkThumbprint, type PublicJwk } from './keys/jwk-thumbprint.js';
export { writeFilesAtomic, type OutputFile } from './write-files.js';
export { slugify } from './slug.js';
export { VERSION } from './version.js';
