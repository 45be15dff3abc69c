// `build --watch` watches the files a build reports (BuildResult.inputs): every script, the local modules
// it imports (type-only ones too) and a missing script, the same when the bundle comes from the cache.
import { afterAll, describe, expect, it } from 'vitest';
import type { ScriptRef } from '../../src/config/resolved.js';
import { bundleUserScripts } from '../../src/scripts/user-scripts.js';
import { scriptProject } from './script-project.js';

const p = scriptProject({
  'checks.ts':
    "import { label } from './label';\nimport type { Shape } from './shape';\nconst s: Shape = { n: 1 };\npm.test(label + s.n, () => {});\n",
  'label.ts': "export const label = 'status';\n",
  'shape.ts': 'export interface Shape {\n  n: number;\n}\n',
});
afterAll(() => p.remove());

async function sourcesOf(refs: ScriptRef[]): Promise<string[]> {
  const into = new Set<string>();
  await bundleUserScripts(refs, 'test', into).catch(() => undefined);
  return [...into].sort();
}

describe('the script files a build reads', () => {
  const all = ['checks.ts', 'label.ts', 'shape.ts'].map((file) => p.ref(file).path).sort();

  it.each([
    ['the first build', all],
    ['a build from the cache', all],
  ])('%s: the script, the module it imports and the type-only one', async (_name, expected) => {
    expect(await sourcesOf([p.ref('checks.ts')])).toEqual(expected);
  });

  it('a missing script is reported too (watched until it exists)', async () => {
    const missing = p.ref('missing.ts');
    expect(await sourcesOf([missing])).toEqual([missing.path]);
  });

  it('builds at the same time each record their own files', async () => {
    const [checks, label] = [new Set<string>(), new Set<string>()];
    await Promise.all([
      bundleUserScripts([p.ref('checks.ts')], 'test', checks),
      bundleUserScripts([p.ref('label.ts')], 'test', label),
    ]);
    expect([...checks].sort()).toEqual(all);
    expect([...label]).toEqual([p.ref('label.ts').path]);
  });
});
