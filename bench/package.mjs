// What installing gen-collection costs: the tarball (size, file count), and what it adds to node_modules
// alone and next to newman (the common case), measured by installing the packed tarball into fresh
// projects. Packs from a copy of the repository (as test/package/packed-tarball.test.ts does).
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'gen-collection-bench-package-'));
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
const newman = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.newman;

function npm(args, cwd) {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', env, timeout: 300_000 });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** Bytes on disk (4 KiB blocks, as `du` counts) and number of packages under node_modules. */
function measure(dir) {
  let bytes = 0;
  let packages = 0;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) walk(path);
      else {
        bytes += Math.ceil(statSync(path).size / 4096) * 4096;
        if (entry.name === 'package.json' && /node_modules[\\/](@[^\\/]+[\\/])?[^\\/@]+$/.test(d)) packages += 1;
      }
    }
  };
  walk(join(dir, 'node_modules'));
  return { bytes, packages };
}

function project(name, specs) {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true }));
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', ...specs], dir);
  return measure(dir);
}

try {
  const copy = join(work, 'repo');
  // What a clean checkout has: no installed, built or generated folders (examples/*/postman are build outputs).
  const skip = /^(node_modules|dist|\.git|\.tmp|\.cache|coverage)$|^examples\/[^/]+\/postman$/;
  cpSync(root, copy, { recursive: true, filter: (src) => !skip.test(relative(root, src).split(sep).join('/')) });
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], copy));
  const tarball = join(work, packed.filename);

  const alone = project('alone', [tarball]);
  const newmanOnly = project('newman-only', [`newman@${newman}`]);
  const both = project('both', [`newman@${newman}`, tarball]);
  const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log('| what | measured |');
  console.log('|---|---|');
  console.log(
    `| tarball | ${(packed.size / 1e3).toFixed(1)} kB, ${packed.entryCount} files (${mb(packed.unpackedSize)} unpacked) |`,
  );
  console.log(`| node_modules with gen-collection alone | ${mb(alone.bytes)}, ${alone.packages} packages |`);
  console.log(
    `| node_modules with newman ${newman} alone | ${mb(newmanOnly.bytes)}, ${newmanOnly.packages} packages |`,
  );
  console.log(
    `| gen-collection added next to newman | +${mb(both.bytes - newmanOnly.bytes)}, +${both.packages - newmanOnly.packages} packages (${mb(both.bytes)} in all) |`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
