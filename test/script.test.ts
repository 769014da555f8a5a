import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/diagnose/diagnose.js';
import type { Lang } from '../src/i18n/lang.js';
import { readStatusText } from '../src/read/parse.js';
import { collectionScript } from '../src/script/collect.js';
import { intunePair } from '../src/script/intune.js';
import { psLiteral } from '../src/script/powershell.js';
import { remediationScript } from '../src/script/remediation.js';
import { buildStatus } from './build-status.js';
import { fixtureFiles, fixtureText } from './helpers.js';
import { nodesOfType, parsePowerShell } from './powershell-grammar.js';

const NOW = new Date('2026-01-15T00:00:00Z');
/** A device the output shows refused (a healthy one never gets a remedy: see no-harm tests). */
const DELETED = 'FAILED. Device is either disabled or deleted';
const diag = (text: string, error = '700003') => diagnose(readStatusText(text), { now: NOW, error });

describe('generated scripts parse under a PowerShell grammar', () => {
  for (const file of fixtureFiles()) {
    it(file, async () => {
      const d = diag(fixtureText(file));
      for (const lang of ['en', 'ja'] as Lang[]) {
        for (const stage of [1, 2, 3]) {
          const parsed = await parsePowerShell(remediationScript(d, lang, { stage, generatedAt: NOW }));
          expect(parsed.errors, `${lang} stage ${stage}`).toEqual([]);
        }
        const pair = intunePair(d, lang);
        expect((await parsePowerShell(pair.detection)).errors).toEqual([]);
        expect((await parsePowerShell(pair.remediation)).errors).toEqual([]);
      }
    });
  }
  it('collection script (ja, en)', async () => {
    for (const lang of ['en', 'ja'] as Lang[]) expect((await parsePowerShell(collectionScript(lang))).errors).toEqual([]);
  });
});

describe('psLiteral', () => {
  it.each([
    ['plain', "'plain'"],
    ["O'Brien", "'O''Brien'"],
    ['‘curly’', "'‘‘curly’’'"],
    ['$(calc)', "'$(calc)'"],
    ['a`b', "'a`b'"],
  ])('%s → %s', (input, out) => expect(psLiteral(input)).toBe(out));
  it.each(['a\nb', 'a\rb', 'a\u0000b', 'a\u2028b'])('rejects control characters (%j)', (v) => expect(psLiteral(v)).toBeNull());
});

