// The binary's entry is CommonJS (scripts/bundle-cli.mjs): `--help` and `--version` start without Node's ES-module
// loader (5–8 ms of a 60–90 ms start); each command is an ES chunk the entry imports when it runs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { CLI } from './run-cli.js';

const root = join(import.meta.dirname, '../..');

/** The ES module jobs Node ran for `args` (none when no ES module was loaded), and the exit status. */
function esModuleJobs(args: string[], cwd: string): { status: number | null; jobs: boolean } {
  const { dir } = tempDir('gen-collection-entry-');
  const preload = join(dir, 'module-list.cjs');
  const report = join(dir, 'modules.txt');
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, process.moduleLoadList.join('\\n')));\n`,
  );
  const r = spawnSync(process.execPath, ['--require', preload, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const loaded = readFileSync(report, 'utf8').split('\n');
  return { status: r.status, jobs: loaded.includes('NativeModule internal/modules/esm/module_job') };
}

describe('the binary’s entry', () => {
  it('bin/gen-collection.cjs runs dist/src/cli.cjs, CommonJS with no static import', () => {
    const bin = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin['gen-collection'];
    expect(bin).toBe('bin/gen-collection.cjs');
    expect(readFileSync(join(root, bin), 'utf8')).toContain("require('../dist/src/cli.cjs')");
    expect(readFileSync(CLI, 'utf8')).not.toMatch(/^\s*import\s/m);
  });

  it('every command chunk the entry imports is there', () => {
    const chunks = [...readFileSync(CLI, 'utf8').matchAll(/import\("(\.\/cli-chunks\/[\w-]+\.js)"\)/g)].map(
      (m) => m[1]!,
    );
    expect(chunks.length).toBeGreaterThanOrEqual(8);
    for (const chunk of chunks) expect(existsSync(join(root, 'dist/src', chunk)), chunk).toBe(true);
  });

  it('--help and --version run no ES module; a command does (the check can tell)', () => {
    const { dir } = tempDir('gen-collection-entry-cwd-');
    expect(esModuleJobs(['--help'], dir)).toEqual({ status: 0, jobs: false });
    expect(esModuleJobs(['--version'], dir)).toEqual({ status: 0, jobs: false });
    expect(esModuleJobs(['init', '--dir', 'starter'], dir)).toEqual({ status: 0, jobs: true });
  });
});
