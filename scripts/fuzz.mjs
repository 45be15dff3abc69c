#!/usr/bin/env node
// `npm run fuzz`: the property tests of test/fuzz/ with random seeds and many more runs, round after round,
// for FUZZ_MINUTES (default 10). Prints each failure's seed and fast-check path, with the command that replays
// it, and keeps the full output in .cache/fuzz/. FUZZ_SCALE (default 10) multiplies each property's CI runs.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const minutes = Number(process.env.FUZZ_MINUTES ?? 10);
const scale = Number(process.env.FUZZ_SCALE ?? 10);
const logDir = join(root, '.cache', 'fuzz');
mkdirSync(logDir, { recursive: true });
const countFile = join(logDir, 'cases.txt');

const deadline = Date.now() + minutes * 60_000;
let rounds = 0;
let cases = 0;
const failures = [];
do {
  const seed = randomInt(2 ** 31);
  rmSync(countFile, { force: true });
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/fuzz', '--reporter=dot'],
    {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        FUZZ_SEED: String(seed),
        FUZZ_SCALE: String(scale),
        FUZZ_COUNT_FILE: countFile,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
      maxBuffer: 512 * 1024 * 1024,
    },
  );
  rounds++;
  let counted = 0;
  try {
    counted = readFileSync(countFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .reduce((n, l) => n + Number(l), 0);
  } catch {
    // no test file finished
  }
  cases += counted;
  // eslint-disable-next-line no-control-regex
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
  const seconds = Math.round((Date.now() - started) / 1000);
  if (r.status === 0) {
    console.log(`round ${rounds}: seed ${seed}: ${counted} cases, no failure (${seconds} s)`);
    continue;
  }
  const log = join(logDir, `failure-${seed}.log`);
  writeFileSync(log, output);
  const found = [
    ...output.matchAll(/FAIL\s+(test\/fuzz\/\S+)[^\n]*\n(?:[^\n]*\n){0,3}?[^\n]*\{ seed: (-?\d+), path: "([^"]*)"/g),
  ];
  console.log(
    `round ${rounds}: seed ${seed}: FAILED (exit ${r.status}, ${counted} cases, ${seconds} s); full output: ${log}`,
  );
  for (const [, file, s, path] of found) {
    console.log(
      `  ${file}: seed ${s}, path "${path}"\n    replay: FUZZ_SEED=${s} FUZZ_SCALE=${scale} FUZZ_PATH=${path} npx vitest run ${file}`,
    );
  }
  if (found.length === 0) {
    // no property failed: a worker died (a process abort cannot be caught); the input it was on is the last
    // file the test wrote in its temporary folder (gen-collection-fuzz-* in the OS temp directory)
    console.log(
      output
        .split('\n')
        .filter((l) => /FAIL|Error|FATAL/.test(l))
        .slice(0, 10)
        .join('\n'),
    );
    console.log(`    replay: FUZZ_SEED=${seed} FUZZ_SCALE=${scale} npx vitest run test/fuzz`);
  }
  failures.push({ seed, log });
} while (Date.now() < deadline);

console.log(`fuzz: ${rounds} round(s), ${cases} cases in ${minutes} min, ${failures.length} failing round(s)`);
process.exitCode = failures.length ? 1 : 0;
