import type { PlanItem } from '../plan/plan.js';

/**
 * Each request's name in the Bruno collection by plan id: its own name, or ` (2)`, ` (3)`, … after a name an
 * earlier request in the run order already has. Bruno knows a request by its name only (`req.getName()`,
 * `bru.runner.setNextRequest(name)` jumps to the first request of that name), so the names must be unique.
 */
export function brunoRequestNames(items: readonly PlanItem[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const walk = (level: readonly PlanItem[]): void => {
    // Bruno runs a folder's subfolders first, then its requests.
    for (const item of [...level.filter((i) => i.kind === 'folder'), ...level.filter((i) => i.kind === 'request')]) {
      if (item.kind === 'folder') {
        walk(item.items);
        continue;
      }
      let name = item.name;
      for (let n = 2; taken.has(name); n++) name = `${item.name} (${n})`;
      taken.add(name);
      names.set(item.id, name);
    }
  };
  walk(items);
  return names;
}
