/**
 * Which legacy code page a capture that is not UTF-8 was written in: Shift_JIS (932, Japanese
 * Windows), ANSI 1252 (PowerShell 5.1 `Out-File -Encoding Default`, Notepad "ANSI" on Western
 * Windows) or OEM 850 (`cmd.exe` redirection on Western Windows).
 *
 * Each code page reads the bytes as characters and scores how plausible they are as text: Japanese
 * comes in runs of kana and kanji, accented Latin letters sit one or two at a time inside ASCII
 * words in a matching case, OEM box drawing comes in lines. The scoring looks only at the bytes
 * and at the tables below (no decoder), so the CLI and the browser page choose the same way.
 */

export type LegacyCodePage = 'cp932' | 'cp1252' | 'cp850';

export interface CodePageGuess {
  encoding: LegacyCodePage;
  evidence: string;
}

/** Code page 1252 for 0x80-0xFF (0xA0-0xFF are Latin-1); U+FFFD marks the five unassigned bytes. */
const CP1252_HIGH = `€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ${String.fromCharCode(...Array.from({ length: 96 }, (_, i) => 0xa0 + i))}`;
/** Code page 850 for 0x80-0xFF, as iconv-lite has it. */
const CP850_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

const isAsciiLetter = (b: number | undefined): boolean => b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));

/** Pick the code page whose reading of the sample scores highest; 1252 wins ties. */
export function guessLegacyCodePage(sample: Uint8Array): CodePageGuess {
  const sjis = shiftJisScore(sample);
  const ansi = singleByteScore(sample, CP1252_HIGH);
  const oem = singleByteScore(sample, CP850_HIGH);
  const scores = `932: ${sjis}, 1252: ${ansi}, 850: ${oem}`;
  if (sjis > ansi && sjis > oem) return { encoding: 'cp932', evidence: `Shift_JIS text scores highest (${scores})` };
  if (oem > ansi) return { encoding: 'cp850', evidence: `code page 850 text scores highest (${scores})` };
  return { encoding: 'cp1252', evidence: `code page 1252 text scores highest (${scores})` };
}

// ---------------------------------------------------------------- Shift_JIS

/** What a Shift_JIS character is: Japanese (kana, kanji, full-width forms), a symbol, rare, or not valid. */
type SjisKind = 'japanese' | 'symbol' | 'halfwidth' | 'rare' | 'invalid';

function sjisPairKind(lead: number, trail: number): SjisKind {
  if (trail < 0x40 || trail === 0x7f || trail > 0xfc) return 'invalid';
  if (lead === 0x81) return trail <= 0xac || (trail >= 0xb8 && trail <= 0xbf) || (trail >= 0xc8 && trail <= 0xce) ? 'symbol' : 'rare';
  if (lead === 0x82) {
    // full-width digits and letters, hiragana
    if ((trail >= 0x4f && trail <= 0x58) || (trail >= 0x60 && trail <= 0x79) || (trail >= 0x81 && trail <= 0x9a) || (trail >= 0x9f && trail <= 0xf1))
      return 'japanese';
    return 'invalid';
  }
  if (lead === 0x83) return trail <= 0x96 ? 'japanese' : 'rare'; // katakana, then Greek
  if (lead === 0x84 || lead === 0x87) return 'rare'; // Cyrillic, box drawing; NEC specials (①, ㈱)
  if (lead === 0x85 || lead === 0x86) return 'invalid';
  if (lead === 0x88) return trail >= 0x9f ? 'japanese' : 'invalid';
  if (lead === 0x98) return trail <= 0x72 || trail >= 0x9f ? 'japanese' : 'invalid';
  if ((lead >= 0x89 && lead <= 0x9f) || (lead >= 0xe0 && lead <= 0xe9)) return 'japanese'; // kanji levels 1 and 2
  if (lead === 0xea) return trail <= 0xa4 ? 'japanese' : 'invalid';
  if (lead === 0xed || lead === 0xee || lead === 0xfa || lead === 0xfb) return 'rare'; // IBM extensions
  if (lead === 0xfc) return trail <= 0x4b ? 'rare' : 'invalid';
  return 'invalid'; // 0xEB, 0xEC, 0xEF unassigned, 0xF0-0xF9 user-defined
}

