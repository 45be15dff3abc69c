import { REPLAY_MARKER } from '../scripts/token-config.js';
import { VERSION } from '../version.js';

/** First line of every generated script that does not bring its own gen-collection header. */
export const SCRIPT_HEADER = `// gen-collection ${VERSION}: generated from the config and scripts-src/; edit those and rebuild.`;

/**
 * The script of one event: its pieces joined by a blank line, trailing blanks trimmed, the gen-collection header
 * first unless the first piece brings its own; undefined when there is nothing to run.
 */
export function joinScript(sources: readonly string[]): string | undefined {
  // most items carry one piece that many share (their status test): joined once, then the same string each time
  const single = sources.length === 1 ? sources[0]! : undefined;
  if (single !== undefined && joinedOfOne.has(single)) return joinedOfOne.get(single);
  // trimEnd: the same characters as /\s+$/, without a regex trying every inner run of blanks of a long script
  const code = sources.map((s) => s.trimEnd()).filter((s) => s !== '');
  if (code.length !== 0 && !code[0]!.startsWith('// gen-collection ')) code.unshift(SCRIPT_HEADER);
  const script = code.length === 0 ? undefined : code.join('\n\n');
  if (single !== undefined && single.length < 2000 && joinedOfOne.size < 1000) joinedOfOne.set(single, script);
  return script;
}

/** The scripts of one piece joined so far, by piece (a bounded cache, per process). */
const joinedOfOne = new Map<string, string | undefined>();

/**
 * Wraps test code so it does not run on an attempt that the collection-level test script is about to
 * replay after a 401: that attempt must fail no test. The collection-level test script runs first and
 * sets the marker for every response.
 */
export function skipOnReplay(code: string): string {
  let wrapped = wrappedCodes.get(code);
  if (wrapped === undefined) {
    const body = code.trimEnd().replace(/^(?=.)/gm, '  ');
    wrapped = `if (pm.variables.get(${JSON.stringify(REPLAY_MARKER)}) !== '1') {\n${body}\n}`;
    if (code.length < 2000 && wrappedCodes.size < 1000) wrappedCodes.set(code, wrapped);
  }
  return wrapped;
}

/** Every request's status test is one of a few short texts: each is wrapped once (a bounded cache, per process). */
const wrappedCodes = new Map<string, string>();

/**
 * The generated test for `expect.status`. A request that got no response (refused, unknown host, timeout) has
 * no status: the test says so instead of chai's `expected PostmanResponse{…} to have property 'code'`.
 */
export function statusTest(statuses: number[]): string {
  const key = statuses.join(',');
  let test = statusTests.get(key);
  if (test === undefined) {
    test = statusTestText(statuses);
    if (statusTests.size < 1000) statusTests.set(key, test);
  }
  return test;
}

/**
 * The status tests made so far, by status list (a bounded cache, per process): one string for every request that
 * expects the same statuses, so that `skipOnReplay`'s cache, the events' lines and the audit's set of strings find
 * it by a hash it already has (a 2,000-request build: one text made and hashed, not 2,000).
 */
const statusTests = new Map<string, string>();

function statusTestText(statuses: number[]): string {
  const noResponse =
    "  if (!pm.response.code) pm.expect.fail('no response: the request itself failed (see its error in the run report)');\n";
  if (statuses.length === 1) {
    return `pm.test('status is ${statuses[0]}', function () {\n${noResponse}  pm.response.to.have.status(${statuses[0]});\n});`;
  }
  const list = statuses.join(', ');
  return `pm.test('status is one of ${list}', function () {\n${noResponse}  pm.expect(pm.response.code).to.be.oneOf([${list}]);\n});`;
}
