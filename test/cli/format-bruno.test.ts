// `--format bruno` on the real binary: the Bruno collection under DIR/bruno/<slug>/, byte-identical on a rebuild,
// beside the Postman files when both are asked for; an unknown format is a usage error that writes nothing.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { listFiles, runCli } from './run-cli.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/orders-api');
const PETSTORE = join(import.meta.dirname, '../fixtures/openapi/petstore-3.0.yaml');

function example(): string {
  const { dir } = tempDir();
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('/postman') });
  return dir;
}

describe('--format bruno', () => {
  it('build writes the Bruno collection, the same bytes twice', () => {
    const dir = example();
    const read = () =>
      Object.fromEntries(listFiles(join(dir, 'out')).map((f) => [f, readFileSync(join(dir, 'out', f), 'utf8')]));
    const r = runCli(['build', '-o', 'out', '--format', 'bruno'], dir);
    expect(r.status, r.stderr).toBe(0);
    const first = read();
    expect(Object.keys(first)).toEqual([
      'bruno/orders-api/Health.yml',
      'bruno/orders-api/Orders/Create order.yml',
      'bruno/orders-api/Orders/Get order.yml',
      'bruno/orders-api/Orders/List orders.yml',
      'bruno/orders-api/Orders/folder.yml',
      'bruno/orders-api/environments/dev.yml',
      'bruno/orders-api/environments/staging.yml',
      'bruno/orders-api/lib/gen-collection-runtime.js',
      'bruno/orders-api/opencollection.yml',
    ]);
    expect(runCli(['build', '-o', 'out', '--format', 'bruno'], dir).status).toBe(0);
    expect(read()).toEqual(first);
  });

  it('a DPoP config: the proof maker in lib/, requests sending Authorization: DPoP', () => {
    const { dir, write } = tempDir();
    write(
      'gen-collection.config.json',
      JSON.stringify({
        name: 'D',
        auth: { type: 'oauth2', tokenUrl: 'https://id.example/token', dpop: { algorithm: 'EdDSA' } },
        items: [{ name: 'R', url: 'https://api.example/r' }],
      }),
    );
    const r = runCli(['build', '-o', 'out', '--format', 'bruno'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'out/bruno/d/lib/gen-collection-dpop-eddsa.js'))).toBe(true);
    expect(readFileSync(join(dir, 'out/bruno/d/opencollection.yml'), 'utf8')).toContain('DPoP {{access_token}}');
  });

  it('--format postman --format bruno writes both', () => {
    const dir = example();
    expect(runCli(['build', '-o', 'out', '--format', 'postman', '--format', 'bruno'], dir).status).toBe(0);
    expect(existsSync(join(dir, 'out/orders-api.postman_collection.json'))).toBe(true);
    expect(existsSync(join(dir, 'out/bruno/orders-api/opencollection.yml'))).toBe(true);
  });

  it('openapi writes the Bruno collection too', () => {
    const { dir } = tempDir();
    const r = runCli(['openapi', PETSTORE, '-o', 'out', '--format', 'bruno'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(listFiles(join(dir, 'out')).some((f) => /^bruno\/[^/]+\/opencollection\.yml$/.test(f))).toBe(true);
  });

  it('an unknown format is a usage error naming the formats; nothing is written', () => {
    const dir = example();
    const r = runCli(['build', '-o', 'out', '--format', 'brno'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('use one of postman, postman-v3, bruno');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
