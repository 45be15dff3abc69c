import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectVariableNames } from '../../src/plan/variables.js';
import { tempDir } from '../helpers/temp-dir.js';
import { listFiles, runCli } from './run-cli.js';

function workspace(): string {
  return tempDir().dir;
}

const EXAMPLE = join(import.meta.dirname, '../../examples/orders-api');

describe('gen-collection CLI', () => {
  it('init then build writes an importable collection and one environment template per environment', () => {
    const dir = workspace();
    const init = runCli(['init'], dir);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stderr + init.stdout).toMatch(/add "authProfiles" \(README, "Auth profiles"\)/);
    expect(init.stderr).toMatch(
      /"clientAuth": "private_key_jwt" or "grantType": "jwt_bearer" \(README, "Signed client authentication"\)/,
    );
    expect(listFiles(dir)).toEqual([
      'gen-collection.config.json',
      'scripts-src/common-tests.ts',
      'scripts-src/prerequest/request-id.ts',
      'scripts-src/prerequest/tsconfig.json',
      'scripts-src/tsconfig.json',
    ]);
    // issue 23: init --help says what init writes: these five files
    const help = runCli(['init', '--help'], dir).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('write five starter files');
    for (const file of listFiles(dir))
      expect(help).toContain(file.replace(/^scripts-src\/(prerequest\/)?tsconfig/, 'tsconfig'));
    const config = JSON.parse(readFileSync(join(dir, 'gen-collection.config.json'), 'utf8'));
    expect(config.$schema).toMatch(/config\.schema\.json$/);

    const build = runCli(['build'], dir);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toBe('');
    expect(listFiles(join(dir, 'postman'))).toEqual([
      'my-api.dev.postman_environment.json',
      'my-api.postman_collection.json',
    ]);
    const collection = JSON.parse(readFileSync(join(dir, 'postman/my-api.postman_collection.json'), 'utf8'));
    expect(collection.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    expect(collection.auth).toEqual({
      type: 'bearer',
      bearer: [{ key: 'token', value: '{{access_token}}', type: 'string' }],
    });
    const env = JSON.parse(readFileSync(join(dir, 'postman/my-api.dev.postman_environment.json'), 'utf8'));
    expect(env.name).toBe('My API - dev');
    const secret = env.values.find((v: { key: string }) => v.key === 'client_secret');
    expect(secret).toEqual({ key: 'client_secret', value: '', type: 'secret', enabled: true });
  });

  it('init refuses to overwrite without --force and overwrites with it', () => {
    const dir = workspace();
    expect(runCli(['init'], dir).status).toBe(0);
    writeFileSync(join(dir, 'gen-collection.config.json'), '{"name":"Mine"}');
    const again = runCli(['init'], dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'gen-collection.config.json'), 'utf8')).toBe('{"name":"Mine"}');
    expect(runCli(['init', '--force'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'gen-collection.config.json'), 'utf8')).toContain('"My API"');
  });

  it('init writes nothing into a project that has its own scripts-src/tsconfig.json, unless --force', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'scripts-src'));
    writeFileSync(join(dir, 'scripts-src/tsconfig.json'), '{"compilerOptions":{}}');
    const init = runCli(['init'], dir);
    expect(init.status).toBe(2);
    expect(init.stderr).toContain('scripts-src/tsconfig.json');
    expect(listFiles(dir)).toEqual(['scripts-src/tsconfig.json']);
    expect(runCli(['init', '--force'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'scripts-src/tsconfig.json'), 'utf8')).toContain('gen-collection/sandbox/test');
  });

  it('build twice gives byte-identical files', () => {
    const dir = workspace();
    cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('/postman') });
    const read = () =>
      Object.fromEntries(listFiles(join(dir, 'out')).map((f) => [f, readFileSync(join(dir, 'out', f), 'utf8')]));
    expect(runCli(['build', '-o', 'out'], dir).status).toBe(0);
    const first = read();
    expect(Object.keys(first)).toEqual([
      'orders-api.dev.postman_environment.json',
      'orders-api.postman_collection.json',
      'orders-api.staging.postman_environment.json',
    ]);
    expect(runCli(['build', '-o', 'out'], dir).status).toBe(0);
    expect(read()).toEqual(first);

    // Every generated script starts with a one-line header naming gen-collection and its version.
    const firstLines: string[] = [];
    const walk = (node: { event?: { script: { exec: string[] } }[]; item?: unknown[] }) => {
      for (const e of node.event ?? []) firstLines.push(e.script.exec[0]!);
      for (const child of node.item ?? []) walk(child as typeof node);
    };
    walk(JSON.parse(first['orders-api.postman_collection.json']!));
    expect(firstLines.length).toBeGreaterThanOrEqual(4);
    for (const line of firstLines) expect(line).toMatch(/^\/\/ gen-collection \d+\.\d+\.\d+: /);
  });

  it('bundle writes the collection-level scripts alone', () => {
    const dir = workspace();
    cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('/postman') });
    const r = runCli(['bundle', '-o', 'scripts'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(listFiles(join(dir, 'scripts'))).toEqual(['prerequest.js', 'test.js']);
    const pre = readFileSync(join(dir, 'scripts/prerequest.js'), 'utf8');
    expect(pre.split('\n')[0]).toMatch(/^\/\/ gen-collection \d+\.\d+\.\d+/);
    expect(pre).toContain('pm.sendRequest');
    expect(pre).toContain('X-Trace-Id');
  });

  it('--help of every command teaches with an example', () => {
    const dir = workspace();
    for (const command of ['init', 'build', 'openapi', 'inject', 'bundle', 'audit']) {
      const r = runCli([command, '--help'], dir);
      expect(r.status, command).toBe(0);
      expect(r.stdout, command).toContain('Example:');
    }
    expect(runCli(['--help'], dir).stdout).toContain('openapi');
  });

  it('an unknown command or option is a usage error (exit 2)', () => {
    const dir = workspace();
    expect(runCli(['frobnicate'], dir).status).toBe(2);
    expect(runCli(['build', '--nope'], dir).status).toBe(2);
  });

  it('build without a config in the working directory says how to get one', () => {
    const dir = workspace();
    const r = runCli(['build'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/gen-collection init|-c/);
  });
});

