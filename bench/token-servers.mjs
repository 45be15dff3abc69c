// Loopback servers for bench/token.mjs: oidc-provider (client_credentials, introspection, short access
// tokens) behind a recorder that counts token requests per client, a token endpoint with an outage, and a
// small protected API.
// Plain JS versions of test/e2e/servers/*.ts, kept to what the benchmark needs.
import { createServer } from 'node:http';

/** Listens on 127.0.0.1, port 0; resolves with the base URL and a close that never waits on keep-alive sockets. */
async function listen(handler) {
  const server = createServer(handler);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { url: `http://127.0.0.1:${server.address().port}`, close };
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Imports oidc-provider without its start-up warnings (Node 20 is not its LTS; development defaults). */
async function loadProvider() {
  for (const method of ['warn', 'info']) {
    const original = console[method].bind(console);
    console[method] = (...args) => {
      if (typeof args[0] === 'string' && args[0].startsWith('oidc-provider ')) return;
      original(...args);
    };
  }
  return (await import('oidc-provider')).Provider;
}

/**
 * oidc-provider with `clients` (client_secret_post) and `ttlSeconds` access tokens. `tokenRequests(clientId)`
 * counts the token requests a client made; `validateToken` asks introspection once per token and caches the
 * answer until the token's `exp`, so validating costs the API next to nothing.
 */
export async function startOidcProvider({ ttlSeconds, clients }) {
  const counts = new Map();
  const target = {};
  const { url, close } = await listen(async (req, res) => {
    if (req.method === 'POST' && req.url === '/token') {
      const body = await readBody(req);
      const clientId = new URLSearchParams(body.toString('utf8')).get('client_id') ?? '';
      counts.set(clientId, (counts.get(clientId) ?? 0) + 1);
      req.body = body; // oidc-provider reads `req.body` when the stream was consumed
    }
    target.handler(req, res);
  });
  const Provider = await loadProvider();
  const provider = new Provider(url, {
    clients: clients.map((c) => ({
      client_id: c.id,
      client_secret: c.secret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true, allowedPolicy: async () => true },
    },
    ttl: { ClientCredentials: () => ttlSeconds, AccessToken: () => ttlSeconds },
  });
  target.handler = provider.callback();

  const introspector = clients[0];
  const known = new Map(); // token → exp in ms
  const validateToken = async (token) => {
    if (!known.has(token)) {
      const r = await fetch(`${url}/token/introspection`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, client_id: introspector.id, client_secret: introspector.secret }),
        signal: AbortSignal.timeout(5_000),
      });
      const answer = r.ok ? await r.json() : {};
      known.set(token, answer.active ? answer.exp * 1000 : 0);
    }
    return known.get(token) > Date.now();
  };
  return { tokenUrl: `${url}/token`, tokenRequests: (clientId) => counts.get(clientId) ?? 0, validateToken, close };
}

/** A JSON API on 127.0.0.1 that answers 200 to a valid bearer token and 401 otherwise, counting both. */
export async function startProtectedApi(validateToken) {
  const stats = { requests: 0, unauthorized: 0 };
  const { url, close } = await listen(async (req, res) => {
    await readBody(req);
    stats.requests += 1;
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !(await validateToken(token))) {
      stats.unauthorized += 1;
      sendJson(res, 401, { error: 'invalid_token' });
      return;
    }
    sendJson(res, 200, { orders: [{ id: '1', sku: 'A1', qty: 1 }] });
  });
  return { url, stats, close };
}

/**
 * A token endpoint that answers 503 for `outageMs` from its first token request, then issues opaque
 * 60 s tokens; `attempts` counts token requests, `validateToken` knows the tokens it issued.
 */
export async function startOutageTokenServer({ outageMs }) {
  const issued = new Set();
  let attempts = 0;
  let firstAt;
  const { url, close } = await listen(async (req, res) => {
    await readBody(req);
    attempts += 1;
    firstAt ??= Date.now();
    if (Date.now() - firstAt < outageMs) {
      sendJson(res, 503, { error: 'temporarily_unavailable' });
      return;
    }
    const token = `bench-${attempts}-${Math.random().toString(36).slice(2)}`;
    issued.add(token);
    sendJson(res, 200, { access_token: token, token_type: 'Bearer', expires_in: 60 });
  });
  return {
    tokenUrl: `${url}/token`,
    attempts: () => attempts,
    validateToken: async (token) => issued.has(token),
    close,
  };
}