interface Token {
  kind: SjisKind;
  start: number;
  end: number;
}

function sjisToken(sample: Uint8Array, i: number): Token {
  const b = sample[i] as number;
  if (b >= 0xa1 && b <= 0xdf) return { kind: 'halfwidth', start: i, end: i + 1 };
  const lead = (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);
  const trail = sample[i + 1];
  if (!lead || trail === undefined) return { kind: 'invalid', start: i, end: i + 1 };
  const kind = sjisPairKind(b, trail);
  // an invalid trail byte is read on its own (an ASCII line break must not be swallowed)
  return kind === 'invalid' && (trail < 0x40 || trail === 0x7f) ? { kind, start: i, end: i + 1 } : { kind, start: i, end: i + 2 };
}

/**
 * Japanese in runs scores 3 a character (two bytes, where a Latin reading scores at most 2 a byte
 * on half of them); a lone character wedged between ASCII letters (what a
 * Latin `ü` followed by `l` becomes) and invalid or unassigned pairs score against.
 */
function shiftJisScore(sample: Uint8Array): number {
  let score = 0;
  let i = 0;
  while (i < sample.length) {
    if ((sample[i] as number) < 0x80) {
      i++;
      continue;
    }
    const run: Token[] = [];
    while (i < sample.length && (sample[i] as number) >= 0x80) {
      const t = sjisToken(sample, i);
      run.push(t);
      i = t.end;
    }
    score += sjisRunScore(sample, run);
  }
  return score;
}

function sjisRunScore(sample: Uint8Array, run: Token[]): number {
  const first = run[0] as Token;
  const last = run[run.length - 1] as Token;
  const wedged = isAsciiLetter(sample[first.start - 1]) && isAsciiLetter(sample[last.end]);
  // every pair ending in an ASCII letter, inside a word: what accented letters between plain ones
  // look like (B ö b ö r); Japanese trail bytes are ASCII letters only about a quarter of the time
  const alternating =
    (isAsciiLetter(sample[first.start - 1]) || isAsciiLetter(sample[last.end])) && run.every((t) => t.end - t.start === 2 && isAsciiLetter(sample[t.end - 1]));
  if (alternating) return run.reduce((sum, t) => sum + (t.kind === 'invalid' ? -4 : t.kind === 'japanese' ? 0 : -1), 0);
  const alone = run.length === 1;
  // half-width katakana glued to full-width characters: Latin-1 letters read as Shift_JIS
  const mixed = run.some((t) => t.kind === 'halfwidth') && run.some((t) => t.kind === 'japanese' || t.kind === 'symbol');
  let score = 0;
  for (const t of run) {
    if (t.kind === 'invalid') score -= 4;
    else if (t.kind === 'rare') score -= 1;
    else if (t.kind === 'japanese') score += alone ? (wedged ? -2 : 1) : mixed ? 1 : 3;
    else if (t.kind === 'symbol') score += alone && wedged ? -2 : 0;
    else if (t.kind === 'halfwidth') score += alone ? (isAsciiLetter(sample[t.start - 1]) || isAsciiLetter(sample[t.end]) ? -2 : 0) : mixed ? -1 : 1;
  }
  return score;
}

// ---------------------------------------------------------------- 1252 and 850

/** Latin-1 letters of the languages Windows ships in 1252/850 locales; Icelandic þ and ð are rare enough to count as symbols. */
const isLatinLetter = (c: string): boolean => c >= '\u00c0' && c <= '\u00ff' && !'×÷þÞðÐ'.includes(c);
const isBox = (c: string): boolean => (c >= '\u2500' && c <= '\u259f') || c === '\u25a0';
/** Symbols no word touches: a letter read in the wrong code page (850 ü as 1252 is ³, 1252 ö as 850 is ÷). */
const ODD_SYMBOLS = new Set('†‡ˆ‰‹›¤¦¨¬¯¸¹²³¼½¾±×÷¶‗');
/** What may sit inside a word: apostrophes and the Catalan middle dot. */
const IN_WORD_SYMBOLS = new Set('’‘´`·\u00ad');

