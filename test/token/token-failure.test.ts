/**
 * No token storms (DESIGN.md, token behaviour rules 9 and 10), in both real Postman sandboxes: which failures
 * of the primary grant are permanent (never asked again for the same inputs) and which transient (retried
 * after a backoff window), and how the run-local memory of a failure behaves across the requests of a run.
 * Each later request is a new script run given the local variables the earlier one left.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { OAuth2Resolved } from '../../src/config/resolved.js';
import {
  disposeSandboxes,
  runScript,
  SANDBOXES,
  type SandboxModule,
  type ScriptResult,
  type ServerReply,
} from './sandbox-harness.js';
import { BASE_AUTH, BASE_VARIABLES, CLIENT_SECRET, SECRETS, scriptsFor, visibleOutput } from './token-fixtures.js';

afterAll(disposeSandboxes);

const GRANTED = { access_token: 'tok-new-access', expires_in: 300 };
const PERMANENT = / \(not tried again in this run with the same token URL and credentials\)$/;
/** The end of a transient failure's message; `seconds` may be a pattern (`1[01]`). */
const RETRY_IN = (seconds: number | string) => new RegExp(` \\(next try in ${seconds} s\\)$`);

type Kind = 'permanent' | 'transient';

/** The classification table: what the token endpoint answered → how the failure is treated. */
const CLASSES: { answer: string; reply: ServerReply; kind: Kind }[] = [
  ...[
    'invalid_client',
    'unauthorized_client',
    'unsupported_grant_type',
    'invalid_scope',
    'invalid_request',
    'invalid_grant',
  ].flatMap((error) => [
    { answer: `400 ${error}`, reply: { status: 400, json: { error } }, kind: 'permanent' as const },
    // The OAuth error decides even on a server error status…
    { answer: `500 ${error}`, reply: { status: 500, json: { error } }, kind: 'permanent' as const },
  ]),
  // …but never on 429: rate limiting is about pace, whatever the body says.
  { answer: '429 invalid_client', reply: { status: 429, json: { error: 'invalid_client' } }, kind: 'transient' },
  { answer: '400 without a body', reply: { status: 400, text: '' }, kind: 'permanent' },
  { answer: '401 invalid_client', reply: { status: 401, json: { error: 'invalid_client' } }, kind: 'permanent' },
  { answer: '403 HTML', reply: { status: 403, text: '<html>forbidden</html>' }, kind: 'permanent' },
  { answer: '404', reply: { status: 404, json: { message: 'not found' } }, kind: 'permanent' },
  { answer: '200 not JSON', reply: { status: 200, text: 'access_token=abc' }, kind: 'permanent' },
  { answer: '200 without access_token', reply: { status: 200, json: { token_type: 'Bearer' } }, kind: 'permanent' },
  { answer: '201 with an empty access_token', reply: { status: 201, json: { access_token: '' } }, kind: 'permanent' },
  { answer: '408', reply: { status: 408, text: '' }, kind: 'transient' },
  { answer: '429', reply: { status: 429, json: { error: 'slow_down' } }, kind: 'transient' },
  { answer: '500 server_error', reply: { status: 500, json: { error: 'server_error' } }, kind: 'transient' },
  { answer: '502 HTML', reply: { status: 502, text: '<html>bad gateway</html>' }, kind: 'transient' },
  {
    answer: '503 temporarily_unavailable',
    reply: { status: 503, json: { error: 'temporarily_unavailable' } },
    kind: 'transient',
  },
  { answer: '504', reply: { status: 504, text: '' }, kind: 'transient' },
  ...['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].map((code) => ({
    answer: `network ${code}`,
    reply: { networkError: { code } },
    kind: 'transient' as const,
  })),
  {
    answer: 'network error with a message only',
    reply: { networkError: { message: 'socket hang up' } },
    kind: 'transient',
  },
];