const SCRIPT_OK = 'pm.test("ok", () => { pm.expect(pm.response.code).to.equal(200); });\n';
const base = (extra: Record<string, unknown> = {}) => ({
  name: 'Bad Config',
  auth: { type: 'oauth2', tokenUrl: '{{base_url}}/token' },
  environments: { dev: { base_url: 'http://127.0.0.1:1' } },
  items: [{ name: 'One', url: '{{base_url}}/one' }],
  ...extra,
});

interface BadCase {
  name: string;
  file?: string;
  text: string;
  scripts?: Record<string, string>;
  /** What the message must name: a pointer or a file:line. */
  mentions: (string | RegExp)[];
}

const json = (v: unknown) => JSON.stringify(v, null, 2);
const badConfigs: BadCase[] = [
  { name: 'unknown top-level key', text: json(base({ nmae: 'x' })), mentions: ['/nmae'] },
  {
    name: 'unknown key in an item',
    text: json(base({ items: [{ name: 'One', url: 'u', metod: 'GET' }] })),
    mentions: ['/items/0/metod', 'method'],
  },
  {
    name: 'unknown auth key',
    text: json(base({ auth: { type: 'oauth2', tokenUrl: 'https://u', tokenURL: 'v' } })),
    mentions: ['/auth/tokenURL'],
  },
  { name: 'missing name', text: json({ items: [] }), mentions: ['name'] },
  { name: 'name of the wrong type', text: json(base({ name: 42 })), mentions: ['/name'] },
  {
    name: 'unknown auth type',
    text: json(base({ auth: { type: 'oauth', tokenUrl: 'https://u' } })),
    mentions: ['/auth/type'],
  },
  { name: 'oauth2 without tokenUrl', text: json(base({ auth: { type: 'oauth2' } })), mentions: ['/auth', 'tokenUrl'] },
  {
    name: 'bad grant type',
    text: json(base({ auth: { type: 'oauth2', tokenUrl: 'https://u', grantType: 'implicit' } })),
    mentions: ['/auth/grantType'],
  },
  {
    name: 'negative expiry buffer',
    text: json(base({ auth: { type: 'oauth2', tokenUrl: 'https://u', expiryBufferSeconds: -1 } })),
    mentions: ['/auth/expiryBufferSeconds'],
  },
  // issue 23, token rule 12: per environment, once its variables are filled in
  {
    name: 'a plain-HTTP token URL in one environment',
    text: json(
      base({
        auth: { type: 'oauth2', tokenUrl: '{{base_url}}/oauth/token' },
        environments: { local: { base_url: 'http://localhost:4010' }, ci: { base_url: 'http://keycloak:8080' } },
      }),
    ),
    mentions: ['/auth/tokenUrl', 'in environment "ci"', 'http://keycloak:8080/oauth/token', '"allowHttp": true'],
  },
  {
    name: 'a token URL without a scheme',
    text: json(base({ auth: { type: 'oauth2', tokenUrl: '127.0.0.1:4010/token' } })),
    mentions: ['/auth/tokenUrl', 'has no scheme', 'https://'],
  },
  {
    name: 'body with two modes',
    text: json(base({ items: [{ name: 'One', url: 'u', body: { json: {}, raw: 'x' } }] })),
    mentions: ['/items/0/body'],
  },
  {
    name: 'expect.status out of range',
    text: json(base({ items: [{ name: 'One', url: 'u', expect: { status: 42 } }] })),
    mentions: ['/items/0/expect/status'],
  },
  {
    name: 'request without url',
    text: json(base({ items: [{ name: 'One', method: 'GET' }] })),
    mentions: ['/items/0', 'url'],
  },
  {
    name: 'client secret literal in an environment',
    text: json(base({ environments: { dev: { client_secret: 'hunter2-super-secret' } } })),
    mentions: ['/environments/dev/client_secret', '--env-var'],
  },
  {
    name: 'custom secret variable with a literal value',
    text: json(
      base({
        auth: { type: 'oauth2', tokenUrl: 'https://u', secretVariables: ['db_password'] },
        variables: { db_password: 'hunter2-super-secret' },
      }),
    ),
    mentions: ['/variables/db_password'],
  },
  {
    name: 'a literal bearer token in a request header',
    text: json(base({ items: [{ name: 'One', url: 'u', headers: { Authorization: 'Bearer hunter2-super-secret' } }] })),
    mentions: ['/item/0/request/header/0/value', '{{variable}}'],
  },
  {
    name: 'a JWT as an environment value',
    text: json(
      base({
        environments: { dev: { session: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJodW50ZXIyLXN1cGVyLXNlY3JldCJ9.c2ln' } },
      }),
    ),
    mentions: ['/values/', 'JWT'],
  },
  {
    name: 'missing script file',
    text: json(base({ scripts: { test: ['scripts-src/nope.ts'] } })),
    mentions: ['/scripts/test/0', 'nope.ts'],
  },
  {
    name: 'TypeScript type error in a user script',
    text: json(base({ scripts: { test: 'scripts-src/typo.ts' } })),
    scripts: { 'scripts-src/typo.ts': '\nconst code: string = pm.response.code;\n' },
    mentions: [/typo\.ts:2/],
  },
  {
    name: 'top-level await in a user script',
    text: json(base({ scripts: { prerequest: 'scripts-src/wait.ts' } })),
    scripts: { 'scripts-src/wait.ts': 'const x = 1;\nawait new Promise((r) => setTimeout(r, 1));\n' },
    mentions: [/wait\.ts:2/],
  },
  {
    name: 'pm.require in a user script',
    text: json(base({ items: [{ name: 'One', url: 'u', scripts: { test: 'scripts-src/req.js' } }] })),
    scripts: { 'scripts-src/req.js': SCRIPT_OK + 'pm.require("@team/lib");\n' },
    mentions: [/req\.js:2/],
  },
  { name: 'invalid JSON', text: '{\n  "name": "x",\n  "items": [\n}\n', mentions: [/gen-collection\.config\.json:4/] },
  {
    name: 'invalid YAML',
    file: 'gen-collection.config.yaml',
    text: 'name: x\nitems:\n  - name: a\n   url: b\n',
    mentions: [/gen-collection\.config\.yaml:4/],
  },
  { name: 'empty file', text: '', mentions: ['gen-collection.config.json'] },
  { name: 'top level is an array', text: '[]', mentions: ['gen-collection.config.json'] },
];

describe('bad configs: exit 2, a message naming the file and the key or line, nothing written', () => {
  it.each(badConfigs)('$name', ({ file = 'gen-collection.config.json', text, scripts = {}, mentions }) => {
    const dir = workspace();
    writeFileSync(join(dir, file), text);
    for (const [path, code] of Object.entries(scripts)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), code);
    }
    const before = listFiles(dir);
    const r = runCli(['build', '-c', file], dir);
    expect(r.status, r.stderr).toBe(2);
    if (Object.keys(scripts).length === 0) expect(r.stderr).toContain(file);
    for (const m of mentions)
      expect(r.stderr).toMatch(typeof m === 'string' ? new RegExp(m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : m);
    expect(r.stderr).not.toContain('hunter2-super-secret');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).toBe('');
    expect(listFiles(dir)).toEqual(before);
  });
});

