import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isTerminalSafe, terminalSafe } from '../src/render/sanitize.js';
import { FIXTURES, ROOT } from './helpers.js';

// A hostile status file: escape sequences (OSC 52 clipboard, window title, clear screen, the
// one-byte CSI), BEL, bidi overrides and HTML in every value a renderer shows. No text or
// Markdown output may carry one of them raw to a terminal; no Markdown or HTML output may carry
// the HTML raw.

const BIN = join(ROOT, 'bin', 'dsreg-doctor.js');
const base = mkdtempSync(join(tmpdir(), 'dsreg-doctor-escape-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const PAYLOAD = '\x1b]52;c;ZWNobyBvd25lZA==\x07\x1b]0;title\x07\x1b[2J\x9b31m\u202eevil<img src=x onerror=alert(1)>';
const hostile = readFileSync(join(FIXTURES, 's01-aadj-700003.txt'), 'utf8')
  .replace('TenantName : Fabrikam', `TenantName : Fab${PAYLOAD}`)
  .replace('Device Name : FAB-LT-0417', `Device Name : FAB${PAYLOAD}`)
  .replace("in the tenant 'Fabrikam' directory", `in the tenant 'Fab${PAYLOAD}' directory`)
  .replace('Executing Account Name : AzureAD\\JordanReyes', `Executing Account Name : AzureAD\\Jordan${PAYLOAD}`);
const file = join(base, 'hostile.txt');
writeFileSync(file, hostile);
const dir = join(base, 'statuses');
mkdirSync(dir);
writeFileSync(join(dir, `PC${PAYLOAD.replace(/[/\x00]/g, '')}.txt`), hostile);

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', LANG: 'C' }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the terminal sanitiser', () => {
  it('shows every control, C1 and bidi character visibly, keeps tab, newline and Japanese', () => {
    expect(terminalSafe('a\x1b[2Jb\x07\x9b\u202e\tデバイス\n')).toBe('a\\x1b[2Jb\\x07\\x9b\\u{202e}\tデバイス\n');
    for (let c = 0; c < 0xa0; c++) {
      const ch = String.fromCharCode(c);
      expect(isTerminalSafe(terminalSafe(ch))).toBe(true);
    }
  });
});

describe('no escape sequence reaches the terminal, no HTML survives into Markdown or HTML', () => {
  const outputs: [string, string[], 'text' | 'markdown' | 'html' | 'json'][] = [];
  for (const lang of ['en', 'ja']) {
    outputs.push(
      [`diagnose text ${lang}`, ['diagnose', file, '--lang', lang], 'text'],
      [`diagnose markdown ${lang}`, ['diagnose', file, '--format', 'markdown', '--lang', lang], 'markdown'],
      [`diagnose json ${lang}`, ['diagnose', file, '--format', 'json', '--lang', lang], 'json'],
      [`parse text ${lang}`, ['parse', file, '--format', 'text', '--lang', lang], 'text'],
      [`parse json ${lang}`, ['parse', file, '--lang', lang], 'json'],
      [`verify text ${lang}`, ['verify', file, file, '--lang', lang], 'text'],
      [`verify markdown ${lang}`, ['verify', file, file, '--format', 'markdown', '--lang', lang], 'markdown'],
      [`fleet table ${lang}`, ['fleet', '--statuses', dir, '--lang', lang], 'text'],
      [`fleet html ${lang}`, ['fleet', '--statuses', dir, '--format', 'html', '--lang', lang], 'html'],
      [`explain ${lang}`, ['explain', `700003${PAYLOAD}`, '--lang', lang], 'text'],
      [`an unknown option ${lang}`, ['diagnose', file, `--x${PAYLOAD}`, '--lang', lang], 'text'],
      [`a missing file ${lang}`, ['diagnose', join(base, `no${PAYLOAD}`), '--lang', lang], 'text'],
    );
  }
  it.each(outputs)('%s', (_name, args, kind) => {
    const r = run(args);
    expect(r.code, r.stderr).not.toBe(3);
    // stderr is always a terminal's
    expect(isTerminalSafe(r.stderr), JSON.stringify(r.stderr)).toBe(true);
    if (kind === 'text' || kind === 'markdown') expect(isTerminalSafe(r.stdout), JSON.stringify(r.stdout.match(/.*[\x07\x1b\x9b\u202e].*/)?.[0])).toBe(true);
    if (kind === 'json') expect(r.stdout).not.toMatch(/[\x07\x1b\x9b]/);
    if (kind === 'markdown' || kind === 'html') {
      // outside code spans and fences, and in HTML anywhere: no tag from the input
      const prose = r.stdout.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '').replace(/(`+)[^`]*?\1/g, '');
      expect(prose, prose.match(/.*(?<!\\)<img.*/)?.[0]).not.toMatch(/(?<!\\)<img/);
    }
    if (args[0] === 'diagnose' && r.code !== 2) expect(r.stdout).toMatch(/evil|\\u\{202e\}/);
  });
});
