import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestAbove, PACKAGE_JSON, PACKAGE_ROOT } from '../src/package-root.js';
import { tempDir } from './helpers/temp-dir.js';

describe('manifestAbove: the nearest package.json above a folder that names a package', () => {
  const temp = tempDir('gen-collection-manifest-', {
    'node_modules/@noble/curves/package.json': JSON.stringify({ name: '@noble/curves', version: '2.4.0' }),
    // a folder inside the package with a package.json of its own (an ESM marker), which names no package
    'node_modules/@noble/curves/esm/package.json': JSON.stringify({ type: 'module' }),
    'node_modules/@noble/curves/esm/abstract/utils.js': '',
  });
  const inner = temp.path('node_modules/@noble/curves/esm/abstract');

  it('passes the package.json files that name another package or none, and stops at the one that names it', () => {
    expect(manifestAbove(inner, '@noble/curves')).toEqual({
      dir: temp.path('node_modules/@noble/curves'),
      manifest: { name: '@noble/curves', version: '2.4.0' },
    });
  });

  it('looks at no more than `levels` folders, and gives undefined up to the filesystem root when none names it', () => {
    expect(manifestAbove(inner, '@noble/curves', 2)).toBeUndefined();
    expect(manifestAbove(inner, '@noble/curves', 3)?.manifest.version).toBe('2.4.0');
    expect(manifestAbove(inner, 'no-such-package-anywhere')).toBeUndefined();
  });

  it("finds gen-collection's own package.json: PACKAGE_ROOT and PACKAGE_JSON come from the same read", () => {
    expect(PACKAGE_JSON).toEqual(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')));
    expect(PACKAGE_JSON.name).toBe('gen-collection');
  });
});
