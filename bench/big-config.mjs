// The generated config the bench builds (bench/core.mjs, 40 × 50 requests) and the byte-for-byte check
// (scripts/output-snapshot.sh, 10 × 30): folders, bodies, path variables, expectations, two environments.

/** A config with `folders` × `perFolder` requests, oauth2, and a few environments. */
export function bigConfig(folders, perFolder) {
  return {
    name: 'Bench API',
    auth: { type: 'oauth2', tokenUrl: '{{base_url}}/oauth/token', scope: 'read write' },
    environments: {
      dev: { base_url: 'https://dev.example.com', client_id: 'bench' },
      prod: { base_url: 'https://example.com', client_id: 'bench' },
    },
    items: Array.from({ length: folders }, (_, f) => ({
      name: `Folder ${f}`,
      items: Array.from({ length: perFolder }, (_, r) => ({
        name: `Request ${f}.${r}`,
        method: r % 2 ? 'POST' : 'GET',
        url: `{{base_url}}/resource${f}/items/:id`,
        pathVariables: { id: String(r) },
        query: { page: '1', size: '20' },
        headers: { Accept: 'application/json', 'X-Bench': `{{bench_${f % 5}}}` },
        ...(r % 2 ? { body: { json: { name: `item ${r}`, tags: ['a', 'b'], nested: { deep: true } } } } : {}),
        expect: { status: r % 2 ? [200, 201] : 200 },
      })),
    })),
  };
}
