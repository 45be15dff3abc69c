/**
 * Example secrets of a spec leave every format, and only where the Postman files lost them: the plan the other
 * formats render loses each secret in the value it was found in, never elsewhere. An example password `secret`
 * (GitHub's spec has one) once went from every text of the plan: `/actions/secrets/{secret_name}` became
 * `/actions/s/{_name}` in the postman-v3 and Bruno outputs, and a query example `none` (Trello's) turned the
 * `none` auth of requests into '' and crashed the postman-v3 renderer.
 */
import { describe, expect, it } from 'vitest';
import { redactPlan } from '../../src/audit/redact-plan.js';
import { buildResolved } from '../../src/build/build-from-config.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { validateConfig } from '../../src/config/validate.js';
import { planCollection } from '../../src/plan/plan-collection.js';
import type { PlanRequest } from '../../src/plan/plan.js';
import { Warnings } from '../../src/warnings.js';
import { resolvedSpecConfig } from '../helpers/spec-config.js';
import { tempDir } from '../helpers/temp-dir.js';

const work = tempDir('gen-collection-redact-plan-').dir;

const spec = {
  openapi: '3.0.3',
  info: { title: 'Secrets', version: '1' },
  servers: [{ url: 'https://api.example.com' }],
  components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
  security: [{ key: [] }],
  paths: {
    '/actions/secrets/{secret_name}': {
      put: {
        summary: 'Create or update a secret',
        description: 'Stores a secret.',
        parameters: [{ name: 'secret_name', in: 'path', required: true, example: 'deploy' }],
        requestBody: {
          content: {
            'application/json': { example: { vcs_username: 'octocat', vcs_password: 'secret', note: 'my secret' } },
          },
        },
        responses: { '204': { description: 'stored' } },
      },
    },
    '/search': {
      get: {
        summary: 'Search',
        security: [],
        parameters: [
          { name: 'token', in: 'query', example: 'none' },
          { name: 'X-API-Key', in: 'header', example: 'k3y-v4lue-12345' },
        ],
        responses: { '200': { description: 'ok' } },
      },
    },
  },
};

async function build() {
  const resolved = await resolvedSpecConfig(spec, ['postman', 'postman-v3', 'bruno']);
  return buildResolved(resolved, 'redact');
}

const requests = (items: readonly { kind: string }[]): PlanRequest[] =>
  items.flatMap((item) => ('items' in item ? requests(item.items as { kind: string }[]) : [item as PlanRequest]));

describe('example secrets of a spec, in the plan every other format renders', () => {
  it('go from the values they were found in, and from nothing else', async () => {
    const result = await build();
    const [store, search] = requests(result.plan.items);
    expect(store!.url).toBe('{{base_url}}/actions/secrets/:secret_name');
    expect(store!.name).toBe('Create or update a secret');
    expect(store!.description).toBe('Stores a secret.');
    expect(store!.body).toEqual({
      mode: 'json',
      json: { vcs_username: 'octocat', vcs_password: '', note: 'my secret' },
    });
    expect(search!.auth).toEqual({ kind: 'none' });
    expect(search!.effectiveAuth).toEqual({ kind: 'none' });
    expect(search!.query).toEqual([expect.objectContaining({ key: 'token', value: '' })]);
    expect(search!.headers).toEqual([expect.objectContaining({ key: 'X-API-Key', value: '' })]);
  });

  it('leave every format, which all render', async () => {
    const result = await build();
    const texts = result.outputs.map(({ format, files }) => ({
      format,
      text: files.map((f) => `${f.path}\n${f.content}`).join('\n'),
    }));
    expect(texts.map((t) => t.format)).toEqual(['postman', 'postman-v3', 'bruno']);
    for (const { format, text } of texts) {
      expect(text, format).not.toContain('k3y-v4lue-12345');
      expect(text, format).not.toMatch(/vcs_password\\?": \\?"secret/);
      expect(text, format).toContain('actions/secrets/');
      expect(text, format).toContain('Create or update a secret');
    }
  });
});

describe('redactPlan', () => {
  async function plan() {
    const config = {
      name: 'Plan',
      variables: { greeting: 'hello k3y-v4lue-12345' },
      environments: { dev: { base_url: 'https://dev.example.com', note: 'k3y-v4lue-12345' } },
      items: [
        {
          name: 'Folder',
          items: [
            {
              name: 'List',
              url: '{{base_url}}/none?token=none&page=1',
              query: { token: 'none' },
              auth: 'none',
              body: { urlencoded: { password: 'none', kind: 'none' } },
            },
          ],
        },
      ],
    };
    const resolved = resolveConfig(validateConfig(config, 'plan.json'), { file: 'plan.json', baseDir: work });
    return planCollection(resolved, new Warnings());
  }

  it('maps each place of a Postman file back to the plan value rendered there', async () => {
    const before = await plan();
    const after = redactPlan(before, [
      // the URL's own query entry comes first in the Postman list, then the config's
      { file: 0, path: ['item', 0, 'item', 0, 'request', 'url', 'query', 0, 'value'], secret: 'none' },
      { file: 0, path: ['item', 0, 'item', 0, 'request', 'url', 'query', 2, 'value'], secret: 'none' },
      { file: 0, path: ['item', 0, 'item', 0, 'request', 'body', 'urlencoded', 0, 'value'], secret: 'none' },
      { file: 0, path: ['variable', 0, 'value'], secret: 'k3y-v4lue-12345' },
      { file: 1, path: ['values', 1, 'value'], secret: 'k3y-v4lue-12345' },
    ]);
    const [list] = requests(after.items);
    expect(list!.url).toBe('{{base_url}}/none?token=&page=1');
    expect(list!.query).toEqual([expect.objectContaining({ key: 'token', value: '' })]);
    expect(list!.body).toEqual({
      mode: 'urlencoded',
      entries: [expect.objectContaining({ key: 'password', value: '' }), expect.objectContaining({ value: 'none' })],
    });
    expect(list!.auth).toEqual({ kind: 'none' });
    expect(list!.effectiveAuth).toEqual({ kind: 'none' });
    expect(after.variables).toEqual([{ key: 'greeting', value: 'hello ' }]);
    expect(after.environments[0]!.values.find((v) => v.key === 'note')!.value).toBe('');
    expect(after.environments[0]!.values.find((v) => v.key === 'base_url')!.value).toBe('https://dev.example.com');
    // the plan it was given is left as it was
    expect(requests(before.items)[0]!.url).toBe('{{base_url}}/none?token=none&page=1');
    expect(before.variables).toEqual([{ key: 'greeting', value: 'hello k3y-v4lue-12345' }]);
  });

  it('returns the same plan when nothing was redacted, and copies only the items on the way to a change', async () => {
    const before = await plan();
    expect(redactPlan(before, [])).toBe(before);
    const after = redactPlan(before, [{ file: 0, path: ['variable', 0, 'value'], secret: 'k3y-v4lue-12345' }]);
    expect(after.items[0]).toBe(before.items[0]);
    expect(after.environments).toBe(before.environments);
  });
});
