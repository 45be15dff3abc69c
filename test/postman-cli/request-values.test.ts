/**
 * Query values, header values and form fields of the postman-v3 format under the Postman CLI's v3 runtime, against
 * a loopback server that records each request: the same requests Newman sends for the v2.1 collection
 * (test/helpers/request-values.ts says what each case found).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRecordingServer, type RecordingServer } from '../helpers/recording-server.js';
import { NEWMAN_SENT, REQUEST_VALUE_ITEMS, sent } from '../helpers/request-values.js';
import { runV3Folder } from './postman-v3.js';

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

it('the v3 runtime sends every request, and what Newman sends: dates and numbers as text, encoded & and #', async () => {
  const config = { name: 'Values', environments: { e2e: { base_url: server.base } }, items: REQUEST_VALUE_ITEMS };
  const result = await runV3Folder({ source: 'postman-v3', config, envVars: {} });
  expect(result.exitCode, result.stdout + result.stderr).toBe(0);
  expect(server.seen.map(sent)).toEqual(NEWMAN_SENT);
});
