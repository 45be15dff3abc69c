// Token targets of issue 4, measured with real Newman against loopback servers started here:
// - token economy: 4 s tokens from oidc-provider with a 1 s buffer, ≥ 40 requests over ≥ 12 s; token requests of
//   the generated collection vs a pasted script that fetches a token before every request (run side by side).
//   Goals: ≤ ⌈run seconds ÷ 3⌉ + 1 token requests, ≤ 0.15 × the baseline, no 401.
// - overhead: 200 requests with the generated scripts (token cached) vs the same collection with a static token and
//   no scripts, alternated, medians compared. Goal ≤ 1.10×.
// - no token storms: token requests of a 1,000-request run with a wrong client secret (goal 1; one per request
//   before issue 11), and of a run through a 10 s outage of the token endpoint (goal ≤ 6: backoff 1, 2, 4, 8 s).
// Uses the compiled library: run `npm run build` first. Not a test: nothing here fails the build.
import { fileURLToPath } from 'node:url';
import newman from 'newman';
import { startOidcProvider, startOutageTokenServer, startProtectedApi } from './token-servers.mjs';
import { importDist } from './dist.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const { buildFromConfig } = await importDist('index.js');

const TTL_SECONDS = 4;
const BUFFER_SECONDS = 1;
const ECONOMY = { items: 6, iterations: 10, delayMs: 205 }; // 60 requests, ≥ 12.3 s
const OVERHEAD = { items: 20, iterations: 10, rounds: 5 }; // 200 requests per run
const GENERATED_CLIENT = { id: 'bench-generated', secret: 'bench-generated-secret' };
const BASELINE_CLIENT = { id: 'bench-baseline', secret: 'bench-baseline-secret' };
const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

const verdict = (ok) => (ok ? 'OK' : 'MISSED');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs a collection with Newman's library API (no reporters); resolves with the wall time in ms and the summary. */
function runNewman(collection, environment, opts = {}) {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    newman.run(
      { collection, environment, reporters: [], timeoutRequest: 5_000, timeout: 120_000, ...opts },
      (err, summary) => {
        if (err) reject(err);
        else resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, summary });
      },
    );
  });
}

const orderItems = (count) =>
  Array.from({ length: count }, (_, i) => ({ name: `Order ${i + 1}`, url: `{{base_url}}/orders/${i + 1}` }));

/** The generated collection and its `bench` environment for an oauth2 config against `tokenUrl`, `apiUrl`. */
async function generated(name, apiUrl, tokenUrl, clientId, items) {
  const result = await buildFromConfig(
    {
      name,
      auth: {
        type: 'oauth2',
        grantType: 'client_credentials',
        tokenUrl: '{{token_url}}',
        clientAuth: 'body',
        expiryBufferSeconds: BUFFER_SECONDS,
      },
      environments: { bench: { base_url: apiUrl, token_url: tokenUrl, client_id: clientId } },
      items,
    },
    { baseDir: root },
  );
  return { collection: result.collection, environment: result.environments[0].json };
}

/** Sets (or adds) environment values. */
function withValues(environment, values) {
  const rest = environment.values.filter((v) => !(v.key in values));
  return {
    ...environment,
    values: [
      ...rest,
      ...Object.entries(values).map(([key, value]) => ({ key, value, type: 'default', enabled: true })),
    ],
  };
}

/** What pasted scripts often do: fetch a token before every request, store it, send it as Bearer. */
function fetchEveryTimeCollection(items) {
  const script = [
    'pm.sendRequest({',
    "  url: pm.environment.get('token_url'), method: 'POST',",
    "  header: { 'Content-Type': 'application/x-www-form-urlencoded' },",
    "  body: { mode: 'urlencoded', urlencoded: [",
    "    { key: 'grant_type', value: 'client_credentials' },",
    "    { key: 'client_id', value: pm.environment.get('client_id') },",
    "    { key: 'client_secret', value: pm.environment.get('client_secret') },",
    '  ] },',
    '}, function (err, res) {',
    "  if (!err && res.code === 200) pm.environment.set('access_token', res.json().access_token);",
    '});',
  ];
  return {
    info: { name: 'Fetch every time', schema: V21 },
    auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{access_token}}', type: 'string' }] },
    event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: script } }],
    item: items.map((item) => ({ name: item.name, request: { method: 'GET', url: item.url } })),
  };
}

