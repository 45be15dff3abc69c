/**
 * Query values, header values and form fields under `bru run`, against a loopback server that records each request:
 * the same requests Newman sends for the v2.1 collection (test/helpers/request-values.ts says what each case found).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderBruno } from '../../src/render/bruno.js';
import { startRecordingServer, type RecordingServer } from '../helpers/recording-server.js';
import { NEWMAN_SENT, REQUEST_VALUE_ITEMS, sent } from '../helpers/request-values.js';
import { runBru } from './bru.js';
import { planFromConfig } from './plan-from-config.js';

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

it('bru run sends what Newman sends: encoded & and #, no disabled parameter or field', async () => {
  const plan = await planFromConfig({
    name: 'Values',
    environments: { dev: { base_url: server.base } },
    items: REQUEST_VALUE_ITEMS,
  });
  const result = await runBru(await renderBruno(plan), { sandbox: 'safe', env: 'dev' });
  expect(result.exitCode, result.stderr).toBe(0);
  expect(server.seen.map(sent)).toEqual(NEWMAN_SENT);
});
