// `gen-collection build --watch`, run as the real binary on a copy of examples/orders-api: rebuilds on a
// change of a script, a module it imports and the config; reports a type error with file:line and keeps
// the last good outputs; exits 0 on Ctrl-C (SIGINT). Every wait is bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { CLI } from './run-cli.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/orders-api');
const WAIT_MS = 30_000;
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A `build --watch` child whose stderr is read line by line. */
function startWatch(cwd: string): {
  child: ChildProcess;
  nextLine: (pattern: RegExp) => Promise<string>;
  seen: string[];
} {
  const child = spawn(process.execPath, [CLI, 'build', '--watch'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  cleanups.push(() => child.exitCode === null && child.kill('SIGKILL'));
  const seen: string[] = [];
  const queue: string[] = [];
  let wake = (): void => {};
  let partial = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    seen.push(...parts);
    queue.push(...parts);
    wake();
  });
  const nextLine = async (pattern: RegExp): Promise<string> => {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      for (let line = queue.shift(); line !== undefined; line = queue.shift()) if (pattern.test(line)) return line;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no stderr line matching ${pattern} within ${WAIT_MS} ms; stderr so far:\n${seen.join('\n')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  };
  return { child, nextLine, seen };
}

function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('build --watch did not exit within 10 s of SIGINT')), 10_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('gen-collection build --watch', () => {
  it('rebuilds on changes of a script, an imported module and the config; a type error keeps the last outputs; Ctrl-C exits 0', async () => {
    const { dir } = tempDir();
    cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('/postman') });
    const collectionFile = join(dir, 'postman/orders-api.postman_collection.json');
    const script = join(dir, 'scripts-src/common-tests.ts');
    const built =
      /^built in (\d+) ms: postman\/orders-api\.postman_collection\.json \(4 requests\) and 2 environments$/;

    const watch = startWatch(dir);
    await watch.nextLine(built);
    await watch.nextLine(/^watching \d+ files for changes \(Ctrl-C to stop\)$/);

    appendFileSync(script, "pm.test('added while watching', () => {});\n");
    await watch.nextLine(built);
    expect(readFileSync(collectionFile, 'utf8')).toContain('added while watching');

    appendFileSync(
      join(dir, 'scripts-src/lib/response.ts'),
      "export const fromTheImport = 'imported module edited';\n",
    );
    await watch.nextLine(built);

    const good = readFileSync(collectionFile, 'utf8');
    const lineOfError = readFileSync(script, 'utf8').split('\n').length;
    appendFileSync(script, 'const limit: number = "10";\n');
    const error = await watch.nextLine(/error:/);
    expect(error).toContain(`scripts-src/common-tests.ts:${lineOfError}:`);
    expect(error).toContain('TS2322');
    await watch.nextLine(/^build failed in \d+ ms; the outputs are unchanged; watching for changes$/);
    expect(readFileSync(collectionFile, 'utf8')).toBe(good);

    writeFileSync(script, readFileSync(script, 'utf8').replace('const limit: number = "10";\n', ''));
    await watch.nextLine(built);

    const configFile = join(dir, 'gen-collection.config.json');
    writeFileSync(configFile, readFileSync(configFile, 'utf8').replace('"List orders"', '"List all orders"'));
    await watch.nextLine(built);
    expect(readFileSync(collectionFile, 'utf8')).toContain('List all orders');

    watch.child.kill('SIGINT');
    expect(await exitCode(watch.child)).toBe(0);
    expect(watch.seen).toContain('stopped watching');
  });

  // issue 23: several broken files, of both events, are all printed, and all watched
  it('prints every broken file of a failed build, pre-request and test scripts alike, and rebuilds once all are fixed', async () => {
    const { dir } = tempDir();
    cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('/postman') });
    const broken = [
      'scripts-src/prerequest/trace-id.ts',
      'scripts-src/common-tests.ts',
      'scripts-src/orders/list.test.ts',
    ];
    const originals = broken.map((file) => readFileSync(join(dir, file), 'utf8'));
    for (const file of broken) appendFileSync(join(dir, file), 'const broken: number = "x";\n');

    const watch = startWatch(dir);
    await watch.nextLine(/^build failed in \d+ ms; the outputs are unchanged; watching for changes$/);
    await watch.nextLine(/^watching \d+ files for changes \(Ctrl-C to stop\)$/);
    const report = watch.seen.join('\n');
    for (const file of broken) expect(report).toContain(`${file}:`);

    broken.forEach((file, i) => writeFileSync(join(dir, file), originals[i]!));
    await watch.nextLine(/^built in \d+ ms: /);
    watch.child.kill('SIGINT');
    expect(await exitCode(watch.child)).toBe(0);
  });
});
