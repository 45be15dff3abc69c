import type { PlanScripts } from '../plan/plan.js';
import { stableId } from '../plan/ids.js';
import { joinScript } from '../plan/test-scripts.js';

/** A Postman v2.1 event (`prerequest` or `test` script). */
export interface PostmanEvent {
  listen: 'prerequest' | 'test';
  script: { id: string; type: 'text/javascript'; exec: string[] };
}

/** One event of joined script texts, or undefined when there is nothing to run. */
export function scriptEvent(
  listen: PostmanEvent['listen'],
  idPath: string[],
  sources: string[],
): PostmanEvent | undefined {
  const lines = scriptLines(sources);
  if (lines === undefined) return undefined;
  return { listen, script: { id: stableId(...idPath, listen), type: 'text/javascript', exec: lines } };
}

/**
 * The lines of joined script texts (undefined when there is nothing to run), a new list on each call: most items
 * carry one text that many share (their status test), whose lines are split once (a bounded cache, per process).
 */
function scriptLines(sources: readonly string[]): string[] | undefined {
  const single = sources.length === 1 ? sources[0] : undefined;
  const known = single === undefined ? undefined : linesOfOne.get(single);
  if (known) return known.slice();
  const code = joinScript(sources);
  if (code === undefined) return undefined;
  const lines = code.split('\n');
  if (single !== undefined && single.length < 2000 && linesOfOne.size < 1000) linesOfOne.set(single, lines.slice());
  return lines;
}

/** The lines of the one-piece scripts split so far, by piece (a bounded cache, per process). */
const linesOfOne = new Map<string, string[]>();

/** The events of an item, prerequest first, leaving out empty ones. */
export function events(idPath: string[], scripts: PlanScripts): PostmanEvent[] {
  return [scriptEvent('prerequest', idPath, scripts.prerequest), scriptEvent('test', idPath, scripts.test)].filter(
    (e): e is PostmanEvent => e !== undefined,
  );
}
