/**
 * Every user file the script pipeline of this process has read or looked for: the configured scripts (even
 * missing ones), the local modules they import and the files the type checker loaded. `build --watch`
 * watches them; it only ever grows, so a file that held an error stays watched.
 */
const sources = new Set<string>();

/** Adds files to the set `scriptSources()` returns. */
export function recordScriptSources(files: Iterable<string>): void {
  for (const file of files) sources.add(file);
}

/** The user script files seen so far (absolute paths). */
export function scriptSources(): ReadonlySet<string> {
  return sources;
}
