import { describe, expect, it } from 'vitest';
import type { CleanupDevice } from '../src/cleanup/staged.js';
import { CLEANUP_COMMANDS, type CleanupScriptKind, cleanupScript } from '../src/script/cleanup.js';
import { nodesOfType, parsePowerShell } from './powershell-grammar.js';

/** The cleanup scripts: valid PowerShell, only the expected commands, nothing changed without -Apply, input values only as data. */

const device = (over: Partial<CleanupDevice>): CleanupDevice => ({
  deviceId: '11111111-2222-4333-8444-555555555555',
  objectId: '99999999-8888-4777-8666-555555555555',
  displayName: 'CON-LT-000001',
  joinType: 'entra-joined',
  os: 'Windows',
  enabled: true,
  lastActivity: '2025-01-01T00:00:00Z',
  activitySource: 'inventory',
  activityAgeDays: 150,
  reasons: [],
  errorsSinceStage1: [],
  lastErrorSinceStage1: null,
  restorableUntil: null,
  ...over,
});

const HOSTILE = [
  "x'; Remove-Item -Recurse C:\\ ; '",
  'a\u2019; Stop-Computer; \u2018',
  '$(Stop-Computer)',
  'line\r\nRemove-MgDevice -DeviceId x',
  '`"; Invoke-Expression "calc',
  '名前テスト',
];

const KINDS: CleanupScriptKind[] = ['disable', 'rollback', 'enable', 'delete'];
const CHANGES = /^(Update-MgDevice|Remove-MgDevice)$/;

describe('cleanup scripts', () => {
  for (const kind of KINDS) {
    for (const lang of ['en', 'ja'] as const) {
      it(`${kind} (${lang}) parses, uses only the expected commands and changes nothing without -Apply`, async () => {
        const devices = HOSTILE.map((name, i) => device({ displayName: name, deviceId: `11111111-2222-4333-8444-${String(i).padStart(12, '0')}` }));
        devices.push(device({ objectId: "'; Remove-MgDevice -DeviceId 'x", deviceId: '22222222-2222-4333-8444-555555555555' }));
        devices.push(device({ objectId: null, deviceId: 'not-a-guid\r\nRemove-MgDevice' }));
        const text = cleanupScript(kind, devices, lang, { generatedAt: new Date('2025-06-04T00:00:00Z'), inactiveSince: '2025-03-06T00:00:00Z' });
        const parsed = await parsePowerShell(text);
        expect(parsed.errors).toEqual([]);
        const allowed = new Set<string>(CLEANUP_COMMANDS);
        expect(parsed.commands.filter((c) => !allowed.has(c))).toEqual([]);
        // the cmdlets that change the tenant: exactly the ones this kind needs
        const changes = new Set(parsed.commands.filter((c) => CHANGES.test(c)));
        expect([...changes]).toEqual(kind === 'delete' ? ['Remove-MgDevice'] : ['Update-MgDevice']);
        // every change runs inside the device loop, after the -Apply guard and ShouldProcess
        const loop = text.indexOf('foreach ($d in $Devices)');
        const guard = text.indexOf("if (-not $Apply) { Write-Note 'cleanup.script.dryRun'", loop);
        const should = text.indexOf('ShouldProcess($target, $what)', loop);
        expect(loop).toBeGreaterThan(0);
        expect(guard).toBeGreaterThan(loop);
        expect(should).toBeGreaterThan(guard);
        let changing = 0;
        for (const cmd of nodesOfType(parsed.root, 'command')) {
          if (CHANGES.test(cmd.text.split(/\s/)[0] ?? '')) {
            changing++;
            expect(cmd.startIndex).toBeGreaterThan(should);
            // the object id, from the device record: never a literal
            expect(cmd.text).toMatch(/-DeviceId \$d\.ObjectId/);
          }
        }
        expect(changing).toBeGreaterThan(0);
        // the hostile values are data: in single-quoted literals only, never on their own line
        expect(text).not.toMatch(/^\s*Remove-Item/m);
        expect(text).not.toMatch(/^\s*Stop-Computer/m);
        expect(text).not.toContain("'; Remove-MgDevice -DeviceId 'x");
        expect(text).toContain("x''; Remove-Item");
        expect(text).toContain('SupportsShouldProcess = $true');
        expect(text.match(/\[pscustomobject\]@\{ ObjectId = /g)?.length).toBe(HOSTILE.length);
      });
    }
  }

  it('the delete script saves the BitLocker keys and checks the device is still disabled first', () => {
    const text = cleanupScript('delete', [device({ enabled: false })], 'en');
    const remove = text.indexOf('Remove-MgDevice -DeviceId $d.ObjectId');
    expect(text.indexOf('if ($now.AccountEnabled -ne $false)')).toBeGreaterThan(0);
    expect(text.indexOf('if ($now.AccountEnabled -ne $false)')).toBeLessThan(remove);
    expect(text.indexOf('Save-BitLockerKeys $d')).toBeLessThan(remove);
    expect(text).toContain('BitLockerKey.Read.All');
    expect(text).toContain('Cloud Device Administrator');
  });
});
