// How fast could a reader of this report be? `node bench/reader-ceiling.mjs` (after `npm run build`).
//
// A "skeleton" builds the objects a `ParsedReport` holds for the same bytes, with none of the
// reader's rules: a string per line (slices of 256 KiB Latin-1 chunks, as the reader cuts them), a
// kind per line (an array of strings), a field object of five slots for every line with ` : `
// after its first word, and a section (with its fields list and the record its fields share) for
// every line that opens with '|'. It tells what the report's objects cost by themselves, so what
// the aim "reader ≥ 0.5× the floor" (issue #14) leaves for the rules that classify a line. A
// second skeleton ("rows") keeps the fields as rows of typed arrays instead, an object for none of
// them: what a columnar report, whose field objects are made only when asked for, would leave. A
// third ("named") is the first with its field objects, each named as the reader must: the key cut
// from its line and looked up with the reader's own `canonicalKey`. It is the least a reader that
// names its fields does, so the time left to the rules under the aim is floor × 2 − named.
//
// Printed: floor (decode + split), the three skeletons and reader, interleaved (in order, then the
// reverse order), min and median of each, and floor ÷ each. Figures, not pass/fail.
import { performance } from 'node:perf_hooks';
import { readStatusBytes } from '../dist/index.js';
import { canonicalKey } from '../dist/read/vocabulary.js';
import { bigPaste, fixtureFiles } from './reader-inputs.mjs';

const files = fixtureFiles;
// the 50 MB paste of bench/reader.mjs
const big = bigPaste(50);

class SkeletonField {
  constructor(place, key, name, line, valueFrom) {
    this.key = key;
    this.name = name;
    this.line = line;
    this.place = place;
    this.value = valueFrom;
  }
}
const KINDS = ['blank', 'banner', 'title', 'field', 'unparsed'];
const CHUNK = 256 * 1024;

/** Fields as rows of typed arrays (line, section, where the value starts), no object a field: what a columnar report would hold. */
class FieldRows {
  count = 0;
  // 16 entries (64 bytes) to start: a larger typed array is made outside the heap, at about 1 µs
  line = new Int32Array(16);
  section = new Int32Array(16);
  from = new Int32Array(16);

  push(section, line, from) {
    if (this.count === this.line.length) {
      for (const k of ['line', 'section', 'from']) {
        const more = new Int32Array(this.count * 2);
        more.set(this[k]);
        this[k] = more;
      }
    }
    this.line[this.count] = line;
    this.section[this.count] = section;
    this.from[this.count++] = from;
  }
}

function skeleton(buf, asRows = false, named = false) {
  const lines = [];
  const kinds = [];
  const fields = asRows ? new FieldRows() : [];
  const sections = [];
  let place = { title: '', index: -1, lines };
  let section;
  let sectionFrom = 0;
  for (let from = 0; from < buf.length; ) {
    let to = Math.min(buf.length, from + CHUNK);
    const lf = buf.indexOf(10, to);
    to = lf < 0 ? buf.length : lf + 1;
    const text = buf.latin1Slice(from, to);
    for (let pos = 0; pos < text.length; ) {
      let end = text.indexOf('\r\n', pos);
      if (end < 0) end = text.length;
      const line = text.slice(pos, end);
      lines.push(line);
      let kind = 4;
      let start = pos;
      while (start < end && text.charCodeAt(start) === 32) start++;
      if (start === end) kind = 0;
      else if (text.charCodeAt(start) === 43) kind = 1;
      else if (text.charCodeAt(start) === 124) {
        kind = 2;
        const count = asRows ? fields.count : fields.length;
        if (section) section.fields = asRows ? { from: sectionFrom, to: count } : fields.slice(sectionFrom);
        sectionFrom = count;
        section = { title: line, printedTitle: line, known: true, inferred: false, line: lines.length, endLine: lines.length, fields: [] };
        sections.push(section);
        place = { title: line, index: sections.length - 1, lines };
      } else {
        const at = text.indexOf(' : ', start);
        if (at > 0 && at < end) {
          kind = 3;
          if (asRows) fields.push(place.index, lines.length, at + 3 - pos);
          else if (named) {
            let keyEnd = at;
            while (keyEnd > start && text.charCodeAt(keyEnd - 1) === 32) keyEnd--;
            const key = text.slice(start, keyEnd);
            fields.push(new SkeletonField(place, key, canonicalKey(key) ?? key, lines.length, at + 3 - pos));
          } else fields.push(new SkeletonField(place, 'key', 'key', lines.length, at + 3 - pos));
        }
      }
      kinds.push(KINDS[kind]);
      pos = end + 2;
    }
    from = to;
  }
  return { lines, kinds, fields, sections };
}

const decoder = new TextDecoder('utf-8');
const floor = (b) => decoder.decode(b).split(/\r\n|\r|\n/).length;

function compare(title, sides, rounds) {
  const times = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
  for (let i = 0; i <= rounds; i++) {
    const order = Object.entries(sides);
    if (i % 2) order.reverse();
    for (const [name, run] of order) {
      const start = performance.now();
      run();
      if (i > 0) times[name].push(performance.now() - start);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  console.log(`${title} (${rounds} rounds)`);
  for (const [name, xs] of Object.entries(times)) {
    const ratio = (median(times.floor) / median(xs)).toFixed(2);
    console.log(`  ${name.padEnd(8)} min ${Math.min(...xs).toFixed(1)} ms, median ${median(xs).toFixed(1)} ms; floor ÷ ${name} (medians) ${ratio}×`);
  }
}

const ROUNDS = Number(process.env.BENCH_PAIRS ?? 9);
const REPEAT = 50;
compare(
  `the ${files.length} fixtures ×${REPEAT}`,
  {
    floor: () => {
      for (let r = 0; r < REPEAT; r++) for (const b of files) floor(b);
    },
    skeleton: () => {
      for (let r = 0; r < REPEAT; r++) for (const b of files) skeleton(b);
    },
    rows: () => {
      for (let r = 0; r < REPEAT; r++) for (const b of files) skeleton(b, true);
    },
    named: () => {
      for (let r = 0; r < REPEAT; r++) for (const b of files) skeleton(b, false, true);
    },
    reader: () => {
      for (let r = 0; r < REPEAT; r++) for (const b of files) readStatusBytes(b);
    },
  },
  ROUNDS,
);
const built = skeleton(big);
compare(
  `one ${(big.length / 1e6).toFixed(0)} MB paste (skeleton: ${built.lines.length} lines, ${built.fields.length} fields, ${built.sections.length} sections)`,
  {
    floor: () => floor(big),
    skeleton: () => skeleton(big),
    rows: () => skeleton(big, true),
    named: () => skeleton(big, false, true),
    reader: () => readStatusBytes(big),
  },
  ROUNDS,
);
