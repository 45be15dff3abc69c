// A write(2) that writes less than asked (here a file size limit, `ulimit -f`; a full disk does the same) says so
// only in its count: build must go on writing and meet the error, exit 2 and leave the outputs as they were,
// never rename a cut file into place.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { CLI, listFiles, runCli } from './run-cli.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/orders-api');
const LIMIT_KIB = 8;
const COLLECTION = 'postman/orders-api.postman_collection.json';

/** `gen-collection build` in `dir` with files limited to LIMIT_KIB KiB, bounded to 60 s. */
function buildUnderLimit(dir: string) {
  return spawnSync('bash', ['-c', `ulimit -f ${LIMIT_KIB} && exec "$0" "$@"`, process.execPath, CLI, 'build'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
}

function example(): string {
  const { dir } = tempDir('gen-collection-short-write-');
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('/postman') });
  return dir;
}

describe('build when a write comes up short', () => {
  it.each([
    { name: 'into a new output folder', old: undefined },
    { name: 'over an older collection', old: 'old\n' },
  ])('$name: exit 2 naming the error, the outputs as they were, no temporary left', ({ old }) => {
    const dir = example();
    if (old !== undefined) {
      mkdirSync(join(dir, 'postman'));
      writeFileSync(join(dir, COLLECTION), old);
    }
    const before = listFiles(dir);
    const r = buildUnderLimit(dir);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('gen-collection: error: cannot write output: EFBIG: file too large, write');
    expect(listFiles(dir)).toEqual(before);
    if (old !== undefined) expect(readFileSync(join(dir, COLLECTION), 'utf8')).toBe(old);
    // without the limit the same build succeeds, and its collection is over the limit
    const ok = runCli(['build'], dir);
    expect(ok.status, ok.stderr).toBe(0);
    expect(statSync(join(dir, COLLECTION)).size).toBeGreaterThan(LIMIT_KIB * 1024);
  });
});

describe('build of a collection whose name makes a file name over 255 bytes', () => {
  it('exits 2 naming the name to shorten, and writes nothing', () => {
    const { dir } = tempDir('gen-collection-long-name-');
    const name = `Orders ${'very long name '.repeat(18)}`;
    writeFileSync(
      join(dir, 'gen-collection.config.json'),
      JSON.stringify({ name, items: [{ name: 'List', url: 'https://example.com/orders' }] }),
    );
    const r = runCli(['build'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot write output: ENAMETOOLONG');
    expect(r.stderr).toContain('shorten the collection name');
    expect(listFiles(dir)).toEqual(['gen-collection.config.json']);
  });
});
