#!/usr/bin/env node
// The only place that touches the process: argv in, exit code out.
import { main } from '../dist/cli/cli.js';

// `dsreg-doctor … | head` closes the pipe early: that is not an error
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const code = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
