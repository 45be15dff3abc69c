#!/usr/bin/env node
// The gen-collection binary; the CLI itself is compiled to dist/ by `npm run build` (prepare in a checkout, prepack for the tarball).
import '../dist/src/cli.js';
