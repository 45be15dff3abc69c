/**
 * The token scripts of a collection with auth profiles, run in both real Postman sandboxes: the request's
 * profile picks the token server, client, scope, variables and storage; the other profile's token is left alone.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resolveAuthProfile } from '../../src/config/resolve-auth.js';
import { tokenScripts, type TokenScripts } from '../../src/scripts/token-scripts.js';
import { disposeSandboxes, runScript, SANDBOXES, type SentRequest } from './sandbox-harness.js';
import {
  ADMIN_SECRET,
  BASE_AUTH,
  BASE_VARIABLES,
  CLIENT_ID,
  CLIENT_SECRET,
  formRequest,
  visibleOutput,
} from './token-fixtures.js';

afterAll(disposeSandboxes);

const ADMIN_REQUEST = 'admin-request';
const PARTNER_REQUEST = 'partner-request';
const DEFAULT_REQUEST = 'default-request';
/** The admin profile: another token server and client, its token in collection variables. */
const ADMIN = resolveAuthProfile('admin', {
  type: 'oauth2',
  tokenUrl: '{{admin_token_url}}',
  scope: 'orders:admin',
  storage: 'collection',
});
/** The partner profile: the default's client and token server with another scope (a shared client). */
const PARTNER = resolveAuthProfile('partner', {
  type: 'oauth2',
  tokenUrl: '{{base_url}}/oauth/token',
  scope: 'partner',
  variables: { clientId: 'client_id', clientSecret: 'client_secret' },
});
const VARIABLES = {
  ...BASE_VARIABLES,
  admin_token_url: 'https://admin.example.test/token',
  client_id_admin: 'admin-ci',
  client_secret_admin: ADMIN_SECRET,
};
const GRANTED = { access_token: 'tok-new-access', token_type: 'Bearer', expires_in: 300 };
const LATER = '4102444800000';
const ADMIN_FORM = formRequest(
  [
    ['grant_type', 'client_credentials'],
    ['scope', 'orders:admin'],
    ['client_id', 'admin-ci'],
    ['client_secret', ADMIN_SECRET],
  ],
  {},
  'https://admin.example.test/token',
);
const CLIENT_FIELDS: [string, string][] = [
  ['client_id', CLIENT_ID],
  ['client_secret', CLIENT_SECRET],
];
const DEFAULT_FORM = formRequest([['grant_type', 'client_credentials'], ['scope', 'read write'], ...CLIENT_FIELDS]);
const PARTNER_FORM = formRequest([['grant_type', 'client_credentials'], ['scope', 'partner'], ...CLIENT_FIELDS]);

function scripts(): Promise<TokenScripts> {
  return tokenScripts(BASE_AUTH, {
    skipRequestIds: [],
    profiles: {
      admin: { auth: ADMIN, requestIds: [ADMIN_REQUEST] },
      partner: { auth: PARTNER, requestIds: [PARTNER_REQUEST] },
    },
  });
}

interface Case {
  name: string;
  requestId: string;
  collection?: Record<string, string>;
  environment?: Record<string, string>;
  sent: SentRequest[];
  collectionAfter: Record<string, string | null>;
  environmentAfter?: Record<string, string | null>;
}

const cases: Case[] = [
  {
    name: 'an admin request: the admin server, client and scope; stored in collection variables as the profile says',
    requestId: ADMIN_REQUEST,
    environment: { access_token: 'tok-default', token_expires_at: LATER },
    sent: [ADMIN_FORM],
    collectionAfter: { access_token_admin: 'tok-new-access' },
    environmentAfter: { access_token: 'tok-default', token_expires_at: LATER, access_token_admin: null },
  },
  {
    name: 'an admin request with a valid admin token: no token request, though the default token is missing',
    requestId: ADMIN_REQUEST,
    collection: { access_token_admin: 'tok-admin', token_expires_at_admin: LATER },
    sent: [],
    collectionAfter: { access_token_admin: 'tok-admin', access_token: null },
  },
  {
    name: 'a default request with a valid admin token: the default token fetched, the admin one kept',
    requestId: DEFAULT_REQUEST,
    collection: { access_token_admin: 'tok-admin', token_expires_at_admin: LATER },
    environment: {},
    sent: [DEFAULT_FORM],
    collectionAfter: { access_token_admin: 'tok-admin', token_expires_at_admin: LATER },
    environmentAfter: { access_token: 'tok-new-access' },
  },
  {
    name: 'a partner request sharing the default client: its own scope and token variable',
    requestId: PARTNER_REQUEST,
    environment: { access_token: 'tok-default', token_expires_at: LATER },
    sent: [PARTNER_FORM],
    collectionAfter: {},
    environmentAfter: { access_token: 'tok-default', access_token_partner: 'tok-new-access' },
  },
];

