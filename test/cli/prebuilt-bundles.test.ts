/**
 * The installed CLI (dist/src/cli.cjs and its chunks, the esbuild bundles) uses what `npm run build` prebuilt: a config without
 * user scripts, signing or not, with DPoP or not, builds every format without starting esbuild (its token bundles,
 * the Bruno runtime adapter, the JWT signers and the DPoP proof makers are in dist/src/scripts/). esbuild is pointed at a stand-in binary that leaves a mark and fails, so a
 * build that bundles at run time either fails or leaves the mark. Inside the CLI bundle the modules are chunks, so
 * a prebuilt file looked up beside `import.meta.url` would be missed: this is the test that catches it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { runCli } from './run-cli.js';

const base = {
  name: 'Prebuilt',
  auth: { type: 'oauth2', tokenUrl: 'https://id.example.com/token', scope: 'read' },
  environments: { dev: { base_url: 'https://api.example.com', client_id: 'ci' } },
  items: [{ name: 'List', url: '{{base_url}}/list' }],
};

const cases = [
  { what: 'plain client credentials', config: base },
  { what: 'retryOn401 off', config: { ...base, auth: { ...base.auth, retryOn401: false } } },
  {
    what: 'an auth profile',
    config: {
      ...base,
      authProfiles: { admin: { type: 'oauth2', tokenUrl: 'https://admin.example.com/token' } },
      items: [...base.items, { name: 'Admin', auth: 'admin', url: '{{base_url}}/admin' }],
    },
  },
  {
    what: 'signed client authentication (RS256) with DPoP (EdDSA)',
    config: { ...base, auth: { ...base.auth, clientAuth: 'private_key_jwt', dpop: { algorithm: 'EdDSA' } } },
  },
  {
    what: 'client_secret_jwt (HS256) with DPoP (ES256)',
    config: { ...base, auth: { ...base.auth, clientAuth: 'client_secret_jwt', dpop: { algorithm: 'ES256' } } },
  },
];

describe('a build uses the prebuilt token bundles and Bruno adapter (no esbuild at run time)', () => {
  it.each(cases)('$what, every format', ({ config }) => {
    const { dir } = tempDir();
    const mark = join(dir, 'esbuild-was-started');
    const fake = join(dir, 'fake-esbuild');
    writeFileSync(fake, `#!/bin/sh\necho started > '${mark}'\nexit 1\n`);
    chmodSync(fake, 0o755);
    writeFileSync(join(dir, 'gen-collection.config.json'), JSON.stringify(config));
    const args = ['build', '-o', 'out', '--format', 'postman', '--format', 'postman-v3', '--format', 'bruno'];
    const r = runCli(args, dir, undefined, { ESBUILD_BINARY_PATH: fake });
    expect(r.stderr).not.toMatch(/gen-collection: (internal )?error/);
    expect(r.status).toBe(0);
    expect(existsSync(mark), 'the build started esbuild').toBe(false);
    expect(r.stderr).toMatch(/wrote out\/bruno\/prebuilt\//);
  });
});

/** Runs an ES module script against dist/src/scripts/ in a child process (bounded to 120 s); its stdout as JSON. */
function inDist(script: string): unknown {
  const scripts = new URL('../../dist/src/scripts/', import.meta.url).href;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, SCRIPTS: scripts },
  });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('the prebuilt token bundles (dist/src/scripts/token-bundles/, a file a bundle)', () => {
  it('every bundle key has its file, and it holds the bundle esbuild builds from the current sources', () => {
    const result = inDist(`
      const { bundleTokenScripts, tokenBundleKeys } = await import(process.env.SCRIPTS + 'token-scripts.js');
      const { prebuiltTokenBundle } = await import(process.env.SCRIPTS + 'prebuilt-token-bundles.js');
      const out = { keys: 0, missing: [], differing: [] };
      for (const key of tokenBundleKeys()) {
        out.keys++;
        const prebuilt = prebuiltTokenBundle(key);
        const built = await bundleTokenScripts(key);
        if (!prebuilt) out.missing.push(key);
        else if (prebuilt.prerequest !== built.prerequest || prebuilt.test !== built.test) out.differing.push(key);
      }
      console.log(JSON.stringify(out));
    `);
    expect(result).toEqual({ keys: 32, missing: [], differing: [] });
  });

  it('a file built from other sources (another digest) is not used; one with the current digest is', () => {
    const result = inDist(`
      import { rmSync, writeFileSync } from 'node:fs';
      const { prebuiltBundleFile, prebuiltTokenBundle, tokenSourcesDigest } = await import(process.env.SCRIPTS + 'prebuilt-token-bundles.js');
      const bundle = { prerequest: 'pre', test: 'test' };
      const out = {};
      for (const [key, sources] of [['postman:stale-test', 'other sources'], ['postman:fresh-test', tokenSourcesDigest()]]) {
        const file = prebuiltBundleFile(key);
        writeFileSync(file, JSON.stringify({ sources, ...bundle }));
        try { out[key] = prebuiltTokenBundle(key) ?? null; } finally { rmSync(file); }
      }
      out.file = prebuiltBundleFile('bruno:profiles,signed').split('/').slice(-2).join('/');
      console.log(JSON.stringify(out));
    `);
    expect(result).toEqual({
      'postman:stale-test': null,
      'postman:fresh-test': { prerequest: 'pre', test: 'test' },
      file: 'token-bundles/bruno.profiles.signed.json',
    });
  });
});

