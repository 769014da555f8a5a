import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvSink, CsvTokenizer, sniffDelimiter } from '../src/fleet/csv.js';
import { analyzeFleet, memorySource } from '../src/fleet/fleet.js';
import { JsonRecordReader } from '../src/fleet/json-records.js';
import { deviceKey, joinTypeFromTrust, parseErrorCode, parseTime } from '../src/fleet/values.js';

/** Split text into chunks at the given cut points (what a stream does to it). */
function chunksOf(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let last = 0;
  for (const p of points) {
    out.push(text.slice(last, p));
    last = p;
  }
  out.push(text.slice(last));
  return out;
}

/** Tokenize UTF-8 bytes cut at arbitrary byte positions (inside a character too). */
function tokenize(chunks: string[] | Buffer[], delimiter = ',', expected = 0, limit?: number) {
  const t = new CsvTokenizer({ delimiter });
  t.expected = expected;
  if (limit !== undefined) t.limit = limit;
  const rows: { fields: string[]; count: number; line: number }[] = [];
  const problems: number[] = [];
  const sink: CsvSink = {
    row: (r) => rows.push({ fields: r.strings(), count: r.count, line: r.line }),
    problem: (p) => problems.push(p.line),
  };
  for (const c of chunks) t.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : c, sink);
  t.end(sink);
  return { rows, problems };
}

function byteChunks(text: string, cuts: number[]): Buffer[] {
  const b = Buffer.from(text, 'utf8');
  const points = [...new Set(cuts.map((c) => c % (b.length + 1)))].sort((x, y) => x - y);
  const out: Buffer[] = [];
  let last = 0;
  for (const p of points) {
    out.push(b.subarray(last, p));
    last = p;
  }
  out.push(b.subarray(last));
  return out;
}

const cell = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'crlf\r\nin', '', ' ', '"', '""', '東京, 日本', '😀'),
);

