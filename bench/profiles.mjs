// Auth profiles (issue 14), measured with the compiled library and real Newman against loopback servers:
// - script size: the collection's token pre-request and test scripts with no profiles, 1, 2 and 10 profiles (each a
//   folder of two requests on its own token server and client). Goal: each added profile ≤ 0.5 KB a script.
// - token economy per profile: a default and an `admin` profile on two oidc-provider instances (4 s tokens, 1 s
//   buffer), requests of both interleaved, ≥ 12 s; token requests of each vs ⌈run seconds ÷ 3⌉ + 1, no 401.
// Uses the compiled library: run `npm run build` first. Not a test: nothing here fails the build.
import { fileURLToPath } from 'node:url';
import newman from 'newman';
import { startOidcProvider, startProtectedApi } from './token-servers.mjs';
import { importDist } from './dist.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const { buildFromConfig } = await importDist('index.js');

const TTL_SECONDS = 4;
const BUFFER_SECONDS = 1;
const verdict = (ok) => (ok ? 'OK' : 'MISSED');
const oauth2 = (tokenUrl) => ({ type: 'oauth2', tokenUrl, scope: 'orders:read', expiryBufferSeconds: BUFFER_SECONDS });

/** A config with `count` profiles `p1`…, each a folder of two requests, besides two default requests. */
function profilesConfig(count) {
  const names = Array.from({ length: count }, (_, i) => `p${i + 1}`);
  return {
    name: `Bench ${count} profiles`,
    auth: oauth2('{{token_url}}'),
    ...(count
      ? { authProfiles: Object.fromEntries(names.map((name) => [name, oauth2(`{{token_url_${name}}}`)])) }
      : {}),
    items: [
      { name: 'List orders', url: '{{base_url}}/orders' },
      { name: 'Get order', url: '{{base_url}}/orders/1' },
      ...names.map((name) => ({
        name: `Folder ${name}`,
        auth: name,
        items: [
          { name: 'List', url: `{{base_url}}/${name}/orders` },
          { name: 'Get', url: `{{base_url}}/${name}/orders/1` },
        ],
      })),
    ],
  };
}

async function scriptSizes() {
  const sizes = {};
  for (const count of [0, 1, 2, 10]) {
    const { collection } = await buildFromConfig(profilesConfig(count), { baseDir: root });
    const script = (listen) =>
      Buffer.byteLength(collection.event.find((e) => e.listen === listen).script.exec.join('\n'));
    sizes[count] = { prerequest: script('prerequest'), test: script('test') };
  }
  for (const kind of ['prerequest', 'test']) {
    const per = (sizes[10][kind] - sizes[1][kind]) / 9;
    const selection = sizes[1][kind] - sizes[0][kind] - per;
    console.log(
      `${kind} script: ${sizes[0][kind]} B without profiles, ${sizes[1][kind]} / ${sizes[2][kind]} / ${sizes[10][kind]} B with 1 / 2 / 10 profiles → ${per.toFixed(0)} B per added profile (goal ≤ 512 B ${verdict(per <= 512)}); profile selection code ${selection.toFixed(0)} B once`,
    );
  }
}

function runNewman(collection, environment, opts) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    newman.run(
      { collection, environment, reporters: [], timeoutRequest: 5_000, timeout: 120_000, ...opts },
      (err, summary) => (err ? reject(err) : resolve({ seconds: (Date.now() - started) / 1000, summary })),
    );
  });
}

async function economy() {
  const client = { id: 'bench-default', secret: 'bench-default-secret' };
  const adminClient = { id: 'bench-admin', secret: 'bench-admin-secret' };
  const [op, opAdmin] = [
    await startOidcProvider({ ttlSeconds: TTL_SECONDS, clients: [client] }),
    await startOidcProvider({ ttlSeconds: TTL_SECONDS, clients: [adminClient] }),
  ];
  const [api, adminApi] = [await startProtectedApi(op.validateToken), await startProtectedApi(opAdmin.validateToken)];
  try {
    const { collection, environments } = await buildFromConfig(
      {
        name: 'Bench profile economy',
        auth: oauth2('{{token_url}}'),
        authProfiles: { admin: oauth2('{{admin_token_url}}') },
        environments: {
          bench: {
            base_url: api.url,
            admin_url: adminApi.url,
            token_url: op.tokenUrl,
            admin_token_url: opAdmin.tokenUrl,
            client_id: client.id,
            client_id_admin: adminClient.id,
          },
        },
        items: [
          { name: 'Orders', url: '{{base_url}}/orders' },
          { name: 'Admin orders', auth: 'admin', url: '{{admin_url}}/orders' },
          { name: 'Order', url: '{{base_url}}/orders/1' },
          {
            name: 'Admin',
            auth: 'admin',
            items: [
              { name: 'Admin order', url: '{{admin_url}}/orders/1' },
              { name: 'Admin order 2', url: '{{admin_url}}/orders/2' },
            ],
          },
          { name: 'Order 2', url: '{{base_url}}/orders/2' },
        ],
      },
      { baseDir: root },
    );
    const { seconds, summary } = await runNewman(collection, environments[0].json, {
      iterationCount: 10,
      delayRequest: 205,
      envVar: [
        { key: 'client_secret', value: client.secret },
        { key: 'client_secret_admin', value: adminClient.secret },
      ],
    });
    const bound = Math.ceil(seconds / (TTL_SECONDS - BUFFER_SECONDS)) + 1;
    const counts = { default: op.tokenRequests(client.id), admin: opAdmin.tokenRequests(adminClient.id) };
    console.log(
      `profiles economy: ${api.stats.requests} default + ${adminApi.stats.requests} admin requests over ${seconds.toFixed(1)} s, ${TTL_SECONDS} s tokens, ${BUFFER_SECONDS} s buffer`,
    );
    for (const [profile, count] of Object.entries(counts))
      console.log(
        `token requests, ${profile} profile: ${count}  goal ≤ ⌈${seconds.toFixed(1)} ÷ 3⌉ + 1 = ${bound}  ${verdict(count <= bound)}`,
      );
    const unauthorized = api.stats.unauthorized + adminApi.stats.unauthorized;
    console.log(
      `401s: ${unauthorized}  goal 0  ${verdict(unauthorized === 0)}; failures: ${summary.run.failures.length}`,
    );
  } finally {
    await Promise.all([api.close(), adminApi.close()]);
    await Promise.all([op.close(), opAdmin.close()]);
  }
}

await scriptSizes();
await economy();
