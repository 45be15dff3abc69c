/**
 * The Postman adapter's answers to the four differences of the Postman v3 runtime (token rule 11), run in both
 * real sandboxes with `pm` showing the v3 event name (`http:beforeRequest`), as `postman collection run` on a
 * v3 folder does: the environment found without a name, no unset of a name the environment lacks, the failure
 * memory kept where v3 does not drop it (the sandbox's own state: v3 drops the variable changes of a skipped
 * request), and an Authorization header on the token request so v3 lends it no Bearer.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { disposeSandboxes, runScript, SANDBOXES, type ScriptRun } from './sandbox-harness.js';
import { BASE_VARIABLES, CLIENT_ID, CLIENT_SECRET, formRequest, scriptsFor } from './token-fixtures.js';

afterAll(disposeSandboxes);

const GRANTED = { access_token: 'tok-new-access', token_type: 'Bearer', expires_in: 300 };
const CC_FIELDS: [string, string][] = [
  ['grant_type', 'client_credentials'],
  ['scope', 'read write'],
  ['client_id', CLIENT_ID],
  ['client_secret', CLIENT_SECRET],
];
/** `pm` as the v3 runtime shows it: the event name `http:beforeRequest`; `unset` of an absent name fails the test. */
const V3_PM = `(() => {
  const env = realPm.environment;
  return Object.create(realPm, {
    info: { value: { eventName: 'http:beforeRequest', requestId: realPm.info.requestId, requestName: realPm.info.requestName } },
    environment: { value: {
      name: env.name,
      has: (name) => env.has(name),
      get: (name) => env.get(name),
      set: (name, value) => env.set(name, value),
      toObject: (a, b) => env.toObject(a, b),
      unset: (name) => { if (!env.has(name)) throw new Error('unset of a name the environment lacks: ' + name); env.unset(name); },
    } },
  });
})()`;
/** Clears the sandbox state the v3 memory lives in (one sandbox serves every case of this file). */
const RESET = 'if (Array.prototype.genCollectionMemory) Array.prototype.genCollectionMemory = {};\n';

describe.each(SANDBOXES)('the Postman adapter on the v3 runtime, in $label', ({ module }) => {
  const run = async (overrides: Partial<ScriptRun>, reset = true) => {
    const { prerequest } = await scriptsFor();
    return runScript(module, {
      script: `${reset ? RESET : ''}${prerequest}`,
      listen: 'prerequest',
      pm: V3_PM,
      collectionVariables: BASE_VARIABLES,
      ...overrides,
    });
  };

  it('storage auto: an environment without a name that holds the token variables is the selected one', async () => {
    const result = await run({
      environment: { values: { access_token: '', token_expires_at: '' } },
      replies: [{ status: 200, json: GRANTED }],
    });
    expect(result.errors).toEqual([]);
    expect(result.environment.access_token).toBe('tok-new-access');
    expect(result.collectionVariables).not.toHaveProperty('access_token');
  });

  it('storage auto: values from --env-var alone (no token variables): collection variables, nothing unset', async () => {
    const result = await run({
      environment: { values: { client_secret: CLIENT_SECRET } },
      collectionVariables: { ...BASE_VARIABLES, client_secret: '' },
      replies: [{ status: 200, json: GRANTED }],
    });
    expect(result.errors).toEqual([]);
    expect(result.assertions).toEqual([]);
    expect(result.collectionVariables.access_token).toBe('tok-new-access');
    expect(Object.keys(result.environment)).toEqual(['client_secret']);
  });

  it('the token request carries an Authorization header of its own (empty for body client authentication)', async () => {
    const result = await run({ replies: [{ status: 200, json: GRANTED }] });
    expect(result.sent).toEqual([formRequest(CC_FIELDS, { Authorization: '' })]);
  });

  it('a permanent failure is remembered where a skipped request does not lose it: one token request', async () => {
    const first = await run({ replies: [{ status: 401, json: { error: 'invalid_client' } }] });
    expect(first.skipped).toBe(true);
    // v3 drops the local variables the failing request set: the next request starts without them.
    const second = await run({ localVariables: {} }, false);
    expect(second.errors).toEqual([]);
    expect(second.sent).toEqual([]);
    expect(second.skipped).toBe(true);
    expect(second.assertions[0]?.error).toMatch(/HTTP 401 \(invalid_client\) \(not tried again in this run/);
  });

  it('an undefined variable: the runtime cannot tell whether an environment is selected, both fixes named', async () => {
    const result = await run({
      environment: { values: { client_secret: CLIENT_SECRET } },
      collectionVariables: { base_url: 'https://auth.example.test' },
    });
    expect(result.sent).toEqual([]);
    expect(result.assertions[0]?.error).toBe(
      'no token request sent: not defined: {{client_id}} (no environment selected: newman run … -e <environment file>; or the selected one lacks it)',
    );
  });
});
