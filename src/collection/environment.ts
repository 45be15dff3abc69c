import type { OAuth2Resolved, ResolvedAuth } from '../config/resolved.js';
import { authVariables } from './auth.js';
import { stableId } from './ids.js';

/** A Postman environment file. */
export interface PostmanEnvironment {
  id: string;
  name: string;
  values: { key: string; value: string; type: 'default' | 'secret'; enabled: true }[];
  _postman_variable_scope: 'environment';
}

export interface EnvironmentTemplateInput {
  collectionName: string;
  /** Namespace for the deterministic id (the collection slug). */
  idRoot: string;
  /** Environment name → configured values (in config order). */
  environments: Record<string, Record<string, string>>;
  /** Every variable the collection uses and the environment should hold. */
  variables: string[];
  /** Variable names that must be written empty with `type: secret`. */
  secrets: string[];
}

/**
 * One environment template per environment: the configured values first (config order), then every
 * other variable the collection uses, sorted, empty. Secrets are always empty and typed `secret`.
 */
export function environmentTemplates(input: EnvironmentTemplateInput): { name: string; json: PostmanEnvironment }[] {
  const secrets = new Set(input.secrets);
  return Object.entries(input.environments).map(([env, configured]) => {
    const keys = [...Object.keys(configured), ...input.variables.filter((v) => !(v in configured)).sort()];
    return {
      name: env,
      json: {
        id: stableId(input.idRoot, 'environment', env),
        name: `${input.collectionName} - ${env}`,
        values: keys.map((key) => ({
          key,
          value: secrets.has(key) ? '' : (configured[key] ?? ''),
          type: secrets.has(key) ? 'secret' : 'default',
          enabled: true,
        })),
        _postman_variable_scope: 'environment',
      },
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

/**
 * The private environment `inject --extract-secrets` writes: the extracted variables with their original
 * values, `type: secret`, in the order they were met; deterministic (id from the collection name).
 */
export function secretsEnvironment(
  collectionName: string,
  values: { key: string; value: string }[],
): PostmanEnvironment {
  return {
    id: stableId(collectionName, 'extracted secrets'),
    name: `${collectionName} - extracted secrets`,
    values: values.map(({ key, value }) => ({ key, value, type: 'secret', enabled: true })),
    _postman_variable_scope: 'environment',
  };
}