describe('the prebuilt JWT signers and DPoP proof makers (dist/src/scripts/crypto-bundles/)', () => {
  it('every algorithm has its file, and it holds the bundle esbuild builds from the current sources', () => {
    const result = inDist(`
      const { JWT_ALGORITHMS, bundleJwtSigner, jwtSignerName } = await import(process.env.SCRIPTS + 'jwt-signer.js');
      const { DPOP_ALGORITHMS, bundleDpopProof, dpopProofName } = await import(process.env.SCRIPTS + 'dpop-proof.js');
      const { prebuiltCryptoBundle } = await import(process.env.SCRIPTS + 'prebuilt-crypto-bundles.js');
      const out = { names: [], missing: [], differing: [] };
      const all = [
        ...JWT_ALGORITHMS.map((a) => [jwtSignerName(a), () => bundleJwtSigner(a)]),
        ...DPOP_ALGORITHMS.map((a) => [dpopProofName(a), () => bundleDpopProof(a)]),
      ];
      for (const [name, bundle] of all) {
        out.names.push(name);
        const prebuilt = prebuiltCryptoBundle(name);
        if (!prebuilt) out.missing.push(name);
        else if (prebuilt !== (await bundle())) out.differing.push(name);
      }
      console.log(JSON.stringify(out));
    `);
    expect(result).toEqual({
      names: [
        'jwt-signer-rs256',
        'jwt-signer-ps256',
        'jwt-signer-es256',
        'jwt-signer-hs256',
        'jwt-signer-eddsa',
        'dpop-proof-es256',
        'dpop-proof-eddsa',
        'dpop-proof-rs256',
        'dpop-proof-ps256',
      ],
      missing: [],
      differing: [],
    });
  });

  it('a file built from other sources (another digest) is not used; one with the current digest is', () => {
    const result = inDist(`
      import { rmSync, writeFileSync } from 'node:fs';
      const { cryptoSourcesDigest, prebuiltCryptoBundle, prebuiltCryptoFile } = await import(process.env.SCRIPTS + 'prebuilt-crypto-bundles.js');
      const out = {};
      for (const [name, sources] of [['stale-test', 'other sources'], ['fresh-test', cryptoSourcesDigest()]]) {
        const file = prebuiltCryptoFile(name);
        writeFileSync(file, JSON.stringify({ sources, code: 'const x = 1;' }));
        try { out[name] = prebuiltCryptoBundle(name) ?? null; } finally { rmSync(file); }
      }
      console.log(JSON.stringify(out));
    `);
    expect(result).toEqual({ 'stale-test': null, 'fresh-test': 'const x = 1;' });
  });
});
