// AssemblyScript (https://www.assemblyscript.org), compiled to WebAssembly by scripts/build-wasm.mjs
// into src/fleet/jsonl-wasm-bytes.ts. It is `validate` of src/fleet/jsonl-fast.ts, rule for rule,
// over bytes the caller put in this module's memory: a byte loop in WebAssembly runs two to three
// times faster than the same loop over a Uint8Array in JavaScript, and this loop reads every byte
// of a 760 MB sign-in log. Strings, most of a record's bytes, are searched sixteen bytes at a time
// (WebAssembly SIMD, which Node has had since version 16; where it is missing, the module does not
// compile and the reader uses the JavaScript validator). test/fleet-jsonl-fast.property.test.ts
// checks that both give the same answer and ranges on every input it makes;
// test/wasm-build.test.ts that this file compiles to the bytes committed.
//
// The line is memory[from, to). The byte at `to` must be a line feed (the one that ended the line,
// or one the caller wrote there): the rules look at it as the JavaScript reader looks at the byte
// after a line, and every rule stops there.

const FAIL: i32 = -1;
const MAX_DEPTH: i32 = 64;

/** Where `validate` writes the ranges it found: time from, time to, device id from, device id to. */
const RESULT: usize = memory.data(16, 16);

/** Set by skipString: the string held a backslash escape. */
let escaped: bool = false;
/** errorCode of the last `status`: 1 exactly `0`, 0 anything else or missing. */
let codeZero: i32 = 0;
let timeFrom: i32 = FAIL;
let timeTo: i32 = FAIL;
let idFrom: i32 = FAIL;
let idTo: i32 = FAIL;

@inline function at(i: i32): i32 {
  return <i32>load<u8>(<usize>i);
}

@inline function isWs(c: i32): bool {
  return c == 0x20 || c == 0x09 || c == 0x0d || c == 0x0a;
}

@inline function ws(i: i32, end: i32): i32 {
  while (i < end && isWs(at(i))) i++;
  return i;
}

