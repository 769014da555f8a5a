#!/usr/bin/env node
// The only place that touches the process: argv in, exit code out.
import { main, stdoutFailure } from '../dist/cli/cli.js';

// `dsreg-doctor … | head` closes the pipe early: that is not an error. A full disk behind
// `> file` or `/dev/full` is: one line on stderr and exit 2, never a stack trace.
process.stdout.on('error', async (e) => {
  const { line, exitCode } = await stdoutFailure(e, process.argv.slice(2), process.env);
  if (line) process.stderr.write(line);
  process.exit(exitCode ?? process.exitCode ?? 0);
});

const code = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
