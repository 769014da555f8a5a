#!/usr/bin/env node
// The only place that touches the process: argv in, exit code out.
import { main } from '../dist/cli/cli.js';

const code = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
