#!/usr/bin/env node
// The gen-collection binary: commander wiring only. Each command's module is imported when it runs,
// so `--help` stays fast.
import { Command, CommanderError, Option } from 'commander';
import * as module from 'node:module';
import { ExitCode } from './errors.js';
import { stderr, stdout } from './commands/streams.js';
import { collectFormat } from './render/format-option.js';
import { VERSION } from './version.js';

// Node ≥ 22.1 keeps the compiled code of the modules loaded after this line (each command's) on disk for the next
// run, as npm and yarn do; Node 20 has no such cache, and the call is skipped.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const FORMAT_HELP =
  'output format, repeatable (default: the config\'s "formats", else postman): postman (collection v2.1 JSON + ' +
  'environments), postman-v3 (Postman v12 / Native Git: collections/<slug>/ + environments/*.environment.yaml), ' +
  'bruno (OpenCollection YAML for bru run: bruno/<slug>/)';

const program = new Command('gen-collection')
  .description(
    'Generate Postman v2.1 collections with typed, Newman-safe OAuth2 token scripts and secret-free environment templates.',
  )
  .version(VERSION, '-v, --version')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .configureOutput({ writeOut: (s) => stdout().write(s), writeErr: (s) => stderr().write(s) });

program
  .command('init')
  .description(
    'write five starter files: gen-collection.config.json, scripts-src/common-tests.ts (a test script), ' +
      'scripts-src/prerequest/request-id.ts (a pre-request script) and the tsconfig.json of each of the two folders',
  )
  .option('--dir <dir>', 'directory to write into', '.')
  .option('--force', 'overwrite existing files')
  .addHelpText('after', '\nExample:\n  $ gen-collection init --dir my-api && cd my-api && gen-collection build')
  .action(async (opts) => exit(await (await import('./commands/init.js')).runInit(opts)));

program
  .command('build')
  .description('config → <slug>.postman_collection.json and one <slug>.<env>.postman_environment.json per environment')
  .option(
    '-c, --config <file>',
    'config file (default: gen-collection.config.{json,yaml,yml} in the working directory)',
  )
  .option('-o, --output <dir>', 'output directory (default: the config\'s "output", else postman/)')
  .option('--format <format>', FORMAT_HELP, collectFormat)
  .option('--watch', 'rebuild whenever the config or a script it bundles changes (Ctrl-C to stop)')
  .addHelpText(
    'after',
    '\nExample:\n  $ gen-collection build -c examples/orders-api/gen-collection.config.json -o postman\n' +
      '  $ gen-collection build --watch\n' +
      '  $ gen-collection build --format bruno && (cd postman/bruno/orders-api && bru run --env dev --env-var client_secret=$CLIENT_SECRET)\n' +
      '  $ newman run postman/orders-api.postman_collection.json -e postman/orders-api.dev.postman_environment.json \\\n' +
      '      --env-var client_secret=$CLIENT_SECRET\n' +
      '  $ gen-collection build --format postman-v3 -o postman\n' +
      '  $ postman collection run postman/collections/orders-api -e postman/environments/orders-api.dev.environment.yaml \\\n' +
      '      --env-var client_secret=$CLIENT_SECRET',
  )
  .action(async (opts) => exit(await (await import('./commands/build.js')).runBuild(opts)));

program
  .command('openapi')
  .description('OpenAPI 3.0/3.1 or Swagger 2.0 (JSON or YAML) → the same outputs as build')
  .argument('<spec>', 'the API description file')
  .option('-c, --config <file>', 'config whose name, auth, environments and scripts override the spec')
  .option('-o, --output <dir>', 'output directory (default: the config\'s "output", else postman/)')
  .option('--format <format>', FORMAT_HELP, collectFormat)
  .option('--discover', 'fetch the OpenID Connect discovery document to find the token URL')
  .addHelpText(
    'after',
    '\nExample:\n  $ gen-collection openapi openapi.yaml -o postman\n' +
      '  $ gen-collection openapi openapi.yaml -o postman --format postman --format postman-v3',
  )
  .action(async (spec, opts) => exit(await (await import('./commands/openapi.js')).runOpenapi(spec, opts)));