const FIXTURES = join(import.meta.dirname, '../fixtures/collections');

describe('inject and audit through the binary', () => {
  it('build outputs of the example are audit-clean (exit 0)', () => {
    const dir = workspace();
    cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('/postman') });
    expect(runCli(['build', '-o', 'out'], dir).status).toBe(0);
    const files = listFiles(join(dir, 'out')).map((f) => join('out', f));
    const r = runCli(['audit', ...files], dir);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toBe('');
  });

  it.each(readdirSync(join(import.meta.dirname, '../../examples')))(
    'example %s builds from the repository root and is audit-clean',
    (example) => {
      const dir = workspace();
      cpSync(join(EXAMPLE, '..', example), join(dir, 'examples', example), {
        recursive: true,
        filter: (src) => !src.includes('/postman'),
      });
      const config = listFiles(join(dir, 'examples', example)).find((f) => f.startsWith('gen-collection.config.'))!;
      const built = runCli(['build', '-c', join('examples', example, config)], dir);
      expect(built.status, built.stderr).toBe(0);
      const outputs = listFiles(join(dir, 'examples', example, 'postman')).map((f) =>
        join('examples', example, 'postman', f),
      );
      expect(outputs.length).toBeGreaterThanOrEqual(2);
      expect(runCli(['audit', ...outputs], dir).status).toBe(0);
    },
  );

  it('audit reports a planted secret masked, exit 1, and --json for machines', () => {
    const dir = workspace();
    const env = {
      name: 'leak',
      values: [{ key: 'client_secret', value: 'hunter2-super-secret', enabled: true }],
      _postman_variable_scope: 'environment',
    };
    writeFileSync(join(dir, 'leak.postman_environment.json'), JSON.stringify(env));
    const r = runCli(['audit', 'leak.postman_environment.json'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^leak\.postman_environment\.json: \/values\/0\/value: /);
    expect(r.stdout + r.stderr).not.toContain('hunter2-super-secret');
    const j = runCli(['audit', '--json', 'leak.postman_environment.json'], dir);
    expect(j.status).toBe(1);
    expect(JSON.parse(j.stdout)).toHaveLength(1);
    expect(runCli(['audit', 'missing.json'], dir).status).toBe(2);
  });

  it('inject: stdout by default, -o, --in-place and --env-dir, idempotent', () => {
    const dir = workspace();
    const fixture = listFiles(FIXTURES).find((f) => f.endsWith('.json'))!;
    copyFileSync(join(FIXTURES, fixture), join(dir, 'in.json'));
    const toStdout = runCli(['inject', 'in.json'], dir);
    expect(toStdout.status, toStdout.stderr).toBe(0);
    const injected = JSON.parse(toStdout.stdout);
    expect(injected.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    expect(injected.auth.type).toBe('bearer');

    expect(runCli(['inject', 'in.json', '-o', 'out.json', '--env-dir', 'env'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(toStdout.stdout);
    expect(listFiles(join(dir, 'env')).length).toBe(1);
    expect(runCli(['audit', 'out.json', ...listFiles(join(dir, 'env')).map((f) => join('env', f))], dir).status).toBe(
      0,
    );
    // the template holds every variable the collection uses outside scripts and does not define itself
    const template = JSON.parse(readFileSync(join(dir, 'env', listFiles(join(dir, 'env'))[0]!), 'utf8'));
    const defined = new Set((injected.variable ?? []).map((v: { key: string }) => v.key));
    const used = collectVariableNames(injected).filter((name) => !defined.has(name));
    expect(used).toContain('access_token');
    expect(used.length).toBeGreaterThan(1);
    expect(template.values.map((v: { key: string }) => v.key)).toEqual(expect.arrayContaining(used));

    expect(runCli(['inject', 'out.json', '--in-place'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(toStdout.stdout);
  });

  it('inject with a config that has auth profiles: the default profile only, with a warning', () => {
    const dir = workspace();
    const fixture = listFiles(FIXTURES).find((f) => f.endsWith('.json'))!;
    copyFileSync(join(FIXTURES, fixture), join(dir, 'in.json'));
    const config = {
      name: 'Orders',
      auth: { type: 'oauth2', tokenUrl: '{{token_url}}' },
      authProfiles: { admin: { type: 'oauth2', tokenUrl: '{{admin_token_url}}' } },
    };
    writeFileSync(join(dir, 'gen-collection.config.json'), JSON.stringify(config));
    const r = runCli(['inject', 'in.json', '-o', 'out.json'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /\/authProfiles: inject adds the default profile \(auth\) only; authProfiles \(admin\) are left out/,
    );
    const injected = readFileSync(join(dir, 'out.json'), 'utf8');
    expect(injected).not.toContain('access_token_admin');
    expect(injected).not.toContain('"profiles"');
  });

  it('inject with a DPoP config: exit 2 at /auth/dpop, nothing written', () => {
    const dir = workspace();
    const fixture = listFiles(FIXTURES).find((f) => f.endsWith('.json'))!;
    copyFileSync(join(FIXTURES, fixture), join(dir, 'in.json'));
    const config = { name: 'Orders', auth: { type: 'oauth2', tokenUrl: '{{token_url}}', dpop: {} } };
    writeFileSync(join(dir, 'gen-collection.config.json'), JSON.stringify(config));
    const r = runCli(['inject', 'in.json', '-o', 'out.json'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\/auth\/dpop: inject does not add DPoP \(auth.dpop\) to a collection yet/);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });

  it('inject refuses bad input with exit 2 and writes nothing', () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'env.json'),
      JSON.stringify({ name: 'e', values: [], _postman_variable_scope: 'environment' }),
    );
    const r = runCli(['inject', 'env.json', '-o', 'out.json'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('env.json');
    expect(listFiles(dir)).toEqual(['env.json']);
  });
});
