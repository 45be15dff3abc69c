/**
 * Whether the script runs in the Postman v3 runtime (`postman collection run` on a v3 folder), whose event names
 * are `http:beforeRequest` and `http:afterResponse` where the v2.1 sandboxes say `prerequest` and `test`.
 */
export function isV3(): boolean {
  return String(pm.info.eventName).includes(':');
}

type Holder = { genCollectionMemory?: Record<string, string> };

/**
 * The v3 runtime drops every variable change made by a script whose request is then skipped: exactly the token
 * failure path. What survives a skip there is the sandbox's own state between scripts (measured: a property on
 * a built-in prototype), exported nowhere; the v2.1 sandboxes keep `pm.variables` through a run, also exported
 * nowhere, and a sandbox shared by several runs (a test harness, the app) must not carry memory across them.
 */
function sandboxState(): Record<string, string> {
  const holder = Array.prototype as Holder;
  if (!holder.genCollectionMemory) Object.defineProperty(holder, 'genCollectionMemory', { value: {}, writable: true });
  return holder.genCollectionMemory!;
}

/** Run-local memory: `pm.variables`, and the sandbox's state in the v3 runtime; '' when unset. */
export function recall(key: string): string {
  return String((isV3() ? sandboxState()[key] : pm.variables.get(key)) ?? '');
}

/** Remembers run-locally; `pm.variables` too in v3, where the generated test scripts read the replay marker. */
export function remember(key: string, value: string): void {
  if (isV3()) sandboxState()[key] = value;
  pm.variables.set(key, value);
}
