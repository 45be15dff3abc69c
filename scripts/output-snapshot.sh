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
cli="$root/bin/gen-collection.js"
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
for spec in "$fx"/openapi/*.json "$fx"/openapi/*.yaml "$fx"/openapi/multi-file/*.yaml "$fx"/openapi/broken-ref/*; do
  [ -f "$spec" ] || continue
  base="$(basename "$(dirname "$spec")")-$(basename "$spec")"
  run "openapi-$base" openapi "$spec" -o .
  run "openapi-c-$base" openapi "$spec" -c "$root/examples/orders-api/gen-collection.config.json" -o .
done
for col in "$fx"/collections/*.json "$fx"/secrets/*.json; do
  base="$(basename "$col")"
  run "inject-$base" inject "$col"
  run "inject-c-$base" inject "$col" -c "$root/examples/orders-api/gen-collection.config.json" --force --env-dir envs -o out.json
  run "inject-ib-$base" inject "$col" --inherit-bearer -o out.json
  run "inject-x-$base" inject "$col" --force --extract-secrets secrets.json -o out.json
  run "audit-$base" audit "$col"
done
echo "$n runs written to $out"
