import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The set of the build running in this async context: `build --watch` rebuilds when one of its files changes.
 * A context, not a parameter, because the script pipeline is reached through the collection generator;
 * outside `collectScriptSources` nothing is recorded.
 */
const running = new AsyncLocalStorage<Set<string>>();

/**
 * Runs `build` with `into` as the set of every user file its script pipeline reads or looks for: the configured
 * scripts (even missing ones), the local modules they import and the files the type checker loaded. `into` is
 * filled when `build` fails too, so a file that holds an error can be watched.
 */
export function collectScriptSources<T>(into: Set<string>, build: () => Promise<T>): Promise<T> {
  return running.run(into, build);
}

/** Adds files to the set of the running build (nothing outside one). */
export function recordScriptSources(files: Iterable<string>): void {
  const into = running.getStore();
  if (into) for (const file of files) into.add(file);
}
