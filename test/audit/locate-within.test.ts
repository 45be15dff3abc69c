// locateSecrets(value, within) enters only the objects and lists in `within` (inject's secret-position scan: the
// holders of the `{{variables}}` it probes): what it finds there is what a whole scan finds there.
import { describe, expect, it } from 'vitest';
import { locateSecrets } from '../../src/audit/scan-json.js';
import { collection } from './cases.js';

type Json = Record<string, unknown>;

/** A request whose literal secrets sit where each kind of rule looks: auth, a header, a query, a raw body, a shape. */
function request(n: number): Json {
  return {
    name: `R${n}`,
    request: {
      method: 'POST',
      auth: { type: 'basic', basic: [{ key: 'password', value: `pw-literal-${n}` }] },
      header: [{ key: 'X-API-Key', value: `key-literal-${n}` }],
      url: { raw: 'https://api.example.com/x', query: [{ key: 'api_key', value: `q-literal-${n}` }] },
      body: { mode: 'raw', raw: `{"client_secret": "body-literal-${n}", "note": "ghp_${'aB3'.repeat(12)}"}` },
    },
  };
}

/** The objects and lists from the root down to `path`'s holder. */
function holdersOf(root: unknown, path: (string | number)[]): object[] {
  const out: object[] = [];
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    out.push(node);
    node = node[key] as Record<string | number, unknown>;
  }
  return [...out, node];
}

describe('locateSecrets within a set of holders', () => {
  const value = collection({ item: [{ name: 'F', item: [request(1), request(2)] }, request(3)] });
  const whole = locateSecrets(value);

  it('without a set, every secret of every request is found', () => {
    for (const n of [1, 2, 3]) {
      for (const kind of ['pw', 'key', 'q', 'body'])
        expect(whole.some((s) => s.secret === `${kind}-literal-${n}`)).toBe(true);
    }
    expect(whole.filter((s) => s.secret.startsWith('ghp_'))).toHaveLength(3);
  });

  it('with the holders of one request, exactly what the whole scan finds in it', () => {
    const inside = (path: (string | number)[]) => path.join('/').startsWith('item/0/item/1/');
    const within = new WeakSet<object>();
    for (const found of whole.filter((s) => inside(s.path)))
      for (const h of holdersOf(value, found.path)) within.add(h);
    const located = locateSecrets(value, within);
    expect(located.length).toBeGreaterThan(0);
    expect(located).toEqual(whole.filter((s) => inside(s.path)));
  });

  it('an empty set enters nothing below the root', () => {
    expect(locateSecrets(value, new WeakSet())).toEqual([]);
  });
});
