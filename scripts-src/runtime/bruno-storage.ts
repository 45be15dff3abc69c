// Token storage on Bruno, bundled in place of token/storage.ts for the `bruno` format: `bru.setEnvVar` writes the
// environment file on disk, so tokens and their expiry are runtime variables only (`bru.setVar`, through the adapter's
// `pm.variables`), whatever the config's `storage` says.
export { readVariable } from '../token/storage.ts';

/** Keeps token variables for the rest of the run (Bruno runtime variables), never on disk. */
export function storeVariables(values: Record<string, string>): void {
  for (const name in values) pm.variables.set(name, values[name]);
}
