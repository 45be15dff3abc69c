import type { PlanEnvironment } from '../plan/plan.js';
import { stableId } from '../plan/ids.js';

/** A Postman environment file. */
export interface PostmanEnvironment {
  id: string;
  name: string;
  values: { key: string; value: string; type: 'default' | 'secret'; enabled: true }[];
  _postman_variable_scope: 'environment';
}

/** A planned environment template as a Postman environment file. */
export function postmanEnvironment(env: PlanEnvironment): PostmanEnvironment {
  return {
    id: env.id,
    name: env.title,
    values: env.values.map(({ key, value, secret }) => ({
      key,
      value,
      type: secret ? 'secret' : 'default',
      enabled: true,
    })),
    _postman_variable_scope: 'environment',
  };
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
