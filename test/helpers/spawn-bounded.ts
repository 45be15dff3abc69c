// Runs an external runner (the Postman CLI, the Bruno CLI) bounded in time: every test run stops by itself.
import { spawn } from 'node:child_process';
import { basename } from 'node:path';

/** What a bounded process left: exit code (-1 when killed) and its output, ANSI colours stripped. */
export interface SpawnResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Spawns `bin` in its own process group and kills the group when it outlives `killAfterMs`. */
export function spawnBounded(
  bin: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; killAfterMs: number },
): Promise<SpawnResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const guard = setTimeout(() => {
      stderr += `\n[test harness] ${basename(bin)} did not finish within ${opts.killAfterMs} ms: killed\n`;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, opts.killAfterMs);
    child.once('error', (error) => {
      clearTimeout(guard);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(guard);
      resolve({ exitCode: code ?? -1, stdout: stripAnsi(stdout), stderr: stripAnsi(stderr) });
    });
  });
}

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
