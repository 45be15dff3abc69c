import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { withRequest } from './cases.js';
import { FAMILIES, OWN_FAMILIES } from './fake-secrets.js';

const { dir, write } = tempDir('gen-collection-audit-');

describe('gen-collection audit (the binary) on every family pasted into one request body', () => {
  const values = [...FAMILIES, ...OWN_FAMILIES].map(([, value]) => value);
  const file = 'leaky.postman_collection.json';
  const kinds = new Set([...FAMILIES, ...OWN_FAMILIES].map(([, , , what]) => what)).size;
  write(
    file,
    JSON.stringify(
      withRequest({ method: 'POST', body: { mode: 'raw', raw: JSON.stringify({ samples: values }, null, 2) } }),
      null,
      2,
    ),
  );

  it('exits 1 with one masked line per kind, and never prints a value', () => {
    const r = runCli(['audit', file], dir);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBe(kinds);
    for (const line of lines)
      expect(line).toMatch(
        /^leaky\.postman_collection\.json: \/item\/0\/request\/body\/raw: .+ in request \((.{0,4})…\)$/,
      );
    for (const value of values) expect(r.stdout + r.stderr).not.toContain(value.slice(0, 12));
  });

  it('--json: the same findings for machines, masked', () => {
    const r = runCli(['audit', '--json', file], dir);
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout) as { masked: string }[];
    expect(findings.length).toBe(kinds);
    for (const finding of findings) expect(Array.from(finding.masked.replace(/…$/, '')).length).toBeLessThanOrEqual(4);
    for (const value of values) expect(r.stdout).not.toContain(value.slice(0, 12));
  });
});
