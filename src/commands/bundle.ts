import { resolve } from 'node:path';
import { buildFromConfigFile } from '../build/build-from-config.js';
import { findConfigFile } from '../config/find.js';
import { writeFilesAtomic } from '../write-files.js';
import { info, printWarnings } from './report.js';
import { ExitCode } from '../errors.js';

/** `gen-collection bundle`: the collection-level scripts alone, for pasting into the Postman app. */
export async function runBundle(opts: { config?: string; output?: string }): Promise<ExitCode> {
  const file = opts.config ?? findConfigFile(process.cwd());
  const result = await buildFromConfigFile(file, { output: opts.output });
  const events = (result.collection.event ?? []) as { listen: string; script: { exec: string[] } }[];
  const script = (listen: string) => {
    const exec = events.find((e) => e.listen === listen)?.script.exec;
    return exec ? `${exec.join('\n')}\n` : `// gen-collection: no collection-level ${listen} script for this config\n`;
  };
  const files = ['prerequest', 'test'].map((listen) => ({
    path: resolve(result.outputDir, `${listen}.js`),
    content: script(listen),
  }));
  await writeFilesAtomic(files);
  for (const f of files) info(`wrote ${f.path} (${Buffer.byteLength(f.content)} bytes)`);
  printWarnings(result.warnings);
  return ExitCode.ok;
}
