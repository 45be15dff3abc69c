import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** The source files `entry` loads before running anything: its static imports, followed through `src/`. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined && files.size < 1000; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    // `import … from '…'` and `export … from '…'` (not `import type`, not `import(…)`, which runs only when called)
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(
      /^(?:import|export)(?!\s+type\b)[^;]*?\sfrom\s+'([^']+)';/gms,
    )) {
      if (spec!.startsWith('.')) pending.push(resolve(dirname(file), spec!.replace(/\.js$/, '.ts')));
      else packages.add(spec!);
    }
  }
  return { files, packages };
}

describe('start-up', () => {
  it('the CLI entry (what `gen-collection --help` runs) does not load the secret scanner', () => {
    const { files, packages } = staticGraph(join(root, 'src/cli.ts'));
    expect(files.size).toBeGreaterThan(0);
    expect([...files].filter((f) => f.includes('/audit/'))).toEqual([]);
    expect([...packages].filter((p) => p.startsWith('@secretlint/'))).toEqual([]);
  });

  it('the audit command does load it (the check above can fail)', () => {
    const { files, packages } = staticGraph(join(root, 'src/commands/audit.ts'));
    expect([...files].some((f) => f.endsWith('audit/secretlint-rules.ts'))).toBe(true);
    expect(packages.has('@secretlint/secretlint-rule-preset-recommend')).toBe(true);
  });
});
