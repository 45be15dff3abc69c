/**
 * The v2.1 collection of the request-values config under Newman, against a loopback server that records each
 * request: the requests the Bruno and Postman CLI suites hold their runners to (test/helpers/request-values.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRecordingServer, type RecordingServer } from '../helpers/recording-server.js';
import { NEWMAN_SENT, REQUEST_VALUE_ITEMS, sent } from '../helpers/request-values.js';
import { generate } from './generate.js';
import { runNewman } from './newman.js';

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

it('Newman sends the requests the other runners are held to', async () => {
  const { collection, environment } = await generate({
    name: 'Values',
    environments: { e2e: { base_url: server.base } },
    items: REQUEST_VALUE_ITEMS,
  });
  const result = await runNewman(collection, { environment: environment('e2e') });
  expect(result.failures).toEqual([]);
  expect(server.seen.map(sent)).toEqual(NEWMAN_SENT);
});
