// Inputs as helpdesks paste them (issue #11 item 3): hand-typed fields, full-width colons and
// spaces, outputs hard-wrapped at a fixed width, ticket / chat / error-page text around the status.
// The inputs and the expected fields were written from the fixtures' layouts and the domain notes
// before reading the reader's code.
import { describe, expect, it } from 'vitest';
import { type ParsedReport, readStatusBytes, readStatusText, toDeviceStatus } from '../src/index.js';
import { ENCODINGS, fixtureText, labels } from './helpers.js';

const fieldsOf = (r: ParsedReport) => r.fields.map((f) => [f.name, f.value]);

/** Every skipped line is an `unparsed` line, named by an `unparsed-line` warning, and kept in `lines`. */
function expectSkipped(r: ParsedReport, text: string, skipped: number[]) {
  expect(r.lines).toEqual(text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n'));
  expect(r.skippedLines).toBe(skipped.length);
  for (const line of skipped) {
    expect(r.lineKinds[line - 1], `line ${line}`).toBe('unparsed');
    const named = r.warnings.some((w) => w.code === 'unparsed-line' && w.line <= line && line <= (w.endLine ?? w.line));
    expect(named, `line ${line} is named in a warning`).toBe(true);
  }
}

/** Cut every line at `width` display columns (a wide character counts 2 and never straddles). */
function hardWrap(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let row = '';
    let cols = 0;
    for (const ch of line) {
      const w = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
      if (cols + w > width) {
        out.push(row);
        row = '';
        cols = 0;
      }
      row += ch;
      cols += w;
    }
    out.push(row);
  }
  return out.join('\n');
}

