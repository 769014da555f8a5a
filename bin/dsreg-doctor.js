#!/usr/bin/env node
// The only place that touches the process: argv in, exit code out. It runs the CLI bundle that
// `npm run build` makes (scripts/build-cli.mjs), or tsc's output when only `tsc` was run.
const BUNDLE = new URL('../dist/bundle/cli.js', import.meta.url);
const { main, stdoutFailure } = await import(BUNDLE.href).catch((e) => {
  // only the bundle itself missing; a module missing inside it is a real error
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || e.url !== BUNDLE.href) throw e;
  return import('../dist/cli/cli.js');
});

// `dsreg-doctor … | head` closes the pipe early: that is not an error. A full disk behind
// `> file` or `/dev/full` is: one line on stderr and exit 2, never a stack trace.
process.stdout.on('error', async (e) => {
  const { line, exitCode } = await stdoutFailure(e, process.argv.slice(2), process.env);
  if (line) process.stderr.write(line);
  process.exit(exitCode ?? process.exitCode ?? 0);
});

// process.stdin is made on first touch, and making it loads the stream and tty modules: only a
// command that reads `-` touches it.
const stdin = { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() };

const code = await main(process.argv.slice(2), {
  stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
