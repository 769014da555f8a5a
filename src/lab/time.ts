/** Time in the lab: milliseconds since the epoch, printed the way dsregcmd and Entra ID print it. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function parts(ms: number) {
  const d = new Date(ms);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    ms: pad(d.getUTCMilliseconds(), 3),
  };
}

/** `2025-02-11 07:58:41.372 UTC` (PRT attempts keep their milliseconds; update times print .000). */
export function dsregTime(ms: number): string {
  const p = parts(ms);
  return `${p.date} ${p.time}.${p.ms} UTC`;
}

/** `2025-02-11 07:58:41Z`: the Timestamp in an AADSTS server message. */
export function stsTimestamp(ms: number): string {
  const p = parts(ms);
  return `${p.date} ${p.time}Z`;
}

/** `2025-06-06 09:00 UTC`: for the story. */
export function storyTime(ms: number): string {
  const p = parts(ms);
  return `${p.date} ${p.time.slice(0, 5)} UTC`;
}

/** Whole seconds: certificate validity and PRT update times print `.000`. */
export function wholeSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
