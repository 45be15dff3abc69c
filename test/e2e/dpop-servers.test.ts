/**
 * The DPoP servers of the e2e tests, proven with proofs made by jose before any collection uses them:
 * oidc-provider with `features.dPoP` and nonces required, and the DPoP-protected API that checks every proof
 * and the token's key binding through introspection.
 */
import { createHash, randomUUID, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDpopApi, type DpopApi } from './servers/dpop-api.js';
import { DPOP_ALGORITHMS, startOidcProvider, type OidcProvider } from './servers/oidc.js';
import { newKeyPair } from '../../src/keys/key-pair.js';

type Algorithm = (typeof DPOP_ALGORITHMS)[number];

interface ProofKey {
  alg: Algorithm;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

function proofKey(alg: Algorithm): ProofKey {
  const pair =
    alg === 'ES256'
      ? newKeyPair('ec', { namedCurve: 'P-256' })
      : alg === 'EdDSA'
        ? newKeyPair('ed25519')
        : newKeyPair('rsa', { modulusLength: 2048 });
  return { alg, ...pair };
}

/** A DPoP proof made by jose; `claims` override the defaults (iat now, a fresh jti). */
async function proof(
  key: ProofKey,
  claims: { htm: string; htu: string; nonce?: string; ath?: string; iat?: number; jti?: string },
  typ = 'dpop+jwt',
): Promise<string> {
  return new SignJWT({ jti: randomUUID(), iat: Math.floor(Date.now() / 1000), ...claims })
    .setProtectedHeader({ alg: key.alg, typ, jwk: await exportJWK(key.publicKey) })
    .sign(key.privateKey);
}

const ath = (token: string) => createHash('sha256').update(token).digest('base64url');

interface TokenAnswer {
  status: number;
  nonce: string | null;
  body: { access_token?: string; token_type?: string; error?: string; error_description?: string };
}

async function postToken(op: OidcProvider, dpop: string | undefined): Promise<TokenAnswer> {
  const res = await fetch(op.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(dpop ? { dpop } : {}) },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: op.clients.post.id,
      client_secret: op.clients.post.secret,
    }),
    signal: AbortSignal.timeout(5_000),
  });
  return { status: res.status, nonce: res.headers.get('dpop-nonce'), body: (await res.json()) as TokenAnswer['body'] };
}

/** A DPoP-bound token for `key`: the first request is challenged for a nonce, the retry with it succeeds. */
async function boundToken(op: OidcProvider, key: ProofKey): Promise<string> {
  const first = await postToken(op, await proof(key, { htm: 'POST', htu: op.tokenUrl }));
  expect(first).toMatchObject({ status: 400, body: { error: 'use_dpop_nonce' } });
  expect(first.nonce).toBeTruthy();
  const retry = await postToken(op, await proof(key, { htm: 'POST', htu: op.tokenUrl, nonce: first.nonce! }));
  expect(retry.status, JSON.stringify(retry.body)).toBe(200);
  expect(retry.body.token_type).toBe('DPoP');
  return retry.body.access_token!;
}

async function callApi(
  api: DpopApi,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; nonce: string | null; challenge: string | null; body: Record<string, unknown> }> {
  const res = await fetch(`${api.url}${path}`, { method, headers, signal: AbortSignal.timeout(5_000) });
  return {
    status: res.status,
    nonce: res.headers.get('dpop-nonce'),
    challenge: res.headers.get('www-authenticate'),
    body: (await res.json()) as Record<string, unknown>,
  };
}

let op: OidcProvider;
let api: DpopApi;
beforeAll(async () => {
  op = await startOidcProvider({ ttlSeconds: 30, dpop: true });
  api = await startDpopApi({ introspect: op.introspect });
});
afterAll(async () => {
  await api.close();
  await op.close();
});

describe.each(DPOP_ALGORITHMS)('DPoP with %s proofs', (alg) => {
  const key = proofKey(alg);
  let token: string;

  it('oidc-provider asks for a nonce, then binds the token to the proof key (cnf.jkt, introspected)', async () => {
    const before = op.tokenRequests.length;
    token = await boundToken(op, key);
    const introspection = await op.introspect(token);
    expect(introspection).toMatchObject({ active: true, token_type: 'DPoP' });
    expect(introspection.cnf?.jkt).toBe(await calculateJwkThumbprint(await exportJWK(key.publicKey), 'sha256'));
    expect(op.tokenRequests.slice(before).map((r) => [r.status, r.nonceChallenge ?? false, !!r.dpopProof])).toEqual([
      [400, true, true],
      [200, false, true],
    ]);
  });

  it('the API asks for its own nonce, then accepts the proof; every answer carries the current nonce', async () => {
    const before = api.log.length;
    const htu = `${api.url}/orders/42`;
    const first = await callApi(api, '/orders/42?expand=1', {
      authorization: `DPoP ${token}`,
      dpop: await proof(key, { htm: 'GET', htu, ath: ath(token) }),
    });
    expect(first.status).toBe(401);
    expect(first.challenge).toMatch(/^DPoP error="use_dpop_nonce"/);
    expect(first.nonce).toBe(api.currentNonce());
    const second = await callApi(api, '/orders/42?expand=1', {
      authorization: `DPoP ${token}`,
      dpop: await proof(key, { htm: 'GET', htu, ath: ath(token), nonce: first.nonce! }),
    });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body).toMatchObject({ id: '42' });
    expect(api.log.slice(before).map((r) => [r.outcome, r.alg])).toEqual([
      ['use_dpop_nonce', alg],
      ['ok', alg],
    ]);
  });
});

