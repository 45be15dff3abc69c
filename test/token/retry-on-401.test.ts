/**
 * The collection-level test script (retry on 401), run in both real Postman sandboxes: when it drops the
 * token and replays, what it remembers, and that a second 401 is reported instead of replayed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { OAuth2Resolved } from '../../src/config/resolved.js';
import { REPLAY_MARKER } from '../../src/scripts/token-config.js';
import { disposeSandboxes, runScript, SANDBOXES } from './sandbox-harness.js';
import { BASE_VARIABLES, SECRETS, STORED_TOKEN, scriptsFor, visibleOutput } from './token-fixtures.js';

afterAll(disposeSandboxes);

const REPLAYED = 'gen_collection_replayed_request';
const REQUEST_ID = 'request-1';
/** What the test script sees for a request inheriting the collection Bearer: the resolved token. */
const SENT_WITH_TOKEN = {
  url: 'https://api.example.test/orders',
  auth: { type: 'bearer', bearer: [{ key: 'token', value: STORED_TOKEN }] },
};
const STORED = { access_token: STORED_TOKEN, token_expires_at: '4102444800000' };

interface Case {
  name: string;
  auth?: Partial<OAuth2Resolved>;
  skipRequestIds?: string[];
  status: number;
  request?: object;
  collection?: Record<string, string>;
  environment?: { name?: string; values: Record<string, string> };
  /** Replays: variables after, the marker, the next request; reports: a failing assertion. */
  replay: boolean;
  reported?: boolean;
  collectionAfter: Record<string, string | null>;
  /** The replayed request's id in run-local memory before the run; after it ('' forgotten, null never set). */
  memory?: string;
  memoryAfter?: string | null;
  environmentAfter?: Record<string, string | null>;
  /** REPLAY_MARKER afterwards; null: never set. */
  marker: string | null;
}

const cases: Case[] = [
  {
    name: '401 on a request inheriting the collection bearer: token dropped, replayed once',
    status: 401,
    collection: STORED,
    replay: true,
    collectionAfter: { access_token: '', token_expires_at: '' },
    memoryAfter: REQUEST_ID,
    marker: '1',
  },
  {
    name: '401 where the test script shows the bearer template: replayed',
    status: 401,
    request: {
      url: 'https://api.example.test/orders',
      auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{access_token}}' }] },
    },
    collection: STORED,
    replay: true,
    collectionAfter: { access_token: '', token_expires_at: '' },
    memoryAfter: REQUEST_ID,
    marker: '1',
  },
  {
    name: '401 on the replay: reported, not replayed again, memory cleaned up',
    status: 401,
    collection: STORED,
    memory: REQUEST_ID,
    replay: false,
    reported: true,
    collectionAfter: STORED,
    memoryAfter: '',
    marker: '',
  },
  {
    name: '200 on the replay: memory cleaned up',
    status: 200,
    collection: STORED,
    memory: REQUEST_ID,
    replay: false,
    collectionAfter: STORED,
    memoryAfter: '',
    marker: '',
  },
  {
    name: '200: nothing to do',
    status: 200,
    collection: STORED,
    replay: false,
    collectionAfter: STORED,
    memoryAfter: null,
    marker: '',
  },
  {
    name: 'memory of another request (its replay never got a response): dropped',
    status: 200,
    collection: STORED,
    memory: 'request-0',
    replay: false,
    collectionAfter: STORED,
    memoryAfter: '',
    marker: '',
  },
  {
    name: '401 with the memory of another request: replayed, the memory now this request',
    status: 401,
    collection: STORED,
    memory: 'request-0',
    replay: true,
    collectionAfter: { access_token: '', token_expires_at: '' },
    memoryAfter: REQUEST_ID,
    marker: '1',
  },
  {
    name: '403: not a token problem, not replayed',
    status: 403,
    collection: STORED,
    replay: false,
    collectionAfter: STORED,
    memoryAfter: null,
    marker: '',
  },
  {
    name: '401 on a request with auth none: left alone',
    status: 401,
    request: { url: 'https://api.example.test/health', auth: { type: 'noauth' } },
    collection: STORED,
    replay: false,
    collectionAfter: STORED,
    marker: '',
  },
  {
    name: '401 on a request with a bearer of another token: left alone',
    status: 401,
    request: {
      url: 'https://api.example.test/x',
      auth: { type: 'bearer', bearer: [{ key: 'token', value: 'partner-token' }] },
    },
    collection: STORED,
    replay: false,
    collectionAfter: STORED,
    marker: '',
  },
  {
    name: '401 on a request in skipRequestIds: left alone',
    status: 401,
    skipRequestIds: [REQUEST_ID],
    collection: STORED,
    replay: false,
    collectionAfter: STORED,
    marker: '',
  },
  {
    name: 'retryOn401 off: the script does nothing',
    auth: { retryOn401: false },
    status: 401,
    collection: STORED,
    replay: false,
    collectionAfter: STORED,
    memoryAfter: null,
    marker: null,
  },
  {
    name: 'token stored in the selected environment: dropped there',
    status: 401,
    environment: { name: 'dev', values: STORED },
    replay: true,
    environmentAfter: { access_token: '', token_expires_at: '' },
    collectionAfter: { access_token: null },
    memoryAfter: REQUEST_ID,
    marker: '1',
  },
];

describe.each(SANDBOXES)('collection test script in $label', ({ module }) => {
  it.each(cases)('$name', async (c) => {
    const scripts = await scriptsFor(c.auth, c.skipRequestIds);
    const result = await runScript(module, {
      script: scripts.test,
      listen: 'test',
      request: c.request ?? SENT_WITH_TOKEN,
      response: { status: c.status, text: '{"error":"nope"}' },
      collectionVariables: { ...BASE_VARIABLES, ...c.collection },
      localVariables: c.memory ? { [REPLAYED]: c.memory } : {},
      ...(c.environment ? { environment: c.environment } : {}),
      requestId: REQUEST_ID,
    });

    expect(result.errors).toEqual([]);
    expect(result.nextRequest).toBe(c.replay ? REQUEST_ID : undefined);
    expectVariables(result.collectionVariables, { ...c.collectionAfter, [REPLAYED]: null });
    if (c.memoryAfter !== undefined) expectVariables(result.localVariables, { [REPLAYED]: c.memoryAfter });
    expectVariables(result.environment, c.environmentAfter ?? {});
    if (c.marker === null) expect(result.localVariables).not.toHaveProperty(REPLAY_MARKER);
    else expect(result.localVariables[REPLAY_MARKER]).toBe(c.marker);
    if (c.reported) {
      expect(result.assertions).toEqual([
        {
          name: 'gen-collection: replay after 401',
          passed: false,
          error: 'the API answered 401 again with a freshly fetched token (not retried)',
        },
      ]);
    } else {
      expect(result.assertions).toEqual([]);
    }
    const output = visibleOutput(result);
    for (const secret of SECRETS) expect(output).not.toContain(secret);
  });
});

function expectVariables(actual: Record<string, string>, expected: Record<string, string | null>): void {
  for (const [key, want] of Object.entries(expected)) {
    if (want === null) expect(actual, key).not.toHaveProperty(key);
    else expect(actual[key], key).toBe(want);
  }
}
