#!/usr/bin/env node
// The gen-collection binary; the CLI itself is compiled to dist/ by `npm run build` (the prepare script).
import '../dist/src/cli.js';
