/** A variable as the request sees it (every scope, nested `{{…}}` resolved); '' when unset. */
export function readVariable(name: string): string {
  const value: unknown = pm.variables.get(name);
  return value == null ? '' : pm.variables.replaceIn(String(value));
}

/**
 * Writes token variables to the configured scope (`auto`: the environment when one is selected). A copy in
 * the other scope goes: an environment value, even an empty one, would shadow the collection variable, so
 * it is removed; a collection copy shadows nothing but would keep an old token around, so it is emptied.
 */
export function storeVariables(values: Record<string, string>): void {
  const { storage } = genCollection;
  const inEnvironment = storage === 'environment' || (storage === 'auto' && !!pm.environment.name);
  for (const name of Object.keys(values)) {
    if (inEnvironment) {
      pm.environment.set(name, values[name]);
      if (pm.collectionVariables.get(name)) pm.collectionVariables.set(name, '');
    } else {
      pm.collectionVariables.set(name, values[name]);
      if (pm.environment.has(name)) pm.environment.unset(name);
    }
  }
}
