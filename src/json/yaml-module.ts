import { lazyRequire } from '../lazy-require.js';

/** The `yaml` package, loaded on first use: a JSON config building Postman files never needs it. */
export const yamlModule = lazyRequire<typeof import('yaml')>('yaml');
