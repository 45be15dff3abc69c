// The package as a user gets it: `npm pack` (from a copy of the repository, so the running tests' dist/ and
// package.json are never touched), installed from the tarball into a fresh CommonJS project next to newman,
// then `init`, `tsc -p` of both script folders, `build`, `newman run` against the test servers, and the
// library through `import`, `require` and TypeScript `nodenext` in that CommonJS project.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, runCli } from '../cli/run-cli.js';
import { toFailure } from '../e2e/newman.js';
import { tempDir } from '../helpers/temp-dir.js';
import { refusedUrl } from '../e2e/servers/http-util.js';
import { startProtectedApi, type ProtectedApi } from '../e2e/servers/protected-api.js';
import { startTokenServer, type TokenServer } from '../e2e/servers/token-server.js';

const ROOT = join(import.meta.dirname, '../..');
const NPM_TIMEOUT_MS = 180_000;
const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const devVersion = (name: string): string => rootPackage.devDependencies[name] ?? rootPackage.dependencies[name];

let work: string;
let tarball: string;
let project: string;
let install: SpawnSyncReturns<string>;

/** The environment without npm's own variables: `npm test` sets some that would leak into the nested npm. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

function run(
  command: string,
  args: string[],
  cwd: string,
  timeout = 60_000,
  env: NodeJS.ProcessEnv = {},
): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...cleanEnv(), NO_COLOR: '1', ...env } });
}

/**
 * As `run`, without blocking this process: the test servers answer from its event loop (a `spawnSync`ed
 * newman would only see timeouts).
 */
function runAsync(
  command: string,
  args: string[],
  cwd: string,
  timeout = 60_000,
): Promise<Pick<SpawnSyncReturns<string>, 'status' | 'stdout' | 'stderr' | 'error'>> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, timeout, env: { ...cleanEnv(), NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve({ status: null, stdout, stderr, error }));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const ok = (r: Pick<SpawnSyncReturns<string>, 'status' | 'stdout' | 'stderr' | 'error'>): string =>
  `exit ${r.status}${r.error ? ` (${r.error.message})` : ''}\n${r.stdout}\n${r.stderr}`;

beforeAll(
  () => {
    work = tempDir('gen-collection-packed-').dir;
    const copy = join(work, 'repo');
    // What a clean checkout has: no installed, built or generated folders (examples/*/postman are build outputs).
    const skip = /^(node_modules|dist|\.git|\.tmp|\.cache|coverage)$|^examples\/[^/]+\/postman$/;
    cpSync(ROOT, copy, { recursive: true, filter: (src) => !skip.test(relative(ROOT, src).split(sep).join('/')) });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const pack = run('npm', ['pack', '--json', '--pack-destination', work], copy, NPM_TIMEOUT_MS);
    expect(pack.status, ok(pack)).toBe(0);
    tarball = join(work, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);

    project = join(work, 'project');
    mkdirSync(project);
    // `npm init -y`'s default: a CommonJS project.
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'my-api-tests', version: '1.0.0', private: true }, null, 2),
    );
    install = run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        tarball,
        `newman@${devVersion('newman')}`,
        `typescript@${devVersion('typescript')}`,
      ],
      project,
      NPM_TIMEOUT_MS,
    );
  },
  2 * NPM_TIMEOUT_MS + 30_000,
);

