import { guidFromBytes } from './guid-times.js';
import { newEvent, type SignInEvent } from './records.js';
import { type WasmLines, wasmLines } from './jsonl-wasm.js';
import { deviceKey, parseTime, timeFromBytes } from './values.js';

/**
 * The fast path for Graph `signIn` records as JSON Lines (what `fleet --graph` and Azure Monitor
 * archives write for the largest tenants): most lines are successes, and a success only needs its
 * time and device id. This reader splits the bytes into lines itself and, for a line it can prove
 * it reads exactly as `JSON.parse` + signInJsonMapper would, takes `createdDateTime`,
 * `status.errorCode` and `deviceDetail.deviceId` straight from the bytes. Every other line goes to
 * the full parse, decoded as the text reader would decode it:
 * - failures (an error code other than 0), which need the user, app, name and trust type;
 * - any line that is not exactly valid JSON, or has its last `}` followed by anything but spaces;
 * - an escape in a key at the levels it reads (`"create\u0064DateTime"` is the same key), or in
 *   a value it takes;
 * - a value of another type than the Graph shape's (a number for the time, a string error code,
 *   `deviceDetail: null`…), a key it needs missing (the mapper then looks for other spellings),
 *   a top-level `value`/`Value` key (a Graph page), non-ASCII bytes in a value it takes;
 * - nesting deeper than MAX_DEPTH.
 * Only keys of the record itself and of its `status` and `deviceDetail` objects count, the last
 * one wins when a key repeats (as in JSON.parse), and key order does not matter.
 * The validation follows RFC 8259 as JSON.parse does: literals, numbers, escapes, no control
 * characters in strings, no trailing commas.
 */

/** Where the fast path sends what it read. */
export interface JsonLinesSink {
  /**
   * A success (error code 0) read from the bytes. `event` is reused: use it before returning. A
   * GUID device id comes as words only (`hasGuid`, `deviceId` empty), as the CSV reader gives it.
   */
  success(event: SignInEvent, line: number): void;
  /** A line for the full parse: decoded and trimmed as the text reader does, never empty. */
  line(text: string, line: number): void;
  /** A line longer than MAX_LINE: not kept in memory, not read. */
  tooLong(line: number): void;
}

/** A line too long to be a record (as the text reader's limit). */
const MAX_LINE = 64 * 1024 * 1024;

const FAIL = -1;
const MAX_DEPTH = 64;

// keys, as bytes
const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const K_CREATED = bytesOf('createdDateTime');
const K_STATUS = bytesOf('status');
const K_DETAIL = bytesOf('deviceDetail');
const K_ERROR_CODE = bytesOf('errorCode');
const K_DEVICE_ID = bytesOf('deviceId');
const K_VALUE = bytesOf('value');
const K_VALUE_PASCAL = bytesOf('Value');

/** Set by skipString: the string held a backslash escape. */
let escaped = false;

function isWs(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

function ws(b: Uint8Array, i: number, end: number): number {
  while (i < end && isWs(b[i])) i++;
  return i;
}

function isHex(c: number | undefined): boolean {
  return c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66));
}

/** After the string whose quote is at i, or FAIL (unterminated, a control character, a bad escape). */
function skipString(b: Uint8Array, i: number, end: number): number {
  escaped = false;
  let j = i + 1;
  while (j < end) {
    const c = b[j] as number;
    if (c === 0x22) return j + 1;
    if (c === 0x5c) {
      escaped = true;
      const e = b[j + 1];
      if (e === 0x75 /* u */) {
        if (!(isHex(b[j + 2]) && isHex(b[j + 3]) && isHex(b[j + 4]) && isHex(b[j + 5]))) return FAIL;
        j += 6;
      } else if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) j += 2;
      else return FAIL;
      continue;
    }
    if (c < 0x20) return FAIL;
    j++;
  }
  return FAIL;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

/** After the number at i (RFC 8259 grammar), or FAIL. */
function skipNumber(b: Uint8Array, i: number, end: number): number {
  let j = i;
  if (b[j] === 0x2d) j++;
  if (b[j] === 0x30) j++;
  else if (isDigit(b[j])) while (j < end && isDigit(b[j])) j++;
  else return FAIL;
  if (b[j] === 0x2e) {
    j++;
    if (!isDigit(b[j])) return FAIL;
    while (j < end && isDigit(b[j])) j++;
  }
  if (b[j] === 0x65 || b[j] === 0x45) {
    j++;
    if (b[j] === 0x2b || b[j] === 0x2d) j++;
    if (!isDigit(b[j])) return FAIL;
    while (j < end && isDigit(b[j])) j++;
  }
  return j > end ? FAIL : j;
}

