/** `gen-collection openapi`'s mapping: OpenAPI 3.0/3.1 and Swagger 2.0 descriptions → a gen-collection config (the build from it is `build/build-from-spec.ts`). */
export { loadSpec, type LoadedSpec } from './load-spec.js';
export { specToConfig, type SpecToConfigOptions } from './spec-to-config.js';
export { mergeConfigOverrides } from './merge-overrides.js';
