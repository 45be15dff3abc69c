import type { TokenConfig } from '../../src/scripts/token-config.ts';

declare global {
  /** The data header the generator writes in front of the bundled token scripts (`const genCollection = {…};`). */
  const genCollection: TokenConfig;
}