describe('hand-typed fields (ticket forms, e-mails)', () => {
  it('ja: an e-mail with full-width colons reads as fields and is recognised', () => {
    const text = [
      'お世話になっております。',
      'PC の状態を下記に記載します。',
      '',
      'AzureAdJoined：YES',
      'DomainJoined：NO',
      'DeviceId：5c8a1e0f-3b2d-4e6f-9a71-0c2d4b6e8f10',
      'TenantId：9f3e2a1b-7c4d-4e5f-8a6b-1c2d3e4f5a6b',
      'TenantName：富士見製作所',
      'AzureAdPrt：NO',
      'DeviceAuthStatus：FAILED. Device is either disabled or deleted',
      '',
      'エラー コード: 700003',
      'よろしくお願いいたします。',
    ].join('\n');
    const r = readStatusText(text);
    expect(r.recognized).toBe(true);
    expect(fieldsOf(r)).toEqual([
      ['AzureAdJoined', 'YES'],
      ['DomainJoined', 'NO'],
      ['DeviceId', '5c8a1e0f-3b2d-4e6f-9a71-0c2d4b6e8f10'],
      ['TenantId', '9f3e2a1b-7c4d-4e5f-8a6b-1c2d3e4f5a6b'],
      ['TenantName', '富士見製作所'],
      ['AzureAdPrt', 'NO'],
      ['DeviceAuthStatus', 'FAILED. Device is either disabled or deleted'],
    ]);
    expect(r.fields.map((f) => f.line)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    const s = toDeviceStatus(r);
    expect(s.joinType).toBe('entra-joined');
    expect(s.deviceId.value).toBe('5c8a1e0f-3b2d-4e6f-9a71-0c2d4b6e8f10');
    expect(s.tenantName.value).toBe('富士見製作所');
    expectSkipped(r, text, [1, 2, 12, 13]);
  });

  it('en: a ticket with `Key: Value` lines reads as fields, in UTF-16 and CRLF too', () => {
    const text = [
      'Hi team,',
      'User gets "Your organization has deleted this device" since this morning.',
      'Values from the PC:',
      'AzureAdJoined: YES',
      'DomainJoined: YES',
      'DeviceId: 13f4d226-e48f-44f9-9d68-ce89d1e65ad6',
      'TenantId: c49e9b17-f71f-464c-a749-fa588bc9280c',
      'AzureAdPrt: NO',
      'Thanks, Ken',
      '',
    ].join('\n');
    for (const encode of Object.values(ENCODINGS)) {
      const r = readStatusBytes(encode(text));
      expect(r.recognized).toBe(true);
      expect(fieldsOf(r)).toEqual([
        ['AzureAdJoined', 'YES'],
        ['DomainJoined', 'YES'],
        ['DeviceId', '13f4d226-e48f-44f9-9d68-ce89d1e65ad6'],
        ['TenantId', 'c49e9b17-f71f-464c-a749-fa588bc9280c'],
        ['AzureAdPrt', 'NO'],
      ]);
      const s = toDeviceStatus(r);
      expect(s.joinType).toBe('hybrid-joined');
      expect(s.deviceId.value).toBe('13f4d226-e48f-44f9-9d68-ce89d1e65ad6');
      expectSkipped(r, text, [1, 2, 3, 9]);
    }
  });

  it('full-width spaces and colons inside a real layout read as separators', () => {
    const text = [
      '+----------------------------------------------------------------------+',
      '| Device State                                                         |',
      '+----------------------------------------------------------------------+',
      '',
      '　　　　　AzureAdJoined　：　YES',
      '          EnterpriseJoined ： NO',
      '　　　　　　DomainJoined：NO',
      '',
      '+----------------------------------------------------------------------+',
      '| Device Details                                                       |',
      '+----------------------------------------------------------------------+',
      '',
      '　　　　　　　　　DeviceId　：　83cfa1ed-f804-4304-97d9-21dabe8634fa',
      '          DeviceAuthStatus ： SUCCESS',
    ].join('\n');
    const r = readStatusText(text);
    expect(r.recognized).toBe(true);
    expect(r.fields.map((f) => [f.section, f.name, f.value])).toEqual([
      ['Device State', 'AzureAdJoined', 'YES'],
      ['Device State', 'EnterpriseJoined', 'NO'],
      ['Device State', 'DomainJoined', 'NO'],
      ['Device Details', 'DeviceId', '83cfa1ed-f804-4304-97d9-21dabe8634fa'],
      ['Device Details', 'DeviceAuthStatus', 'SUCCESS'],
    ]);
    expect(r.skippedLines).toBe(0);
    expect(toDeviceStatus(r).joinType).toBe('entra-joined');
  });

  it('an error page alone is not a dsregcmd output, and its lines are kept', () => {
    const text = [
      'Troubleshooting details',
      'If you contact your administrator, send this info to them.',
      'Error code: 700003',
      'Request Id: 3b1c2d4e-5f60-4718-9a2b-3c4d5e6f7a8b',
      'Correlation Id: fcf71704-4454-4dd5-a0f2-c7201814ddd2',
      'Timestamp: 2025-03-04T06:41:19.000Z',
    ].join('\n');
    const r = readStatusText(text);
    expect(r.recognized).toBe(false);
    expect(r.lines).toEqual(text.split('\n'));
  });
});

describe('text around the status (tickets, chats, error pages)', () => {
  it('ja: an error page before the first banner does not stop the status from being read', () => {
    const page = [
      'ユーザーから以下の画面が表示されたと連絡がありました。',
      '',
      'エラーが発生しました',
      '組織によってこのデバイスが削除されました。',
      'トラブルシューティングの詳細',
      'エラー コード: 700003',
      'デバイス識別子: 83cfa1ed-f804-4304-97d9-21dabe8634fa',
      '',
      '以下、dsregcmd の結果です。',
    ];
    const status = fixtureText('s01-aadj-700003.txt').replace(/\n$/, '');
    const text = `${page.join('\n')}\n${status}\n-- \n山田\n`;
    const r = readStatusText(text);
    const plain = readStatusText(status);
    expect(r.recognized).toBe(true);
    expect(fieldsOf(r)).toEqual(fieldsOf(plain));
    expect(r.fields.map((f) => f.line - page.length)).toEqual(plain.fields.map((f) => f.line));
    expect(toDeviceStatus(r).deviceId.value).toBe('83cfa1ed-f804-4304-97d9-21dabe8634fa');
    const after = page.length + status.split('\n').length;
    expectSkipped(r, text, [1, 3, 4, 5, 6, 7, 9, after + 1, after + 2]);
    expect(r.lines[5]).toBe('エラー コード: 700003');
  });

  it('en: chat text inside the status is skipped by name, the fields around it are read', () => {
    const status = fixtureText('s02-hybrid-700003.txt').split('\n');
    const at = status.findIndex((l) => l.includes('| SSO State'));
    const chat = ['[10:42] Ken Sato: here is the rest, the user says AADSTS700003 again', '[10:43] Priya: ok'];
    const lines = [...status.slice(0, at - 1), ...chat, ...status.slice(at - 1)];
    const text = lines.join('\n');
    const r = readStatusText(text);
    const plain = readStatusText(status.join('\n'));
    expect(r.recognized).toBe(true);
    expect(fieldsOf(r)).toEqual(fieldsOf(plain));
    expectSkipped(r, text, [at, at + 1]);
    expect(toDeviceStatus(r).errorCodes).toContain('AADSTS700003');
  });
});

describe('outputs hard-wrapped at a fixed width are re-joined', () => {
  for (const label of labels().filter((l) => l.file.startsWith('s'))) {
    for (const width of [60, 80]) {
      it(`${label.file} cut at ${width} columns`, () => {
        const plainText = fixtureText(label.file);
        const text = hardWrap(plainText, width);
        const r = readStatusText(text);
        const plain = readStatusText(plainText);
        expect(r.recognized).toBe(true);
        expect(r.lines).toEqual(text.replace(/\n$/, '').split('\n'));
        expect(r.fields.map((f) => [f.section, f.name, f.value])).toEqual(plain.fields.map((f) => [f.section, f.name, f.value]));
        expect(r.sections.map((s) => s.title)).toEqual(plain.sections.map((s) => s.title));
        const s = toDeviceStatus(r);
        expect(s.deviceId.value ?? '-').toBe(label.deviceId);
        expect(s.tenantId.value ?? '-').toBe(label.tenantId);
        expect(s.errorCodes.join(',') || '-').toBe(label.errorCodes);
        expect(r.skippedLines).toBe(0);
        // evidence lines point at the physical lines: the key's line holds the key
        for (const f of r.fields) expect(r.lines[f.line - 1]).toContain(f.key.slice(0, 8));
      });
    }
  }

  it('a wrapped DeviceId reads whole, not as a truncated mask (ja tenant name, CRLF, UTF-16)', () => {
    const plainText = fixtureText('s02-hybrid-700003.txt').replace(
      'TenantName : Northwind Traders',
      'TenantName : 株式会社ノースウィンド・トレーダーズ東日本支社',
    );
    const text = hardWrap(plainText, 60);
    expect(text).toContain('13f4d226-e48f-44f9-9d68-ce89d1e\n65ad6');
    for (const encode of Object.values(ENCODINGS)) {
      const r = readStatusBytes(encode(text));
      const s = toDeviceStatus(r);
      expect(s.deviceId).toMatchObject({ value: '13f4d226-e48f-44f9-9d68-ce89d1e65ad6', masked: false });
      expect(s.tenantName.value).toBe('株式会社ノースウィンド・トレーダーズ東日本支社');
      expect(s.joinType).toBe('hybrid-joined');
    }
  });

  it('never guesses on a normal output: equal longest lines stay separate', () => {
    const text = [
      '+----------------------------------------------------------------------+',
      '| Device State                                                         |',
      '+----------------------------------------------------------------------+',
      'AzureAdJoined : YES',
      '+----------------------------------------------------------------------+',
      '| Device Details                                                       |',
      '+----------------------------------------------------------------------+',
      'DeviceId : 4a7089babff97a9b',
      'Thumbprint : 604C3C7F6EAFADE4D387',
    ].join('\n');
    const r = readStatusText(text);
    expect(fieldsOf(r)).toEqual([
      ['AzureAdJoined', 'YES'],
      ['DeviceId', '4a7089babff97a9b'],
      ['Thumbprint', '604C3C7F6EAFADE4D387'],
    ]);
    expect(r.fields[1]?.masked).toBe('truncated');
    expect(r.lineKinds).not.toContain('continuation');
  });
});
