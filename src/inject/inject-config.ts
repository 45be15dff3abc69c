import { configFileIn } from '../config/find.js';
import { readConfig } from '../config/read.js';
import { resolveConfig } from '../config/resolve.js';
import type { OAuth2Resolved, ResolvedConfig } from '../config/resolved.js';
import { GenCollectionError } from '../errors.js';
import type { Warnings } from '../warnings.js';

/** The config `inject` takes its token flow from, and that flow (the config's oauth2 auth). */
export interface InjectConfig {
  config: ResolvedConfig;
  auth: OAuth2Resolved;
}

/**
 * The config giving the oauth2 settings: `configFile` (`-c`), else gen-collection.config.* in `cwd`, else the
 * defaults with `{{token_url}}`. Throws GenCollectionError (exit 2) when its auth is not oauth2; its auth
 * profiles are left out with a warning (inject adds one token flow).
 */
export async function injectConfig(
  configFile: string | undefined,
  opts: { cwd: string; warnings: Warnings },
): Promise<InjectConfig> {
  const config = await readOrDefault(configFile ?? configFileIn(opts.cwd), opts);
  if (config.auth.type !== 'oauth2') {
    throw new GenCollectionError(
      'config-invalid',
      `inject needs an oauth2 auth, the config has "${config.auth.type}"`,
      {
        file: config.configFile,
        pointer: '/auth/type',
        fix: 'set "auth": { "type": "oauth2", "tokenUrl": "…" } in the config given with -c',
      },
    );
  }
  if (config.auth.dpop) {
    // inject sets a Bearer auth and recognises its own by it: a DPoP token sent as Bearer is refused by every API.
    throw new GenCollectionError('config-invalid', 'inject does not add DPoP (auth.dpop) to a collection yet', {
      file: config.configFile,
      pointer: '/auth/dpop',
      fix: 'build the collection from the config (gen-collection build), or leave dpop out of the config given with -c',
    });
  }
  const profiles = Object.keys(config.authProfiles);
  if (profiles.length) {
    opts.warnings.add(
      `inject adds the default profile (auth) only; authProfiles (${profiles.join(', ')}) are left out`,
      {
        file: config.configFile,
        pointer: '/authProfiles',
        fix: 'build the collection from the config (gen-collection build) to use auth profiles',
      },
    );
  }
  return { config, auth: config.auth };
}

async function readOrDefault(
  file: string | undefined,
  { cwd, warnings }: { cwd: string; warnings: Warnings },
): Promise<ResolvedConfig> {
  if (file) return (await readConfig(file, { warnings })).resolved;
  warnings.add(
    'no config given (-c) and none in the working directory: using the oauth2 defaults with tokenUrl {{token_url}}; set token_url, client_id and client_secret in the environment',
  );
  return resolveConfig({ name: 'inject', auth: { type: 'oauth2', tokenUrl: '{{token_url}}' } }, { baseDir: cwd });
}