program
  .command('inject')
  .description(
    'add the token scripts and collection-level Bearer auth to an exported collection (v2.0 or v2.1); output v2.1',
  )
  .argument('<collection>', 'the exported collection file')
  .option('-c, --config <file>', 'config giving the oauth2 settings (default: gen-collection.config.* if present)')
  .addOption(new Option('-o, --output <file>', 'write the result here (default: stdout)').conflicts('inPlace'))
  .option('--in-place', 'overwrite the input collection')
  .option('--env-dir <dir>', 'also write environment templates into this directory')
  .option('--force', 'replace an existing collection-level auth of another type')
  .option('--inherit-bearer', 'switch requests with their own Bearer {{access_token}} auth to inherit it')
  .option(
    '--extract-secrets <file>',
    'move each literal secret into a {{variable}}; <file> (a Postman environment, mode 0600) gets the values',
  )
  .addHelpText(
    'after',
    '\nExample:\n  $ gen-collection inject exported.json -c gen-collection.config.json -o injected.json --env-dir postman\n' +
      '  $ gen-collection inject exported.json -o injected.json --extract-secrets secrets.postman_environment.json\n' +
      '  $ newman run injected.json -e secrets.postman_environment.json   # keep secrets.*.json out of git',
  )
  .action(async (collection, opts) => exit(await (await import('./commands/inject.js')).runInject(collection, opts)));

program
  .command('bundle')
  .description(
    'write <dir>/prerequest.js and <dir>/test.js: the collection-level scripts alone, for pasting into the Postman app',
  )
  .option(
    '-c, --config <file>',
    'config file (default: gen-collection.config.{json,yaml,yml} in the working directory)',
  )
  .option('-o, --output <dir>', 'output directory (default: the config\'s "output", else postman/)')
  .addHelpText('after', '\nExample:\n  $ gen-collection bundle -o postman/scripts')
  .action(async (opts) => exit(await (await import('./commands/bundle.js')).runBundle(opts)));

program
  .command('keygen')
  .description(
    'write a fresh private key (PKCS#8 PEM, mode 0600) and print its public JWK, for private_key_jwt, jwt_bearer or DPoP',
  )
  .addOption(
    new Option('--alg <alg>', 'the JWS algorithm the key is for')
      .choices(['ES256', 'EdDSA', 'RS256', 'PS256'])
      .default('ES256'),
  )
  .option('-o, --output <file>', 'where to write the private key (never overwritten)', 'private-key.pem')
  .addHelpText(
    'after',
    '\nExample:\n  $ gen-collection keygen --alg ES256 -o dpop-key.pem > dpop-key.jwk.json\n' +
      '  $ newman run postman/orders-api.postman_collection.json --env-var dpop_private_key="$(cat dpop-key.pem)"',
  )
  .action(async (opts) => exit(await (await import('./commands/keygen.js')).runKeygen(opts)));

program
  .command('audit')
  .description('find secrets in collections, environment and globals files (exit 1 when any is found)')
  .argument('<files...>', 'files to scan')
  .option('--json', 'print the findings as JSON on stdout')
  .addHelpText('after', '\nExample:\n  $ gen-collection audit postman/*.json')
  .action(async (files, opts) => exit(await (await import('./commands/audit.js')).runAudit(files, opts)));

function exit(code: ExitCode): void {
  process.exitCode = code;
}

// No top-level await: the binary is this module bundled as CommonJS (scripts/bundle-cli.mjs).
void main();

async function main(): Promise<void> {
  try {
    await program.parseAsync();
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
    } else {
      const { reportError } = await import('./commands/report.js');
      process.exitCode = reportError(error);
    }
  }
}
