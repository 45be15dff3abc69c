import type { PlanScripts } from '../plan/plan.js';
import { stableId } from '../plan/ids.js';
import { joinScript } from '../plan/test-scripts.js';
import { BoundedCache } from '../bounded-cache.js';

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
 * carry one text that many share (their status test, joined once by `joinScript`), whose lines are split once.
 */
function scriptLines(sources: readonly string[]): string[] | undefined {
  const code = joinScript(sources);
  if (code === undefined) return undefined;
  return (linesOf.get(code) ?? linesOf.keep(code, code.split('\n'))).slice();
}

/** The lines of the scripts split so far, by script. */
const linesOf = new BoundedCache<string[]>(2000);

/** The events of an item, prerequest first, leaving out empty ones. */
export function events(idPath: string[], scripts: PlanScripts): PostmanEvent[] {
  return [scriptEvent('prerequest', idPath, scripts.prerequest), scriptEvent('test', idPath, scripts.test)].filter(
    (e): e is PostmanEvent => e !== undefined,
  );
}
