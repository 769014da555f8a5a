import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../contract/steps.js';
import { CODE_STEP_IDS, CODES, lookupCode, normalizeCode } from './codes.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const ALLOWED_STEPS: ReadonlySet<string> = new Set(STEP_IDS);

describe('CODES', () => {
  it('has at least 60 entries', () => {
    expect(CODES.length).toBeGreaterThanOrEqual(60);
  });

  it('has unique codes', () => {
    const seen = new Set<string>();
    for (const e of CODES) {
      expect(seen.has(e.code), e.code).toBe(false);
      seen.add(e.code);
    }
  });

  it('uses canonical codes that match their family', () => {
    for (const e of CODES) {
      switch (e.family) {
        case 'aadsts':
          expect(e.code, e.code).toMatch(/^AADSTS[1-9]\d*$/);
          break;
        case 'msis':
          expect(e.code, e.code).toMatch(/^MSIS[1-9]\d*$/);
          break;
        case 'hresult':
        case 'ntstatus':
        case 'winhttp':
          expect(e.code, e.code).toMatch(/^0x[0-9a-f]{8}$/);
          break;
        case 'drs-server':
          expect(e.code, e.code).toMatch(/^[A-Z][A-Za-z]+$/);
          break;
      }
      expect(normalizeCode(e.code), e.code).toBe(e.code);
      expect(lookupCode(e.code), e.code).toBe(e);
    }
  });

  it('has non-empty English and Japanese texts, Japanese written in Japanese', () => {
    for (const e of CODES) {
      for (const lang of ['en', 'ja'] as const) {
        for (const field of ['meaning', 'cause', 'action'] as const) {
          const text = e[lang][field];
          expect(text.trim().length, `${e.code} ${lang}.${field}`).toBeGreaterThan(0);
          if (lang === 'ja') expect(text, `${e.code} ja.${field}`).toMatch(JAPANESE);
        }
      }
      expect(e.ja.meaning, e.code).not.toBe(e.en.meaning);
    }
  });

  it('points only to allowed plan steps, without duplicates', () => {
    expect(new Set(CODE_STEP_IDS)).toEqual(ALLOWED_STEPS);
    for (const e of CODES) {
      for (const s of e.steps) expect(ALLOWED_STEPS.has(s), `${e.code}: ${s}`).toBe(true);
      expect(new Set(e.steps).size, e.code).toBe(e.steps.length);
    }
  });

  it('links only to Microsoft Learn', () => {
    for (const e of CODES) {
      if (e.docs !== undefined) expect(e.docs, e.code).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });

  it('covers the key device codes', () => {
    const must = [
      'AADSTS700003',
      'AADSTS135011',
      'AADSTS130007',
      'AADSTS130008',
      'AADSTS50155',
      'AADSTS50126',
      'AADSTS50034',
      'AADSTS50097',
      'AADSTS50187',
      'AADSTS90002',
      'AADSTS53000',
      'AADSTS53001',
      'AADSTS53003',
      'AADSTS50076',
      'AADSTS50079',
      'AADSTS50053',
      'AADSTS50057',
      'AADSTS50144',
      'AADSTS50173',
      'AADSTS50133',
      'AADSTS70043',
      'AADSTS700016',
      '0xc000006d',
      '0xc004844c',
      '0xc00000d0',
      '0xc000023c',
      '0x801c03f2',
      '0x801c001d',
      '0x801c0021',
      '0x801c003a',
      '0x80280036',
      '0x801c03f3',
      '0x801c0002',
      '0x80072ee2',
      '0x80072ee7',
      '0x80072efd',
      '0x80072f8f',
      '0x80290407',
      '0x801c0006',
      '0x80090016',
      '0x00002ee2',
      '0x00002ee7',
      '0x00002efd',
      'DirectoryError',
      'AuthenticationError',
    ];
    for (const c of must) expect(lookupCode(c)?.code, c).toBe(c);
  });

  it('classifies the deleted / disabled device codes', () => {
    expect(lookupCode('700003')?.category).toBe('device-missing');
    expect(lookupCode('135011')?.category).toBe('device-disabled');
    expect(lookupCode('130007')?.category).toBe('device-disabled');
    expect(lookupCode('700003')?.steps).toContain('forcerecovery');
    expect(lookupCode('135011')?.steps).toContain('enable-device-object');
    expect(lookupCode('0x801c03f2')?.symbol).toBe('DSREG_E_DIRECTORY_FAILURE');
    expect(lookupCode('0x801c03f2')?.phase).toBe('join');
  });
});

describe('normalizeCode', () => {
  const table: [string, string | null][] = [
    ['700003', 'AADSTS700003'],
    ['AADSTS700003', 'AADSTS700003'],
    ['aadsts50126', 'AADSTS50126'],
    ['  AADSTS50155: ', 'AADSTS50155'],
    ['50155', 'AADSTS50155'],
    ['90002', 'AADSTS90002'],
    ['0x801C03F2', '0x801c03f2'],
    ['0x801c03f2', '0x801c03f2'],
    ['0X801C03F2', '0x801c03f2'],
    ['801c03f2', '0x801c03f2'],
    ['801C03F2', '0x801c03f2'],
    ['-2145647630', '0x801c03f2'],
    ['2149319666', '0x801c03f2'],
    ['-1073741715', '0xc000006d'],
    ['-894894057', '0xcaa90017'],
    ['msis7068', 'MSIS7068'],
    ['MSIS7068', 'MSIS7068'],
    ['12002', '0x00002ee2'],
    ['12007', '0x00002ee7'],
    ['12029', '0x00002efd'],
    ['12030', '0x00002efe'],
    ['0x2ee2', '0x00002ee2'],
    ['80180003', '0x80180003'],
    ['0xd000023c', '0xd000023c'],
    ['directoryerror', 'DirectoryError'],
    ['AuthenticationError', 'AuthenticationError'],
    ['', null],
    ['   ', null],
    ['hello', null],
    ['invalid_grant', null],
    ['0x', null],
    ['0x0', null],
    ['0', null],
    ['AADSTS', null],
    ['AADSTSabc', null],
    ['0x1234567890', null],
    ['0xzzzz', null],
    ['12', null],
    ['1312', null],
    ['12345678', null],
    ['-99999999999', null],
    ['701c03f2', null],
    ['SomethingError', null],
    ['SUCCESS', null],
  ];
  for (const [input, expected] of table) {
    it(`${JSON.stringify(input)} → ${String(expected)}`, () => {
      expect(normalizeCode(input)).toBe(expected);
    });
  }
});

describe('lookupCode', () => {
  it('accepts any input form', () => {
    expect(lookupCode('700003')?.code).toBe('AADSTS700003');
    expect(lookupCode('aadsts700003')?.code).toBe('AADSTS700003');
    expect(lookupCode('-2145647630')?.code).toBe('0x801c03f2');
    expect(lookupCode('801C03F2')?.code).toBe('0x801c03f2');
    expect(lookupCode('12002')?.code).toBe('0x00002ee2');
    expect(lookupCode('-1073741715')?.symbol).toBe('STATUS_LOGON_FAILURE');
  });

  it('maps the HRESULT_FROM_NT form to the NTSTATUS entry', () => {
    expect(lookupCode('0xd000023c')?.code).toBe('0xc000023c');
    expect(lookupCode('0xD000006D')?.code).toBe('0xc000006d');
    expect(lookupCode('0xd004844c')?.code).toBe('0xc004844c');
  });

  it('does not apply the NT mapping to non-NTSTATUS entries', () => {
    // 0xc00cee4f is an XmlLite HRESULT, not an NTSTATUS.
    expect(lookupCode('0xd00cee4f')).toBeUndefined();
  });

  it('resolves aliases given in the notes', () => {
    expect(lookupCode('0x800484c1')?.code).toBe('0xc00484c1');
    expect(lookupCode('80180003')?.code).toBe('0x801c0003');
  });

  it('returns undefined for unknown codes and garbage (never guesses)', () => {
    expect(lookupCode('AADSTS999999')).toBeUndefined();
    expect(lookupCode('0x801c9999')).toBeUndefined();
    expect(lookupCode('MSIS7068')).toBeUndefined();
    expect(lookupCode('0xd0020017')).toBeUndefined();
    expect(lookupCode('12345')).toBeUndefined();
    expect(lookupCode('not a code')).toBeUndefined();
    expect(lookupCode('')).toBeUndefined();
  });
});
