import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BuildResult } from '../build/build-from-config.js';
import { ExitCode } from '../errors.js';
import { scriptSources } from '../scripts/script-sources.js';
import { reportError, info } from './report.js';

/** Changes that arrive within this many milliseconds of each other make one rebuild (editors write in bursts). */
const SETTLE_MS = 30;

/**
 * `build --watch`: builds, then rebuilds whenever the config or a script it bundles (or a module one
 * imports) changes, one status line per build with its duration. A failed build prints its error and
 * leaves the last good outputs as they are; watching goes on. Resolves with 0 on Ctrl-C (SIGINT/SIGTERM).
 */
export function watchBuild(
  configFile: string,
  build: () => Promise<BuildResult>,
  write: (result: BuildResult) => Promise<string>,
): Promise<ExitCode> {
  const config = resolve(configFile);
  const files = new FileWatcher(() => schedule());
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const rebuild = async (): Promise<void> => {
    running = true;
    const started = performance.now();
    try {
      const summary = await write(await build());
      info(`built in ${Math.round(performance.now() - started)} ms: ${summary}`);
    } catch (error) {
      reportError(error);
      info(
        `build failed in ${Math.round(performance.now() - started)} ms; the outputs are unchanged; watching for changes`,
      );
    }
    files.watch([config, ...scriptSources()]);
    running = false;
    if (again) schedule();
  };

  function schedule(): void {
    if (running) {
      again = true;
      return;
    }
    again = false;
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), SETTLE_MS);
  }

  return new Promise((done) => {
    const stop = (): void => {
      clearTimeout(timer);
      files.close();
      info('stopped watching');
      done(ExitCode.ok);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    void rebuild().then(() => info(`watching ${files.size} files for changes (Ctrl-C to stop)`));
  });
}

/**
 * Watches files through their directories (not the files themselves): editors often save by writing a new
 * file and renaming it over the old one, which a watch on the old file would miss.
 */
class FileWatcher {
  private readonly files = new Set<string>();
  private readonly directories = new Map<string, FSWatcher>();

  constructor(private readonly onChange: () => void) {}

  get size(): number {
    return this.files.size;
  }

  watch(files: Iterable<string>): void {
    for (const file of files) {
      this.files.add(file);
      const dir = dirname(file);
      if (this.directories.has(dir) || !existsSync(dir)) continue;
      const watcher = watch(dir, (_event, name) => {
        if (name === null || this.files.has(resolve(dir, name.toString()))) this.onChange();
      });
      watcher.on('error', () => this.directories.delete(dir));
      this.directories.set(dir, watcher);
    }
  }

  close(): void {
    for (const watcher of this.directories.values()) watcher.close();
    this.directories.clear();
  }
}
