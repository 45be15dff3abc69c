#!/usr/bin/env node
// Installs the runners that the Postman CLI and Bruno suites drive, at the versions in test/runners.json (the ones
// ../shared/SANDBOX-FACTS.md measured), with npm into .cache/NAME/ (git-ignored). Not devDependencies: the Postman
// CLI's per-platform binary packages are not on every registry mirror, which would break `npm ci` for everyone, and
// the two weigh ~240 MB and ~275 MB (508 packages) that only their suites need.
//
// Once: a stamp written after a successful install names the version, so a run after an interrupted install, or
// after a version change in test/runners.json, installs again. `npm test` (scripts/test.mjs) runs this beside lint
// and tsc; each suite's global setup runs it too, which is then a no-op.
//
// Usage: node scripts/install-runners.mjs NAME...   (NAME: a key of test/runners.json). Exit code: npm's.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const runners = JSON.parse(readFileSync(join(root, 'test/runners.json'), 'utf8'));
const STAMP = '.installed';
/** The npm processes running, ended with this process when `npm test` stops early. */
const running = new Set();

/** The directory `name` is installed into. */
function runnerPrefix(name) {
  return join(root, '.cache', name);
}

/** Installs runner `name` unless its stamp names the wanted version. Resolves with npm's exit code (0 when done). */
function installRunner(name) {
  const spec = runners[name];
  if (spec === undefined) throw new Error(`install-runners: no runner "${name}" in test/runners.json`);
  const prefix = runnerPrefix(name);
  const stamp = join(prefix, STAMP);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === spec) return Promise.resolve(0);
  console.log(`installing ${spec} into .cache/${name} (once)…`);
  rmSync(stamp, { force: true });
  const args = ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, spec];
  return new Promise((resolve, reject) => {
    const npm = spawn('npm', args, { stdio: 'inherit', timeout: 600_000 });
    running.add(npm);
    npm.on('error', reject);
    npm.on('close', (code, signal) => {
      running.delete(npm);
      if (code === 0) writeFileSync(stamp, spec);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

if (process.argv[1] === import.meta.filename) {
  const names = process.argv.slice(2);
  if (names.length === 0 || names.some((name) => !(name in runners))) {
    console.error(`usage: node scripts/install-runners.mjs NAME... (${Object.keys(runners).join(', ')})`);
    process.exit(2);
  }
  process.on('SIGTERM', () => {
    for (const npm of running) npm.kill();
    process.exit(143);
  });
  const codes = await Promise.all(names.map(installRunner));
  process.exitCode = codes.find((code) => code !== 0) ?? 0;
}