async function tokenEconomy() {
  const op = await startOidcProvider({ ttlSeconds: TTL_SECONDS, clients: [GENERATED_CLIENT, BASELINE_CLIENT] });
  const apis = [await startProtectedApi(op.validateToken), await startProtectedApi(op.validateToken)];
  try {
    const items = orderItems(ECONOMY.items);
    const gen = await generated('Bench economy', apis[0].url, op.tokenUrl, GENERATED_CLIENT.id, items);
    const baseEnv = { id: 'bench-baseline', name: 'bench', values: [], _postman_variable_scope: 'environment' };
    const opts = { iterationCount: ECONOMY.iterations, delayRequest: ECONOMY.delayMs };
    // Side by side: both runs are mostly waiting (delay between requests), so they barely disturb each other.
    const [g, b] = await Promise.all([
      runNewman(gen.collection, gen.environment, {
        ...opts,
        envVar: [{ key: 'client_secret', value: GENERATED_CLIENT.secret }],
      }),
      runNewman(
        fetchEveryTimeCollection(items),
        withValues(baseEnv, {
          base_url: apis[1].url,
          token_url: op.tokenUrl,
          client_id: BASELINE_CLIENT.id,
          client_secret: BASELINE_CLIENT.secret,
          access_token: '',
        }),
        opts,
      ),
    ]);
    const seconds = g.ms / 1000;
    const ours = op.tokenRequests(GENERATED_CLIENT.id);
    const baseline = op.tokenRequests(BASELINE_CLIENT.id);
    const bound = Math.ceil(seconds / (TTL_SECONDS - BUFFER_SECONDS)) + 1;
    const ratio = ours / baseline;
    const failures = g.summary.run.failures.length;
    console.log(
      `token economy: ${apis[0].stats.requests} requests over ${seconds.toFixed(1)} s, ${TTL_SECONDS} s tokens, ${BUFFER_SECONDS} s buffer (goal ≥ 40 requests over ≥ 12 s  ${verdict(apis[0].stats.requests >= 40 && seconds >= 12)})`,
    );
    console.log(
      `token requests: ${ours} vs ${baseline} fetch-every-time → ${ratio.toFixed(2)}×  goal ≤ 0.15×  ${verdict(ratio <= 0.15)}`,
    );
    console.log(
      `token requests: ${ours}  goal ≤ ⌈${seconds.toFixed(1)} ÷ 3⌉ + 1 = ${bound}  ${verdict(ours <= bound)}`,
    );
    console.log(
      `401s: ${apis[0].stats.unauthorized} generated, ${apis[1].stats.unauthorized} fetch-every-time  goal 0  ${verdict(apis[0].stats.unauthorized === 0)}`,
    );
    if (failures > 0) console.log(`(generated run reported ${failures} failure(s))`);
  } finally {
    for (const api of apis) await api.close();
    await op.close();
  }
}

