// The streaming multipart reader of the fleet uploads: property tests against the bodies the
// platform's own FormData encoder writes (as browsers do), cut into chunks at random places.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundaryOf, type FormPart, MultipartError, MultipartParser, readMultipart } from '../src/web/multipart.js';

interface Input {
  name: string;
  filename: string | null;
  content: Uint8Array;
}

async function encode(parts: Input[]): Promise<{ body: Uint8Array; boundary: string }> {
  const form = new FormData();
  for (const p of parts) {
    if (p.filename === null) form.append(p.name, Buffer.from(p.content).toString('latin1'));
    else form.append(p.name, new Blob([p.content]), p.filename);
  }
  const res = new Response(form);
  const boundary = boundaryOf(res.headers.get('content-type'));
  if (!boundary) throw new Error('no boundary');
  return { body: new Uint8Array(await res.arrayBuffer()), boundary };
}

function feed(body: Uint8Array, boundary: string, cuts: number[], maxBytes = Number.MAX_SAFE_INTEGER): FormPart[] {
  const parser = new MultipartParser(boundary, { maxBytes, maxParts: 1000 });
  const at = [...new Set(cuts.map((c) => c % (body.length + 1)))].sort((a, b) => a - b);
  let prev = 0;
  for (const c of [...at, body.length]) {
    if (c > prev) parser.push(body.subarray(prev, c));
    prev = Math.max(prev, c);
  }
  return parser.end();
}

const joined = (p: FormPart) => Buffer.concat(p.chunks);

// contents that look like the delimiter, CRLFs and dashes are the hard cases
const tricky = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc
    .array(fc.constantFrom('\r\n', '--', '-', '\r', '\n', 'a', '----formdata', '\r\n--', 'x'.repeat(40), 'é', '日本'), { maxLength: 40 })
    .map((xs) => new Uint8Array(Buffer.from(xs.join(''), 'utf8'))),
);
const fileName = fc.stringMatching(/^[\w .()\-\u3041-\u30ff]{1,30}$/);
const part = fc.record({
  name: fc.constantFrom('file', 'planned', 'staleDays', 'asOf'),
  filename: fc.option(fileName, { nil: null }),
  content: tricky,
});

describe('MultipartParser', () => {
  it('reads back every part FormData wrote, however the body is cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 12 }), async (parts, cuts) => {
        // a text field goes through as UTF-8 text, its line breaks as CRLF (the form encoding's rule)
        const asText = (c: Uint8Array) =>
          new Uint8Array(
            Buffer.from(
              Buffer.from(c)
                .toString('latin1')
                .replace(/\r\n|\r|\n/g, '\r\n'),
              'utf8',
            ),
          );
        const inputs = parts.map((p) => (p.filename === null ? { ...p, content: asText(p.content) } : p));
        const { body, boundary } = await encode(parts);
        const got = feed(body, boundary, cuts);
        expect(got.map((g) => [g.name, g.filename])).toEqual(inputs.map((p) => [p.name, p.filename]));
        got.forEach((g, i) => {
          expect(joined(g).equals(Buffer.from(inputs[i]?.content ?? []))).toBe(true);
          expect(g.size).toBe(inputs[i]?.content.length);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('holds a large file in about 1 MB blocks, not in the chunks it arrived in', async () => {
    const content = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => i % 251);
    const { body, boundary } = await encode([{ name: 'file', filename: 'big.csv', content }]);
    const cuts = Array.from({ length: Math.floor(body.length / 16384) }, (_, i) => (i + 1) * 16384);
    const [got] = feed(body, boundary, cuts);
    expect(got?.chunks.length).toBeLessThanOrEqual(4);
    expect(got && joined(got).equals(Buffer.from(content))).toBe(true);
  });

  it('stops at the byte that crosses the limit', () => {
    const parser = new MultipartParser('b', { maxBytes: 10, maxParts: 5 });
    parser.push(new Uint8Array(10));
    expect(() => parser.push(new Uint8Array(1))).toThrow(MultipartError);
  });

  it.each([
    [
      'a preamble and an epilogue',
      'ignored\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nx,y\r\n--b--\r\nepilogue',
      [['file', 'a.csv', 'x,y']],
    ],
    ['transport padding after the delimiter', '--b  \r\nContent-Disposition: form-data; name="staleDays"\r\n\r\n90\r\n--b--', [['staleDays', null, '90']]],
    ['an empty part', '--b\r\nContent-Disposition: form-data; name="file"; filename="e.csv"\r\n\r\n\r\n--b--\r\n', [['file', 'e.csv', '']]],
    [
      'RFC 5987 filename*',
      "--b\r\nContent-Disposition: form-data; name=file; filename*=UTF-8''%E6%97%A5%E6%9C%AC.csv\r\n\r\nz\r\n--b--",
      [['file', '日本.csv', 'z']],
    ],
    [
      'a header without Content-Type, lower-case names',
      '--b\r\ncontent-disposition: form-data; name="asOf"\r\n\r\n2025-06-04\r\n--b--',
      [['asOf', null, '2025-06-04']],
    ],
  ])('%s', (_name, text, expected) => {
    const got = feed(new Uint8Array(Buffer.from(text, 'utf8')), 'b', [3, 7, 20]);
    expect(got.map((g) => [g.name, g.filename, joined(g).toString('utf8')])).toEqual(expected);
  });

  it.each([
    ['no delimiter at all', 'just text', 'no-boundary'],
    ['cut in a part', '--b\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc', 'truncated'],
    ['cut in the headers', '--b\r\nContent-Disposition: form-da', 'truncated'],
    ['a header line without a colon', '--b\r\nnonsense\r\n\r\nx\r\n--b--', 'bad-headers'],
    ['no Content-Disposition', '--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--', 'no-disposition'],
    ['a delimiter followed by junk', '--bXY\r\n', 'bad-headers'],
  ])('%s', (_name, text, reason) => {
    let error: unknown;
    try {
      feed(new Uint8Array(Buffer.from(text, 'utf8')), 'b', [2]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MultipartError);
    expect((error as MultipartError).reason).toBe(reason);
  });

  it('too many parts', () => {
    const text = `${'--b\r\nContent-Disposition: form-data; name="file"\r\n\r\nx\r\n'.repeat(4)}--b--`;
    const parser = new MultipartParser('b', { maxBytes: 1e6, maxParts: 3 });
    expect(() => parser.push(Buffer.from(text))).toThrow(expect.objectContaining({ reason: 'too-many-parts' }));
  });

  it('readMultipart reads a web stream', async () => {
    const { body, boundary } = await encode([{ name: 'file', filename: 'a.csv', content: new Uint8Array(Buffer.from('a,b\r\n1,2')) }]);
    const stream = new Response(body).body;
    const parts = await readMultipart(stream, boundary, { maxBytes: 1e6, maxParts: 3 });
    expect(parts.map((p) => joined(p).toString())).toEqual(['a,b\r\n1,2']);
  });

  it.each([
    ['multipart/form-data; boundary=abc', 'abc'],
    ['Multipart/Form-Data; charset=utf-8; boundary="a b:c"', 'a b:c'],
    ['multipart/form-data', null],
    ['text/plain; boundary=abc', null],
    [`multipart/form-data; boundary=${'x'.repeat(71)}`, null],
    [undefined, null],
  ])('boundaryOf(%j) = %j', (type, expected) => {
    expect(boundaryOf(type)).toBe(expected);
  });
});
