/**
 * Item names become file and directory names in the postman-v3 and Bruno formats. A spec names an operation by
 * its path when it has no summary, and Microsoft Graph's longest makes a 480-byte name: over the 255 bytes file
 * systems take, the build stopped with ENAMETOOLONG. Names are cut to MAX_NAME_BYTES, the items keep theirs.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveConfig } from '../../src/config/resolve.js';
import { validateConfig } from '../../src/config/validate.js';
import { planCollection } from '../../src/plan/plan-collection.js';
import { MAX_NAME_BYTES, siblingFileNames } from '../../src/render/file-names.js';
import { renderFormat } from '../../src/render/index.js';
import { Warnings } from '../../src/warnings.js';
import { writeFilesAtomic } from '../../src/write-files.js';
import { tempDir } from '../helpers/temp-dir.js';

const bytes = (text: string) => Buffer.byteLength(text);
const work = tempDir('gen-collection-file-names-').dir;

describe('siblingFileNames of long names', () => {
  it('cuts a name to MAX_NAME_BYTES, between characters, with no trailing dot or space', () => {
    const [ascii, wide, dotted] = siblingFileNames([
      'GET /deviceManagement/'.repeat(20),
      'é'.repeat(150) + '😀'.repeat(10),
      'a'.repeat(MAX_NAME_BYTES - 1) + '. tail',
    ]);
    expect(bytes(ascii!)).toBe(MAX_NAME_BYTES);
    expect(ascii).toBe('GET -deviceManagement-'.repeat(20).slice(0, MAX_NAME_BYTES));
    expect(bytes(wide!)).toBe(MAX_NAME_BYTES);
    expect(wide).toBe('é'.repeat(100));
    // cut after the dot: the dot goes too
    expect(dotted).toBe('a'.repeat(MAX_NAME_BYTES - 1));
    // a four-byte character that does not fit whole is left out whole
    const [emoji] = siblingFileNames(['x'.repeat(MAX_NAME_BYTES - 2) + '😀']);
    expect(emoji).toBe('x'.repeat(MAX_NAME_BYTES - 2));
  });

  it('makes names that are the same once cut unique, the suffix within the limit', () => {
    const long = 'Get scheduledActionConfigurations '.repeat(10);
    const names = siblingFileNames([`${long}one`, `${long}two`, `${long}three`]);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(3);
    expect(names[1]!.endsWith(' (2)')).toBe(true);
    expect(names[2]!.endsWith(' (3)')).toBe(true);
    for (const name of names) expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });

  it('leaves names that fit as they are', () => {
    expect(siblingFileNames(['x'.repeat(MAX_NAME_BYTES), 'ü'.repeat(MAX_NAME_BYTES / 2)])).toEqual([
      'x'.repeat(MAX_NAME_BYTES),
      'ü'.repeat(MAX_NAME_BYTES / 2),
    ]);
  });
});

describe('postman-v3 and Bruno with names over 255 bytes', () => {
  const folder = `Folder ${'ö'.repeat(200)}`;
  const request = `Get ${'deviceCompliancePolicies/{deviceCompliancePolicy-id}/'.repeat(8)}`;
  async function plan() {
    const config = {
      name: 'Long names',
      items: [{ name: folder, items: [{ name: request, url: 'https://example.com/a' }] }],
    };
    const resolved = resolveConfig(validateConfig(config, 'long.json'), { file: 'long.json', baseDir: work });
    return planCollection(resolved, new Warnings());
  }

  it.each(['postman-v3', 'bruno'] as const)(
    '%s: written, each name within the limit, the items keep theirs',
    async (format) => {
      const files = await renderFormat(await plan(), format);
      for (const file of files)
        for (const part of file.path.split('/')) expect(bytes(part)).toBeLessThanOrEqual(255 - 13);
      const requestFile = files.find(
        (f) => f.path.endsWith(format === 'bruno' ? '.yml' : '.request.yaml') && f.path.includes('Get'),
      )!;
      const doc = parse(requestFile.content) as { name?: string; info?: { name: string } };
      expect(format === 'bruno' ? doc.info!.name : doc.name).toBe(request);
      const out = join(work, format);
      await writeFilesAtomic(files.map((f) => ({ path: join(out, f.path), content: f.content })));
      expect(readdirSync(out, { recursive: true }).length).toBeGreaterThan(files.length - 1);
    },
  );
});
