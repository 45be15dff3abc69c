import { PACKAGE_JSON } from './package-root.js';

/** gen-collection's own version, from its package.json. */
export const VERSION: string = PACKAGE_JSON.version;
