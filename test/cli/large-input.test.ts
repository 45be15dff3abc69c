// A large input makes the CLI change a V8 setting for its run (src/commands/v8-tuning.ts): the run must still
// write what the library writes for the same config, and say nothing of the setting.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFromConfigFile } from '../../src/build/build-from-config.js';
import { LARGE_INPUT_BYTES } from '../../src/commands/v8-tuning.js';
import { jsonText } from '../../src/write-files.js';
import { tempDir } from '../helpers/temp-dir.js';
import { runCli } from './run-cli.js';

/** A config of `folders` × 50 requests, each with a query, headers and a JSON body. */
function config(folders: number): object {
  return {
    name: 'Large API',
    auth: { type: 'oauth2', tokenUrl: '{{base_url}}/oauth/token', scope: 'read' },
    environments: { dev: { base_url: 'https://dev.example.com', client_id: 'large' } },
    items: Array.from({ length: folders }, (_, f) => ({
      name: `Folder ${f}`,
      items: Array.from({ length: 50 }, (_, r) => ({
        name: `Request ${f}.${r}`,
        method: r % 2 ? 'POST' : 'GET',
        url: `{{base_url}}/things${f}/items/:id`,
        pathVariables: { id: String(r) },
        query: { page: '1', filter: `name eq 'item ${r}'` },
        headers: { Accept: 'application/json', 'X-Trace': `{{trace_${r % 7}}}` },
        ...(r % 2 ? { body: { json: { id: r, tags: ['a', 'b'], note: `request ${f}.${r}` } } } : {}),
        expect: { status: r % 3 ? 200 : [200, 204] },
      })),
    })),
  };
}

describe('build on a large config', () => {
  it('writes what the library builds, and prints only what it wrote', async () => {
    const dir = tempDir().dir;
    const file = join(dir, 'gen-collection.config.json');
    writeFileSync(file, JSON.stringify(config(30), null, 2));
    expect(statSync(file).size).toBeGreaterThanOrEqual(LARGE_INPUT_BYTES);

    const run = runCli(['build', '-c', file, '-o', 'out'], dir);
    expect(run.status).toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^wrote .*large-api\.postman_collection\.json \(1500 requests\)$/),
      expect.stringMatching(/^wrote .*large-api\.dev\.postman_environment\.json$/),
    ]);

    const library = await buildFromConfigFile(file, { output: join(dir, 'unused') });
    expect(readFileSync(join(dir, 'out', 'large-api.postman_collection.json'), 'utf8')).toBe(
      jsonText(library.collection),
    );
  });
});