@inline function isHex(c: i32): bool {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

@inline function isDigit(c: i32): bool {
  return c >= 0x30 && c <= 0x39;
}

/**
 * After the string whose quote is at i, or FAIL (unterminated, a control character, a bad escape).
 * Sixteen bytes are looked at at once for the next quote, backslash or control character (the
 * caller leaves sixteen readable bytes after the line; what is found past `end` does not count).
 */
function skipString(i: i32, end: i32): i32 {
  escaped = false;
  const quote = i8x16.splat(0x22);
  const backslash = i8x16.splat(0x5c);
  const space = i8x16.splat(0x20);
  let j = i + 1;
  while (j < end) {
    const v = v128.load(<usize>j);
    const special = i8x16.bitmask(v128.or(v128.or(i8x16.eq(v, quote), i8x16.eq(v, backslash)), i8x16.lt_u(v, space)));
    if (special == 0) {
      j += 16;
      continue;
    }
    j += ctz(special);
    // past the line: unterminated (the line feed at `end` is a control character, so this is where
    // the search stops at the latest)
    if (j >= end) return FAIL;
    const c = at(j);
    if (c == 0x22) return j + 1;
    if (c != 0x5c) return FAIL;
    escaped = true;
    const e = at(j + 1);
    if (e == 0x75) {
      if (!(isHex(at(j + 2)) && isHex(at(j + 3)) && isHex(at(j + 4)) && isHex(at(j + 5)))) return FAIL;
      j += 6;
    } else if (e == 0x22 || e == 0x5c || e == 0x2f || e == 0x62 || e == 0x66 || e == 0x6e || e == 0x72 || e == 0x74) j += 2;
    else return FAIL;
  }
  return FAIL;
}

/** After the number at i (RFC 8259 grammar), or FAIL. */
function skipNumber(i: i32, end: i32): i32 {
  let j = i;
  if (at(j) == 0x2d) j++;
  if (at(j) == 0x30) j++;
  else if (isDigit(at(j))) while (j < end && isDigit(at(j))) j++;
  else return FAIL;
  if (at(j) == 0x2e) {
    j++;
    if (!isDigit(at(j))) return FAIL;
    while (j < end && isDigit(at(j))) j++;
  }
  if (at(j) == 0x65 || at(j) == 0x45) {
    j++;
    if (at(j) == 0x2b || at(j) == 0x2d) j++;
    if (!isDigit(at(j))) return FAIL;
    while (j < end && isDigit(at(j))) j++;
  }
  return j > end ? FAIL : j;
}

/** After `true`, `false` or `null` at i, or FAIL (the four or five bytes compared as one word and a byte). */
function skipLiteral(i: i32, end: i32, c: i32): i32 {
  if (c == 0x66) return i + 5 <= end && load<u32>(<usize>i) == 0x736c6166 && at(i + 4) == 0x65 ? i + 5 : FAIL;
  const word: u32 = c == 0x74 ? 0x65757274 : 0x6c6c756e;
  return i + 4 <= end && load<u32>(<usize>i) == word ? i + 4 : FAIL;
}

/** After the JSON value at i, or FAIL. */
function skipValue(i: i32, end: i32, depth: i32): i32 {
  const c = at(i);
  if (c == 0x22) return skipString(i, end);
  if (c == 0x7b) return skipObject(i, end, depth + 1);
  if (c == 0x5b) return skipArray(i, end, depth + 1);
  if (c == 0x74 || c == 0x66 || c == 0x6e) return skipLiteral(i, end, c);
  return c == 0x2d || isDigit(c) ? skipNumber(i, end) : FAIL;
}

function skipObject(i: i32, end: i32, depth: i32): i32 {
  if (depth > MAX_DEPTH) return FAIL;
  let j = ws(i + 1, end);
  if (at(j) == 0x7d) return j + 1;
  while (true) {
    if (at(j) != 0x22) return FAIL;
    j = skipString(j, end);
    if (j < 0) return FAIL;
    j = ws(j, end);
    if (at(j) != 0x3a) return FAIL;
    j = skipValue(ws(j + 1, end), end, depth);
    if (j < 0) return FAIL;
    j = ws(j, end);
    if (at(j) == 0x2c) j = ws(j + 1, end);
    else if (at(j) == 0x7d) return j + 1;
    else return FAIL;
  }
  return FAIL;
}

function skipArray(i: i32, end: i32, depth: i32): i32 {
  if (depth > MAX_DEPTH) return FAIL;
  let j = ws(i + 1, end);
  if (at(j) == 0x5d) return j + 1;
  while (true) {
    j = skipValue(j, end, depth);
    if (j < 0) return FAIL;
    j = ws(j, end);
    if (at(j) == 0x2c) j = ws(j + 1, end);
    else if (at(j) == 0x5d) return j + 1;
    else return FAIL;
  }
  return FAIL;
}

// The keys it reads, compared as little-endian words: "createdDateTime", "status",
// "deviceDetail", "errorCode", "deviceId", "value" and "Value".
@inline function word8(p: i32): u64 {
  return load<u64>(<usize>p);
}

function isCreated(p: i32, n: i32): bool {
  return n == 15 && word8(p) == 0x4464657461657263 && load<u32>(<usize>p, 8) == 0x54657461 && load<u16>(<usize>p, 12) == 0x6d69 && at(p + 14) == 0x65;
}

function isStatus(p: i32, n: i32): bool {
  return n == 6 && load<u32>(<usize>p) == 0x74617473 && load<u16>(<usize>p, 4) == 0x7375;
}

function isDetail(p: i32, n: i32): bool {
  return n == 12 && word8(p) == 0x6544656369766564 && load<u32>(<usize>p, 8) == 0x6c696174;
}

function isErrorCode(p: i32, n: i32): bool {
  return n == 9 && word8(p) == 0x646f43726f727265 && at(p + 8) == 0x65;
}

function isDeviceId(p: i32, n: i32): bool {
  return n == 8 && word8(p) == 0x6449656369766564;
}

function isValue(p: i32, n: i32): bool {
  return n == 5 && (load<u32>(<usize>p) == 0x756c6176 || load<u32>(<usize>p) == 0x756c6156) && at(p + 4) == 0x65;
}

/** The object inside `status` (which: 0) or `deviceDetail` (1) at i: its errorCode or deviceId (the last one wins). */
function readInner(i: i32, end: i32, which: i32): i32 {
  if (which == 0) codeZero = 0;
  else {
    idFrom = FAIL;
    idTo = FAIL;
  }
  let j = ws(i + 1, end);
  if (at(j) == 0x7d) return j + 1;
  while (true) {
    if (at(j) != 0x22) return FAIL;
    const keyFrom = j + 1;
    j = skipString(j, end);
    if (j < 0 || escaped) return FAIL;
    const keyLength = j - 1 - keyFrom;
    j = ws(j, end);
    if (at(j) != 0x3a) return FAIL;
    j = ws(j + 1, end);
    const valueAt = j;
    j = skipValue(j, end, 2);
    if (j < 0) return FAIL;
    if (which == 0) {
      // the number 0 exactly (0.0, -0 and "0" go to the full parse)
      if (isErrorCode(keyFrom, keyLength)) codeZero = j == valueAt + 1 && at(valueAt) == 0x30 ? 1 : 0;
    } else if (isDeviceId(keyFrom, keyLength)) {
      if (at(valueAt) != 0x22 || escaped) return FAIL;
      idFrom = valueAt + 1;
      idTo = j - 1;
    }
    j = ws(j, end);
    if (at(j) == 0x2c) j = ws(j + 1, end);
    else if (at(j) == 0x7d) return j + 1;
    else return FAIL;
  }
  return FAIL;
}

/**
 * 1 when the line memory[from, to) is a Graph signIn success `JSON.parse` reads as this reads it
 * (error code 0, a time and a device id, both strings without escapes), its ranges then at RESULT;
 * 0 for the full parse.
 */
export function validate(from: i32, to: i32): i32 {
  timeFrom = FAIL;
  timeTo = FAIL;
  idFrom = FAIL;
  idTo = FAIL;
  codeZero = 0;
  let status = false;
  let detail = false;
  let j = ws(from, to);
  if (at(j) != 0x7b) return 0;
  j = ws(j + 1, to);
  if (at(j) == 0x7d) return 0;
  while (true) {
    if (at(j) != 0x22) return 0;
    const keyFrom = j + 1;
    j = skipString(j, to);
    if (j < 0 || escaped) return 0;
    const keyLength = j - 1 - keyFrom;
    j = ws(j, to);
    if (at(j) != 0x3a) return 0;
    j = ws(j + 1, to);
    const valueAt = j;
    const c = at(j);
    if (isCreated(keyFrom, keyLength)) {
      if (c != 0x22) return 0;
      j = skipString(j, to);
      if (j < 0 || escaped) return 0;
      timeFrom = valueAt + 1;
      timeTo = j - 1;
    } else if (isStatus(keyFrom, keyLength)) {
      if (c != 0x7b) return 0;
      j = readInner(j, to, 0);
      status = true;
    } else if (isDetail(keyFrom, keyLength)) {
      if (c != 0x7b) return 0;
      j = readInner(j, to, 1);
      detail = true;
    } else if (isValue(keyFrom, keyLength)) {
      return 0;
    } else j = skipValue(j, to, 1);
    if (j < 0) return 0;
    j = ws(j, to);
    if (at(j) == 0x2c) j = ws(j + 1, to);
    else if (at(j) == 0x7d) break;
    else return 0;
  }
  // only spaces after the record
  if (ws(j + 1, to) != to) return 0;
  if (!status || !detail || codeZero != 1 || timeFrom < 0 || idFrom < 0) return 0;
  store<i32>(RESULT, timeFrom);
  store<i32>(RESULT, timeTo, 4);
  store<i32>(RESULT, idFrom, 8);
  store<i32>(RESULT, idTo, 12);
  return 1;
}

/** Where `validate` writes its ranges. */
export function resultAt(): i32 {
  return <i32>RESULT;
}

/** Where the caller's bytes may start: past this module's own data. */
export function freeFrom(): i32 {
  return <i32>((__heap_base + 15) & ~15);
}
