import { REPLAY_MARKER } from '../scripts/token-config.js';
import { VERSION } from '../version.js';
import { stableId } from './ids.js';

/** First line of every generated script that does not bring its own gen-collection header. */
export const SCRIPT_HEADER = `// gen-collection ${VERSION}: generated from the config and scripts-src/; edit those and rebuild.`;

/** A Postman v2.1 event (`prerequest` or `test` script). */
export interface PostmanEvent {
  listen: 'prerequest' | 'test';
  script: { id: string; type: 'text/javascript'; exec: string[] };
}

/** Joins script texts into one event, or undefined when there is nothing to run. */
export function scriptEvent(
  listen: PostmanEvent['listen'],
  idPath: string[],
  sources: string[],
): PostmanEvent | undefined {
  const code = sources.map((s) => s.replace(/\s+$/, '')).filter((s) => s !== '');
  if (code.length === 0) return undefined;
  if (!code[0]!.startsWith('// gen-collection ')) code.unshift(SCRIPT_HEADER);
  return {
    listen,
    script: { id: stableId(...idPath, listen), type: 'text/javascript', exec: code.join('\n\n').split('\n') },
  };
}

/** The events of an item, prerequest first, leaving out empty ones. */
export function events(idPath: string[], prerequest: string[], test: string[]): PostmanEvent[] {
  return [scriptEvent('prerequest', idPath, prerequest), scriptEvent('test', idPath, test)].filter(
    (e): e is PostmanEvent => e !== undefined,
  );
}

/**
 * Wraps test code so it does not run on an attempt that the collection-level test script is about to
 * replay after a 401: that attempt must fail no test. The collection-level test script runs first and
 * sets the marker for every response.
 */
export function skipOnReplay(code: string): string {
  const body = code.replace(/\s+$/, '').replace(/^(?=.)/gm, '  ');
  return `if (pm.variables.get(${JSON.stringify(REPLAY_MARKER)}) !== '1') {\n${body}\n}`;
}

/**
 * The generated test for `expect.status`. A request that got no response (refused, unknown host, timeout) has
 * no status: the test says so instead of chai's `expected PostmanResponse{…} to have property 'code'`.
 */
export function statusTest(statuses: number[]): string {
  const noResponse =
    "  if (!pm.response.code) pm.expect.fail('no response: the request itself failed (see its error in the run report)');\n";
  if (statuses.length === 1) {
    return `pm.test('status is ${statuses[0]}', function () {\n${noResponse}  pm.response.to.have.status(${statuses[0]});\n});`;
  }
  const list = statuses.join(', ');
  return `pm.test('status is one of ${list}', function () {\n${noResponse}  pm.expect(pm.response.code).to.be.oneOf([${list}]);\n});`;
}
