// Debian's Chromium as the browser tests and benchmarks drive it (playwright-core cannot download
// a browser here). The flags keep it from reaching out to Google's services at start.
export const CHROMIUM = process.env.DSREG_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
