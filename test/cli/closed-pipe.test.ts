// A reader that stops early closes the pipe it reads (`gen-collection --help | head`): the command must stop
// quietly, not crash on EPIPE with a stack. A closed stderr only loses the messages: the work is still done.
import { spawn } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { CLI } from './run-cli.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/orders-api');

/**
 * Runs the CLI with the read end of one of its pipes closed before it starts (stdout or stderr), bounded to
 * 60 s; gives its exit code and what it wrote on the other pipe.
 */
function runWithClosed(closed: 'stdout' | 'stderr', args: string[], cwd: string) {
  return new Promise<{ status: number | null; other: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    child[closed].destroy();
    let other = '';
    child[closed === 'stdout' ? 'stderr' : 'stdout'].on('data', (chunk: Buffer) => (other += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, other });
    });
  });
}

describe('a closed pipe', () => {
  const { dir } = tempDir('gen-collection-closed-pipe-');
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('/postman') });

  it.each([
    ['--help', ['--help']],
    ['a command’s help', ['openapi', '--help']],
    ['keygen’s public JWK', ['keygen', '--alg', 'ES256', '-o', 'key.pem']],
  ])('stdout closed by its reader (%s): exit 0, no error, no stack', async (_, args) => {
    const { status, other } = await runWithClosed('stdout', args, dir);
    expect(other).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(status).toBe(0);
  });

  it('stderr closed: build still writes its outputs and exits 0', async () => {
    const { status, other } = await runWithClosed('stderr', ['build'], dir);
    expect(other).toBe('');
    expect(status).toBe(0);
    expect(existsSync(join(dir, 'postman/orders-api.postman_collection.json'))).toBe(true);
  });
});
