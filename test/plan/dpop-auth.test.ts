/** The auth a DPoP config's collection and profiles carry: Postman's API Key auth sending `Authorization: DPoP`. */
import { describe, expect, it } from 'vitest';
import { buildFromConfig } from '../../src/build/build-from-config.js';

const dpopAuth = (variable: string) => ({
  type: 'apikey',
  apikey: [
    { key: 'key', value: 'Authorization', type: 'string' },
    { key: 'value', value: `DPoP {{${variable}}}`, type: 'string' },
    { key: 'in', value: 'header', type: 'string' },
  ],
});
const bearer = (variable: string) => ({
  type: 'bearer',
  bearer: [{ key: 'token', value: `{{${variable}}}`, type: 'string' }],
});

describe('the token auth of a DPoP config', () => {
  it.each([
    {
      name: 'DPoP default and profile',
      auth: true,
      profile: true,
      collection: dpopAuth('access_token'),
      folder: dpopAuth('access_token_admin'),
    },
    {
      name: 'DPoP profile only',
      auth: false,
      profile: true,
      collection: bearer('access_token'),
      folder: dpopAuth('access_token_admin'),
    },
    {
      name: 'DPoP default only',
      auth: true,
      profile: false,
      collection: dpopAuth('access_token'),
      folder: bearer('access_token_admin'),
    },
    {
      name: 'no DPoP',
      auth: false,
      profile: false,
      collection: bearer('access_token'),
      folder: bearer('access_token_admin'),
    },
  ])('$name', async ({ auth, profile, collection, folder }) => {
    const dpop = { dpop: { algorithm: 'ES256' } };
    const { collection: built } = await buildFromConfig(
      {
        name: 'DPoP',
        auth: { type: 'oauth2', tokenUrl: 'https://as.example/token', ...(auth ? dpop : {}) },
        authProfiles: { admin: { type: 'oauth2', tokenUrl: 'https://as.example/token', ...(profile ? dpop : {}) } },
        items: [{ name: 'Admin', auth: 'admin', items: [{ name: 'A', url: 'https://api.example/a' }] }],
      },
      { baseDir: '/tmp' },
    );
    expect(built.auth).toEqual(collection);
    expect((built.item as { auth?: object }[])[0]!.auth).toEqual(folder);
    const prerequest = JSON.stringify(built.event);
    expect(prerequest.includes('genCollectionDpopProof')).toBe(auth || profile);
  });
});
