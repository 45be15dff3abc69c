import { assertNoSecret, secretForms } from '../e2e/no-secret.js';
import type { ProtectedApi } from '../e2e/servers/protected-api.js';
import type { TokenServer } from '../e2e/servers/token-server.js';

/** The servers a token lifecycle case runs against; `tokenUrl` when the collection uses another than the server's. */
export interface LifecycleRig {
  ts: TokenServer;
  api: ProtectedApi;
  tokenUrl?: string;
}

export const LIST = { name: 'List orders', url: '{{base_url}}/orders', expect: { status: 200 } };
export const GET_ONE = { name: 'Get order', url: '{{base_url}}/orders/1', expect: { status: 200 } };

/** What a case adds to the lifecycle config. */
export interface LifecycleParts {
  items?: unknown[];
  scripts?: Record<string, unknown>;
  /** Extra environment values. */
  env?: Record<string, string>;
  tokenUrl?: string;
}

/** An oauth2 config against the rig: token URL, API URL and client id come from the `e2e` environment. */
export function lifecycleConfig(
  rig: LifecycleRig,
  auth: Record<string, unknown>,
  parts: LifecycleParts = {},
): Record<string, unknown> {
  return {
    name: 'Token lifecycle',
    auth: { type: 'oauth2', tokenUrl: '{{token_url}}', expiryBufferSeconds: 1, ...auth },
    environments: {
      e2e: {
        base_url: rig.api.url,
        token_url: parts.tokenUrl ?? rig.tokenUrl ?? rig.ts.tokenUrl,
        client_id: rig.ts.client.id,
        username: rig.ts.user.username,
        ...parts.env,
      },
    },
    ...(parts.scripts ? { scripts: parts.scripts } : {}),
    items: parts.items ?? [LIST, GET_ONE],
  };
}

/**
 * Throws when the client secret, the password or (in `tokenPlaces`, all of `places` unless given) an issued
 * token reached what a runner printed or reported.
 */
export function expectNothingLeaked(
  ts: TokenServer,
  places: Record<string, string>,
  tokenPlaces: Record<string, string> = places,
): void {
  assertNoSecret(secretForms(ts.client.secret, ts.client.id), places);
  assertNoSecret(secretForms(ts.user.password), places);
  for (const token of ts.issuedTokens()) assertNoSecret({ token }, tokenPlaces);
}
