// `inject --extract-secrets`, UTF-16 and info-less files through the real binary: what it writes, with which
// mode, what it prints, and what it refuses.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { SECRET_FIXTURE_DIR, secretFixtureText } from '../inject/secret-fixtures.js';
import { listFiles, runCli } from './run-cli.js';

const FIXTURE = 'secrets-v20.postman_collection.json';

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return order === 'le' ? le : Buffer.from(le).swap16();
}

describe('inject --extract-secrets through the binary', () => {
  it('without the flag: exit 2, nothing written, the message names --extract-secrets', () => {
    const dir = tempDir();
    dir.write('in.json', secretFixtureText(FIXTURE));
    const r = runCli(['inject', 'in.json', '-o', 'out.json', '--env-dir', 'env'], dir.dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--extract-secrets FILE');
    expect(listFiles(dir.dir)).toEqual(['in.json']);
  });

  it('writes the collection, the templates and FILE (mode 0600, the values), prints one line per move, masked', () => {
    const dir = tempDir();
    dir.write('in.json', secretFixtureText(FIXTURE));
    const r = runCli(
      ['inject', 'in.json', '-o', 'out.json', '--env-dir', 'env', '--extract-secrets', 'secrets.json'],
      dir.dir,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(dir.path('secrets.json')).mode & 0o777).toBe(0o600);
    const secrets = JSON.parse(readFileSync(dir.path('secrets.json'), 'utf8'));
    expect(secrets._postman_variable_scope).toBe('environment');
    expect(secrets.values.every((v: { type: string; enabled: boolean }) => v.type === 'secret' && v.enabled)).toBe(
      true,
    );
    expect(secrets.values.find((v: { key: string }) => v.key === 'basic_password').value).toBe('Billing-Pa55-word');
    const lines = r.stderr.split('\n').filter((l) => l.includes(': moved to {{'));
    expect(lines.length).toBeGreaterThanOrEqual(secrets.values.length);
    expect(lines).toContain('in.json: /item/1/auth/basic/password: moved to {{basic_password}} (Bill…)');
    for (const { value } of secrets.values) expect(r.stderr + r.stdout).not.toContain(value);

    // the output and the templates are audit-clean; the templates list the variables blank, type secret
    const env = listFiles(dir.path('env')).map((f) => join('env', f));
    const audit = runCli(['audit', 'out.json', ...env], dir.dir);
    expect(audit.status, audit.stdout).toBe(0);
    const template = JSON.parse(readFileSync(dir.path(env[0]!), 'utf8'));
    for (const { key } of secrets.values)
      expect(template.values).toContainEqual({ key, value: '', type: 'secret', enabled: true });
    // the values file itself is what audit flags
    expect(runCli(['audit', 'secrets.json'], dir.dir).status).toBe(1);
  });

  it('again on its output: the same bytes, FILE left as it was; the same input again: the same FILE', () => {
    const dir = tempDir();
    dir.write('in.json', secretFixtureText(FIXTURE));
    const args = ['--env-dir', 'env', '--extract-secrets', 'secrets.json'];
    expect(runCli(['inject', 'in.json', '-o', 'out.json', ...args], dir.dir).status).toBe(0);
    const first = {
      out: readFileSync(dir.path('out.json'), 'utf8'),
      secrets: readFileSync(dir.path('secrets.json'), 'utf8'),
      env: listFiles(dir.path('env')).map((f) => readFileSync(join(dir.path('env'), f), 'utf8')),
    };
    const again = runCli(['inject', 'out.json', '--in-place', ...args], dir.dir);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain('no literal secrets to move: secrets.json left as it was');
    expect(readFileSync(dir.path('out.json'), 'utf8')).toBe(first.out);
    expect(readFileSync(dir.path('secrets.json'), 'utf8')).toBe(first.secrets);
    expect(listFiles(dir.path('env')).map((f) => readFileSync(join(dir.path('env'), f), 'utf8'))).toEqual(first.env);
    expect(runCli(['inject', 'in.json', '-o', 'out.json', ...args], dir.dir).status).toBe(0);
    expect(readFileSync(dir.path('secrets.json'), 'utf8')).toBe(first.secrets);
  });

  it('never overwrites a FILE holding other values, nor names the collection itself (exit 2, nothing written)', () => {
    const dir = tempDir();
    dir.write('in.json', secretFixtureText(FIXTURE));
    dir.write('secrets.json', '{"values": [{"key": "earlier", "value": "keep-me"}]}');
    const r = runCli(['inject', 'in.json', '-o', 'out.json', '--extract-secrets', 'secrets.json'], dir.dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('secrets.json');
    expect(r.stderr).toContain('never overwrites');
    expect(listFiles(dir.dir)).toEqual(['in.json', 'secrets.json']);
    expect(readFileSync(dir.path('secrets.json'), 'utf8')).toContain('keep-me');
    expect(runCli(['inject', 'in.json', '--in-place', '--extract-secrets', 'in.json'], dir.dir).status).toBe(2);
  });
});

describe('reading what Newman reads', () => {
  it.each(['le', 'be'] as const)(
    'UTF-16 %s with a BOM: inject reads the collection, audit reads it and an environment',
    (order) => {
      const dir = tempDir();
      dir.write(
        'in.json',
        utf16(
          readFileSync(
            join(SECRET_FIXTURE_DIR, '../collections/app-v21-nested-folders.postman_collection.json'),
            'utf8',
          ),
          order,
        ),
      );
      const env = {
        name: 'ps',
        values: [{ key: 'client_secret', value: 'ps-written-secret-1', enabled: true }],
        _postman_variable_scope: 'environment',
      };
      dir.write('env.json', utf16(JSON.stringify(env, null, 2), order));
      const inject = runCli(['inject', 'in.json', '-o', 'out.json'], dir.dir);
      expect(inject.status, inject.stderr).toBe(0);
      expect(JSON.parse(readFileSync(dir.path('out.json'), 'utf8')).info.name).toBe('Orders API');
      const audit = runCli(['audit', 'env.json', 'out.json'], dir.dir);
      expect(audit.status).toBe(1);
      expect(audit.stdout).toBe('env.json: /values/0/value: literal variable "client_secret" in environment (ps-w…)\n');
    },
  );

  it('a collection without info: inject writes one named after the file and says so; audit reads it', () => {
    const dir = tempDir();
    const collection = {
      item: [
        {
          name: 'Ping',
          request: {
            method: 'GET',
            url: '{{base_url}}/ping',
            header: [{ key: 'X-API-Key', value: 'noinfo-key-1234' }],
          },
        },
      ],
    };
    dir.write('legacy-export.postman_collection.json', JSON.stringify(collection, null, 2));
    const audit = runCli(['audit', 'legacy-export.postman_collection.json'], dir.dir);
    expect(audit.stdout).toContain('/item/0/request/header/0/value: literal X-API-Key header in request');
    const r = runCli(
      ['inject', 'legacy-export.postman_collection.json', '-o', 'out.json', '--extract-secrets', 'secrets.json'],
      dir.dir,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('legacy-export.postman_collection.json: /info: the collection has no "info" object');
    const out = JSON.parse(readFileSync(dir.path('out.json'), 'utf8'));
    expect(Object.keys(out)[0]).toBe('info');
    expect(out.info).toEqual({
      name: 'legacy-export',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    });
    expect(out.item[0].request.header[0].value).toBe('{{x_api_key_header}}');
    writeFileSync(dir.path('not-a-collection.json'), JSON.stringify({ name: 'x', values: 3 }));
    expect(runCli(['inject', 'not-a-collection.json'], dir.dir).status).toBe(2);
  });
});

describe('inject --env-dir: variables used where a secret goes', () => {
  it('are typed secret and left empty in the templates, a configured value dropped with a warning', () => {
    const dir = tempDir();
    dir.write(
      'in.json',
      readFileSync(join(SECRET_FIXTURE_DIR, '../collections/app-v20-object-auth.postman_collection.json'), 'utf8'),
    );
    const config = {
      name: 'x',
      auth: { type: 'oauth2', tokenUrl: '{{token_url}}' },
      environments: { dev: { billing_password: 'typed-into-config', billing_user: 'billing' } },
    };
    dir.write('gen-collection.config.json', JSON.stringify(config));
    const r = runCli(['inject', 'in.json', '-o', 'out.json', '--env-dir', 'env'], dir.dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('/environments/dev/billing_password: {{billing_password}} is used where a secret goes');
    const [file] = listFiles(dir.path('env'));
    const values = JSON.parse(readFileSync(join(dir.path('env'), file!), 'utf8')).values;
    expect(values).toContainEqual({ key: 'billing_password', value: '', type: 'secret', enabled: true });
    expect(values).toContainEqual({ key: 'billing_user', value: 'billing', type: 'default', enabled: true });
    expect(readFileSync(join(dir.path('env'), file!), 'utf8')).not.toContain('typed-into-config');
  });
});
