import { describe, expect, it } from 'vitest';
import { mapSpec, oneOperation, openapi, requests, swagger } from './map-spec.js';

const op = { get: { responses: { '200': { description: 'ok' } } } };

describe('servers → base_url, one environment per server', () => {
  const cases: {
    name: string;
    spec: object;
    environments: Record<string, Record<string, string>>;
    warning?: RegExp;
  }[] = [
    {
      name: 'one server, named from its description',
      spec: openapi({ servers: [{ url: 'https://api.example.com/v1', description: 'Production (EU)' }] }),
      environments: { 'production-eu': { base_url: 'https://api.example.com/v1' } },
    },
    {
      name: 'named from the host when there is no description; trailing slash dropped',
      spec: openapi({ servers: [{ url: 'https://api.example.com/v1/' }, { url: 'http://localhost:8080' }] }),
      environments: {
        'api.example.com': { base_url: 'https://api.example.com/v1' },
        'localhost-8080': { base_url: 'http://localhost:8080' },
      },
    },
    {
      name: 'server variables take their default, else their first enum value',
      spec: openapi({
        servers: [
          {
            url: 'https://{tenant}.example.com/{version}',
            variables: { tenant: { default: 'acme' }, version: { enum: ['v2', 'v1'] } },
          },
        ],
      }),
      environments: { 'acme.example.com': { base_url: 'https://acme.example.com/v2' } },
    },
    {
      name: 'a variable without default stays and is warned about',
      spec: openapi({ servers: [{ url: 'https://{tenant}.example.com', variables: { tenant: {} } }] }),
      environments: { 'tenant-example-com': { base_url: 'https://{tenant}.example.com' } },
      warning: /\/servers\/0\/url: server variable 'tenant' has no default/,
    },
    {
      name: 'equal names made unique',
      spec: openapi({
        servers: [
          { url: 'https://a.example.com', description: 'Sandbox' },
          { url: 'https://b.example.com', description: 'sandbox' },
        ],
      }),
      environments: {
        sandbox: { base_url: 'https://a.example.com' },
        'sandbox-2': { base_url: 'https://b.example.com' },
      },
    },
    {
      name: 'a relative server URL is kept and warned about',
      spec: openapi({ servers: [{ url: '/api/v1' }] }),
      environments: { server: { base_url: '/api/v1' } },
      warning: /server URL '\/api\/v1' is relative/,
    },
    {
      name: 'no servers: an empty base_url in a default environment, with a warning',
      spec: openapi({ servers: undefined }),
      environments: { default: { base_url: '' } },
      warning: /names no server, so base_url is empty/,
    },
    {
      name: 'Swagger 2.0 host, basePath, one scheme',
      spec: swagger({ host: 'api.example.com', basePath: '/v2', schemes: ['https'] }),
      environments: { 'api.example.com': { base_url: 'https://api.example.com/v2' } },
    },
    {
      name: 'Swagger 2.0 with two schemes: one environment per scheme',
      spec: swagger({ host: 'api.example.com:8443', schemes: ['http', 'https'] }),
      environments: {
        http: { base_url: 'http://api.example.com:8443' },
        https: { base_url: 'https://api.example.com:8443' },
      },
    },
    {
      name: 'Swagger 2.0 without schemes: https',
      spec: swagger({ host: 'api.example.com', basePath: '/' }),
      environments: { 'api.example.com': { base_url: 'https://api.example.com' } },
    },
    {
      name: 'Swagger 2.0 without host: the basePath, relative',
      spec: swagger({ host: undefined, basePath: '/v2' }),
      environments: { server: { base_url: '/v2' } },
      warning: /server URL '\/v2' is relative/,
    },
  ];

  it.each(cases)('$name', async ({ spec, environments, warning }) => {
    const { config, warnings } = await mapSpec({ ...spec, paths: { '/a': op } });
    expect(config.environments).toEqual(environments);
    expect(config.variables).toEqual(Object.values(environments)[0]);
    expect(requests(config)[0]!.url).toBe('{{base_url}}/a');
    if (warning) expect(warnings.join('\n')).toMatch(warning);
    else expect(warnings).toEqual([]);
  });
});

describe('operation-level servers', () => {
  it('a server that is not one of the spec servers is written into the URL, with a warning', async () => {
    const spec = oneOperation({ servers: [{ url: 'https://uploads.example.com/' }] });
    const { config, warnings } = await mapSpec(spec);
    expect(requests(config)[0]!.url).toBe('https://uploads.example.com/things');
    expect(warnings.join('\n')).toMatch(/operations on \/things name their own server https:\/\/uploads\.example\.com/);
  });

  it('a path-level server equal to a spec server keeps {{base_url}}', async () => {
    const spec = openapi({ paths: { '/a': { servers: [{ url: 'https://api.example.com' }], ...op } } });
    const { config, warnings } = await mapSpec(spec);
    expect(requests(config)[0]!.url).toBe('{{base_url}}/a');
    expect(warnings).toEqual([]);
  });
});
