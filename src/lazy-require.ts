import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS dependency loaded on its first use instead of at start-up: for libraries only some runs need
 * (ajv explains an invalid config, `yaml` reads YAML and writes postman-v3 and Bruno files, jsonc-parser
 * locates a JSON problem). Each costs 10–45 ms of CPU to load, a JSON-config build of Postman files needs none.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
