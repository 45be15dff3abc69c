import { describe, expect, it } from 'vitest';
import type { GenCollectionConfig } from '../../src/config/config-types.generated.js';
import { validateConfig } from '../../src/config/validate.js';
import { mergeConfigOverrides } from '../../src/openapi/index.js';

const generated: GenCollectionConfig = {
  name: 'Petstore',
  description: 'From the spec',
  auth: {
    type: 'oauth2',
    grantType: 'client_credentials',
    tokenUrl: 'https://a.example.com/t',
    secretVariables: ['session'],
  },
  environments: { prod: { base_url: 'https://api.example.com' } },
  variables: { base_url: 'https://api.example.com', token_url: 'https://a.example.com/t' },
  items: [{ name: 'List pets', url: '{{base_url}}/pets' }],
};

describe('mergeConfigOverrides: a config given with -c overrides the generated one', () => {
  const cases: {
    name: string;
    user: Partial<GenCollectionConfig> | undefined;
    expected: Partial<GenCollectionConfig>;
  }[] = [
    { name: 'no user config: unchanged', user: undefined, expected: generated },
    {
      name: 'name and description',
      user: { name: 'Mine', description: 'Own words' },
      expected: { ...generated, name: 'Mine', description: 'Own words' },
    },
    { name: 'output', user: { name: 'Petstore', output: 'out' }, expected: { ...generated, output: 'out' } },
    {
      name: 'formats',
      user: { name: 'Petstore', formats: ['postman-v3'] },
      expected: { ...generated, formats: ['postman-v3'] },
    },
    {
      name: 'auth replaced; generated secret variables kept secret',
      user: {
        name: 'Petstore',
        auth: { type: 'oauth2', tokenUrl: '{{base_url}}/token', clientAuth: 'basic', secretVariables: ['extra'] },
      },
      expected: {
        ...generated,
        auth: {
          type: 'oauth2',
          tokenUrl: '{{base_url}}/token',
          clientAuth: 'basic',
          secretVariables: ['extra', 'session'],
        },
      },
    },
    {
      name: 'auth profiles added',
      user: {
        name: 'Petstore',
        authProfiles: { adminauth: { type: 'oauth2', tokenUrl: '{{admin_token_url}}', clientAuth: 'basic' } },
      },
      expected: {
        ...generated,
        authProfiles: { adminauth: { type: 'oauth2', tokenUrl: '{{admin_token_url}}', clientAuth: 'basic' } },
      },
    },
    {
      name: 'environments replaced whole',
      user: { name: 'Petstore', environments: { local: { base_url: 'http://localhost:3000', client_id: 'me' } } },
      expected: { ...generated, environments: { local: { base_url: 'http://localhost:3000', client_id: 'me' } } },
    },
    {
      name: 'variables merged, the user wins',
      user: { name: 'Petstore', variables: { base_url: 'http://localhost:3000', trace: 'on' } },
      expected: {
        ...generated,
        variables: { base_url: 'http://localhost:3000', token_url: 'https://a.example.com/t', trace: 'on' },
      },
    },
    {
      name: 'scripts',
      user: { name: 'Petstore', scripts: { test: 'scripts-src/common.ts' } },
      expected: { ...generated, scripts: { test: 'scripts-src/common.ts' } },
    },
    {
      name: 'items appended after the generated ones',
      user: { name: 'Petstore', items: [{ name: 'Health', url: '{{base_url}}/health', auth: 'none' }] },
      expected: {
        ...generated,
        items: [...generated.items!, { name: 'Health', url: '{{base_url}}/health', auth: 'none' }],
      },
    },
  ];
  it.each(cases)('$name', ({ user, expected }) => {
    const merged = mergeConfigOverrides(generated, user);
    expect(merged).toEqual(expected);
    expect(() => validateConfig(JSON.parse(JSON.stringify(merged)), 'merged')).not.toThrow();
  });

  it('auth profiles merge by name with the generated ones', () => {
    const withProfiles: GenCollectionConfig = {
      ...generated,
      authProfiles: {
        adminauth: { type: 'oauth2', tokenUrl: 'https://admin.example.com/t', scope: 'admin' },
        partner: { type: 'oauth2', tokenUrl: 'https://p.example.com/t' },
      },
    };
    const merged = mergeConfigOverrides(withProfiles, {
      name: 'Petstore',
      authProfiles: { adminauth: { type: 'oauth2', tokenUrl: '{{admin_token_url}}', scope: 'admin' } },
    });
    expect(merged.authProfiles).toEqual({
      adminauth: { type: 'oauth2', tokenUrl: '{{admin_token_url}}', scope: 'admin' },
      partner: { type: 'oauth2', tokenUrl: 'https://p.example.com/t' },
    });
  });

  it('does not change its inputs', () => {
    const before = JSON.stringify(generated);
    mergeConfigOverrides(generated, {
      name: 'x',
      variables: { a: '1' },
      items: [{ name: 'b', url: 'c' }],
      auth: { type: 'bearer' },
    });
    expect(JSON.stringify(generated)).toBe(before);
  });
});
