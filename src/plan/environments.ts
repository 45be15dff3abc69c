import type { OAuth2Resolved, ResolvedAuth } from '../config/resolved.js';
import type { PlanEnvironment } from './plan.js';
import { authVariables } from './auth-variables.js';
import { stableId } from './ids.js';

export interface EnvironmentTemplateInput {
  collectionName: string;
  /** Namespace for the deterministic id (the collection slug). */
  idRoot: string;
  /** Environment name → configured values (in config order). */
  environments: Record<string, Record<string, string>>;
  /** Every variable the collection uses and the environment should hold. */
  variables: string[];
  /** Variable names that must be written empty, as secrets. */
  secrets: string[];
}

/**
 * One environment template per environment: the configured values first (config order), then every
 * other variable the collection uses, sorted, empty. Secrets are always empty.
 */
export function environmentTemplates(input: EnvironmentTemplateInput): PlanEnvironment[] {
  const secrets = new Set(input.secrets);
  return Object.entries(input.environments).map(([env, configured]) => {
    const keys = [...Object.keys(configured), ...input.variables.filter((v) => !(v in configured)).sort()];
    return {
      name: env,
      title: `${input.collectionName} - ${env}`,
      id: stableId(input.idRoot, 'environment', env),
      values: keys.map((key) => ({
        key,
        value: secrets.has(key) ? '' : (configured[key] ?? ''),
        secret: secrets.has(key),
      })),
    };
  });
}

/**
 * The variables an environment template must hold: those the collection uses, less the ones it defines
 * itself and, when the token lives in collection variables, the token variables — an environment value,
 * even an empty one, would shadow them (for the auth and each auth profile).
 */
export function environmentVariables(
  used: Iterable<string>,
  collectionVariables: Iterable<string>,
  auth: ResolvedAuth,
  profiles: readonly OAuth2Resolved[] = [],
): string[] {
  const exclude = new Set(collectionVariables);
  for (const a of [auth, ...profiles])
    if (a.type === 'oauth2' && a.storage === 'collection')
      for (const key of authVariables(a).tokenState) exclude.add(key);
  return [...new Set(used)].filter((name) => !exclude.has(name));
}
