/** The generated `expect.status` test, run by real Newman: it checks the status, and says so when there was none. */
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from './generate.js';
import { runNewman } from './newman.js';
import { listenLoopback, refusedUrl, type Listening } from './servers/http-util.js';

describe('expect.status in Newman', () => {
  let server: Listening;
  beforeAll(async () => {
    server = await listenLoopback(createServer((_req, res) => res.writeHead(201).end()));
  });
  afterAll(() => server.close());

  it.each([
    { name: 'one status, answered', expect: 201, refused: false, message: undefined },
    { name: 'several statuses, answered', expect: [200, 201], refused: false, message: undefined },
    {
      name: 'one status, answered with another',
      expect: 200,
      refused: false,
      message: 'expected response to have status code 200 but got 201',
    },
    { name: 'one status, no response', expect: 200, refused: true, message: 'no response: the request itself failed' },
    {
      name: 'several statuses, no response',
      expect: [200, 201],
      refused: true,
      message: 'no response: the request itself failed',
    },
  ])('$name', async ({ expect: status, refused, message }) => {
    const url = refused ? await refusedUrl('/orders') : `${server.url}/orders`;
    const { collection } = await generate({ name: 'Status', items: [{ name: 'Orders', url, expect: { status } }] });
    const run = await runNewman(collection, { timeoutRequest: 2_000 });
    const [assertion] = run.assertions;
    expect(assertion?.passed).toBe(message === undefined);
    if (message) expect(assertion?.message).toContain(message);
    expect(assertion?.message ?? '').not.toContain('PostmanResponse');
    // a refused request is Newman's own request error besides the failing test
    expect(run.failures.some((f) => f.at === 'request')).toBe(refused);
  });
});