describe.each(SANDBOXES)('auth profiles, pre-request script in $name', ({ module }) => {
  it.each(cases)('$name', async (c) => {
    const result = await runScript(module, {
      script: (await scripts()).prerequest,
      listen: 'prerequest',
      requestId: c.requestId,
      collectionVariables: { ...VARIABLES, ...c.collection },
      ...(c.environment ? { environment: { name: 'dev', values: c.environment } } : {}),
      replies: c.sent.map(() => ({ status: 200, json: GRANTED })),
    });
    expect(result.errors).toEqual([]);
    expect(result.assertions).toEqual([]);
    expect(result.sent).toEqual(c.sent);
    for (const [name, value] of Object.entries(c.collectionAfter))
      expect(result.collectionVariables[name], name).toBe(value ?? undefined);
    for (const [name, value] of Object.entries(c.environmentAfter ?? {}))
      expect(result.environment[name], name).toBe(value ?? undefined);
  });

  it('a failing admin token request names the admin server and masks the admin secret', async () => {
    const result = await runScript(module, {
      script: (await scripts()).prerequest,
      listen: 'prerequest',
      requestId: ADMIN_REQUEST,
      collectionVariables: VARIABLES,
      replies: [{ status: 401, json: { error: 'invalid_client', error_description: `bad secret ${ADMIN_SECRET}` } }],
    });
    expect(result.skipped).toBe(true);
    expect(result.assertions).toHaveLength(1);
    expect(result.assertions[0]!.error).toMatch(
      /^token request to https:\/\/admin\.example\.test\/token failed: HTTP 401 \(invalid_client/,
    );
    expect(visibleOutput(result)).not.toContain(ADMIN_SECRET);
  });

  it('no token storm per profile: after the admin client is refused, admin requests send nothing, default ones still fetch', async () => {
    const script = (await scripts()).prerequest;
    const refused = await runScript(module, {
      script,
      listen: 'prerequest',
      requestId: ADMIN_REQUEST,
      collectionVariables: VARIABLES,
      replies: [{ status: 401, json: { error: 'invalid_client' } }],
    });
    // The run-local memory carries over to the next requests of the run.
    const localVariables = refused.localVariables;
    const admin = await runScript(module, {
      script,
      listen: 'prerequest',
      requestId: ADMIN_REQUEST,
      collectionVariables: VARIABLES,
      localVariables,
    });
    const other = await runScript(module, {
      script,
      listen: 'prerequest',
      requestId: DEFAULT_REQUEST,
      collectionVariables: VARIABLES,
      localVariables,
      replies: [{ status: 200, json: GRANTED }],
    });
    expect(admin.sent).toEqual([]);
    expect(admin.skipped).toBe(true);
    expect(admin.assertions[0]!.error).toMatch(/invalid_client.*not tried again in this run/);
    expect(other.sent).toEqual([DEFAULT_FORM]);
    expect(other.skipped).toBe(false);
    expect(other.assertions).toEqual([]);
  });
});

describe.each(SANDBOXES)('auth profiles, test script (retry on 401) in $name', ({ module }) => {
  it.each([
    {
      name: 'a 401 on an admin request drops the admin token only',
      requestId: ADMIN_REQUEST,
      token: 'tok-admin',
      dropped: 'access_token_admin',
      kept: 'access_token',
    },
    {
      name: 'a 401 on a default request drops the default token only',
      requestId: DEFAULT_REQUEST,
      token: 'tok-default',
      dropped: 'access_token',
      kept: 'access_token_admin',
    },
  ])('$name', async ({ requestId, token, dropped, kept }) => {
    const result = await runScript(module, {
      script: (await scripts()).test,
      listen: 'test',
      requestId,
      request: {
        url: 'https://api.example.test/orders',
        auth: { type: 'bearer', bearer: [{ key: 'token', value: token }] },
      },
      response: { status: 401 },
      collectionVariables: {
        ...VARIABLES,
        access_token: 'tok-default',
        token_expires_at: LATER,
        access_token_admin: 'tok-admin',
        token_expires_at_admin: LATER,
      },
    });
    expect(result.errors).toEqual([]);
    expect(result.assertions).toEqual([]);
    expect(result.nextRequest).toBe(requestId);
    expect(result.collectionVariables[dropped]).toBe('');
    expect(result.collectionVariables[kept]).toBe(kept === 'access_token' ? 'tok-default' : 'tok-admin');
  });
});
