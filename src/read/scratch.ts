/**
 * Typed arrays that a read of a small input uses while it reads, taken from arrays kept between
 * reads. V8 makes a typed array of more than 64 bytes outside the heap, at about 1 µs each, which
 * is more than a small input costs to cut. What `scratch` gives is zeroed, and holds until the next
 * read takes it again: the caller reads it before then, and no report keeps it.
 */
export function scratch<T extends Uint8Array | Int32Array>(kept: T, length: number): T {
  if (length > kept.length) return new (kept.constructor as new (length: number) => T)(length);
  return kept.fill(0, 0, length).subarray(0, length) as T;
}
