/**
 * oidc-provider 9 as the real authorization server of the e2e tests: client_credentials and
 * introspection, one `client_secret_basic` and one `client_secret_post` client, short access-token
 * TTLs, optional JWT access tokens (resource indicators) with `exp`. A thin wrapper in front of it
 * records every token request, since oidc-provider accepts either client auth method for any client.
 */
import { createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Adapter, AdapterPayload, JWK } from 'oidc-provider';
import { createJsonServer, listenLoopback, pathOf, readBody, sendJson } from './http-util.js';
import { parseTokenRequest, type TokenRequestRecord } from './token-request-record.js';
import { newKeyPair } from '../../../src/keys/key-pair.js';

/** A client's credentials. */
export interface ClientCredentials {
  id: string;
  secret: string;
}

export interface OidcProviderOptions {
  /** Access-token lifetime in whole seconds (default 4). */
  ttlSeconds?: number;
  /** Issue JWT access tokens with `exp` for `resource` (via resource indicators), also when no resource is requested. */
  jwtAccessTokens?: boolean;
  /** Resource indicator of the protected API (default `urn:gen-collection:e2e-api`). */
  resource?: string;
  /** Override the generated client ids/secrets. */
  clients?: { basic?: ClientCredentials; post?: ClientCredentials };
  /** More clients, authenticating with a signed client assertion. */
  signedClients?: SignedClient[];
  /**
   * DPoP (RFC 9449) with server-issued nonces required at the token endpoint (`features.dPoP` with
   * `nonceSecret` and `requireNonce`), proofs signed with ES256, EdDSA, RS256 or PS256.
   */
  dpop?: boolean;
}

/** The DPoP proof algorithms the e2e provider accepts (oidc-provider's default is ES256 and EdDSA only). */
export const DPOP_ALGORITHMS = ['ES256', 'EdDSA', 'RS256', 'PS256'] as const;

/**
 * The expiry buffer for runs on this provider's short tokens that must see no 401. Its expiry has 1 s granularity: a
 * 4 s token can end 3.0 s after the client got it, and a 1 s buffer then lets a request go out on a token that expires
 * on its way to the API's introspection (four DPoP runs side by side on a loaded 2-core machine did: `invalid_token`,
 * then the rule-8 replay). Two seconds leave a second for the request to get there.
 */
export const SHORT_TOKEN_BUFFER_SECONDS = 2;

/** What oidc-provider's introspection says about a token (the members the e2e tests read). */
export interface Introspection {
  active: boolean;
  token_type?: string;
  client_id?: string;
  /** RFC 9449 §6.2: the thumbprint of the key a DPoP-bound token is bound to. */
  cnf?: { jkt?: string };
}

/** A client registered for `private_key_jwt` (with its public key) or `client_secret_jwt` (with its secret). */
export type SignedClient =
  | { id: string; method: 'private_key_jwt'; alg: 'RS256' | 'PS256' | 'ES256'; publicKey: KeyObject }
  | { id: string; method: 'client_secret_jwt'; alg: 'HS256'; secret: string };

/** A token request oidc-provider granted, with the client authentication method it checked. */
export interface GrantedRequest {
  clientId: string;
  clientAuthMethod: string;
}

export interface OidcProvider {
  issuer: string;
  tokenUrl: string;
  introspectionUrl: string;
  resource: string;
  clients: { basic: ClientCredentials; post: ClientCredentials };
  /** Every request to the token endpoint, in arrival order. */
  tokenRequests: TokenRequestRecord[];
  /** Every token request oidc-provider granted (its `grant.success` event), in order. */
  granted: GrantedRequest[];
  /** True when `token` is an active access token of this provider (introspection, or JWT signature + `exp`). */
  validateToken(token: string): Promise<boolean>;
  /** The introspection response for an opaque token (authenticating as the `post` client). */
  introspect(token: string): Promise<Introspection>;
  close(): Promise<void>;
}

