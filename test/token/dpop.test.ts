/**
 * The `dpop` feature of the token scripts, run in both real Postman sandboxes: the proof on token requests and on
 * requests presenting the token, the token endpoint's nonce challenge and token_type check, the resource's nonce
 * challenge and its replay, the nonces kept per origin in run-local memory.
 */
import { createHash } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveAuthProfile } from '../../src/config/resolve-auth.js';
import type { OAuth2Resolved } from '../../src/config/resolved.js';
import { tokenScripts } from '../../src/scripts/token-scripts.js';
import { REPLAY_MARKER } from '../../src/scripts/token-config.js';
import { disposeSandboxes, runScript, SANDBOXES, type ServerReply } from './sandbox-harness.js';
import {
  ADMIN_SECRET,
  BASE_AUTH,
  BASE_VARIABLES,
  REFRESH_TOKEN,
  scriptsFor,
  STORED_TOKEN,
  TOKEN_URL,
  visibleOutput,
} from './token-fixtures.js';
import { newKeyPair } from '../../src/keys/key-pair.js';

afterAll(disposeSandboxes);

const KEY = newKeyPair('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const DPOP: Partial<OAuth2Resolved> = {
  dpop: { algorithm: 'EdDSA', keyVariable: 'dpop_private_key' },
  presentation: 'dpop',
};
const API_URL = 'https://api.example.test/orders';
const REQUEST_ID = 'request-1';
const NONCE_KEY = (origin: string) => `gen_collection_dpop_nonce ${origin}`;
const REPLAYED = 'gen_collection_dpop_nonce_replay';
/** The request as a pre-request script sees one inheriting the collection auth. */
const REQUEST = { url: `${API_URL}?page=1#top`, method: 'GET' };
/** As a test script sees a profile's or inherited DPoP auth: the apikey auth with the token resolved. */
const SENT_WITH_TOKEN = {
  url: API_URL,
  method: 'GET',
  auth: {
    type: 'apikey',
    apikey: [
      { key: 'key', value: 'Authorization' },
      { key: 'value', value: `DPoP ${STORED_TOKEN}` },
      { key: 'in', value: 'header' },
    ],
  },
};
const STORED = { access_token: STORED_TOKEN, token_expires_at: '4102444800000' };
const TOKEN = { access_token: 'tok-new-access', token_type: 'DPoP', expires_in: 300 };
const ath = (token: string) => createHash('sha256').update(token).digest('base64url');
const ATH = ath(STORED_TOKEN);
const NEW_ATH = ath(TOKEN.access_token);

interface PrerequestCase {
  name: string;
  collection?: Record<string, string>;
  local?: Record<string, string>;
  /** The key's value; null: no scope defines the variable. */
  key?: string | null;
  replies: ServerReply[];
  /** Per token request: the proof's nonce claim (undefined: none). */
  tokenNonces: (string | undefined)[];
  /** The proof on the request itself: its nonce (undefined: none); absent when no proof. */
  requestProof?: { nonce?: string; ath: string };
  /** A failing test's error, matched; absent when none. */
  failure?: RegExp;
  /** The grant_type of each token request, when checked. */
  grants?: string[];
  /** Run-local nonce of the token endpoint's origin afterwards. */
  tokenNonceAfter?: string;
}

