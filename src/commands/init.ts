import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { ExitCode, GenCollectionError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { writeFilesAtomic } from '../write-files.js';
import { info } from './report.js';

const TEMPLATE_DIR = join(PACKAGE_ROOT, 'templates', 'init');
const SCHEMA_FILE = join(PACKAGE_ROOT, 'schema', 'config.schema.json');
// Paths inside templates/init/, written to the same place under --dir. The two tsconfig.json files equal
// scriptTsconfigFiles() (a test checks it): shipped as files so an existing project can copy them (README).
const FILES = [
  'gen-collection.config.json',
  'scripts-src/common-tests.ts',
  'scripts-src/prerequest/request-id.ts',
  'scripts-src/tsconfig.json',
  'scripts-src/prerequest/tsconfig.json',
].map((f) => f.split('/').join(sep));

/** `gen-collection init`: a starter config, example typed test and pre-request scripts, and their tsconfig.json files. */
export async function runInit(opts: { dir: string; force?: boolean }): Promise<ExitCode> {
  const dir = resolve(opts.dir);
  const existing = FILES.filter((f) => existsSync(join(dir, f)));
  if (existing.length > 0 && !opts.force) {
    throw new GenCollectionError(
      'output-exists',
      `${existing.map((f) => join(opts.dir, f)).join(', ')} already exist${existing.length === 1 ? 's' : ''}`,
      {
        fix: 'pass --force to overwrite, or --dir to write somewhere else',
      },
    );
  }
  const files = await Promise.all(
    FILES.map(async (f) => {
      let content = await readFile(join(TEMPLATE_DIR, f), 'utf8');
      if (f.endsWith('.json')) content = content.replace('SCHEMA_PATH', schemaReference(dir));
      return { path: join(dir, f), content };
    }),
  );
  await writeFilesAtomic(files);
  for (const f of files) info(`wrote ${relative(process.cwd(), f.path) || f.path}`);
  info('next: fill in base_url and client_id in "environments", then run: npx gen-collection build');
  info('type-check the scripts as build does: npx tsc -p scripts-src && npx tsc -p scripts-src/prerequest');
  info('another token server, client or scope for some requests: add "authProfiles" (README, "Auth profiles")');
  info(
    'a private key instead of a client secret: "clientAuth": "private_key_jwt" or "grantType": "jwt_bearer" (README, "Signed client authentication")',
  );
  return ExitCode.ok;
}

/** How the config's `$schema` points at the shipped schema: through node_modules when installed there. */
function schemaReference(dir: string): string {
  const installed = join(dir, 'node_modules', 'gen-collection', 'schema', 'config.schema.json');
  if (existsSync(installed)) return './node_modules/gen-collection/schema/config.schema.json';
  const rel = relative(dir, SCHEMA_FILE).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