/** One request of a run: the pre-request script with the local variables the previous one left. */
async function request(
  module: SandboxModule,
  step: {
    replies?: ServerReply[];
    local?: Record<string, string>;
    collection?: Record<string, string>;
    clockOffsetMs?: number;
    auth?: Partial<OAuth2Resolved>;
  },
): Promise<ScriptResult> {
  const scripts = await scriptsFor(step.auth);
  const result = await runScript(module, {
    script: scripts.prerequest,
    listen: 'prerequest',
    collectionVariables: { ...BASE_VARIABLES, ...step.collection },
    localVariables: step.local ?? {},
    replies: step.replies ?? [],
    ...(step.clockOffsetMs ? { clockOffsetMs: step.clockOffsetMs } : {}),
  });
  expect(result.errors).toEqual([]);
  for (const secret of SECRETS) expect(visibleOutput(result)).not.toContain(secret);
  // Nothing about the failure outside the run-local scope, and no secret in clear inside it.
  expect(
    Object.keys({ ...result.collectionVariables, ...result.environment }).filter((key) =>
      key.startsWith('gen_collection_failure'),
    ),
  ).toEqual([]);
  expect(JSON.stringify(result.localVariables)).not.toContain(CLIENT_SECRET);
  return result;
}

/** The error of the one failing test, '' when the request went ahead. */
function failureOf(result: ScriptResult): string {
  if (result.assertions.length === 0 && !result.skipped) return '';
  expect(result.assertions).toHaveLength(1);
  expect(result.skipped).toBe(true);
  return result.assertions[0]!.error ?? '';
}