const prerequestCases: PrerequestCase[] = [
  {
    name: 'a stored token: no token request, the request gets a proof with ath and the API origin nonce',
    collection: STORED,
    local: { [NONCE_KEY('https://api.example.test')]: 'api-n1' },
    replies: [],
    tokenNonces: [],
    requestProof: { nonce: 'api-n1', ath: ATH },
  },
  {
    name: 'no token: a token request with a proof (no nonce yet), then the request proof',
    replies: [{ status: 200, json: TOKEN, headers: { 'DPoP-Nonce': 'as-n1' } }],
    tokenNonces: [undefined],
    requestProof: { ath: NEW_ATH },
    tokenNonceAfter: 'as-n1',
  },
  {
    name: '400 use_dpop_nonce: one immediate retry with the nonce it sent',
    replies: [
      { status: 400, json: { error: 'use_dpop_nonce' }, headers: { 'DPoP-Nonce': 'as-n2' } },
      { status: 200, json: TOKEN },
    ],
    tokenNonces: [undefined, 'as-n2'],
    requestProof: { ath: NEW_ATH },
    tokenNonceAfter: 'as-n2',
  },
  {
    name: 'a stored refresh token: the refresh request carries a proof too',
    collection: { refresh_token: REFRESH_TOKEN },
    replies: [{ status: 200, json: TOKEN }],
    tokenNonces: [undefined],
    grants: ['refresh_token'],
    requestProof: { ath: NEW_ATH },
  },
  {
    name: 'a kept token-endpoint nonce goes on the first attempt',
    local: { [NONCE_KEY('https://auth.example.test')]: 'as-kept' },
    replies: [{ status: 200, json: TOKEN }],
    tokenNonces: ['as-kept'],
    requestProof: { ath: NEW_ATH },
  },
  {
    name: 'use_dpop_nonce twice in a row: a transient failure, the request skipped',
    replies: [
      { status: 400, json: { error: 'use_dpop_nonce' }, headers: { 'DPoP-Nonce': 'as-n3' } },
      { status: 400, json: { error: 'use_dpop_nonce' }, headers: { 'DPoP-Nonce': 'as-n4' } },
    ],
    tokenNonces: [undefined, 'as-n3'],
    failure: /failed twice \(next try in 1 s\)/,
  },
  {
    name: 'token_type Bearer: a permanent failure naming it',
    replies: [{ status: 200, json: { ...TOKEN, token_type: 'Bearer' } }],
    tokenNonces: [undefined],
    failure: /token_type "Bearer", not DPoP: the token is not bound to the key .*not tried again/,
  },
  {
    name: 'token_type dpop in lower case: accepted',
    replies: [{ status: 200, json: { ...TOKEN, token_type: 'dpop' } }],
    tokenNonces: [undefined],
    requestProof: { ath: NEW_ATH },
  },
  {
    name: 'an empty key: nothing sent, the variable and how to pass it named',
    key: '',
    replies: [],
    tokenNonces: [],
    failure:
      /^no token request sent: dpop_private_key is empty \(newman run … --env-var dpop_private_key="\$\(cat key.pem\)"/,
  },
  {
    name: 'no key variable at all: named as not defined, nothing sent',
    key: null,
    replies: [],
    tokenNonces: [],
    failure: /^no token request sent: not defined: {{dpop_private_key}} \(no environment selected/,
  },
  {
    name: 'a key that is not PEM: nothing sent, the request skipped',
    key: 'not a key',
    replies: [],
    tokenNonces: [],
    failure: /cannot sign the DPoP proof: the private key in dpop_private_key/,
  },
];

describe.each(SANDBOXES)('DPoP pre-request script in $label', ({ module }) => {
  it.each(prerequestCases)('$name', async (c) => {
    const scripts = await scriptsFor({ ...DPOP, tokenUrl: TOKEN_URL });
    const result = await runScript(module, {
      script: scripts.prerequest,
      listen: 'prerequest',
      request: REQUEST,
      collectionVariables: {
        ...BASE_VARIABLES,
        ...(c.key === null ? {} : { dpop_private_key: c.key ?? KEY }),
        ...c.collection,
      },
      localVariables: c.local ?? {},
      replies: c.replies,
      requestId: REQUEST_ID,
    });
    expect(result.errors).toEqual([]);
    expect(result.sent.map((s) => s.headers.Authorization)).toEqual(result.sent.map(() => undefined));
    expect(result.sent.map((s) => decodeJwt(s.headers.DPoP!).nonce)).toEqual(c.tokenNonces);
    for (const sent of result.sent) {
      expect(decodeProtectedHeader(sent.headers.DPoP!)).toMatchObject({ typ: 'dpop+jwt', alg: 'EdDSA' });
      expect(decodeJwt(sent.headers.DPoP!)).toMatchObject({ htm: 'POST', htu: TOKEN_URL });
      expect(decodeJwt(sent.headers.DPoP!)).not.toHaveProperty('ath');
    }
    if (c.failure) {
      expect(result.skipped).toBe(true);
      expect(result.assertions).toHaveLength(1);
      expect(result.assertions[0]!.error).toMatch(c.failure);
    } else expect(result.assertions).toEqual([]);
    const proof = result.requestHeaders.DPoP;
    if (!c.requestProof) expect(proof).toBeUndefined();
    else {
      const claims = decodeJwt(proof!);
      expect(claims).toMatchObject({ htm: 'GET', htu: API_URL, ath: c.requestProof.ath });
      expect(claims.nonce).toBe(c.requestProof.nonce);
    }
    if (c.grants) {
      const grant = (s: (typeof result.sent)[number]) =>
        s.body && 'urlencoded' in s.body ? new Map(s.body.urlencoded).get('grant_type') : undefined;
      expect(result.sent.map(grant)).toEqual(c.grants);
    }
    if (c.tokenNonceAfter)
      expect(result.localVariables[NONCE_KEY('https://auth.example.test')]).toBe(c.tokenNonceAfter);
    // The private key never leaves the sandbox (a proof carries the public key): no message shows it.
    expect(visibleOutput(result)).not.toContain(KEY.split('\n')[1]);
    // Nothing DPoP leaves run-local memory.
    expect(JSON.stringify(result.collectionVariables)).not.toMatch(/nonce/);
  });
});

interface TestCase {
  name: string;
  /** The request as the test script sees it; default: one sending the DPoP token. */
  request?: object;
  status: number;
  headers?: Record<string, string>;
  local?: Record<string, string>;
  /** Replayed for a nonce (same token kept), dropped and replayed by rule 8, or neither. */
  outcome: 'nonce replay' | '401 replay' | 'none';
  failure?: RegExp;
  nonceAfter?: string;
}

const CHALLENGE = { 'WWW-Authenticate': 'DPoP error="use_dpop_nonce", error_description="x"', 'DPoP-Nonce': 'api-n2' };
const testCases: TestCase[] = [
  {
    name: '200: its nonce kept',
    status: 200,
    headers: { 'DPoP-Nonce': 'api-n1' },
    outcome: 'none',
    nonceAfter: 'api-n1',
  },
  {
    name: 'a request without the token auth: its nonce kept, a 401 left alone',
    request: { url: 'https://api.example.test/health', method: 'GET', auth: { type: 'noauth' } },
    status: 401,
    headers: CHALLENGE,
    outcome: 'none',
    nonceAfter: 'api-n2',
  },
  {
    name: '401 use_dpop_nonce: one replay, same token, the new nonce kept',
    status: 401,
    headers: CHALLENGE,
    outcome: 'nonce replay',
    nonceAfter: 'api-n2',
  },
  {
    name: 'use_dpop_nonce right after the nonce replay: one failing test, no replay',
    status: 401,
    headers: CHALLENGE,
    local: { [REPLAYED]: REQUEST_ID },
    outcome: 'none',
    failure:
      /asked for a new DPoP nonce again right after the replay with its nonce: not replayed \(a challenge is replayed again in 1 s\)/,
    nonceAfter: 'api-n2',
  },
  {
    name: 'a challenge within the backoff: reported, not replayed',
    status: 401,
    headers: CHALLENGE,
    local: { 'gen_collection_dpop_nonce_backoff https://api.example.test': '{"failures":1,"retryAt":4102444800000}' },
    outcome: 'none',
    failure: /keeps asking for new DPoP nonces/,
  },
  {
    name: '401 invalid_token: the token replay of rule 8 (dropped, replayed)',
    status: 401,
    headers: { 'WWW-Authenticate': 'DPoP error="invalid_token"' },
    outcome: '401 replay',
  },
  {
    name: '401 invalid_token after a nonce replay: still the token replay',
    status: 401,
    headers: { 'WWW-Authenticate': 'DPoP error="invalid_token"' },
    local: { [REPLAYED]: REQUEST_ID },
    outcome: '401 replay',
  },
];

describe.each(SANDBOXES)('DPoP test script in $label', ({ module }) => {
  it.each(testCases)('$name', async (c) => {
    const scripts = await scriptsFor(DPOP);
    const result = await runScript(module, {
      script: scripts.test,
      listen: 'test',
      request: c.request ?? SENT_WITH_TOKEN,
      response: { status: c.status, text: '{}', ...(c.headers ? { headers: c.headers } : {}) },
      collectionVariables: { ...BASE_VARIABLES, ...STORED },
      localVariables: c.local ?? {},
      requestId: REQUEST_ID,
    });
    expect(result.errors).toEqual([]);
    expect(result.nextRequest).toBe(c.outcome === 'none' ? undefined : REQUEST_ID);
    expect(result.collectionVariables.access_token).toBe(c.outcome === '401 replay' ? '' : STORED_TOKEN);
    // The attempt replayed or reported here fails no generated test.
    expect(result.localVariables[REPLAY_MARKER] ?? '').toBe(c.outcome === 'none' && !c.failure ? '' : '1');
    expect(result.localVariables[REPLAYED] ?? '').toBe(c.outcome === 'nonce replay' ? REQUEST_ID : '');
    if (c.failure) {
      expect(result.assertions).toHaveLength(1);
      expect(result.assertions[0]).toMatchObject({ name: 'gen-collection: DPoP nonce', passed: false });
      expect(result.assertions[0]!.error).toMatch(c.failure);
    } else expect(result.assertions).toEqual([]);
    if (c.nonceAfter) expect(result.localVariables[NONCE_KEY('https://api.example.test')]).toBe(c.nonceAfter);
  });
});

describe.each(SANDBOXES)('DPoP in an auth profile only, in $label', ({ module }) => {
  const admin = resolveAuthProfile('admin', {
    type: 'oauth2',
    tokenUrl: 'https://admin.example.test/token',
    dpop: { algorithm: 'EdDSA' },
  });
  it.each([
    { name: "the profile's request: a proof with the profile's key", requestId: 'admin-request', proof: true },
    { name: "the default's request: no proof, Bearer as before", requestId: 'default-request', proof: false },
  ])('$name', async ({ requestId, proof }) => {
    const scripts = await tokenScripts(BASE_AUTH, {
      skipRequestIds: [],
      profiles: { admin: { auth: admin, requestIds: ['admin-request'] } },
    });
    const result = await runScript(module, {
      script: scripts.prerequest,
      listen: 'prerequest',
      request: REQUEST,
      collectionVariables: {
        ...BASE_VARIABLES,
        client_id_admin: 'admin-ci',
        client_secret_admin: ADMIN_SECRET,
        dpop_private_key_admin: KEY,
      },
      replies: [{ status: 200, json: proof ? TOKEN : { ...TOKEN, token_type: 'Bearer' } }],
      requestId,
    });
    expect(result.errors).toEqual([]);
    expect(result.assertions).toEqual([]);
    expect(result.sent.map((s) => [s.url, !!s.headers.DPoP])).toEqual([
      [proof ? 'https://admin.example.test/token' : TOKEN_URL, proof],
    ]);
    expect(!!result.requestHeaders.DPoP).toBe(proof);
  });
});
