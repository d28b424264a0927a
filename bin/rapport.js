#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm install` through the prepare script).
import { main } from '../dist/cli.js';

main(process.argv).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
