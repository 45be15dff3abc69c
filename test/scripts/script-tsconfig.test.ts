// The editor / `tsc -p` and `build` check a user script alike: same options, same sandbox types, same
// file:line for a type error, and build refuses a script its tsconfig checks with the other event's API.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptTsconfigFiles, tsconfigEvent } from '../../src/scripts/script-tsconfig.js';
import { runCli } from '../cli/run-cli.js';

const root = join(import.meta.dirname, '../..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/**
 * A project made by `gen-collection init`, inside the repository's .tmp/ so that `gen-collection/sandbox/…`
 * resolves as in a user's project (the repository links itself as node_modules/gen-collection).
 */
function initProject(): string {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, '.tmp', 'script-tsconfig-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const init = runCli(['init'], dir);
  expect(init.status, init.stderr).toBe(0);
  return dir;
}

/** `file:line` of each error `tsc -p <project>` reports, relative to `dir`. */
function tscErrors(dir: string, project: string): string[] {
  const r = spawnSync(process.execPath, [tsc, '-p', project, '--pretty', 'false'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return [...r.stdout.matchAll(/^(\S+?)\((\d+),\d+\): error TS\d+/gm)].map((m) => `${m[1]}:${m[2]}`);
}

describe('scripts-src/tsconfig.json written by init', () => {
  it.each(scriptTsconfigFiles())(
    'templates/init/scripts-src/$path is what scriptTsconfigFiles() gives',
    ({ path, content }) => {
      expect(readFileSync(join(root, 'templates/init/scripts-src', path), 'utf8')).toBe(content);
    },
  );

  it.each([
    'examples/orders-api/scripts-src/tsconfig.json',
    'examples/orders-api/scripts-src/prerequest/tsconfig.json',
    'examples/inventory-yaml/scripts-src/tsconfig.json',
  ])('%s is the one init writes (npm run typecheck checks the examples with them)', (file) => {
    const template = file.replace(/^examples\/[^/]+\/scripts-src\//, '');
    expect(readFileSync(join(root, file), 'utf8')).toBe(
      scriptTsconfigFiles().find((f) => f.path.split(/[\\/]/).join('/') === template)!.content,
    );
  });

  it('the starter scripts pass tsc -p for both events, and tsconfigEvent tells each folder’s event', () => {
    const dir = initProject();
    expect(tscErrors(dir, 'scripts-src')).toEqual([]);
    expect(tscErrors(dir, 'scripts-src/prerequest')).toEqual([]);
    expect(tsconfigEvent(join(dir, 'scripts-src/common-tests.ts'))?.event).toBe('test');
    expect(tsconfigEvent(join(dir, 'scripts-src/prerequest/request-id.ts'))?.event).toBe('prerequest');
  });

  it.each([
    {
      name: 'a type error in a test script',
      file: 'scripts-src/common-tests.ts',
      project: 'scripts-src',
      code: 'const limit: number = "10";',
    },
    {
      name: 'pm.response in a pre-request script',
      file: 'scripts-src/prerequest/request-id.ts',
      project: 'scripts-src/prerequest',
      code: 'const late = pm.response.code;',
    },
  ])('$name: reported at the same file:line by tsc and by build', ({ file, project, code }) => {
    const dir = initProject();
    const path = join(dir, file);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines.splice(3, 0, code);
    writeFileSync(path, lines.join('\n'));
    const expected = `${file}:4`;
    expect(tscErrors(dir, project)).toEqual([expected]);
    const build = runCli(['build'], dir);
    expect(build.status).toBe(2);
    expect(build.stderr).toContain(`${file}:4:`);
  });

  it.each([
    {
      name: 'a pre-request script outside prerequest/',
      event: 'prerequest',
      file: 'scripts-src/late.ts',
      fix: 'move it into a prerequest/ folder',
    },
    {
      name: 'a test script inside prerequest/',
      event: 'test',
      file: 'scripts-src/prerequest/check.ts',
      fix: 'move it out of prerequest/',
    },
  ])('build refuses $name (tsc would check it with the other API)', ({ event, file, fix }) => {
    const dir = initProject();
    writeFileSync(join(dir, file), 'console.log(1);\n');
    const configFile = join(dir, 'gen-collection.config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8'));
    config.scripts[event].push(file);
    writeFileSync(configFile, JSON.stringify(config));
    const build = runCli(['build'], dir);
    expect(build.status).toBe(2);
    expect(build.stderr).toContain(`/scripts/${event}/1`);
    expect(build.stderr).toContain(fix);
  });
});
