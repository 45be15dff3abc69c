// `inject` target: a generated 5,000-request export (nested folders, scripts, saved responses, folders
// with their own auth) injected in-process, goal ≤ 0.1 s (issue 24; wall and CPU time printed), as the CLI runs it
// twice: `inject -o FILE` (the collection alone), and with `--env-dir DIR`, where it also finds the variables the
// environment templates need (`templates`: two more walks). Also times `audit` of the result (every
// string through the secretlint recommended preset and gen-collection's own rules), goal ≤ 0.5 s, and
// `inject --extract-secrets` of the same export holding 5,000 literal secrets (goal ≤ 1 s).
// Beside them, interleaved, the floor under the `inject -o` figure: what any inject that reads and rewrites the
// whole text pays in V8 alone, `JSON.parse` of the export and `JSON.stringify` of the result with the export's
// indentation (gen-collection's own code runs between the two); and the floor any inject pays, one that splices
// its edits into the original text too: `JSON.parse` of the export and the secret audit it must run to refuse
// literal secrets.
// Uses the compiled library: run `npm run build` first. Not a test: nothing here fails the build.
import { existsSync } from 'node:fs';
import { record } from './measure.mjs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (path) => new URL(`dist/src/${path}`, `file://${root}`).href;
if (!existsSync(`${root}dist/src/inject/inject-collection.js`)) {
  console.error('bench: dist/src/inject is missing; run `npm run build` first');
  process.exit(2);
}
const { injectCollection } = await import(dist('inject/inject-collection.js'));
const { auditJson } = await import(dist('audit/scan-json.js'));
const { Warnings } = await import(dist('warnings.js'));
const { resolveConfig } = await import(dist('config/resolve.js'));

const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
// The auth as inject's CLI gets it: the config's oauth2 settings through the library's own resolver.
const auth = resolveConfig(
  {
    name: 'bench',
    auth: { type: 'oauth2', tokenUrl: '{{base_url}}/oauth/token', scope: 'read write', expiryBufferSeconds: 5 },
  },
  { baseDir: root },
).auth;

const testScript = (name) => ({
  listen: 'test',
  script: {
    exec: [`pm.test("${name} is 2xx", function () {`, '    pm.expect(pm.response.code).to.be.within(200, 299);', '});'],
    type: 'text/javascript',
    packages: {},
  },
});

/** An export shaped like the Postman app's: `folders` × `subfolders` × `perSubfolder` requests. */
function bigExport(folders, subfolders, perSubfolder) {
  let n = 0;
  const request = (f, s) => {
    n += 1;
    const post = n % 3 === 0;
    return {
      name: `Request ${n}`,
      event: [testScript(`Request ${n}`)],
      request: {
        method: post ? 'POST' : 'GET',
        header: [
          { key: 'Accept', value: 'application/json', type: 'text' },
          { key: 'X-Tenant', value: '{{tenant}}', type: 'text' },
        ],
        ...(post
          ? {
              body: {
                mode: 'raw',
                raw: `{\n    "name": "item ${n}",\n    "qty": {{qty}}\n}`,
                options: { raw: { language: 'json' } },
              },
            }
          : {}),
        url: {
          raw: `{{base_url}}/r${f}/s${s}/items/:id?page=1`,
          host: ['{{base_url}}'],
          path: [`r${f}`, `s${s}`, 'items', ':id'],
          query: [{ key: 'page', value: '1' }],
          variable: [{ key: 'id', value: String(n) }],
        },
        description: { content: `Request number ${n}.`, type: 'text/markdown' },
      },
      response:
        n % 10 === 0
          ? [
              {
                name: 'OK',
                originalRequest: { method: 'GET', header: [], url: { raw: `{{base_url}}/r${f}` } },
                status: 'OK',
                code: 200,
                _postman_previewlanguage: 'json',
                header: [{ key: 'Content-Type', value: 'application/json' }],
                cookie: [],
                body: '{\n    "id": "1"\n}',
              },
            ]
          : [],
    };
  };
  return {
    info: { _postman_id: '0b6c3e7a-1111-4222-8333-944455556666', name: 'Bench export', schema: V21, _exporter_id: '1' },
    item: Array.from({ length: folders }, (_, f) => ({
      name: `Folder ${f}`,
      item: Array.from({ length: subfolders }, (_, s) => ({
        name: `Subfolder ${f}.${s}`,
        item: Array.from({ length: perSubfolder }, () => request(f, s)),
        ...(s === 0 ? { auth: { type: 'noauth' } } : {}),
        event: [testScript(`Subfolder ${f}.${s}`)],
      })),
      description: `Folder ${f}`,
    })),
    event: [
      {
        listen: 'prerequest',
        script: {
          exec: ["pm.request.headers.upsert({ key: 'X-Trace-Id', value: pm.variables.replaceIn('{{$guid}}') });"],
          type: 'text/javascript',
          packages: {},
        },
      },
    ],
    variable: [{ key: 'base_url', value: 'https://api.example.com', type: 'string' }],
  };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const text = JSON.stringify(bigExport(50, 10, 10), null, '\t');
const time = async (fn) => {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (used.user + used.system) / 1000, value };
};
/** `inject` as the CLI runs it: with `--env-dir` (`templates`), or without. */
const injectAs = (templates) => () =>
  injectCollection(text, { file: 'bench.postman_collection.json', auth, warnings: new Warnings(), templates });
const inject = injectAs(false);
/** The floor: the parse of the export and the serialisation of what it parsed to, as inject does (tab indent). */
const floor = () => JSON.stringify(JSON.parse(text), null, '\t');
/**
 * The contract's floor: inject refuses a collection holding literal secrets, so any inject parses the export and
 * audits it, however it writes its output (a rewrite, or edits spliced into the original text).
 */
