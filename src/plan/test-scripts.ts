import { REPLAY_MARKER } from '../scripts/token-config.js';
import { VERSION } from '../version.js';
import { BoundedCache } from '../bounded-cache.js';

/** First line of every generated script that does not bring its own gen-collection header. */
export const SCRIPT_HEADER = `// gen-collection ${VERSION}: generated from the config and scripts-src/; edit those and rebuild.`;

/**
 * The script of one event: its pieces joined by a blank line, trailing blanks trimmed, the gen-collection header
 * first unless the first piece brings its own; undefined when there is nothing to run.
 */
export function joinScript(sources: readonly string[]): string | undefined {
  // most items carry one piece that many share (their status test): joined once, then the same string each time
  if (sources.length !== 1) return joinPieces(sources);
  const piece = sources[0]!;
  const known = joinedOfOne.get(piece);
  if (known !== undefined) return known;
  const joined = joinPieces(sources);
  return joined === undefined ? undefined : joinedOfOne.keep(piece, joined);
}

function joinPieces(sources: readonly string[]): string | undefined {
  // trimEnd: the same characters as /\s+$/, without a regex trying every inner run of blanks of a long script
  const code = sources.map((s) => s.trimEnd()).filter((s) => s !== '');
  if (code.length === 0) return undefined;
  if (!code[0]!.startsWith('// gen-collection ')) code.unshift(SCRIPT_HEADER);
  return code.join('\n\n');
}

/** The scripts of one piece joined so far, by piece. */
const joinedOfOne = new BoundedCache<string>(2000);

/**
 * Wraps test code so it does not run on an attempt that the collection-level test script is about to
 * replay after a 401: that attempt must fail no test. The collection-level test script runs first and
 * sets the marker for every response.
 */
export function skipOnReplay(code: string): string {
  const known = wrappedCodes.get(code);
  if (known !== undefined) return known;
  const body = code.trimEnd().replace(/^(?=.)/gm, '  ');
  return wrappedCodes.keep(code, `if (pm.variables.get(${JSON.stringify(REPLAY_MARKER)}) !== '1') {\n${body}\n}`);
}

/** Every request's status test is one of a few short texts: each is wrapped once. */
const wrappedCodes = new BoundedCache<string>(2000);

/**
 * The generated test for `expect.status`. A request that got no response (refused, unknown host, timeout) has
 * no status: the test says so instead of chai's `expected PostmanResponse{…} to have property 'code'`.
 */
export function statusTest(statuses: number[]): string {
  const key = statuses.join(',');
  return statusTests.get(key) ?? statusTests.keep(key, statusTestText(statuses));
}

/**
 * The status tests made so far, by status list: one string for every request that expects the same statuses, so
 * that `skipOnReplay`'s cache, the events' lines and the audit's set of strings find it by a hash it already has (a
 * 2,000-request build: one text made and hashed, not 2,000).
 */
const statusTests = new BoundedCache<string>(2000);

function statusTestText(statuses: number[]): string {
  const noResponse =
    "  if (!pm.response.code) pm.expect.fail('no response: the request itself failed (see its error in the run report)');\n";
  if (statuses.length === 1) {
    return `pm.test('status is ${statuses[0]}', function () {\n${noResponse}  pm.response.to.have.status(${statuses[0]});\n});`;
  }
  const list = statuses.join(', ');
  return `pm.test('status is one of ${list}', function () {\n${noResponse}  pm.expect(pm.response.code).to.be.oneOf([${list}]);\n});`;
}
