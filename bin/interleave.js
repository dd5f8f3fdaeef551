#!/usr/bin/env node
// The `interleave` command: the compiled CLI lives in dist/ (npm run build).
require('../dist/harness/cli/main.js').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
