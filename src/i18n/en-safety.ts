/** English messages of the input, output and redaction safety checks (spread into en.ts). */
export const enSafety = {
  'cli.error.tooLargeRead': '{file}: more than {limit} MB was read, larger than a dsregcmd /status output can be; reading stopped. Is this the right file?',
  'cli.error.stdoutWrite': 'Cannot write the output: {reason}',
} as const;
