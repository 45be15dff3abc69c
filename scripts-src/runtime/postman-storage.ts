import { isV3 } from './postman-memory.ts';

/**
 * Whether an environment is selected. The v2.1 sandboxes name every selected environment (`--env-var` alone
 * makes a nameless one); the v3 runtime names none, so there an environment with values may or may not be
 * selected: undefined, cannot tell.
 */
export function environmentSelected(): boolean | undefined {
  if (pm.environment.name) return true;
  return isV3() && Object.keys(pm.environment.toObject(false, false)).length ? undefined : false;
}

/**
 * Writes token variables to the scope the config's `storage` names (`auto`: the environment when one is
 * selected, or, where the runtime cannot tell, when the environment holds them: the generated environment
 * does). A copy in the other scope goes: an environment value, even an empty one, would shadow the collection variable, so it is removed
 * (only when there: in v3, unsetting a name the environment lacks hides the collection variable); a
 * collection copy shadows nothing but would keep an old token around, so it is emptied.
 */
export function store(values: Record<string, string>): void {
  const names = Object.keys(values);
  const { storage } = genCollection;
  const inEnvironment =
    storage === 'auto' ? (environmentSelected() ?? names.some((name) => pm.environment.has(name))) : storage === 'environment';
  for (const name of names) {
    if (inEnvironment) {
      pm.environment.set(name, values[name]);
      if (pm.collectionVariables.get(name)) pm.collectionVariables.set(name, '');
    } else {
      pm.collectionVariables.set(name, values[name]);
      if (pm.environment.has(name)) pm.environment.unset(name);
    }
  }
}