describe('the packed tarball', () => {
  it('ships LICENSE, the sandbox typings and nothing that points back into the repository', () => {
    const list = run('tar', ['-tzf', tarball], work);
    expect(list.status, ok(list)).toBe(0);
    const files = list.stdout
      .split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ''));
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'package.json',
        'bin/gen-collection.cjs',
        'dist/src/index.js',
        'dist/src/cli.cjs',
        'dist/src/cli-chunks/build.js',
        'dist/src/scripts/token-bundles/postman.json',
        'dist/src/scripts/crypto-bundles/jwt-signer-rs256.json',
        'dist/src/scripts/crypto-bundles/dpop-proof-eddsa.json',
        'sandbox/prerequest.d.ts',
        'sandbox/test.d.ts',
        'schema/config.schema.json',
        'templates/init/scripts-src/tsconfig.json',
        'scripts-src/token/prerequest.ts',
        'scripts-src/runtime/runtime.ts',
        'scripts-src/runtime/postman.ts',
        'scripts-src/runtime/bruno.ts',
        'scripts-src/runtime/bruno-pm.ts',
        'scripts-src/jwt/sign-jwt.ts',
      ]),
    );
    expect(
      files.filter(
        (f) =>
          /^(src|test|bench|scripts)\//.test(f) ||
          /^scripts-src\/[^/]*tsconfig/.test(f) ||
          f.endsWith('gen-collection.d.ts'),
      ),
    ).toEqual([]);
    const unpacked = join(work, 'unpacked');
    mkdirSync(unpacked);
    expect(run('tar', ['-xzf', tarball, '-C', unpacked], work).status).toBe(0);
    const pkg = join(unpacked, 'package');
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(manifest.scripts?.[script], script).toBeUndefined();
    expect(readFileSync(join(pkg, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    const pointingBack = files.filter(
      (f) => /\.(json|ts)$/.test(f) && /\.\.\/(node_modules|src)\//.test(readFileSync(join(pkg, f), 'utf8')),
    );
    expect(pointingBack).toEqual([]);
  });

  it('installs next to newman without a script or a warning of its own', () => {
    expect(install.status, ok(install)).toBe(0);
    expect(install.stderr.split('\n').filter((line) => /gen-collection/.test(line))).toEqual([]);
    // Only type declarations came from them: copied into sandbox/*.d.ts, so they are no dependencies.
    const installed = JSON.parse(readFileSync(join(project, 'node_modules/gen-collection/package.json'), 'utf8'));
    expect(Object.keys(installed.dependencies)).not.toEqual(expect.arrayContaining(['postman-sandbox']));
    expect(Object.keys(installed.dependencies)).not.toEqual(expect.arrayContaining(['postman-collection']));
  });

  describe('in a fresh CommonJS project', () => {
    let ts: TokenServer;
    let api: ProtectedApi;
    beforeAll(async () => {
      // Longer than the starter's 5 s expiry buffer, so one token serves the run.
      ts = await startTokenServer({ ttlSeconds: 60 });
      api = await startProtectedApi({ validate: ts.validateToken });
    });
    afterAll(async () => {
      await api?.close();
      await ts?.close();
    });

    it('init, tsc -p of both script folders, build, then newman run against the test servers', async () => {
      expect(install.status, ok(install)).toBe(0);
      const npx = (...args: string[]) => run('npx', ['--no-install', ...args], project);
      const init = npx('gen-collection', 'init');
      expect(init.status, ok(init)).toBe(0);
      // A sandbox built-in without types in this project: \`any\` for tsc, as for build.
      writeFileSync(
        join(project, 'scripts-src/digest.ts'),
        "import CryptoJS from 'crypto-js';\nexport const digest: string = CryptoJS.SHA256('x').toString();\n",
      );
      for (const folder of ['scripts-src', 'scripts-src/prerequest']) {
        const check = npx('tsc', '-p', folder);
        expect(check.status, `tsc -p ${folder}: ${ok(check)}`).toBe(0);
      }

      const configFile = join(project, 'gen-collection.config.json');
      const config = JSON.parse(readFileSync(configFile, 'utf8'));
      config.auth.tokenUrl = ts.tokenUrl;
      config.environments.dev = { base_url: api.url, client_id: ts.client.id, client_secret: '' };
      // A request that gets no response: the starter test script must add no failure of its own.
      config.items.push({ name: 'Unreachable', url: await refusedUrl('/nothing'), auth: 'none' });
      writeFileSync(configFile, JSON.stringify(config, null, 2));
      const build = npx('gen-collection', 'build');
      expect(build.status, ok(build)).toBe(0);

      const newman = await runAsync(
        'npx',
        [
          '--no-install',
          'newman',
          'run',
          'postman/my-api.postman_collection.json',
          '-e',
          'postman/my-api.dev.postman_environment.json',
          '--env-var',
          `client_secret=${ts.client.secret}`,
          '--timeout-request',
          '5000',
          '-r',
          'json',
          '--reporter-json-export',
          'report.json',
        ],
        project,
      );
      const report = JSON.parse(readFileSync(join(project, 'report.json'), 'utf8'));
      const failures = (report.run.failures as unknown[]).map(toFailure);
      expect(
        failures.map((f) => `${f.item}: ${f.at}: ${f.name}`),
        JSON.stringify(failures, null, 1) + ok(newman),
      ).toEqual(['Unreachable: request: Error']);
      expect(newman.status).toBe(1);
      expect(api.stats.byPath['/orders']).toBe(2);
      expect(ts.issuedAccessTokens()).toBe(1);
      const assertions = (
        report.run.executions as { item: { name: string }; assertions?: { assertion: string }[] }[]
      ).flatMap((e) => (e.assertions ?? []).map((a) => `${e.item.name}: ${a.assertion}`));
      expect(assertions).toContain('List orders: responds within 2000 ms');
      expect(assertions.filter((a) => a.startsWith('Unreachable:'))).toEqual([]);
    });

    it('builds the same bytes as the checkout, without esbuild: the signing code is prebuilt in the package', () => {
      expect(install.status, ok(install)).toBe(0);
      // npm hoists @noble/* next to gen-collection here: esbuild's module comments would read `// ../@noble/…`, and
      // the prebuilt bundles' digest finds their versions there. An esbuild started at run time fails the build.
      const fake = join(project, 'fake-esbuild');
      writeFileSync(fake, '#!/bin/sh\nexit 1\n');
      chmodSync(fake, 0o755);
      const config = {
        name: 'Signed DPoP',
        auth: {
          type: 'oauth2',
          tokenUrl: 'https://id.example.com/token',
          clientAuth: 'private_key_jwt',
          dpop: { algorithm: 'ES256' },
        },
        environments: { dev: {} },
        items: [{ name: 'Orders', url: 'https://api.example.com/orders' }],
      };
      writeFileSync(join(project, 'signed.config.json'), JSON.stringify(config));
      for (const format of ['postman', 'bruno']) {
        const installed = run(
          'npx',
          [
            '--no-install',
            'gen-collection',
            'build',
            '-c',
            'signed.config.json',
            '-o',
            `signed-${format}`,
            '--format',
            format,
          ],
          project,
          60_000,
          { ESBUILD_BINARY_PATH: fake },
        );
        expect(installed.status, ok(installed)).toBe(0);
        const checkout = runCli(
          ['build', '-c', 'signed.config.json', '-o', `signed-${format}-checkout`, '--format', format],
          project,
        );
        expect(checkout.status, checkout.stderr).toBe(0);
        const files = listFiles(join(project, `signed-${format}`));
        expect(
          files.some((f) => /gen-collection-jwt-rs256|\.postman_collection\.json$/.test(f)),
          files.join(),
        ).toBe(true);
        expect(listFiles(join(project, `signed-${format}-checkout`))).toEqual(files);
        for (const file of files) {
          const text = readFileSync(join(project, `signed-${format}`, file), 'utf8');
          expect(text, file).toBe(readFileSync(join(project, `signed-${format}-checkout`, file), 'utf8'));
          expect(text, file).not.toMatch(/@noble|node_modules/);
        }
      }
    });

    it('the library loads through import and require, and type-checks and runs as TypeScript nodenext in CommonJS', () => {
      expect(install.status, ok(install)).toBe(0);
      const esm = run(
        'node',
        [
          '--input-type=module',
          '-e',
          "import { buildFromConfigFile, auditFiles } from 'gen-collection'; console.log(typeof buildFromConfigFile, typeof auditFiles);",
        ],
        project,
      );
      expect(esm.stdout.trim(), ok(esm)).toBe('function function');
      expect(esm.stderr).toBe('');
      const cjs = run(
        'node',
        [
          '-e',
          "const { buildFromConfigFile, auditFiles } = require('gen-collection'); console.log(typeof buildFromConfigFile, typeof auditFiles);",
        ],
        project,
      );
      expect(cjs.stdout.trim(), ok(cjs)).toBe('function function');
      expect(cjs.stderr).toBe('');

      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            module: 'nodenext',
            moduleResolution: 'nodenext',
            target: 'es2022',
            strict: true,
            outDir: 'out',
            types: [],
          },
          files: ['use.ts'],
        }),
      );
      writeFileSync(
        join(project, 'use.ts'),
        [
          "import { buildFromConfigFile, type BuildResult } from 'gen-collection';",
          'void (async () => {',
          "  const result: BuildResult = await buildFromConfigFile('gen-collection.config.json');",
          '  console.log(result.collection.info.name);',
          '})();',
          '',
        ].join('\n'),
      );
      const tsc = run('npx', ['--no-install', 'tsc', '-p', '.'], project);
      expect(tsc.status, ok(tsc)).toBe(0);
      expect(readFileSync(join(project, 'out/use.js'), 'utf8')).toContain('require("gen-collection")');
      const used = run('node', ['out/use.js'], project);
      expect(used.stdout.trim(), ok(used)).toBe('My API');
    });
  });
});
