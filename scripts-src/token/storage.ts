/** A variable as the request sees it (every scope, nested `{{…}}` resolved); '' when unset. */
export function readVariable(name: string): string {
  const value: unknown = pm.variables.get(name);
  return pm.variables.replaceIn(String(value ?? ''));
}

/**
 * Writes token variables to the configured scope (`auto`: the environment when one is selected). A copy in
 * the other scope goes: an environment value, even an empty one, would shadow the collection variable, so
 * it is removed; a collection copy shadows nothing but would keep an old token around, so it is emptied.
 */
export function storeVariables(values: Record<string, string>): void {
  const { storage } = genCollection;
  const inEnvironment = storage === 'auto' ? !!pm.environment.name : storage === 'environment';
  for (const name in values) {
    if (inEnvironment) {
      pm.environment.set(name, values[name]);
      if (pm.collectionVariables.get(name)) pm.collectionVariables.set(name, '');
    } else {
      pm.collectionVariables.set(name, values[name]);
      pm.environment.unset(name);
    }
  }
}
