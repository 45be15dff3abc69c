#!/usr/bin/env bash
# Behaviour-preserving refactors are proven byte for byte (CONTRIBUTING "Proving a change"): this runs every
# command on the examples and fixtures with the built CLI of the checkout it lives in and writes the outputs,
# stdout, stderr and exit codes into OUT. Run it from the commit before and from yours, then `diff -r` the two.
#   bash scripts/output-snapshot.sh /tmp/before   (after `npm run build`)
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: output-snapshot.sh OUT_DIR}"
rm -rf "$out" && mkdir -p "$out"
out="$(cd "$out" && pwd)"
cli="$root/bin/gen-collection.cjs"
fx="$root/test/fixtures"
n=0
run() { # run NAME ARGS... : outputs under $out/NAME, the CLI run in a scratch dir so relative paths stay put
  local name="$1"; shift
  local dir="$out/$name"; mkdir -p "$dir/files"
  (cd "$dir/files" && node "$cli" "$@" >"$dir/stdout" 2>"$dir/stderr"; echo $? >"$dir/exit")
  # absolute paths in messages would differ between checkouts
  sed -i "s#$root#<root>#g; s#$out#<out>#g" "$dir/stdout" "$dir/stderr"
  n=$((n + 1))
}
for cfg in "$root"/examples/*/gen-collection.config.* "$root"/test/config/fixtures/gen-collection.config.*; do
  base="$(basename "$(dirname "$cfg")")-$(basename "$cfg")"
  run "build-$base" build -c "$cfg" -o .
  run "bundle-$base" bundle -c "$cfg" -o .
done
# every output format, on the configs above, on every config the README shows (signed client auth, DPoP,
# profiles…) and on a generated 300-request config (folders, bodies, path variables, expectations)
configs="$out/.configs"; mkdir -p "$configs"
node --input-type=module - "$root" "$configs" <<'JS'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
const [root, dir] = process.argv.slice(2);
const readme = `${root}/README.md`;
const text = readFileSync(readme, 'utf8');
for (const m of text.matchAll(/```(\w+)\n([\s\S]*?)\n```/g)) {
  if (!/^(json|ya?ml)$/.test(m[1]) || !/^\s*"?name"?\s*:/m.test(m[2]) || /^jobs:/m.test(m[2])) continue;
  const line = text.slice(0, m.index).split('\n').length + 1;
  mkdirSync(`${dir}/readme-${line}`, { recursive: true });
  writeFileSync(`${dir}/readme-${line}/gen-collection.config.${m[1].startsWith('y') ? 'yaml' : 'json'}`, `${m[2]}\n`);
}
const { bigConfig } = await import(`${root}/bench/big-config.mjs`);
const big = bigConfig(10, 30);
const signed = {
  name: 'Signed API',
  auth: { type: 'oauth2', tokenUrl: '{{base_url}}/token', clientAuth: 'private_key_jwt', dpop: { algorithm: 'ES256' } },
  authProfiles: { edge: { type: 'oauth2', tokenUrl: 'http://127.0.0.1:9/token', dpop: { algorithm: 'ES256' }, retryOn401: true } },
  environments: { dev: { base_url: 'https://dev.example.com', client_id: 'signed', client_id_edge: 'edge' } },
  items: [
    { name: 'List', url: '{{base_url}}/list' },
    { name: 'Edge', auth: 'edge', items: [{ name: 'Ping', method: 'PUT', url: '{{base_url}}/ping/:id', pathVariables: { id: '1' } }] },
    { name: 'Open', auth: 'none', url: '{{base_url}}/open' },
  ],
};
mkdirSync(`${dir}/signed`, { recursive: true });
writeFileSync(`${dir}/signed/gen-collection.config.json`, JSON.stringify(signed));
mkdirSync(`${dir}/big`, { recursive: true });
writeFileSync(`${dir}/big/gen-collection.config.json`, JSON.stringify(big));
JS
for cfg in "$root"/examples/*/gen-collection.config.* "$root"/test/config/fixtures/gen-collection.config.* "$configs"/*/gen-collection.config.*; do
  base="$(basename "$(dirname "$cfg")")-$(basename "$cfg")"
  run "formats-$base" build -c "$cfg" -o . --format postman --format postman-v3 --format bruno
done
for spec in "$fx"/openapi/*.json "$fx"/openapi/*.yaml "$fx"/openapi/multi-file/*.yaml "$fx"/openapi/broken-ref/*; do
  [ -f "$spec" ] || continue
  base="$(basename "$(dirname "$spec")")-$(basename "$spec")"
  run "openapi-$base" openapi "$spec" -o .
  run "openapi-c-$base" openapi "$spec" -c "$root/examples/orders-api/gen-collection.config.json" -o .
  run "openapi-f-$base" openapi "$spec" -o . --format postman-v3 --format bruno
done
for col in "$fx"/collections/*.json "$fx"/secrets/*.json; do
  base="$(basename "$col")"
  run "inject-$base" inject "$col"
  run "inject-c-$base" inject "$col" -c "$root/examples/orders-api/gen-collection.config.json" --force --env-dir envs -o out.json
  run "inject-ib-$base" inject "$col" --inherit-bearer -o out.json
  run "inject-x-$base" inject "$col" --force --extract-secrets secrets.json -o out.json
  run "audit-$base" audit "$col"
done
rm -rf "$configs"
echo "$n runs written to $out"
