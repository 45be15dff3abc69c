/** The plan: format-neutral, with each request's effective auth, the ids the token scripts tell apart, and templates. */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { validateConfig } from '../../src/config/validate.js';
import { planCollection } from '../../src/plan/plan-collection.js';
import { planRequests } from '../../src/plan/items.js';
import type { Plan } from '../../src/plan/plan.js';
import { Warnings } from '../../src/warnings.js';

async function plan(config: Record<string, unknown>): Promise<Plan> {
  const file = '/tmp/gen-collection.config.json';
  const valid = validateConfig({ name: 'Plan', ...config }, file);
  return planCollection(resolveConfig(valid, { file, baseDir: '/tmp' }), new Warnings());
}

const OAUTH2 = { type: 'oauth2', tokenUrl: '{{token_url}}' };

describe('planCollection', () => {
  it('gives each request its effective auth: inherited through folders, none, or a profile', async () => {
    const p = await plan({
      auth: OAUTH2,
      authProfiles: { admin: { type: 'oauth2', tokenUrl: '{{admin_token_url}}' } },
      items: [
        { name: 'Default', url: 'u' },
        { name: 'Admin', auth: 'admin', items: [{ name: 'Inherits admin', url: 'u' }] },
        {
          name: 'Open',
          auth: 'none',
          items: [
            { name: 'Inherits none', url: 'u' },
            { name: 'Own admin', url: 'u', auth: 'admin' },
          ],
        },
      ],
    });
    const byName = Object.fromEntries(planRequests(p.items).map((r) => [r.name, r]));
    const cases: [string, Plan['items'][number]['auth']['kind'], string][] = [
      ['Default', 'inherit', 'collection'],
      ['Inherits admin', 'inherit', 'profile'],
      ['Inherits none', 'inherit', 'none'],
      ['Own admin', 'profile', 'profile'],
    ];
    for (const [name, own, effective] of cases) {
      expect(byName[name]!.auth.kind, name).toBe(own);
      expect(byName[name]!.effectiveAuth.kind, name).toBe(effective);
    }
    expect(p.token?.skipRequestIds).toEqual([byName['Inherits none']!.id]);
    expect(p.token?.profileRequestIds).toEqual({ admin: [byName['Inherits admin']!.id, byName['Own admin']!.id] });
  });

  it('lists the variables of nested folders, JSON bodies (keys and values), queries and descriptions', async () => {
    const p = await plan({
      auth: { type: 'none' },
      description: 'see {{docs_url}}',
      variables: { page_size: '{{default_size}}' },
      items: [
        {
          name: 'Outer',
          description: '{{folder_note}}',
          items: [
            {
              name: 'Inner',
              items: [
                {
                  name: 'Create',
                  method: 'POST',
                  url: '{{base_url}}/items/:id',
                  pathVariables: { id: '{{item_id}}' },
                  query: { size: '{{page_size}}' },
                  body: { json: { '{{key_name}}': ['{{tag}}', { event: '{{in_json}}' }] } },
                },
              ],
            },
          ],
        },
      ],
    });
    expect(p.variablesUsed).toEqual(
      [
        'base_url',
        'default_size',
        'docs_url',
        'folder_note',
        'in_json',
        'item_id',
        'key_name',
        'page_size',
        'tag',
      ].sort(),
    );
  });

  it('lists the variables used and writes secrets empty in every environment template', async () => {
    const p = await plan({
      auth: OAUTH2,
      environments: { dev: { token_url: 'https://id.example/token', client_id: 'ci' } },
      items: [{ name: 'Get', url: '{{base_url}}/x', headers: { 'X-Trace': '{{trace}}' } }],
    });
    expect(p.variablesUsed).toEqual(
      [
        'access_token',
        'base_url',
        'client_id',
        'client_secret',
        'refresh_token',
        'token_expires_at',
        'token_url',
        'trace',
      ].sort(),
    );
    const dev = p.environments[0]!;
    expect(dev.title).toBe('Plan - dev');
    expect(dev.values.find((v) => v.key === 'client_secret')).toEqual({
      key: 'client_secret',
      value: '',
      secret: true,
    });
    expect(dev.values.find((v) => v.key === 'client_id')).toEqual({ key: 'client_id', value: 'ci', secret: false });
  });

  it('holds no output format: no Postman keys (item, request, event, listen, exec) anywhere in it', async () => {
    const p = await plan({
      auth: OAUTH2,
      items: [{ name: 'F', items: [{ name: 'R', url: 'u', expect: { status: 200 } }] }],
    });
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, c] of Object.entries(v)) {
          keys.add(k);
          walk(c);
        }
    };
    walk(p);
    for (const postmanKey of ['item', 'request', 'event', 'listen', 'exec', '_postman_id', 'header'])
      expect(keys.has(postmanKey), postmanKey).toBe(false);
    expect(p.items[0]!.kind).toBe('folder');
  });
});