describe('CSV tokenizer (property tests against csv-parse)', () => {
  it('reads back any table, however the stream is cut, with the line each row starts on', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 12 })),
        fc.constantFrom('\r\n', '\n'),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 8 }),
        (table, eol, delimiter, quoteAll, trailingEol, cuts) => {
          const quote = (v: string) => (quoteAll || /["\r\n]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v);
          const lines = table.map((row) => row.map(quote).join(delimiter));
          const text = lines.join(eol) + (trailingEol ? eol : '');
          const { rows, problems } = tokenize(byteChunks(text, cuts), delimiter, table[0]?.length ?? 0);
          expect(problems).toEqual([]);
          expect(rows.map((r) => r.fields)).toEqual(table);
          // the oracle agrees
          const oracle = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
          expect(rows.map((r) => r.fields)).toEqual(oracle);
          // each row starts on the line after the line breaks before it
          let line = 1;
          table.forEach((row, i) => {
            expect(rows[i]?.line).toBe(line);
            line += 1 + quote(row.join('\u0000')).split(/\r\n|\n|\r/).length - 1;
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws and never loses the line after a runaway quote', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 10 }), fc.array(fc.nat(), { maxLength: 5 }), (lines, cuts) => {
        const text = ['h1,h2,h3', ...lines, 'last,row,ok'].join('\n');
        const { rows, problems } = tokenize(byteChunks(text, cuts), ',', 3);
        // the final well-formed row is always read (a quote may swallow lines before it, never it)
        const last = rows.at(-1);
        if (!lines.some((l) => l.includes('"'))) expect(last?.fields).toEqual(['last', 'row', 'ok']);
        expect(rows.length + problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('picks the delimiter from the header', () => {
    expect(sniffDelimiter('a,b,c')).toBe(',');
    expect(sniffDelimiter('a;b;"c,d"')).toBe(';');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
  });

  it('records fields only up to the limit, and still counts the rest (quotes and all)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom('\r\n', '\n'),
        (table, limit, cuts, eol) => {
          const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
          const text = table.map((r) => r.map(quote).join(',')).join(eol) + eol;
          const { rows, problems } = tokenize(byteChunks(text, cuts), ',', 5, limit);
          expect(problems).toEqual([]);
          expect(rows.map((r) => r.fields)).toEqual(table.map((r) => r.slice(0, limit)));
          expect(rows.map((r) => r.count)).toEqual(table.map(() => 5));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads times, codes and device ids straight from the bytes', () => {
    const t = new CsvTokenizer();
    const got: unknown[] = [];
    const sink: CsvSink = { row: (r) => got.push([r.time(0), r.code(1), r.deviceId(2), r.code(3)]), problem: () => {} };
    t.push(
      Buffer.from(
        '2025-06-02T08:00:00Z,700003,6F2A1C3E-1111-4A8B-9C01-0000000000D1,AADSTS50155\n"2025-06-02 08:00:00",0,{6f2a1c3e-1111-4a8b-9c01-0000000000d1},\n',
      ),
      sink,
    );
    t.end(sink);
    const ms = Date.parse('2025-06-02T08:00:00Z');
    expect(got).toEqual([
      [ms, 700003, '6f2a1c3e-1111-4a8b-9c01-0000000000d1', 50155],
      [ms, 0, '6f2a1c3e-1111-4a8b-9c01-0000000000d1', -1],
    ]);
  });
});

describe('JSON record reader (property tests)', () => {
  const record = fc.dictionary(
    fc.constantFrom('id', 'createdDateTime', 'status', 'deviceDetail', 'note', 'value2'),
    fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
    ),
    { minKeys: 1, maxKeys: 5 },
  );

  it('gives the same records for every shape an export takes, however the stream is cut', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(0, 2, 4),
        fc.array(fc.nat(), { maxLength: 8 }),
        (records, pageSize, indent, cuts) => {
          const pages: Record<string, unknown>[][] = [];
          for (let i = 0; i < records.length; i += pageSize) pages.push(records.slice(i, i + pageSize));
          const shapes = [
            JSON.stringify(records, null, indent),
            JSON.stringify(
              { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns', value: records, '@odata.nextLink': 'x' },
              null,
              indent,
            ),
            pages.map((p) => JSON.stringify({ '@odata.nextLink': 'n', value: p })).join('\n'),
            `${records.map((r) => JSON.stringify(r)).join('\r\n')}\r\n`,
            JSON.stringify(
              pages.map((p) => ({ value: p })),
              null,
              indent,
            ),
            pages.map((p) => JSON.stringify({ value: p }, null, indent)).join('\n'),
          ];
          for (const text of shapes) {
            const reader = new JsonRecordReader();
            const got: unknown[] = [];
            const problems: unknown[] = [];
            const sink = { record: (r: Record<string, unknown>) => got.push(r), problem: (p: unknown) => problems.push(p) };
            for (const c of chunksOf(text, cuts)) reader.push(c, sink);
            reader.end(sink);
            expect(problems).toEqual([]);
            expect(got).toEqual(records);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(fc.nat(), { maxLength: 5 }), (text, cuts) => {
        const reader = new JsonRecordReader();
        const sink = { record: () => {}, problem: () => {} };
        for (const c of chunksOf(text, cuts)) reader.push(c, sink);
        reader.end(sink);
      }),
      { numRuns: 500 },
    );
  });

  it('reports the line of a broken record and reads the next ones', () => {
    const reader = new JsonRecordReader();
    const got: unknown[] = [];
    const problems: unknown[] = [];
    const sink = { record: (r: Record<string, unknown>) => got.push(r), problem: (p: unknown) => problems.push(p) };
    reader.push('[\n  {"a": 1},\n  {"a": tru},\n  {"a": 3}\n]\n', sink);
    reader.end(sink);
    expect(got).toEqual([{ a: 1 }, { a: 3 }]);
    expect(problems).toEqual([{ line: 3, reason: 'invalid-json' }]);
  });
});

describe('values', () => {
  it.each([
    ['2025-12-04T08:19:41Z', '2025-12-04T08:19:41.000Z'],
    ['2025-12-04T08:19:41.1234567Z', '2025-12-04T08:19:41.123Z'],
    ['2025-12-04 08:19:41', '2025-12-04T08:19:41.000Z'],
    ['2025-12-04T17:19:41+09:00', '2025-12-04T08:19:41.000Z'],
    ['12/4/2025 8:19:41 AM', '2025-12-04T08:19:41.000Z'],
    ['12/4/2025 12:05:00 AM', '2025-12-04T00:05:00.000Z'],
    ['12/4/2025, 8:19:41.123 PM', '2025-12-04T20:19:41.123Z'],
    ['13/4/2025 08:19', '2025-04-13T08:19:00.000Z'],
    ['4.12.2025 08:19:41', '2025-12-04T08:19:41.000Z'],
    ['2025/12/04 8:19', '2025-12-04T08:19:00.000Z'],
    ['2025/12/04 午後 1:05:00', undefined],
    ['2025-02-30T00:00:00Z', undefined],
    ['2025-1X-04T08:19:41Z', undefined],
    ['yesterday', undefined],
    ['', undefined],
  ])('parseTime(%j)', (input, iso) => {
    const t = parseTime(input);
    if (iso === undefined) expect(Number.isNaN(t)).toBe(true);
    else expect(new Date(t).toISOString()).toBe(iso);
  });

  it('error codes', () => {
    expect(parseErrorCode('700003')).toBe(700003);
    expect(parseErrorCode(700003)).toBe(700003);
    expect(parseErrorCode('AADSTS50155')).toBe(50155);
    expect(parseErrorCode('0')).toBe(0);
    expect(parseErrorCode('')).toBe(-1);
    expect(parseErrorCode('n/a')).toBe(-1);
  });

  it('device ids: braces, case and the all-zero GUID', () => {
    expect(deviceKey('{6F2A1C3E-1111-4A8B-9C01-0000000000D1}')).toBe('6f2a1c3e-1111-4a8b-9c01-0000000000d1');
    expect(deviceKey(' 6f2a1c3e-1111-4a8b-9c01-0000000000d1 ')).toBe('6f2a1c3e-1111-4a8b-9c01-0000000000d1');
    expect(deviceKey('00000000-0000-0000-0000-000000000000')).toBe('');
    expect(deviceKey(null)).toBe('');
  });

  it.each([
    ['AzureAd', 'entra-joined'],
    ['ServerAd', 'hybrid-joined'],
    ['Workplace', 'entra-registered'],
    ['Microsoft Entra hybrid joined', 'hybrid-joined'],
    ['Hybrid Azure AD joined', 'hybrid-joined'],
    ['Azure AD registered', 'entra-registered'],
    ['Domain Joined', 'hybrid-joined'],
    ['Microsoft Entra 参加済み', 'entra-joined'],
    ['something new', 'unknown'],
    ['', null],
  ])('joinTypeFromTrust(%j)', (input, expected) => {
    expect(joinTypeFromTrust(input)).toBe(expected);
  });
});

describe('analyzeFleet on arbitrary input (property)', () => {
  const header = 'Date (UTC),Request ID,Username,Application,Status,Sign-in error code,Device ID,Join Type';
  const piece = fc.oneof(
    fc.constantFrom(
      header,
      '{"value":[',
      '[',
      ']',
      '}',
      '{"createdDateTime":"2025-06-02T08:00:00Z","status":{"errorCode":700003},"deviceDetail":{"deviceId":"6f2a1c3e-1111-4a8b-9c01-0000000000d1"}}',
      ',',
      '\n',
      '\r\n',
      '"',
      '""',
    ),
    fc.constantFrom(
      '2025-06-02T08:00:00Z,r1,a@contoso.com,Teams,Failure,700003,6f2a1c3e-1111-4a8b-9c01-0000000000d1,',
      '2025-06-02T08:00:00Z,r2,b@contoso.com,Edge,Success,0,,',
    ),
    fc.string({ maxLength: 12 }),
  );

  it('never throws, and rows read always equal rows used plus rows skipped', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 30 }), fc.boolean(), async (pieces, utf16) => {
        const text = pieces.join('');
        const bytes = utf16 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.from(text, 'utf8');
        const report = await analyzeFleet({ inputs: [{ source: memorySource('fuzz', bytes) }], asOf: new Date('2025-06-04T00:00:00Z') });
        expect(report.rows.read).toBe(report.rows.used + report.rows.skipped);
        const skipped = Object.values(report.rows.skippedByReason).reduce((a, b) => a + b, 0);
        expect(skipped).toBe(report.rows.skipped);
      }),
      { numRuns: 200 },
    );
  });
});
