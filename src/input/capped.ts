/** Input bytes, counted while they arrive (CLI files and stdin, web bodies). */

/** More bytes arrived than the limit allows (counted, not taken from a reported size). */
export class InputTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`input over ${limit} bytes`);
    this.name = 'InputTooLarge';
  }
}

/**
 * Collect a stream of chunks into one byte array, refusing at `limit` bytes while reading: pipes,
 * FIFOs and devices report no size, and `/dev/zero` never ends. Strings are taken as UTF-8.
 */
export async function readCapped(chunks: AsyncIterable<Uint8Array | string>, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  const encoder = new TextEncoder();
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    size += bytes.length;
    if (size > limit) throw new InputTooLarge(limit);
    parts.push(bytes);
  }
  return concatBytes(parts, size);
}

function concatBytes(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1 && parts[0]?.length === size) return parts[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