const parseAndAudit = () => auditJson('bench.postman_collection.json', JSON.parse(text));
const injectForTemplates = injectAs(true);

/** The same export with one literal secret in every request, four kinds in turn: header, query, basic auth, form body. */
function withSecrets(json) {
  let n = 0;
  const plant = (request) => {
    n += 1;
    const secret = `lit-${n.toString(36)}-${((n * 2654435761) % 2 ** 32).toString(16)}`;
    if (n % 4 === 0) request.header.push({ key: 'X-API-Key', value: secret, type: 'text' });
    else if (n % 4 === 1) {
      request.url.query.push({ key: 'api_key', value: secret });
      request.url.raw += `&api_key=${secret}`;
    } else if (n % 4 === 2)
      request.auth = {
        type: 'basic',
        basic: [
          { key: 'username', value: 'svc', type: 'string' },
          { key: 'password', value: secret, type: 'string' },
        ],
      };
    else
      request.body = {
        mode: 'urlencoded',
        urlencoded: [
          { key: 'client_id', value: 'app', type: 'text' },
          { key: 'client_secret', value: secret, type: 'text' },
        ],
      };
  };
  const walk = (items) => items.forEach((item) => (item.item ? walk(item.item) : plant(item.request)));
  walk(json.item);
  return { json, planted: n };
}
const secretExport = withSecrets(JSON.parse(text));
const secretText = JSON.stringify(secretExport.json, null, '\t');
const extract = () =>
  injectCollection(secretText, {
    file: 'bench.postman_collection.json',
    auth,
    warnings: new Warnings(),
    extractSecrets: true,
    // as `inject --extract-secrets FILE --env-dir DIR` runs it
    templates: true,
  });

const cold = await time(inject);
await injectForTemplates();
const warm = [];
const warmCpu = [];
const withTemplates = [];
const withTemplatesCpu = [];
const floors = [];
const audited = [];
// interleaved: the figures are compared side by side
for (let i = 0; i < 5; i++) {
  const t = await time(inject);
  warm.push(t.ms);
  warmCpu.push(t.cpuMs);
  floors.push((await time(floor)).ms);
  audited.push((await time(parseAndAudit)).ms);
  const e = await time(injectForTemplates);
  withTemplates.push(e.ms);
  withTemplatesCpu.push(e.cpuMs);
}
const out = cold.value;
const injected = JSON.parse(out.text);
const audits = [];
for (let i = 0; i < 5; i++) audits.push(await time(() => auditJson('out.json', injected)));
const audit = { ms: median(audits.map((a) => a.ms)), value: audits[0].value };
const count = JSON.parse(text).item.reduce((n, f) => n + f.item.reduce((m, s) => m + s.item.length, 0), 0);
const warmMs = median(warm);
const warmCpuMs = median(warmCpu);
const templatesMs = median(withTemplates);
const templatesCpuMs = median(withTemplatesCpu);
const extracted = (await time(extract)).value;
const extractRuns = [];
for (let i = 0; i < 5; i++) extractRuns.push((await time(extract)).ms);
const extractMs = median(extractRuns);

console.log(
  `inject -o, ${count} requests, ${(text.length / 1e6).toFixed(1)} MB (in-process, median of 5): ${warmMs.toFixed(0)} ms wall, ${warmCpuMs.toFixed(0)} ms CPU   goal ≤ 100 ms  ${record('`inject -o`, 5,000 requests (in-process)', `${(warmMs / 1000).toFixed(2)} s wall, ${(warmCpuMs / 1000).toFixed(2)} s CPU`, '≤ 0.1 s', warmMs <= 100)}`,
);
console.log(
  `  floor: JSON.parse of the export + JSON.stringify of the result (median of 5, interleaved): ${median(floors).toFixed(0)} ms, so ${(warmMs - median(floors)).toFixed(0)} ms are gen-collection's own (reading the export, the secret audit, the token scripts, the edits)`,
);
console.log(
  `  the contract's floor: JSON.parse of the export + the secret audit every inject runs (median of 5, interleaved): ${median(audited).toFixed(0)} ms, ${median(audited) < 100 ? `which leaves ${(100 - median(audited)).toFixed(0)} ms of the 100 ms goal for the edits and the output` : `over the 100 ms goal before any edit or output`}`,
);
console.log(
  `inject -o --env-dir, the same (median of 5, interleaved): ${templatesMs.toFixed(0)} ms wall, ${templatesCpuMs.toFixed(0)} ms CPU   goal ≤ 100 ms  ${record('`inject -o --env-dir`, 5,000 requests (in-process)', `${(templatesMs / 1000).toFixed(2)} s wall, ${(templatesCpuMs / 1000).toFixed(2)} s CPU`, '≤ 0.1 s', templatesMs <= 100)}`,
);
console.log(`inject, first call (includes bundling the token scripts once per process): ${cold.ms.toFixed(0)} ms`);
console.log(
  `inject --extract-secrets, ${count} requests holding ${secretExport.planted} literal secrets (median of 5): ${extractMs.toFixed(0)} ms, ${extracted.secretValues.length} variables   goal ≤ 1000 ms  ${extractMs <= 1000 ? 'OK' : 'MISSED'}   (inject -o --env-dir: ${templatesMs.toFixed(0)} ms)`,
);
console.log(
  `audit of the injected collection (median of 5): ${audit.ms.toFixed(0)} ms, ${audit.value.length} findings   goal ≤ 500 ms  ${audit.ms <= 500 ? 'OK' : 'MISSED'}`,
);
console.log(`audit, first call (includes creating the secretlint rules): ${audits[0].ms.toFixed(0)} ms`);