function skipWord(b: Uint8Array, i: number, end: number, word: string): number {
  if (i + word.length > end) return FAIL;
  for (let k = 0; k < word.length; k++) if (b[i + k] !== word.charCodeAt(k)) return FAIL;
  return i + word.length;
}

/** After the JSON value at i, or FAIL. */
function skipValue(b: Uint8Array, i: number, end: number, depth: number): number {
  const c = b[i];
  switch (c) {
    case 0x22:
      return skipString(b, i, end);
    case 0x7b:
      return skipObject(b, i, end, depth + 1);
    case 0x5b:
      return skipArray(b, i, end, depth + 1);
    case 0x74:
      return skipWord(b, i, end, 'true');
    case 0x66:
      return skipWord(b, i, end, 'false');
    case 0x6e:
      return skipWord(b, i, end, 'null');
    default:
      return c === 0x2d || isDigit(c) ? skipNumber(b, i, end) : FAIL;
  }
}

function skipObject(b: Uint8Array, i: number, end: number, depth: number): number {
  if (depth > MAX_DEPTH) return FAIL;
  let j = ws(b, i + 1, end);
  if (b[j] === 0x7d) return j + 1;
  for (;;) {
    if (b[j] !== 0x22) return FAIL;
    j = skipString(b, j, end);
    if (j < 0) return FAIL;
    j = ws(b, j, end);
    if (b[j] !== 0x3a) return FAIL;
    j = skipValue(b, ws(b, j + 1, end), end, depth);
    if (j < 0) return FAIL;
    j = ws(b, j, end);
    if (b[j] === 0x2c) j = ws(b, j + 1, end);
    else if (b[j] === 0x7d) return j + 1;
    else return FAIL;
  }
}

function skipArray(b: Uint8Array, i: number, end: number, depth: number): number {
  if (depth > MAX_DEPTH) return FAIL;
  let j = ws(b, i + 1, end);
  if (b[j] === 0x5d) return j + 1;
  for (;;) {
    j = skipValue(b, j, end, depth);
    if (j < 0) return FAIL;
    j = ws(b, j, end);
    if (b[j] === 0x2c) j = ws(b, j + 1, end);
    else if (b[j] === 0x5d) return j + 1;
    else return FAIL;
  }
}

