import type { Auth, GenCollectionConfig } from '../config/config-types.generated.js';

/**
 * Applies a user config (given with `-c`) to a config generated from a spec. The user's name, description,
 * output, formats, auth, environments and scripts replace the generated ones; variables are merged (the user's win);
 * the user's items are appended after the generated ones. Auth profiles merge by name: a profile the user
 * gives replaces the generated one of that name. Secret variables the generated auth declared (cookie API
 * keys used by generated requests) stay secret under the user's auth.
 */
export function mergeConfigOverrides(
  generated: GenCollectionConfig,
  user: Partial<GenCollectionConfig> | undefined,
): GenCollectionConfig {
  if (!user) return generated;
  const merged: GenCollectionConfig = { ...generated, name: user.name ?? generated.name };
  if (user.description !== undefined) merged.description = user.description;
  if (user.output !== undefined) merged.output = user.output;
  if (user.formats !== undefined) merged.formats = user.formats;
  if (user.auth !== undefined) merged.auth = withSecrets(user.auth, generated.auth?.secretVariables);
  if (user.authProfiles !== undefined) merged.authProfiles = { ...generated.authProfiles, ...user.authProfiles };
  if (user.environments !== undefined) merged.environments = user.environments;
  if (user.variables !== undefined) merged.variables = { ...generated.variables, ...user.variables };
  if (user.scripts !== undefined) merged.scripts = user.scripts;
  if (user.items?.length) merged.items = [...(generated.items ?? []), ...user.items];
  return merged;
}

function withSecrets(auth: Auth, secrets: string[] | undefined): Auth {
  if (!secrets?.length) return auth;
  const all = [...new Set([...(auth.secretVariables ?? []), ...secrets])];
  return { ...auth, secretVariables: all };
}
