/** Items with auth profiles: the Bearer each folder and request sets, and which requests the header gives each profile. */
import { describe, expect, it } from 'vitest';
import { buildFromConfig } from '../../src/build/build-from-config.js';

const BEARER_ADMIN = { type: 'bearer', bearer: [{ key: 'token', value: '{{access_token_admin}}', type: 'string' }] };

interface Node {
  id?: string;
  name: string;
  auth?: object;
  item?: Node[];
  request?: { auth?: object };
}

async function build(items: unknown[]) {
  const { collection } = await buildFromConfig(
    {
      name: 'Profiles',
      auth: { type: 'oauth2', tokenUrl: '{{token_url}}' },
      authProfiles: {
        admin: { type: 'oauth2', tokenUrl: '{{admin_token_url}}' },
        partner: { type: 'oauth2', tokenUrl: '{{partner_token_url}}' },
      },
      items,
    },
    { baseDir: '/tmp' },
  );
  const exec = (collection.event as { listen: string; script: { exec: string[] } }[])
    .find((e) => e.listen === 'prerequest')!
    .script.exec.join('\n');
  const header = JSON.parse(exec.slice(exec.indexOf('= ') + 2, exec.indexOf('\n};\n') + 2)) as {
    skipRequestIds?: string[];
    profiles: Record<string, { requestIds: string[] }>;
  };
  const byName = new Map<string, Node>();
  const walk = (nodes: Node[]) => nodes.forEach((n) => (byName.set(n.name, n), n.item && walk(n.item)));
  walk(collection.item as Node[]);
  const id = (name: string) => byName.get(name)!.id!;
  return { header, node: (name: string) => byName.get(name)!, id };
}

describe('items with auth profiles', () => {
  it('folders and requests with a profile set its Bearer; nested requests inherit it; none stays none', async () => {
    const { header, node, id } = await build([
      { name: 'Default', url: 'u' },
      {
        name: 'Admin',
        auth: 'admin',
        items: [
          { name: 'Inherits admin', url: 'u' },
          {
            name: 'Nested',
            items: [
              { name: 'Deep admin', url: 'u' },
              { name: 'Own none', url: 'u', auth: 'none' },
            ],
          },
          { name: 'Partner inside admin', url: 'u', auth: 'partner' },
          { name: 'No auth folder', auth: 'none', items: [{ name: 'Inherits none', url: 'u' }] },
        ],
      },
      { name: 'Single admin', url: 'u', auth: 'admin' },
    ]);
    expect(node('Admin').auth).toEqual(BEARER_ADMIN);
    expect(node('Single admin').request!.auth).toEqual(BEARER_ADMIN);
    expect(node('Inherits admin').request!.auth).toBeUndefined();
    expect(node('Own none').request!.auth).toEqual({ type: 'noauth' });
    expect(header.profiles.admin!.requestIds).toEqual([id('Inherits admin'), id('Deep admin'), id('Single admin')]);
    expect(header.profiles.partner!.requestIds).toEqual([id('Partner inside admin')]);
    // Own `none` too: the Postman v3 runtime shows no auth for it, as every runtime does for an inherited one.
    expect(header.skipRequestIds).toEqual([id('Own none'), id('Inherits none')]);
  });
});