describe.each(SANDBOXES)('token failures in $label', ({ module }) => {
  it.each(CLASSES)('$answer → $kind', async ({ reply, kind }) => {
    const first = await request(module, { replies: [reply] });
    expect(first.sent).toHaveLength(1);
    expect(failureOf(first)).toMatch(kind === 'permanent' ? PERMANENT : RETRY_IN(1));
    // The next request at once: not sent, whatever the kind, naming the first cause.
    const next = await request(module, { local: first.localVariables });
    expect(next.sent).toEqual([]);
    expect(failureOf(next).replace(/\(next try in \d s\)$/, '')).toBe(
      failureOf(first).replace(/\(next try in \d s\)$/, ''),
    );
    // Two seconds later, past the first backoff window: only a transient failure is tried again.
    const later = await request(module, {
      local: first.localVariables,
      clockOffsetMs: 2_000,
      replies: kind === 'transient' ? [{ status: 200, json: GRANTED }] : [],
    });
    expect({ sent: later.sent.length, failed: failureOf(later) !== '' }).toEqual(
      kind === 'transient' ? { sent: 1, failed: false } : { sent: 0, failed: true },
    );
  });

  it('a permanent failure: no token request again in the run; changed inputs get a fresh attempt at once', async () => {
    const local = (await request(module, { replies: [{ status: 401, json: { error: 'invalid_client' } }] }))
      .localVariables;
    for (const clockOffsetMs of [0, 60_000, 3_600_000]) {
      const again = await request(module, { local, clockOffsetMs });
      expect(again.sent).toEqual([]);
      expect(failureOf(again)).toMatch(/HTTP 401 \(invalid_client\) \(not tried again/);
    }
    // The user fixes the secret (in the Postman app, the environment's current value): asked again at once.
    const fixed = await request(module, {
      local,
      collection: { client_secret: 'the-right-secret' },
      replies: [{ status: 200, json: GRANTED }],
    });
    expect(fixed.sent).toHaveLength(1);
    expect(failureOf(fixed)).toBe('');
    expect(fixed.collectionVariables.access_token).toBe('tok-new-access');
    // A changed scope is a changed request too.
    const rescoped = await request(module, {
      local,
      auth: { params: { scope: 'read' } },
      replies: [{ status: 200, json: GRANTED }],
    });
    expect(rescoped.sent).toHaveLength(1);
  });

  it('a transient failure backs off 1, 2, 4, 8, 16 s, then 30 s, counted from the failed attempt', async () => {
    let local: Record<string, string> = {};
    let clock = 0;
    const windows: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const failed = await request(module, { local, clockOffsetMs: clock, replies: [{ status: 503, text: '' }] });
      expect(failed.sent).toHaveLength(1);
      const seconds = Number(/next try in (\d+) s\)$/.exec(failureOf(failed))?.[1]);
      windows.push(seconds);
      local = failed.localVariables;
      // Just before the window ends: still held back.
      const early = await request(module, { local, clockOffsetMs: clock + seconds * 1000 - 300 });
      expect(early.sent).toEqual([]);
      expect(failureOf(early)).toMatch(RETRY_IN(1));
      clock += seconds * 1000 + 50;
    }
    expect(windows).toEqual([1, 2, 4, 8, 16, 30, 30]);
    // Recovered: the token is saved and the memory forgotten, so the next outage starts again at 1 s.
    const recovered = await request(module, { local, clockOffsetMs: clock, replies: [{ status: 200, json: GRANTED }] });
    expect(failureOf(recovered)).toBe('');
    const outage = await request(module, {
      local: recovered.localVariables,
      clockOffsetMs: clock,
      replies: [{ status: 503, text: '' }],
    });
    expect(failureOf(outage)).toMatch(RETRY_IN(1));
  });

  it.each<{ name: string; headers: Record<string, string>; seconds: number; shown?: string; earlyMs: number }>([
    {
      name: 'Retry-After in seconds longer than the backoff wins',
      headers: { 'Retry-After': '3' },
      seconds: 3,
      earlyMs: 2_600,
    },
    // An HTTP date has whole seconds: one 10 s after the next whole second is 10 to 11 s away, and the script
    // reads the clock a few milliseconds after the test wrote the date (more on a loaded machine): 10 or 11 s.
    {
      name: 'Retry-After as an HTTP date',
      headers: { 'retry-after': 'in 10 s' },
      seconds: 11,
      shown: '1[01]',
      earlyMs: 9_600,
    },
    {
      name: 'a shorter Retry-After does not shorten the backoff',
      headers: { 'Retry-After': '0' },
      seconds: 1,
      earlyMs: 600,
    },
    { name: 'an unreadable Retry-After is ignored', headers: { 'Retry-After': 'soon' }, seconds: 1, earlyMs: 600 },
  ])('429: $name', async ({ headers, seconds, shown, earlyMs }) => {
    const values = { ...headers };
    for (const key in values)
      if (values[key] === 'in 10 s')
        values[key] = new Date(Math.floor(Date.now() / 1000 + 1) * 1000 + 10_000).toUTCString();
    const first = await request(module, { replies: [{ status: 429, json: { error: 'slow_down' }, headers: values }] });
    expect(failureOf(first)).toMatch(RETRY_IN(shown ?? seconds));
    const early = await request(module, { local: first.localVariables, clockOffsetMs: earlyMs });
    expect(early.sent).toEqual([]);
    const due = await request(module, {
      local: first.localVariables,
      clockOffsetMs: seconds * 1000 + 1000,
      replies: [{ status: 200, json: GRANTED }],
    });
    expect(due.sent).toHaveLength(1);
  });

  it('a refused refresh token is not remembered: the primary grant decides', async () => {
    const result = await request(module, {
      collection: { refresh_token: 'rt-stored-refresh' },
      replies: [
        { status: 400, json: { error: 'invalid_grant' } },
        { status: 200, json: GRANTED },
      ],
    });
    expect(result.sent).toHaveLength(2);
    expect(failureOf(result)).toBe('');
    expect(Object.keys(result.localVariables).filter((key) => result.localVariables[key])).toEqual([]);
  });

  it('each access token variable has its own memory', async () => {
    const failed = await request(module, { replies: [{ status: 401, json: { error: 'invalid_client' } }] });
    const other = await request(module, {
      local: failed.localVariables,
      auth: { variables: { ...BASE_AUTH.variables, accessToken: 'admin_token' } },
      replies: [{ status: 200, json: GRANTED }],
    });
    expect(other.sent).toHaveLength(1);
  });
});
