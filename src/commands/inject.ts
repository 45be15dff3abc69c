import { ExitCode } from '../errors.js';
import { Warnings } from '../warnings.js';
import { injectConfig } from '../inject/inject-config.js';
import { injectFiles } from '../inject/inject-files.js';
import { readInputFile } from '../read-input.js';
import { writeFilesAtomic } from '../write-files.js';
import { info, printWarnings } from './report.js';
import { stdout } from './streams.js';
import { optimizeLessFor } from './v8-tuning.js';

interface InjectCliOptions {
  config?: string;
  output?: string;
  inPlace?: boolean;
  envDir?: string;
  force?: boolean;
  inheritBearer?: boolean;
  extractSecrets?: string;
}

/** `gen-collection inject COLLECTION`: token scripts and collection Bearer auth for an exported collection. */
export async function runInject(file: string, opts: InjectCliOptions): Promise<ExitCode> {
  const warnings = new Warnings();
  const config = await injectConfig(opts.config, { cwd: process.cwd(), warnings });
  const text = await readInputFile(file, {
    what: 'the collection',
    code: 'collection-read',
    missingFix: 'check the path of the exported collection',
    utf16: true,
  });
  optimizeLessFor(text.length);
  const extract = opts.extractSecrets;
  const target = opts.inPlace ? file : opts.output;
  const { result, files } = await injectFiles(text, config, {
    file,
    target,
    envDir: opts.envDir,
    extractSecrets: extract,
    force: opts.force,
    inheritBearer: opts.inheritBearer,
    warnings,
  });
  await writeFilesAtomic(files);
  if (!target) stdout().write(result.text);
  for (const moved of result.extracted)
    info(`${file}: ${moved.pointer}: moved to {{${moved.variable}}} (${moved.masked})`);
  if (extract !== undefined && result.extracted.length === 0)
    info(`no literal secrets to move: ${extract} left as it was`);
  for (const f of files)
    info(`wrote ${f.path}${f.mode === undefined ? '' : ' (mode 600: keep it out of version control)'}`);
  printWarnings(warnings.list);
  return ExitCode.ok;
}
