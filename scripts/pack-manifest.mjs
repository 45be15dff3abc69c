// `npm pack` / `npm publish` helper, as pinst does for postinstall: the packed package.json must not carry
// the repository's `prepare` script (it builds dist/ from sources that are not in the tarball, and npm 11
// warns about install-time scripts in a consumer). `strip` (prepack) saves package.json and removes the
// script; `restore` (postpack) puts the saved bytes back. If a pack dies in between, run `restore` by hand.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const manifest = new URL('../package.json', import.meta.url);
const saved = new URL('../.tmp/package.json.prepack', import.meta.url);

const command = process.argv[2];
if (command === 'strip') {
  const text = readFileSync(manifest, 'utf8');
  if (!existsSync(saved)) {
    mkdirSync(new URL('.', saved), { recursive: true });
    writeFileSync(saved, text);
  }
  const json = JSON.parse(text);
  delete json.scripts.prepare;
  writeFileSync(manifest, `${JSON.stringify(json, null, 2)}\n`);
} else if (command === 'restore') {
  if (existsSync(saved)) renameSync(saved, manifest);
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
