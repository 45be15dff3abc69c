// The README's config reference is checked against the schema, so the two cannot drift apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/temp-dir.js';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const schema = JSON.parse(readFileSync(join(root, 'schema/config.schema.json'), 'utf8'));
const reference = readme.split('<!-- config-reference:start -->')[1]?.split('<!-- config-reference:end -->')[0] ?? '';

interface Property {
  name: string;
  default?: unknown;
}

/** Every property name the schema defines (deep, through definitions), with its default. */
function schemaProperties(): Property[] {
  const found = new Map<string, Property>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { properties?: Record<string, { default?: unknown; $ref?: string }> };
    for (const [name, sub] of Object.entries(n.properties ?? {})) {
      const def = sub.default;
      if (!found.has(name) || def !== undefined) found.set(name, { name, default: def });
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(schema);
  return [...found.values()];
}

describe('README config reference', () => {
  it('exists', () => {
    expect(reference.length).toBeGreaterThan(500);
  });

  it.each(schemaProperties())('documents `$name` and its default', ({ name, default: def }) => {
    const rows = reference
      .split('\n')
      .filter(
        (line) =>
          new RegExp('[`.]' + name.replace(/\$/g, '\\$') + '[`,]').test(line) || line.includes(`item \`${name}\``),
      );
    expect(rows.length, `no README row mentions ${name}`).toBeGreaterThan(0);
    if (def !== undefined && typeof def !== 'object') {
      expect(
        rows.some((row) => row.includes(`\`${String(def)}\``)),
        `README does not give ${name}'s default ${String(def)}`,
      ).toBe(true);
    }
  });
});

describe('README recipes for signed client authentication', () => {
  const section = readme.split('## Signed client authentication and the JWT bearer grant')[1]?.split('\n## ')[0] ?? '';
  const recipes = [...section.matchAll(/### Recipe: ([^\n]+)\n+```json\n([\s\S]*?)\n```/g)].map((m) => ({
    title: m[1]!,
    config: JSON.parse(m[2]!) as object,
  }));

  it('has the Google, Okta and Entra ID recipes', () => {
    expect(recipes.map((r) => r.title.split(/[ ,]/)[0])).toEqual(['Google', 'Okta', 'Microsoft']);
  });

  it.each(recipes)('$title: a complete config that builds, with the signer in the collection', async ({ config }) => {
    const { buildFromConfig } = await import('../src/build/build-from-config.js');
    const result = await buildFromConfig(config, { baseDir: root });
    const prerequest = (result.collection as { event: { listen: string; script: { exec: string[] } }[] }).event.find(
      (e) => e.listen === 'prerequest',
    )!;
    expect(prerequest.script.exec.join('\n')).toContain('const genCollectionSignJwt = ');
  });
});

describe('README auth profiles example', () => {
  const section =
    readme.split('## Auth profiles: several token servers, clients or scopes')[1]?.split('\n## ')[0] ?? '';
  const example = section.match(/```json\n([\s\S]*?)\n```/)?.[1] ?? '';

  it("builds, with each profile's variables in the environment template as the section says", async () => {
    const { buildFromConfig } = await import('../src/build/build-from-config.js');
    const result = await buildFromConfig(JSON.parse(example), { baseDir: root });
    const values = result.environments[0]!.json.values;
    const secrets = values.filter((v) => v.type === 'secret').map((v) => v.key);
    expect(secrets).toEqual(
      expect.arrayContaining(['client_secret', 'client_secret_admin', 'access_token_admin', 'access_token_writer']),
    );
    expect(values.map((v) => v.key)).not.toContain('client_id_writer');
  });
});

// issue 23: a config shown in the README builds as pasted into the file the text names (gen-collection.config.json)
describe('every config the README shows builds as pasted into gen-collection.config.json', () => {
  const blocks = [...readme.matchAll(/```(\w+)\n([\s\S]*?)\n```/g)]
    .map((m) => ({ lang: m[1]!, text: m[2]!, line: readme.slice(0, m.index).split('\n').length + 1 }))
    // A config has a top-level name; a CI workflow (also YAML with a name) has jobs.
    .filter((b) => /^(json|jsonc|ya?ml)$/.test(b.lang) && /^\s*"?name"?\s*:/m.test(b.text) && !/^jobs:/m.test(b.text));
  const tmp = tempDir();

  it('finds the configs (the auth profiles example and the three recipes at least)', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  it.each(blocks)('the $lang config at README.md line $line', async ({ lang, text, line }) => {
    const file = tmp.write(
      `readme-${line}/gen-collection.config.${lang.startsWith('y') ? 'yaml' : 'json'}`,
      `${text}\n`,
    );
    const { buildFromConfigFile } = await import('../src/build/build-from-config.js');
    const result = await buildFromConfigFile(file, { output: join(tmp.dir, `readme-${line}`, 'out') });
    expect(result.collectionFile).toMatch(/\.postman_collection\.json$/);
  });
});
