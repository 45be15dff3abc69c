#!/usr/bin/env node
// `npm test`: eslint, prettier --check, tsc, then the three vitest suites (main, Postman CLI, Bruno), each through
// scripts/vitest-run.mjs; it stops at the first step that fails, with that step's exit code, as `a && b && …`
// would. Meanwhile the two runners the last suites drive are installed into .cache/ (scripts/install-runners.mjs,
// first run only): npm spends that half-minute mostly waiting on the registry, so it goes beside the checks, and
// its output is printed once it is done.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const node = process.execPath;
const npmRun = (script) => ['npm', ['run', script]];
const steps = [
  npmRun('lint'),
  npmRun('format:check'),
  npmRun('typecheck'),
  [node, [join(root, 'scripts/vitest-run.mjs')]],
  npmRun('test:postman-cli'),
  npmRun('test:bruno'),
];
// the suites that need the runners start from here on
const firstRunnerStep = 4;

/** Runs one step with the terminal; resolves with its exit code. */
function run([command, args]) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const installer = spawn(node, [join(root, 'scripts/install-runners.mjs'), 'postman-cli', 'bruno-cli'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let installOutput = '';
installer.stdout.on('data', (chunk) => (installOutput += chunk));
installer.stderr.on('data', (chunk) => (installOutput += chunk));
const installed = new Promise((resolve, reject) => {
  installer.on('error', reject);
  installer.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});

for (const [index, step] of steps.entries()) {
  if (index === firstRunnerStep) {
    const code = await installed;
    process.stdout.write(installOutput);
    if (code !== 0) {
      console.error(`npm test: installing the runners into .cache/ failed (exit ${code}): see npm's output above`);
      process.exit(code);
    }
  }
  const code = await run(step);
  if (code !== 0) {
    installer.kill();
    process.exit(code);
  }
}
