// The Graph signIn JSON Lines fast path (src/fleet/jsonl-fast.ts) must give exactly what the full
// parse gives. Reference: the same text as UTF-16LE with a BOM, which the reader decodes and
// parses with JSON.parse record by record (the fast path is for UTF-8 only). Inputs are Graph
// signIn records with hostile variants: escaped quotes and unicode escapes in keys and values,
// keys in another order, repeated keys, nested objects with the same key names, other value
// types, invalid JSON, CRLF, a BOM, blank lines and a truncated last line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FleetAggregator } from '../src/fleet/aggregate.js';
import { guidText } from '../src/fleet/guid-times.js';
import { readSuccess, readSuccessWasm } from '../src/fleet/jsonl-fast.js';
import { setWasmValidator, wasmLines } from '../src/fleet/jsonl-wasm.js';
import { readInput } from '../src/fleet/read-input.js';
import { signInJsonMapper } from '../src/fleet/records.js';
import { streamSource } from '../src/fleet/source.js';

const chars = [
  'a',
  'Z',
  '0',
  '-',
  ':',
  '"',
  '\\',
  '/',
  '\n',
  '\t',
  '\r',
  '\u0000',
  '\u001f',
  'é',
  '日',
  '😀',
  '{',
  '}',
  '[',
  ']',
  ',',
  ' ',
  '\u2028',
  '\ufeff',
];
const text = fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((a) => a.join(''));
const guid = fc.uuid();
const deviceIdValue = fc.oneof(
  { weight: 6, arbitrary: guid },
  { weight: 1, arbitrary: guid.map((g) => g.toUpperCase()) },
  { weight: 1, arbitrary: guid.map((g) => ` ${g} `) },
  { weight: 1, arbitrary: fc.constantFrom('', '00000000-0000-0000-0000-000000000000', 'not-a-guid') },
  // 36 characters that are not quite a GUID, or a GUID in braces
  { weight: 1, arbitrary: guid.map((g) => `{${g}}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('g0000000-0000-0000-0000-000000000001', '000000000-000-0000-0000-000000000001', '6f630632-2256-406e-af47-b1bd741c80c８'),
  },
  { weight: 1, arbitrary: text },
  { weight: 1, arbitrary: fc.constantFrom(null, 0, true, {}) },
);
const timeValue = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().replace('.000', '')),
  },
  { weight: 1, arbitrary: fc.constantFrom('2025-06-01T10:00:00.1234567Z', '2025-06-01 10:00:00', 'yesterday', '', ' 2025-06-01T10:00:00Z') },
  // read from the bytes or not: offsets, a lower-case zone, an invalid day, no zone, non-ASCII digits
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2025-06-01T10:00:00+09:00',
      '2025-06-01T10:00:00z',
      '2025-02-30T00:00:00Z',
      '2024-02-29T23:59:60Z',
      '2025-06-01T10:00:00.5',
      '2025-06-01T10:00:00.Z',
      '２０２５-06-01T10:00:00Z',
      '2025-06-01T10:00:00ZZ',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, 1717236000000, { at: '2025-06-01T10:00:00Z' }) },
);
const errorCode = fc.oneof(
  { weight: 8, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.constantFrom(700003, 135011, 50126, 53000, 50155, 1, 9, 10) },
  { weight: 1, arbitrary: fc.constantFrom('0', '700003', null, -1, 1.5, 'AADSTS700003') },
);

interface Shape {
  record: Record<string, unknown>;
  /** Keys of the record, in the order to write them. */
  order: number[];
  spaced: boolean;
  /** Text changes applied to the serialized line. */
  edits: string[];
}

const record = fc.record({
  id: guid,
  createdDateTime: timeValue,
  userDisplayName: text,
  userPrincipalName: text,
  appDisplayName: text,
  isInteractive: fc.boolean(),
  status: fc.oneof(
    { weight: 8, arbitrary: fc.record({ errorCode, failureReason: text, additionalDetails: fc.constantFrom(null, 'MFA') }) },
    { weight: 1, arbitrary: fc.constantFrom(null, 'failure', { ErrorCode: 0 }, {}) },
  ),
  deviceDetail: fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        deviceId: deviceIdValue,
        displayName: text,
        operatingSystem: text,
        trustType: fc.constantFrom('Microsoft Entra joined', 'Hybrid Azure AD joined', ''),
        isCompliant: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom(null, {}, { DeviceId: '6f630632-2256-406e-af47-b1bd741c80c8' }) },
  ),
  // nested objects holding the same key names as the fields the fast path reads
  location: fc.oneof(
    fc.record({ city: text, countryOrRegion: fc.constant('JP') }),
    fc.record({
      createdDateTime: timeValue,
      status: fc.record({ errorCode }),
      deviceDetail: fc.record({ deviceId: deviceIdValue }),
      list: fc.array(fc.record({ errorCode, deviceId: deviceIdValue }), { maxLength: 2 }),
    }),
  ),
  extra: fc.option(fc.constantFrom(1.5e-7, -0, 1234567890123456, [], [[{}]], 'x\\"y'), { nil: undefined }),
});

const edit = fc.constantFrom(
  // escapes in the keys it reads (the same key for JSON.parse)
  '"createdDateTime"->"create\\u0064DateTime"',
  '"deviceId"->"device\\u0049d"',
  '"errorCode"->"error\\u0043ode"',
  '"status"->"st\\u0061tus"',
  // escapes in values it takes
  '"2025->"\\u0032025',
  // repeated keys: JSON.parse keeps the last
  '"status":{->"status":{"errorCode":700003},"status":{',
  '"deviceDetail":{->"deviceDetail":{"deviceId":"11111111-2222-3333-4444-555555555555"},"deviceDetail":{',
  '"errorCode":0->"errorCode":0,"errorCode":50126',
  '"errorCode":0->"errorCode":700003,"errorCode":0',
  '"deviceId":->"deviceId":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee","deviceId":',
  // other spellings the mapper also accepts
  '"createdDateTime"->"CreatedDateTime"',
  '"deviceDetail"->"DeviceDetail"',
  // a page on one line, an array of records on one line
  '{"id"->{"value":[],"id"',
  // invalid JSON
  '}}->}},}',
  '"isInteractive":true->"isInteractive":tru',
  '"isInteractive":false->"isInteractive":False',
  ',"id"->,,"id"',
  '"id"->\'id\'',
  '{->{\u0000',
  // a raw control character inside a string (JSON.stringify escapes them)
  '"id":"->"id":"\t',
  '"userPrincipalName":"->"userPrincipalName":"\u001f',
  // a repeated key, escaped, after the plain one: JSON.parse keeps the escaped one
  'last:"st\\u0061tus":{"errorCode":50126}',
  'last:"device\\u0044etail":{"deviceId":"11111111-2222-3333-4444-555555555555"}',
  'last:"created\\u0044ateTime":"2025-02-02T02:02:02Z"',
  'last:"status":{"error\\u0043ode":700003}',
  'end:  ',
  'end: x',
  'end:,',
  'start:\ufeff',
  'start: \t',
  'wrap:[]',
);

const line = fc.record({
  record,
  order: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
  spaced: fc.boolean(),
  edits: fc.array(edit, { maxLength: 2 }),
}) as fc.Arbitrary<Shape>;

function serialize(shape: Shape): string {
  const entries = Object.entries(shape.record).filter(([, v]) => v !== undefined);
  // keys in another order: a stable shuffle by the generated weights
  const weighted = entries.map((e, i) => ({ e, w: shape.order[i] ?? 0, i }));
  weighted.sort((a, b) => a.w - b.w || a.i - b.i);
  const obj = Object.fromEntries(weighted.map((x) => x.e));
  let s = shape.spaced ? JSON.stringify(obj, null, 1).replace(/\n/g, ' ') : JSON.stringify(obj);
  for (const e of shape.edits) {
    if (e.startsWith('last:')) s = s.endsWith('}') ? `${s.slice(0, -1)},${e.slice(5)}}` : s;
    else if (e.startsWith('end:')) s += e.slice(4);
    else if (e.startsWith('start:')) s = e.slice(6) + s;
    else if (e === 'wrap:[]') s = `[${s}]`;
    else {
      const [from, to] = e.split('->') as [string, string];
      s = s.replace(from, to);
    }
  }
  return s;
}

function mapped(lineText: string) {
  const record = JSON.parse(lineText.trim()) as Record<string, unknown>;
  const v = signInJsonMapper('graph-signins-json')(record);
  return typeof v === 'string' ? v : { ...v };
}

/** The device id the fast path read: GUID words as their text, else the id. */
const deviceOf = (ev: { guid: Uint32Array; hasGuid: boolean; deviceId: string }) =>
  ev.hasGuid ? guidText(ev.guid[0] ?? 0, ev.guid[1] ?? 0, ev.guid[2] ?? 0, ev.guid[3] ?? 0) : ev.deviceId;

const fresh = () => ({ time: 0, guid: new Uint32Array(4), hasGuid: false, code: 0, deviceId: '', deviceName: '', os: '', trust: '', user: '', app: '' });

/** Bytes the rules look at: controls, quotes, escapes, digits, structure, DEL and bytes of UTF-8. */
const BYTES = [0x00, 0x09, 0x0a, 0x0d, 0x1f, 0x20, 0x22, 0x5c, 0x75, 0x30, 0x31, 0x2d, 0x2e, 0x65, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x7f, 0x80, 0xc3, 0xff];
const byteEdit = fc.record({ at: fc.nat(), byte: fc.constantFrom(...BYTES), how: fc.constantFrom('insert', 'replace', 'delete') });

function edited(text: string, edits: { at: number; byte: number; how: string }[]): Buffer {
  const b = [...Buffer.from(text, 'utf8')];
  for (const e of edits) {
    const at = e.at % (b.length + 1);
    if (e.how === 'insert') b.splice(at, 0, e.byte);
    else if (at < b.length) b.splice(at, 1, ...(e.how === 'replace' ? [e.byte] : []));
  }
  return Buffer.from(b);
}

describe('Graph signIn JSON Lines fast path', () => {
  it('reads a line only when the full parse gives a success with the same time and device', () => {
    fc.assert(
      fc.property(line, (shape) => {
        const s = serialize(shape);
        const bytes = Buffer.from(s, 'utf8');
        const ev = fresh();
        if (!readSuccess(bytes, 0, bytes.length, ev)) return;
        const full = mapped(s);
        expect(typeof full).toBe('object');
        if (typeof full === 'object') {
          expect(full.code).toBe(0);
          expect(ev.time).toBe(full.time);
          expect(deviceOf(ev)).toBe(full.deviceId);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('the WebAssembly validator gives the answer and the event of the JavaScript one, on every line', () => {
    const wasm = wasmLines();
    expect(wasm, 'WebAssembly is available in Node').toBeDefined();
    if (wasm === undefined) return;
    // a generated line, or bytes around it: a cut record, one with bytes before it, any bytes
    const input = fc.oneof(
      { weight: 6, arbitrary: line.map((shape) => Buffer.from(serialize(shape), 'utf8')) },
      { weight: 1, arbitrary: fc.tuple(line, fc.nat()).map(([shape, n]) => Buffer.from(serialize(shape), 'utf8').subarray(0, n % 400)) },
      { weight: 1, arbitrary: fc.tuple(fc.uint8Array({ maxLength: 8 }), line).map(([pre, shape]) => Buffer.concat([pre, Buffer.from(serialize(shape))])) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)) },
      // a record with a few bytes put in, changed or taken out anywhere
      { weight: 4, arbitrary: fc.tuple(line, fc.array(byteEdit, { minLength: 1, maxLength: 3 })).map(([shape, edits]) => edited(serialize(shape), edits)) },
    );
    let successes = 0;
    fc.assert(
      fc.property(input, (bytes) => {
        // one line of a chunk: what follows it in memory is the line feed that ended it
        const held = wasm.hold(null, bytes);
        const js = fresh();
        const ws = fresh();
        const expected = readSuccess(bytes, 0, bytes.length, js);
        expect(readSuccessWasm(wasm, 0, held.length, ws)).toBe(expected);
        if (expected) {
          successes++;
          expect({ ...ws, guid: [...ws.guid] }).toEqual({ ...js, guid: [...js.guid] });
        }
      }),
      { numRuns: 4000 },
    );
    // the fast path was taken often enough to compare what it read
    expect(successes).toBeGreaterThan(200);
    // nesting around the depth limit, in arrays and objects
    const base = '{"createdDateTime":"2025-06-01T00:00:00Z","status":{"errorCode":0},"deviceDetail":{"deviceId":"6f630632-2256-406e-af47-b1bd741c80c8"}';
    for (let depth = 60; depth <= 68; depth++) {
      for (const [open, close] of [
        ['[', ']'],
        ['{"a":', '}'],
      ] as const) {
        const bytes = Buffer.from(`${base},"x":${open.repeat(depth)}1${close.repeat(depth)}}`);
        const expected = readSuccess(bytes, 0, bytes.length, fresh());
        expect(readSuccessWasm(wasm, 0, wasm.hold(null, bytes).length, fresh()), `depth ${depth} ${open}`).toBe(expected);
        expect(expected).toBe(depth < 64);
      }
    }
  });

  it('reads the plain Graph shape of a success (so the fast path is used at all)', () => {
    const plain = {
      id: '0d1e713e-c6fd-4ab2-b92b-4c13202f8172',
      createdDateTime: '2025-05-28T09:21:32Z',
      userPrincipalName: 'user51@contoso.com',
      appDisplayName: 'Microsoft Edge',
      isInteractive: true,
      status: { errorCode: 0, failureReason: 'Other.', additionalDetails: null },
      deviceDetail: { deviceId: 'AD784EF0-FC76-4F82-B5B0-A392FD6333C4', displayName: 'CON-LT-000043', trustType: 'Microsoft Entra joined' },
      location: { city: 'Tokyo', geoCoordinates: { latitude: 35.6, longitude: 139.7 } },
    };
    for (const s of [JSON.stringify(plain), `${JSON.stringify(plain, null, 2).replace(/\n/g, '')}\r`]) {
      const b = Buffer.from(s);
      const ev = fresh();
      expect(readSuccess(b, 0, b.length, ev), s).toBe(true);
      expect(ev).toMatchObject({ code: 0, time: Date.parse('2025-05-28T09:21:32Z') });
      expect(deviceOf(ev)).toBe('ad784ef0-fc76-4f82-b5b0-a392fd6333c4');
    }
    // a failure, an escape in a key it reads, a nested status only: to the full parse
    const failure = { ...plain, status: { errorCode: 700003 } };
    const nestedOnly = { ...plain, status: undefined, location: { status: { errorCode: 0 } } };
    for (const s of [JSON.stringify(failure), JSON.stringify(plain).replace('"deviceId"', '"device\\u0049d"'), JSON.stringify(nestedOnly)]) {
      const b = Buffer.from(s);
      expect(readSuccess(b, 0, b.length, fresh()), s).toBe(false);
    }
  });

  it('a whole file gives the same report and aggregate as the full parse, however it is cut into chunks', async () => {
    await fc.assert(
      fc
        .asyncProperty(
          fc.array(line, { minLength: 1, maxLength: 25 }),
          fc.record({
            crlf: fc.boolean(),
            bom: fc.boolean(),
            blank: fc.boolean(),
            truncate: fc.option(fc.nat(), { nil: undefined }),
            finalBreak: fc.boolean(),
          }),
          fc.array(fc.integer({ min: 1, max: 4096 }), { minLength: 1, maxLength: 8 }),
          fc.boolean(),
          async (shapes, file, cuts, wasm) => {
            // either validator: each holds the chunks its own way
            setWasmValidator(wasm);
            // the first line is a plain success so that the input is taken as Graph signIns
            const first = JSON.stringify({
              createdDateTime: '2025-06-01T00:00:00Z',
              status: { errorCode: 0 },
              deviceDetail: { deviceId: '6f630632-2256-406e-af47-b1bd741c80c8' },
            });
            const lines = [first, ...shapes.map(serialize)];
            if (file.blank) lines.splice(1, 0, '', '   ');
            let body = lines.join(file.crlf ? '\r\n' : '\n');
            if (file.truncate !== undefined) {
              const last = lines.at(-1) ?? '';
              body = body.slice(0, body.length - last.length + (file.truncate % (last.length + 1)));
            } else if (file.finalBreak) body += file.crlf ? '\r\n' : '\n';
            const utf8 = Buffer.concat([file.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(body, 'utf8')]);
            const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
            const [fast, full] = await Promise.all([read(utf8, cuts), read(utf16, cuts)]);
            expect(fast.report.encoding).toMatch(/^utf-8/);
            expect(full.report.encoding).toMatch(/^utf-16le/);
            expect({ ...fast.report, encoding: null }).toEqual({ ...full.report, encoding: null });
            expect(fast.state).toEqual(full.state);
            expect(fast.table.equals(full.table)).toBe(true);
          },
        )
        .afterEach(() => setWasmValidator(true)),
      { numRuns: Number(process.env.JSONL_RUNS ?? 1000) },
    );
  }, 600_000);
});

/** readInput over `bytes` cut into chunks of the given sizes (cycled). */
async function read(bytes: Buffer, cuts: number[]) {
  async function* chunks() {
    let at = 0;
    let k = 0;
    while (at < bytes.length) {
      const size = cuts[k++ % cuts.length] ?? 1;
      yield bytes.subarray(at, at + size);
      at += size;
    }
  }
  const agg = new FleetAggregator();
  const report = await readInput({ source: streamSource('signins.jsonl', chunks()) }, agg, { add() {} });
  // the device tables' typed arrays (large, mostly empty) compared as bytes, the rest with toEqual
  // (which looks at a typed array an element at a time: most of this test's time, before)
  const { seen, otherFailures, ...state } = agg.exportSignIns();
  const tables = [seen.keys, seen.times, otherFailures?.keys, otherFailures?.times].flatMap((a) =>
    a ? [Buffer.from(a.buffer, a.byteOffset, a.byteLength)] : [],
  );
  return { report, state: { ...state, other: seen.other, otherFailures: otherFailures?.other }, table: Buffer.concat(tables) };
}
