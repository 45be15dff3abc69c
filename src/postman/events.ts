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
  const code = joinScript(sources);
  if (code === undefined) return undefined;
  return { listen, script: { id: stableId(...idPath, listen), type: 'text/javascript', exec: code.split('\n') } };
}

/** The events of an item, prerequest first, leaving out empty ones. */
export function events(idPath: string[], scripts: PlanScripts): PostmanEvent[] {
  return [scriptEvent('prerequest', idPath, scripts.prerequest), scriptEvent('test', idPath, scripts.test)].filter(
    (e): e is PostmanEvent => e !== undefined,
  );
}
