#!/usr/bin/env node
// The gen-collection binary: dist/src/cli.cjs, compiled by `npm run build` (prepare in a checkout, prepack for the
// tarball). CommonJS, so that `--help` and `--version` start without the ES-module loader.
require('../dist/src/cli.cjs');
