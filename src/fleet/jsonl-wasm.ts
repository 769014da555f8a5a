import { JSONL_SUCCESS_WASM } from './jsonl-wasm-bytes.js';

/**
 * The fast path's validator (jsonl-fast.ts `validate`) as WebAssembly (asm/jsonl-success.ts): the
 * same rules over the same bytes, about three times faster, since it reads every byte of the
 * sign-in log. The bytes are copied into the module's memory a chunk at a time. Where the module
 * cannot be compiled (no WebAssembly, or no SIMD), `wasmLines` gives undefined and the reader uses
 * the JavaScript validator, which gives the same answers. The fleet runs in Node (the CLI and the
 * web app's worker threads), never in a page.
 */

/** What this uses of the WebAssembly API (the project's TypeScript libraries do not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

interface Exports {
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  validate(from: number, to: number): number;
  resultAt(): number;
  freeFrom(): number;
}

/** The module, compiled once per thread; null when it cannot be (then never tried again). */
let compiled: object | null | undefined;
/** Tests turn it off to compare the two validators. */
let enabled = true;

/** Use the WebAssembly validator when it can be (true, the default) or the JavaScript one. */
export function setWasmValidator(on: boolean): void {
  enabled = on;
}

function moduleOf(api: WasmApi): object | null {
  if (compiled !== undefined) return compiled;
  try {
    const bytes = Uint8Array.from(atob(JSONL_SUCCESS_WASM), (c) => c.charCodeAt(0));
    compiled = new api.Module(bytes);
  } catch {
    compiled = null;
  }
  return compiled;
}

const PAGE = 64 * 1024;
/** Bytes after a held chunk: its line feed sentinel, and room for the validator's word loads. */
const SLACK = 16;

/**
 * One reader's instance: its memory holds the chunk being read. An instance a reader, so a
 * memory grown for a very long line goes with its reader.
 */
export class WasmLines {
  private readonly exports: Exports;
  private readonly base: number;
  private readonly result: number;
  /** The memory's bytes and the result words, made again when the memory grows. */
  private bytes: Uint8Array;
  private words: Int32Array;

  constructor(api: WasmApi, module: object) {
    this.exports = new api.Instance(module, {}).exports as Exports;
    this.base = this.exports.freeFrom();
    this.result = this.exports.resultAt() >> 2;
    this.bytes = new Uint8Array(this.exports.memory.buffer);
    this.words = new Int32Array(this.exports.memory.buffer);
  }

  /**
   * `first` then `second` copied into memory, a line feed after them: a Buffer over the copy,
   * valid until the next call.
   */
  hold(first: Uint8Array | null, second: Uint8Array): Buffer {
    const length = (first?.length ?? 0) + second.length;
    const need = this.base + length + SLACK;
    const memory = this.exports.memory;
    if (need > memory.buffer.byteLength) {
      memory.grow(Math.ceil((need - memory.buffer.byteLength) / PAGE));
      this.bytes = new Uint8Array(memory.buffer);
      this.words = new Int32Array(memory.buffer);
    }
    let at = this.base;
    if (first !== null) {
      this.bytes.set(first, at);
      at += first.length;
    }
    this.bytes.set(second, at);
    this.bytes[this.base + length] = 0x0a;
    return Buffer.from(memory.buffer, this.base, length);
  }

  /** The memory's bytes (the ranges of `validate` are places in them). */
  memoryBytes(): Uint8Array {
    return this.bytes;
  }

  /**
   * `validate` of jsonl-fast.ts for the line held[from, to): true with `ranges` set (places in
   * `memoryBytes()`), false for the full parse.
   */
  validate(from: number, to: number, ranges: Int32Array): boolean {
    if (this.exports.validate(this.base + from, this.base + to) === 0) return false;
    const r = this.result;
    const w = this.words;
    ranges[0] = w[r] as number;
    ranges[1] = w[r + 1] as number;
    ranges[2] = w[r + 2] as number;
    ranges[3] = w[r + 3] as number;
    return true;
  }
}

/** A WebAssembly validator for one reader, or undefined to use the JavaScript one. */
export function wasmLines(): WasmLines | undefined {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!enabled || api === undefined) return undefined;
  const module = moduleOf(api);
  if (module === null) return undefined;
  try {
    return new WasmLines(api, module);
  } catch {
    return undefined;
  }
}
