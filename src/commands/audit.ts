import { auditFiles } from '../audit/audit-files.js';
import { formatFinding } from '../audit/finding.js';
import { readInputFile } from '../read-input.js';
import { info } from './report.js';
import { ExitCode } from '../errors.js';
import { stdout } from './streams.js';

/** `gen-collection audit FILE...`: secrets in collections, environments and globals; exit 1 on findings. */
export async function runAudit(files: string[], opts: { json?: boolean }): Promise<ExitCode> {
  const inputs = await Promise.all(
    files.map(async (file) => ({
      file,
      text: await readInputFile(file, {
        what: 'the file',
        code: 'collection-read',
        missingFix: 'check the path',
        utf16: true,
      }),
    })),
  );
  const findings = auditFiles(inputs);
  if (opts.json) {
    stdout().write(`${JSON.stringify(findings, null, 2)}\n`);
  } else {
    for (const f of findings) stdout().write(`${formatFinding(f)}\n`);
    info(
      findings.length
        ? `${findings.length} secret${findings.length === 1 ? '' : 's'} found in ${new Set(findings.map((f) => f.file)).size} of ${files.length} file(s)`
        : `no secrets found in ${files.length} file(s)`,
    );
  }
  return findings.length ? ExitCode.checkFailed : ExitCode.ok;
}