/**
 * Accented letters one or two at a time next to ASCII letters, in a matching case, score 2 each;
 * box drawing in lines scores 1; symbols in long runs of high bytes, box drawing inside words and
 * unassigned bytes score against.
 */
function singleByteScore(sample: Uint8Array, high: string): number {
  let score = 0;
  let i = 0;
  while (i < sample.length) {
    if ((sample[i] as number) < 0x80) {
      i++;
      continue;
    }
    const start = i;
    while (i < sample.length && (sample[i] as number) >= 0x80) i++;
    for (let j = start; j < i; j++) score += singleByteCharScore(sample, high, start, i, j);
  }
  return score;
}

function singleByteCharScore(sample: Uint8Array, high: string, start: number, end: number, j: number): number {
  const c = high.charAt((sample[j] as number) - 0x80);
  const before = sample[start - 1];
  const after = sample[end];
  const inWord = isAsciiLetter(before) || isAsciiLetter(after);
  if (c === '\uFFFD') return -4;
  if (isBox(c)) return inWord ? -2 : boxNeighbour(sample, high, start, end, j) ? 1 : 0;
  // three or more high bytes in a row: rare in Western words, so no letter scores, and a symbol among them counts against
  const long = end - start > 2;
  if (!isLatinLetter(c)) return long ? -1 : symbolScore(c, before, after);
  if (long) return 0;
  if (!inWord) return 0;
  return wordCaseFits(sample, high, j) ? 2 : 0;
}

/** The letters of the word around byte j, in this code page: ASCII letters and Latin letters. */
function wordAround(sample: Uint8Array, high: string, j: number): string {
  const letterAt = (k: number): string | undefined => {
    const b = sample[k];
    if (b === undefined) return undefined;
    if (b < 0x80) return isAsciiLetter(b) ? String.fromCharCode(b) : undefined;
    const c = high.charAt(b - 0x80);
    return isLatinLetter(c) ? c : undefined;
  };
  let from = j;
  while (from > 0 && letterAt(from - 1) !== undefined && j - from < 40) from--;
  let word = '';
  for (let k = from; k < sample.length && k - j < 40; k++) {
    const c = letterAt(k);
    if (c === undefined) break;
    word += c;
  }
  return word;
}

/** Words are lowercase, Capitalised or UPPERCASE ("ÄRü" is Shift_JIS read as 850). ß has no case. */
function wordCaseFits(sample: Uint8Array, high: string, j: number): boolean {
  const word = wordAround(sample, high, j).replace(/ß/gu, '');
  const rest = word.slice(1);
  return rest === rest.toLowerCase() || word === word.toUpperCase();
}

/**
 * A symbol other than a letter: odd ones next to a letter, and anything but an apostrophe wedged
 * between two letters (ƒ, Š, ª... inside a word are Shift_JIS lead bytes read as 1252), score against.
 */
function symbolScore(c: string, before: number | undefined, after: number | undefined): number {
  const touches = isAsciiLetter(before) || isAsciiLetter(after);
  const wedged = isAsciiLetter(before) && isAsciiLetter(after);
  if (ODD_SYMBOLS.has(c)) return touches ? -1 : 0;
  return wedged && !IN_WORD_SYMBOLS.has(c) ? -1 : 0;
}

/** Box drawing comes in lines: a box character next to another one in the same run. */
function boxNeighbour(sample: Uint8Array, high: string, start: number, end: number, j: number): boolean {
  const at = (k: number) => k >= start && k < end && isBox(high.charAt((sample[k] as number) - 0x80));
  return at(j - 1) || at(j + 1);
}