async function overhead() {
  const token = 'bench-static-token-0123456789';
  const api = await startProtectedApi(async (t) => t === token);
  try {
    const gen = await generated(
      'Bench overhead',
      api.url,
      'http://127.0.0.1:9/token',
      'unused',
      orderItems(OVERHEAD.items),
    );
    // Token cached: a valid token and an expiry an hour away, so the scripts run their checks and never fetch.
    const environment = withValues(gen.environment, {
      access_token: token,
      token_expires_at: String(Date.now() + 3_600_000),
    });
    const { event: tokenScripts, ...noScripts } = gen.collection;
    const collections = {
      generated: gen.collection,
      static: noScripts,
      // Control: the same two collection-level events holding an empty script, to tell the cost of running any
      // script in Newman's sandbox from the cost of the token scripts themselves.
      'empty scripts': {
        ...noScripts,
        event: tokenScripts.map((e) => ({ listen: e.listen, script: { type: 'text/javascript', exec: ['// empty'] } })),
      },
    };
    const kinds = Object.keys(collections);
    const opts = { iterationCount: OVERHEAD.iterations };
    const times = Object.fromEntries(kinds.map((kind) => [kind, []]));
    for (const kind of kinds) await runNewman(collections[kind], environment, opts); // warm-up, not counted
    for (let round = 0; round < OVERHEAD.rounds; round++) {
      // Rotate the order, so drift on a shared machine hits every kind alike.
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[(round + k) % kinds.length];
        const { ms, summary } = await runNewman(collections[kind], environment, opts);
        if (summary.run.failures.length > 0)
          console.log(`(${kind} run reported ${summary.run.failures.length} failure(s))`);
        times[kind].push(ms);
      }
    }
    const requests = OVERHEAD.items * OVERHEAD.iterations;
    const [g, t, e] = kinds.map((kind) => median(times[kind]));
    console.log(
      `overhead, ${requests} requests (median of ${OVERHEAD.rounds}): ${g.toFixed(0)} ms with generated scripts vs ${t.toFixed(0)} ms static token, no scripts → ${(g / t).toFixed(2)}×  goal ≤ 1.10×  ${verdict(g / t <= 1.1)}`,
    );
    console.log(
      `  of which Newman running any script: empty scripts ${e.toFixed(0)} ms vs static → ${(e / t).toFixed(2)}×; generated vs empty scripts → ${(g / e).toFixed(2)}×`,
    );
    console.log(
      `401s during overhead runs: ${api.stats.unauthorized}  goal 0  ${verdict(api.stats.unauthorized === 0)}`,
    );
  } finally {
    await api.close();
  }
}

async function noStorms() {
  const client = { id: 'bench-storm', secret: 'bench-storm-secret' };
  const op = await startOidcProvider({ ttlSeconds: TTL_SECONDS, clients: [client] });
  const api = await startProtectedApi(op.validateToken);
  try {
    const gen = await generated('Bench storm', api.url, op.tokenUrl, client.id, orderItems(100));
    const { summary } = await runNewman(gen.collection, gen.environment, {
      iterationCount: 10,
      envVar: [{ key: 'client_secret', value: 'a-wrong-secret' }],
    });
    const asked = op.tokenRequests(client.id);
    console.log(
      `wrong client secret, 1,000 requests: ${asked} token request(s), ${api.stats.requests} sent to the API, ${summary.run.failures.length} reported failed  goal 1, 0, 1,000 (before issue 11: 1,000 token requests)  ${verdict(asked === 1 && api.stats.requests === 0)}`,
    );
  } finally {
    await api.close();
    await op.close();
  }
  const OUTAGE_MS = 10_000;
  const ts = await startOutageTokenServer({ outageMs: OUTAGE_MS });
  const outageApi = await startProtectedApi(ts.validateToken);
  try {
    const gen = await generated('Bench outage', outageApi.url, ts.tokenUrl, 'bench-outage', orderItems(60));
    const { ms, summary } = await runNewman(gen.collection, gen.environment, {
      delayRequest: 250,
      envVar: [{ key: 'client_secret', value: 'bench-outage-secret' }],
    });
    const passed = outageApi.stats.requests - outageApi.stats.unauthorized;
    console.log(
      `${OUTAGE_MS / 1000} s token endpoint outage, 60 requests over ${(ms / 1000).toFixed(1)} s: ${ts.attempts()} token requests, then ${passed} requests passed (${summary.run.failures.length} skipped during the outage)  goal ≤ 6  ${verdict(ts.attempts() <= 6 && passed > 0)}`,
    );
  } finally {
    await outageApi.close();
    await ts.close();
  }
}

await tokenEconomy();
await noStorms();
await overhead();
