// `npm run bench`: gen-collection's speed, size and token-economy targets, measured side by side in one
// run and printed as ratios. Not a test: these machines are noisy, so nothing here fails the build.
// Needs `npm run build` (the `prepare` script does it on npm install).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}dist/src/cli.cjs`)) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

const only = process.argv.slice(2);
const suites = ['core', 'watch', 'package', 'token', 'profiles', 'jwt', 'inject', 'openapi'].filter(
  (s) => only.length === 0 || only.includes(s),
);
// Each suite records its figures against their goals here (bench/measure.mjs `record`): one table at the end.
const dir = mkdtempSync(join(tmpdir(), 'gen-collection-bench-results-'));
const results = join(dir, 'results.jsonl');
try {
  for (const suite of suites) {
    const file = `${root}bench/${suite}.mjs`;
    if (!existsSync(file)) continue;
    console.log(`\n== ${suite} ==`);
    const r = spawnSync(process.execPath, [file], {
      stdio: 'inherit',
      cwd: root,
      env: { ...process.env, BENCH_RESULTS: results },
    });
    if (r.status !== 0) console.log(`(${suite} bench exited ${r.status})`);
  }
  if (existsSync(results)) {
    const rows = readFileSync(results, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    console.log('\n== figures against their goals ==\n');
    console.log('| figure | measured | goal | |\n|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.figure} | ${r.value} | ${r.goal} | ${r.verdict} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