describe('the DPoP API refuses', () => {
  const key = proofKey('ES256');
  const other = proofKey('ES256');
  let token: string;
  const htu = () => `${api.url}/orders`;
  beforeAll(async () => {
    token = await boundToken(op, key);
  });
  const good = async (overrides: Partial<Parameters<typeof proof>[1]> = {}, signer = key, typ?: string) =>
    proof(signer, { htm: 'GET', htu: htu(), ath: ath(token), nonce: api.currentNonce(), ...overrides }, typ);

  it.each<{ name: string; headers: () => Promise<Record<string, string>>; outcome: string; reason: RegExp }>([
    {
      name: 'a Bearer token',
      headers: async () => ({ authorization: `Bearer ${token}`, dpop: await good() }),
      outcome: 'bearer',
      reason: /not Bearer/,
    },
    {
      name: 'no token',
      headers: async () => ({ dpop: await good() }),
      outcome: 'no_token',
      reason: /no DPoP access token/,
    },
    {
      name: 'no proof',
      headers: async () => ({ authorization: `DPoP ${token}` }),
      outcome: 'invalid_dpop_proof',
      reason: /exactly one/,
    },
    {
      name: 'typ JWT',
      headers: async () => ({ authorization: `DPoP ${token}`, dpop: await good({}, key, 'JWT') }),
      outcome: 'invalid_dpop_proof',
      reason: /typ/,
    },
    {
      name: 'another method',
      headers: async () => ({ authorization: `DPoP ${token}`, dpop: await good({ htm: 'POST' }) }),
      outcome: 'invalid_dpop_proof',
      reason: /htm POST/,
    },
    {
      name: 'another URL',
      headers: async () => ({ authorization: `DPoP ${token}`, dpop: await good({ htu: `${api.url}/orders/1` }) }),
      outcome: 'invalid_dpop_proof',
      reason: /htu/,
    },
    {
      name: 'an old iat',
      headers: async () => ({
        authorization: `DPoP ${token}`,
        dpop: await good({ iat: Math.floor(Date.now() / 1000) - 600 }),
      }),
      outcome: 'invalid_dpop_proof',
      reason: /iat/,
    },
    {
      name: 'an ath of another token',
      headers: async () => ({ authorization: `DPoP ${token}`, dpop: await good({ ath: ath('another') }) }),
      outcome: 'invalid_dpop_proof',
      reason: /ath/,
    },
    {
      name: 'a stale nonce',
      headers: async () => ({ authorization: `DPoP ${token}`, dpop: await good({ nonce: 'n-old' }) }),
      outcome: 'use_dpop_nonce',
      reason: /stale nonce/,
    },
    {
      name: 'a proof signed with another key (the token is bound to the first)',
      headers: async () => ({ authorization: `DPoP ${token}`, dpop: await good({}, other) }),
      outcome: 'invalid_token',
      reason: /cnf\.jkt/,
    },
    {
      name: 'an unknown token',
      headers: async () => ({ authorization: 'DPoP not-a-token', dpop: await good({ ath: ath('not-a-token') }) }),
      outcome: 'invalid_token',
      reason: /inactive/,
    },
  ])('$name: 401 $outcome', async ({ headers, outcome, reason }) => {
    const answer = await callApi(api, '/orders', await headers());
    expect(answer.status).toBe(401);
    const error = outcome === 'no_token' || outcome === 'bearer' ? 'invalid_token' : outcome;
    expect(answer.challenge).toMatch(new RegExp(`^DPoP error="${error}"`));
    expect(api.log.at(-1)).toMatchObject({ outcome, status: 401 });
    expect(api.log.at(-1)!.reason).toMatch(reason);
  });

  it('a replayed proof (same jti)', async () => {
    const dpop = await good();
    expect((await callApi(api, '/orders', { authorization: `DPoP ${token}`, dpop })).status).toBe(200);
    const replay = await callApi(api, '/orders', { authorization: `DPoP ${token}`, dpop });
    expect(replay.status).toBe(401);
    expect(api.log.at(-1)!.reason).toMatch(/jti already used/);
  });

  it('challengeNext: a valid nonce is challenged that many times, then accepted', async () => {
    api.challengeNext(2);
    const outcomes: number[] = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push((await callApi(api, '/orders', { authorization: `DPoP ${token}`, dpop: await good() })).status);
    }
    expect(outcomes).toEqual([401, 401, 200]);
  });
});

it('the API issues a new nonce every nonceRotationMs', async () => {
  const rotating = await startDpopApi({ introspect: op.introspect, nonceRotationMs: 300 });
  try {
    const first = rotating.currentNonce();
    await new Promise((resolve) => setTimeout(resolve, 350));
    const second = rotating.currentNonce();
    expect(second).not.toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(rotating.currentNonce()).not.toBe(second);
  } finally {
    await rotating.close();
  }
});