describe('input values are data, never code', () => {
  const HOSTILE = [
    "x'; Remove-Item -Recurse -Force C:\\; '",
    '$(Start-Process calc)',
    '`$(Start-Process calc)`',
    'x"; Start-Process calc; "',
    'x‘; Start-Process calc; ’',
    'x’); Start-Process calc; #',
    '@(Start-Process calc)',
    'x; Start-Process calc',
    '<#',
    '#>',
  ];
  const clean = buildStatus({ deviceAuthStatus: 'FAILED. Device is either disabled or deleted' });
  const inject = (v: string) =>
    clean
      .replace('Device Name : PC-TEST-01', `Device Name : ${v}`)
      .replace('TenantName : Contoso', `TenantName : ${v}`)
      .replace('CONTOSO\\user, user@contoso.com', `${v}\\${v}, ${v}`);

  it.each(HOSTILE)('%s', async (value) => {
    for (const lang of ['en', 'ja'] as Lang[]) {
      const base = await parsePowerShell(remediationScript(diag(clean), lang, { stage: 3, generatedAt: NOW }));
      const hostileScript = remediationScript(diag(inject(value)), lang, { stage: 3, generatedAt: NOW });
      const hostile = await parsePowerShell(hostileScript);
      expect(hostile.errors).toEqual([]);
      expect(new Set(hostile.commands)).toEqual(new Set(base.commands));
      expect(hostile.commands.length).toBe(base.commands.length);
      // the value is there only inside single-quoted string literals
      if (hostileScript.includes(value)) {
        const literals = nodesOfType(hostile.root, 'string_literal').map((n) => n.text);
        expect(literals.some((l) => l.startsWith("'") && l.includes(value.replace(/['‘’]/g, (q) => q + q)))).toBe(true);
      }
    }
  });

  it('a value with a newline is not emitted at all', () => {
    const script = remediationScript(diag(clean.replace('Device Name : PC-TEST-01', 'Device Name : PC\u0007EVIL')), 'en', { generatedAt: NOW });
    expect(script).not.toContain('EVIL');
    expect(script).toContain('DeviceName = $null');
  });
});

describe('safety of the remediation script', () => {
  const joined = remediationScript(diag(buildStatus({ deviceAuthStatus: DELETED })), 'en', { stage: 2, generatedAt: NOW });
  const hybrid = remediationScript(diag(buildStatus({ dom: 'YES', deviceAuthStatus: DELETED })), 'en', { stage: 2, generatedAt: NOW });
  const lines = (s: string) => s.split('\r\n');
  const index = (s: string, needle: string) => lines(s).findIndex((l) => l.includes(needle));

  it('is a dry run unless -Apply: every change goes through Confirm-Change, which needs $Apply', async () => {
    for (const script of [joined, hybrid]) {
      expect(script).toContain('[switch]$Apply');
      expect(script).toContain("if (-not $Apply) { Write-Note 'script.msg.dryRun' $What; return $false }");
      expect(script).toContain('SupportsShouldProcess = $true');
      const parsed = await parsePowerShell(script);
      const risky = nodesOfType(parsed.root, 'command').filter((c) =>
        /dsregcmd\.exe \/(forcerecovery|leave|refreshprt)|Restart-Computer|reg\.exe export/.test(c.text),
      );
      const deletes = nodesOfType(parsed.root, 'invokation_expression').filter((n) => n.text.includes('DeleteSubKeyTree'));
      expect(risky.length + deletes.length).toBeGreaterThan(0);
      for (const node of [...risky, ...deletes]) {
        let guarded = false;
        for (let p = node.parent; p; p = p.parent) {
          if (p.type === 'if_statement' && /^if \(Confirm-Change /.test(p.text)) guarded = true;
        }
        expect(guarded, node.text).toBe(true);
      }
    }
  });

  it('checks elevation before an admin step', () => {
    expect(index(joined, "Assert-Elevated 'forcerecovery'")).toBeGreaterThan(0);
    expect(index(joined, "Assert-Elevated 'forcerecovery'")).toBeLessThan(index(joined, '& dsregcmd.exe /forcerecovery'));
    expect(index(hybrid, "Assert-Elevated 'leave-and-reboot'")).toBeLessThan(index(hybrid, '& dsregcmd.exe /leave'));
  });

  it('the registry step: only in stage 2, as the user, after its precondition, backup before delete', () => {
    const block = lines(joined).slice(index(joined, '[clear-aad-storage-key]'));
    const at = (needle: string) => block.findIndex((l) => l.includes(needle));
    expect(block[1]).toContain('if ($Stage -ge 2)');
    expect(at("Assert-NotElevated 'clear-aad-storage-key'")).toBeGreaterThan(0);
    expect(at("$now['AzureAdJoined'] -ne 'NO' -or $now['WorkplaceJoined'] -ne 'NO'")).toBeGreaterThan(at('Assert-NotElevated'));
    expect(at('reg.exe export')).toBeGreaterThan(at("Write-Stop 'script.stop.notAllNo'"));
    expect(at('Test-Path -LiteralPath $backup')).toBeGreaterThan(at('reg.exe export'));
    expect(at('DeleteSubKeyTree')).toBeGreaterThan(at('Test-Path -LiteralPath $backup'));
  });

  it('saves dsregcmd /status before and after, and writes a transcript', () => {
    expect(index(joined, "Save-Status 'before'")).toBeLessThan(index(joined, "Save-Status 'after'"));
    expect(joined).toContain('Start-Transcript -Path $LogPath');
  });

  it('refuses to act on another machine unless -Force', () => {
    expect(joined).toContain("Write-Stop 'script.msg.otherMachine'");
    expect(joined).toContain("DeviceId = '11111111-2222-3333-4444-555555555555'");
    expect(index(joined, 'Assert-SameMachine')).toBeLessThan(index(joined, '[forcerecovery]'));
  });

  it('prints the steps that cannot be scripted as instructions, in the chosen language', () => {
    const registered = remediationScript(diag(buildStatus({ aad: 'NO', wpj: 'YES' })), 'ja', { generatedAt: NOW });
    expect(registered).toContain('[disconnect-work-account]');
    expect(registered).toContain('職場または学校にアクセスする');
    expect(registered.startsWith('\uFEFF')).toBe(true);
  });
});

describe('Intune pair', () => {
  it('detection exits 1 on the 700003 condition; hybrid remediation leaves as SYSTEM, dry run until $Apply', () => {
    const pair = intunePair(diag(buildStatus({ dom: 'YES', deviceAuthStatus: DELETED })), 'en');
    expect(pair.detection).toContain('exit 1');
    expect(pair.detection).toContain("'FAILED*disabled or deleted*'");
    expect(pair.remediationRunsAsUser).toBe(false);
    expect(pair.remediation).toContain('$Apply = $false');
    expect(pair.remediation.indexOf('if (-not $Apply)')).toBeLessThan(pair.remediation.indexOf('& dsregcmd.exe /leave'));
  });
  it('Entra joined cannot be remediated silently and says so', () => {
    const pair = intunePair(diag(buildStatus({ deviceAuthStatus: DELETED })), 'en');
    expect(pair.remediation).not.toContain('dsregcmd.exe');
    expect(pair.remediation).toContain('exit 1');
  });
});

describe('review fixes: conditional steps and disabled devices are never acted on', () => {
  it('an ambiguous DeviceAuthStatus: the re-registration is printed, not run', async () => {
    const d = diagnose(readStatusText(buildStatus({ dom: 'YES', deviceAuthStatus: 'FAILED. Device is either disabled or deleted' })), { now: NOW });
    const script = remediationScript(d, 'en', { stage: 3, generatedAt: NOW });
    expect(script).not.toContain('& dsregcmd.exe /leave');
    expect(script).toContain("Write-Note 'script.msg.conditional'");
    const pair = intunePair(d, 'en');
    expect(pair.remediation).not.toContain('dsregcmd.exe /leave');
  });
  it('a disabled hybrid device (135011): the Intune remediation does not leave the join', () => {
    const d = diagnose(readStatusText(buildStatus({ dom: 'YES' })), { now: NOW, error: '135011' });
    expect(intunePair(d, 'en').remediation).not.toContain('dsregcmd.exe /leave');
  });
  it('a deleted hybrid device: /leave only after the device re-checks its own state', () => {
    const pair = intunePair(diag(buildStatus({ dom: 'YES', deviceAuthStatus: DELETED })), 'en');
    expect(pair.remediation.indexOf('$hybrid -and $deleted')).toBeLessThan(pair.remediation.indexOf('& dsregcmd.exe /leave'));
  });
});