function keyIs(b: Uint8Array, from: number, to: number, key: Uint8Array): boolean {
  if (to - from !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (b[from + k] !== key[k]) return false;
  return true;
}

function ascii(b: Uint8Array, from: number, to: number): string | undefined {
  let s = '';
  for (let k = from; k < to; k++) {
    const c = b[k] as number;
    if (c >= 0x80) return undefined;
    s += String.fromCharCode(c);
  }
  return s;
}

// what readRecord found: the ranges of the values it takes (string contents, without quotes)
let timeFrom = FAIL;
let timeTo = FAIL;
/** errorCode of the last `status`: 1 exactly `0`, 0 anything else or missing, FAIL not readable. */
let codeZero = 0;
let idFrom = FAIL;
let idTo = FAIL;

/**
 * The object inside `status` (which: 0) or `deviceDetail` (1) at i: records its errorCode or
 * deviceId (the last one wins) and returns the position after it, or FAIL.
 */
function readInner(b: Uint8Array, i: number, end: number, which: 0 | 1): number {
  if (which === 0) codeZero = 0;
  else idFrom = idTo = FAIL;
  let j = ws(b, i + 1, end);
  if (b[j] === 0x7d) return j + 1;
  for (;;) {
    if (b[j] !== 0x22) return FAIL;
    const keyFrom = j + 1;
    j = skipString(b, j, end);
    if (j < 0 || escaped) return FAIL;
    const keyTo = j - 1;
    j = ws(b, j, end);
    if (b[j] !== 0x3a) return FAIL;
    j = ws(b, j + 1, end);
    const valueAt = j;
    j = skipValue(b, j, end, 2);
    if (j < 0) return FAIL;
    if (which === 0 && keyIs(b, keyFrom, keyTo, K_ERROR_CODE)) {
      // the number 0 exactly (0.0, -0 and "0" go to the full parse)
      codeZero = j === valueAt + 1 && b[valueAt] === 0x30 ? 1 : 0;
    } else if (which === 1 && keyIs(b, keyFrom, keyTo, K_DEVICE_ID)) {
      if (b[valueAt] !== 0x22 || escaped) return FAIL;
      idFrom = valueAt + 1;
      idTo = j - 1;
    }
    j = ws(b, j, end);
    if (b[j] === 0x2c) j = ws(b, j + 1, end);
    else if (b[j] === 0x7d) return j + 1;
    else return FAIL;
  }
}

/**
 * Is the line b[from, to) a Graph signIn success the full parse reads exactly as this does (error
 * code 0, a time and a device id, both strings without escapes)? Then the places of the time and
 * the device id are in timeFrom/timeTo and idFrom/idTo. asm/jsonl-success.ts is the same function
 * in WebAssembly: a change here is made there too.
 */
function validate(b: Uint8Array, from: number, to: number): boolean {
  timeFrom = timeTo = idFrom = idTo = FAIL;
  codeZero = 0;
  let status = false;
  let detail = false;
  let j = ws(b, from, to);
  if (b[j] !== 0x7b) return false;
  j = ws(b, j + 1, to);
  if (b[j] === 0x7d) return false;
  for (;;) {
    if (b[j] !== 0x22) return false;
    const keyFrom = j + 1;
    j = skipString(b, j, to);
    if (j < 0 || escaped) return false;
    const keyTo = j - 1;
    j = ws(b, j, to);
    if (b[j] !== 0x3a) return false;
    j = ws(b, j + 1, to);
    const valueAt = j;
    const c = b[j];
    if (keyIs(b, keyFrom, keyTo, K_CREATED)) {
      if (c !== 0x22) return false;
      j = skipString(b, j, to);
      if (j < 0 || escaped) return false;
      timeFrom = valueAt + 1;
      timeTo = j - 1;
    } else if (keyIs(b, keyFrom, keyTo, K_STATUS)) {
      if (c !== 0x7b) return false;
      j = readInner(b, j, to, 0);
      status = true;
    } else if (keyIs(b, keyFrom, keyTo, K_DETAIL)) {
      if (c !== 0x7b) return false;
      j = readInner(b, j, to, 1);
      detail = true;
    } else if (keyIs(b, keyFrom, keyTo, K_VALUE) || keyIs(b, keyFrom, keyTo, K_VALUE_PASCAL)) {
      return false;
    } else j = skipValue(b, j, to, 1);
    if (j < 0) return false;
    j = ws(b, j, to);
    if (b[j] === 0x2c) j = ws(b, j + 1, to);
    else if (b[j] === 0x7d) break;
    else return false;
  }
  // only spaces after the record
  if (ws(b, j + 1, to) !== to) return false;
  return status && detail && codeZero === 1 && timeFrom >= 0 && idFrom >= 0;
}

/**
 * Read the line b[from, to) as a Graph signIn success into `event`: true when it could prove the
 * full parse gives exactly this (error code 0, the time and device id read here).
 */
export function readSuccess(b: Uint8Array, from: number, to: number, event: SignInEvent): boolean {
  return validate(b, from, to) && successOf(b, timeFrom, timeTo, idFrom, idTo, event);
}

/** The places `validate` found, for `successOf` (time from, time to, device id from, device id to). */
const ranges = new Int32Array(4);

/**
 * `readSuccess` by the WebAssembly validator, for the line held[from, to) of the chunk `lines`
 * holds (the same answer, test/fleet-jsonl-fast.property.test.ts).
 */
export function readSuccessWasm(lines: WasmLines, from: number, to: number, event: SignInEvent): boolean {
  if (!lines.validate(from, to, ranges)) return false;
  return successOf(lines.memoryBytes(), ranges[0] as number, ranges[1] as number, ranges[2] as number, ranges[3] as number, event);
}

/** The success whose time is b[timeFrom, timeTo) and device id b[idFrom, idTo), into `event`; false when they cannot be read here. */
function successOf(b: Uint8Array, timeFrom: number, timeTo: number, idFrom: number, idTo: number, event: SignInEvent): boolean {
  // the usual shape straight from the bytes, without making strings: an ISO time and a GUID
  let time = timeFromBytes(b, timeFrom, timeTo);
  if (Number.isNaN(time)) {
    const timeText = ascii(b, timeFrom, timeTo);
    if (timeText === undefined) return false;
    time = parseTime(timeText);
    if (Number.isNaN(time)) return false;
  }
  const g = event.guid;
  if (idTo - idFrom === 36 && guidFromBytes(b, idFrom, g) && ((g[0] as number) | (g[1] as number) | (g[2] as number) | (g[3] as number)) !== 0) {
    // the words of the GUID deviceKey would give (lower-case hex is the same number)
    event.hasGuid = true;
    event.deviceId = '';
  } else {
    const id = ascii(b, idFrom, idTo);
    if (id === undefined) return false;
    event.hasGuid = false;
    event.deviceId = deviceKey(id);
  }
  event.time = time;
  event.code = 0;
  // a success needs only its time and device (FleetAggregator.addSignIn)
  event.deviceName = '';
  event.os = '';
  event.trust = '';
  event.user = '';
  event.app = '';
  return true;
}

/**
 * JSON Lines bytes cut into lines, each read by readSuccess (by its WebAssembly twin where that
 * can run) when `fast()` says the records are Graph signIns, else (and when it cannot prove it)
 * given to the full parse. Line numbers, the lines counted and the trimmed text of each line are
 * those of the text reader (json-records.ts).
 */
export class SignInLinesReader {
  private carry: Buffer | null = null;
  /** Inside a line longer than MAX_LINE, up to its line break. */
  private skipping = false;
  private line = 1;
  private readonly event: SignInEvent = newEvent();
  /** The WebAssembly validator, which holds each chunk in its memory; undefined: the JavaScript one. */
  private readonly wasm: WasmLines | undefined = wasmLines();
  /** The chunk the WebAssembly validator holds now, if any. */
  private held: Buffer | null = null;

  constructor(
    private readonly sink: JsonLinesSink,
    private readonly fast: () => boolean,
  ) {}

  /** A chunk of the file; it may be reused once this returns. */
  push(chunk: Uint8Array): void {
    let b = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let i = 0;
    let eol = b.indexOf(0x0a);
    if (this.skipping) {
      if (eol < 0) return;
      this.skipping = false;
      this.line++;
      i = eol + 1;
      eol = b.indexOf(0x0a, i);
    } else if (this.carry !== null && eol < 0) {
      // still inside the line that began in an earlier chunk
      if (this.carry.length + b.length > MAX_LINE) {
        this.sink.tooLong(this.line);
        this.carry = null;
        this.skipping = true;
        return;
      }
      this.carry = Buffer.concat([this.carry, b]);
      return;
    }
    const held = this.wasm !== undefined && this.fast();
    if (held) {
      // the line that began in an earlier chunk and the rest, copied into the validator's memory
      // (only once the records are known to be Graph signIns: other JSON Lines never use it)
      b = this.wasm.hold(this.carry, i === 0 ? b : b.subarray(i));
      this.carry = null;
      i = 0;
      eol = b.indexOf(0x0a);
    }
    this.held = held ? b : null;
    if (!held && this.carry !== null) {
      // the line that began in an earlier chunk
      const first = Buffer.concat([this.carry, b.subarray(0, eol)]);
      this.carry = null;
      this.take(first, 0, first.length);
      i = eol + 1;
      eol = b.indexOf(0x0a, i);
    }
    while (eol >= 0) {
      this.take(b, i, eol);
      i = eol + 1;
      eol = b.indexOf(0x0a, i);
    }
    if (i < b.length) this.carry = Buffer.from(b.subarray(i));
  }

  /** The end of the input: a last line without a line break is read as well. */
  end(): void {
    if (this.carry === null) return;
    const rest = this.wasm !== undefined && this.fast() ? this.wasm.hold(null, this.carry) : this.carry;
    this.held = rest === this.carry ? null : rest;
    this.carry = null;
    this.take(rest, 0, rest.length);
  }

  /** Part of a record is waiting for more input. */
  pending(): boolean {
    return this.carry !== null && this.carry.toString('utf8').trim().length > 0;
  }

  /** Line breaks consumed so far. */
  lines(): number {
    return this.line - 1;
  }

  private take(b: Buffer, from: number, to: number): void {
    const line = this.line++;
    // the WebAssembly validator reads the chunk it holds; a chunk it was not given (read before the
    // records were known to be Graph signIns) is read by the JavaScript one
    const wasm = this.wasm;
    if (this.fast() && (wasm !== undefined && b === this.held ? readSuccessWasm(wasm, from, to, this.event) : readSuccess(b, from, to, this.event))) {
      this.sink.success(this.event, line);
      return;
    }
    const text = b.toString('utf8', from, to).trim();
    if (text.length > 0) this.sink.line(text, line);
  }
}
