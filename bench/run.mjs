// `npm run bench`: gen-collection's speed, size and token-economy targets, measured side by side in one
// run and printed as ratios. Not a test: these machines are noisy, so nothing here fails the build.
// Needs `npm run build` (the `prepare` script does it on npm install).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}dist/src/cli.js`)) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

const only = process.argv.slice(2);
const suites = ['core', 'watch', 'package', 'token', 'profiles', 'jwt', 'inject', 'openapi'].filter(
  (s) => only.length === 0 || only.includes(s),
);
for (const suite of suites) {
  const file = `${root}bench/${suite}.mjs`;
  if (!existsSync(file)) continue;
  console.log(`\n== ${suite} ==`);
  const r = spawnSync(process.execPath, [file], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) console.log(`(${suite} bench exited ${r.status})`);
}
