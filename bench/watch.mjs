// `build --watch` (goal: a rebuild after editing one script of the example ≤ 200 ms): a cold `build` of
// examples/orders-api (a fresh process, CLI end to end) against warm rebuilds in one `build --watch`
// process after editing scripts-src/common-tests.ts. Printed: the durations the watcher reports, and the
// wall time from the edit to the status line (which adds the 30 ms settle delay and the file event).
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/src/cli.cjs');
const work = mkdtempSync(join(tmpdir(), 'gen-collection-bench-watch-'));
cpSync(join(root, 'examples/orders-api'), work, { recursive: true, filter: (src) => !src.includes('/postman') });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const cold = [];
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  const r = spawnSync(process.execPath, [cli, 'build'], { cwd: work, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build exited ${r.status}: ${r.stderr}`);
  cold.push(performance.now() - start);
}

const child = spawn(process.execPath, [cli, 'build', '--watch'], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
let buffered = '';
const lines = [];
let wake = () => {};
child.stderr.setEncoding('utf8');
child.stderr.on('data', (chunk) => {
  buffered += chunk;
  for (let i = buffered.indexOf('\n'); i >= 0; i = buffered.indexOf('\n')) {
    const line = buffered.slice(0, i);
    buffered = buffered.slice(i + 1);
    lines.push(line);
    wake();
  }
});
/** The next stderr line matching `pattern`, within 30 s. */
async function nextLine(pattern) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    while (lines.length > 0) {
      const line = lines.shift();
      if (pattern.test(line)) return line;
    }
    if (Date.now() > deadline) throw new Error(`no line matching ${pattern} within 30 s`);
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()) + 1);
      wake = () => (clearTimeout(timer), resolve());
    });
  }
}

const reported = [];
const wall = [];
try {
  await nextLine(/^watching /);
  for (let i = 0; i < 9; i++) {
    const start = performance.now();
    appendFileSync(join(work, 'scripts-src/common-tests.ts'), `// edit ${i}\n`);
    const line = await nextLine(/^(built|build failed) in /);
    wall.push(performance.now() - start);
    if (!line.startsWith('built')) throw new Error(line);
    reported.push(Number(/in (\d+) ms/.exec(line)[1]));
  }
} finally {
  child.kill('SIGINT');
}
rmSync(work, { recursive: true, force: true });

console.log('| what | measured | goal |');
console.log('|---|---|---|');
console.log(
  `| cold \`build\` of examples/orders-api, CLI end to end (median of 3) | ${Math.round(median(cold))} ms | |`,
);
console.log(
  `| warm rebuild in \`build --watch\` after editing one script (median of 9, as reported) | ${median(reported)} ms (max ${Math.max(...reported)}) | ≤ 200 ms |`,
);
console.log(`| same, edit to status line (adds the 30 ms settle delay) | ${Math.round(median(wall))} ms | |`);