const DEFAULT_RESOURCE = 'urn:gen-collection:e2e-api';

/** Starts oidc-provider on 127.0.0.1 (port 0). */
export async function startOidcProvider(opts: OidcProviderOptions = {}): Promise<OidcProvider> {
  const ttl = opts.ttlSeconds ?? 4;
  const resource = opts.resource ?? DEFAULT_RESOURCE;
  const clients = {
    basic: opts.clients?.basic ?? { id: 'e2e-basic-client', secret: 'e2e-basic-secret-7Qm2xV' },
    post: opts.clients?.post ?? { id: 'e2e-post-client', secret: 'e2e-post-secret-9Zk4wT' },
  };
  const tokenRequests: TokenRequestRecord[] = [];
  // The issuer URL needs the port, so the server listens before the provider exists.
  const target: { handler?: (req: IncomingMessage, res: ServerResponse) => void } = {};

  const server = createJsonServer(async (req, res) => {
    if (!target.handler) {
      sendJson(res, 503, { error: 'temporarily_unavailable' });
      return;
    }
    if (req.method === 'POST' && pathOf(req) === '/token') {
      // oidc-provider reads `req.body` when the stream was already consumed: record the raw body first.
      const body = await readBody(req);
      const record = parseTokenRequest('/token', req.headers, body);
      tokenRequests.push(record);
      res.once('finish', () => {
        record.status = res.statusCode;
        if (res.statusCode === 400 && res.getHeader('dpop-nonce') !== undefined) record.nonceChallenge = true;
      });
      (req as IncomingMessage & { body?: Buffer }).body = body;
    }
    target.handler(req, res);
  });
  const listening = await listenLoopback(server);
  const issuer = listening.url;

  const { Provider } = await loadOidcProvider();
  const keys = signingKeys();
  const provider = new Provider(issuer, {
    adapter: memoryAdapterFactory(),
    jwks: { keys: [keys.jwk] },
    clients: [
      clientMetadata(clients.basic, 'client_secret_basic'),
      clientMetadata(clients.post, 'client_secret_post'),
      ...(opts.signedClients ?? []).map(signedClientMetadata),
    ],
    scopes: ['read', 'write'],
    features: {
      devInteractions: { enabled: false },
      ...(opts.dpop
        ? { dPoP: { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => true, allowReplay: false } }
        : {}),
      clientCredentials: { enabled: true },
      introspection: { enabled: true, allowedPolicy: async () => true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (_ctx, _client, oneOf) => oneOf ?? (opts.jwtAccessTokens ? resource : undefined),
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({
          scope: 'read write',
          audience: resource,
          accessTokenTTL: ttl,
          accessTokenFormat: opts.jwtAccessTokens ? 'jwt' : 'opaque',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    ...(opts.dpop ? { enabledJWA: { dPoPSigningAlgValues: [...DPOP_ALGORITHMS] } } : {}),
    ttl: {
      AccessToken: () => ttl,
      ClientCredentials: () => ttl,
      Grant: () => 3600,
    },
  });
  const granted: GrantedRequest[] = [];
  provider.on('grant.success', (ctx) => {
    const client = ctx.oidc.client;
    if (client) granted.push({ clientId: client.clientId, clientAuthMethod: String(client.clientAuthMethod) });
  });
  target.handler = provider.callback();

  const tokenUrl = `${issuer}/token`;
  const introspectionUrl = `${issuer}/token/introspection`;
  return {
    issuer,
    tokenUrl,
    introspectionUrl,
    resource,
    clients,
    tokenRequests,
    granted,
    validateToken: (token) =>
      isJwt(token)
        ? Promise.resolve(verifyJwt(token, keys.publicKey, resource))
        : introspect(introspectionUrl, clients.post, token).then((body) => body.active),
    introspect: (token) => introspect(introspectionUrl, clients.post, token),
    close: listening.close,
  };
}

function clientMetadata(client: ClientCredentials, method: 'client_secret_basic' | 'client_secret_post') {
  return {
    client_id: client.id,
    client_secret: client.secret,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope: 'read write',
    token_endpoint_auth_method: method,
  };
}

function signedClientMetadata(client: SignedClient) {
  return {
    client_id: client.id,
    ...(client.method === 'client_secret_jwt'
      ? { client_secret: client.secret }
      : { jwks: { keys: [{ ...client.publicKey.export({ format: 'jwk' }), alg: client.alg, use: 'sig' }] } }),
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope: 'read write',
    token_endpoint_auth_method: client.method,
    token_endpoint_auth_signing_alg: client.alg,
  };
}

/** Asks the provider about `token`, authenticating as `client` (client_secret_post); inactive when it fails. */
async function introspect(url: string, client: ClientCredentials, token: string): Promise<Introspection> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, client_id: client.id, client_secret: client.secret }),
    signal: AbortSignal.timeout(5_000),
  });
  if (!res.ok) return { active: false };
  const body = (await res.json()) as Introspection;
  return { ...body, active: body.active === true };
}

function isJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
}

/** RS256 signature, `aud` and `exp` (oidc-provider does not introspect JWT access tokens). */
function verifyJwt(token: string, publicKey: KeyObject, audience: string): boolean {
  const [header, payload, signature] = token.split('.');
  const ok = verify('sha256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'));
  if (!ok) return false;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    exp?: number;
    aud?: string | string[];
  };
  const audOk = Array.isArray(claims.aud) ? claims.aud.includes(audience) : claims.aud === audience;
  return audOk && typeof claims.exp === 'number' && claims.exp * 1000 > Date.now();
}

let cachedKeys: { jwk: JWK; publicKey: KeyObject } | undefined;

/** One RSA key per test process (generation takes ~100 ms). */
function signingKeys(): { jwk: JWK; publicKey: KeyObject } {
  if (!cachedKeys) {
    const { privateKey } = newKeyPair('rsa', { modulusLength: 2048 });
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'e2e-rs256', alg: 'RS256', use: 'sig' };
    cachedKeys = { jwk: jwk as JWK, publicKey: createPublicKey(privateKey) };
  }
  return cachedKeys;
}

type AdapterStore = Map<string, { payload: AdapterPayload; expiresAt?: number }>;

/** One store per provider instance, shared by its models. */
function memoryAdapterFactory(): (model: string) => Adapter {
  const store: AdapterStore = new Map();
  return (model) => new MemoryAdapter(store, model);
}

/** Minimal in-memory adapter (oidc-provider warns about its own development adapter). */
class MemoryAdapter implements Adapter {
  constructor(
    private readonly store: AdapterStore,
    private readonly model: string,
  ) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    this.store.set(this.key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    const entry = this.store.get(this.key(id));
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.store.delete(this.key(id));
      return undefined;
    }
    return entry.payload;
  }

  async findByUserCode(): Promise<undefined> {
    return undefined;
  }

  async findByUid(): Promise<undefined> {
    return undefined;
  }

  async consume(id: string): Promise<void> {
    const entry = this.store.get(this.key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    this.store.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [key, entry] of this.store) {
      if (entry.payload.grantId === grantId) this.store.delete(key);
    }
  }
}

let silenced = false;

/**
 * Imports oidc-provider with its start-up chatter filtered: it warns that Node 20 is not its
 * supported LTS (harmless here) and notes development defaults. Only lines it prefixes with
 * `oidc-provider ` are dropped.
 */
async function loadOidcProvider(): Promise<typeof import('oidc-provider')> {
  if (!silenced) {
    silenced = true;
    for (const method of ['warn', 'info'] as const) {
      const original = console[method].bind(console);
      console[method] = (...args: unknown[]) => {
        if (typeof args[0] === 'string' && args[0].startsWith('oidc-provider ')) return;
        original(...args);
      };
    }
  }
  return import('oidc-provider');
}
