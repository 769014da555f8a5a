// First, do no harm (issue 11): for any output that shows the device join healthy, with any
// reported error, no plan step and no generated script changes that join.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/diagnose/diagnose.js';
import { JOIN_CHANGING_STEPS } from '../src/plan/plan.js';
import { readStatusText } from '../src/read/parse.js';
import { intunePair } from '../src/script/intune.js';
import { remediationScript } from '../src/script/remediation.js';
import { buildStatus } from './build-status.js';

const NOW = new Date('2025-06-01T00:00:00Z');
const JOIN_ID = '11111111-2222-3333-4444-555555555555';

const guid = fc.uuid().map((u) => u.toLowerCase());
const tenantName = fc.constantFrom('Contoso', 'Fabrikam', 'Northwind Traders', 'テナントA');
const workAccount = fc.record({ id: guid, tenantId: guid, tenantName });

function workAccountSection(wa: { id: string; tenantId: string; tenantName: string }): string {
  const bar = `+${'-'.repeat(70)}+`;
  return [
    bar,
    `| Work Account 1${' '.repeat(55)}|`,
    bar,
    '',
    `         WorkplaceDeviceId : ${wa.id}`,
    `         WorkplaceTenantId : ${wa.tenantId}`,
    `       WorkplaceTenantName : ${wa.tenantName}`,
    '',
  ].join('\n');
}

/** Reported errors: codes, pasted pages (en, ja), tenant phrases, junk. */
const reportedError = fc.oneof(
  fc.constantFrom('700003', 'AADSTS700003', '135011', '50155', '130008', '0x801c03f2', '0x80090016', ''),
  fc.constantFrom(
    'Your organization has deleted this device.',
    '組織によってこのデバイスが削除されました',
    '組織がこのデバイスを削除しました',
    'エラー コード: 700003',
  ),
  tenantName.map((t) => `AADSTS700003: Device object was not found in the tenant '${t}' directory.`),
  tenantName.map((t) => `AADSTS700003: テナント '${t}' のディレクトリにデバイス オブジェクトが見つかりませんでした。`),
  fc.string({ maxLength: 80 }),
);

const healthyJoin = fc.record({
  hybrid: fc.boolean(),
  prt: fc.constantFrom('YES', 'NO'),
  account: fc.constantFrom('CONTOSO\\user, user@contoso.com', 'CONTOSO\\PC-TEST-01$', 'AzureAD\\User, user@contoso.com', 'PC-TEST-01\\frontdesk'),
  wa: fc.option(workAccount, { nil: undefined }),
  error: reportedError,
  deviceId: fc.option(fc.oneof(guid, fc.constant(JOIN_ID)), { nil: undefined }),
  mdm: fc.option(fc.boolean(), { nil: undefined }),
  placement: fc.constantFrom('before', 'after', 'option'),
});

describe('no plan step and no generated script changes a join the output shows healthy', () => {
  it('holds for any healthy join, any work account, any reported error, any context', () => {
    fc.assert(
      fc.property(healthyJoin, (h) => {
        let text = buildStatus({
          dom: h.hybrid ? 'YES' : 'NO',
          deviceId: JOIN_ID,
          deviceAuthStatus: 'SUCCESS',
          prt: h.prt,
          wpj: h.wa ? 'YES' : 'NO',
          diagnostic: [`    Executing Account Name : ${h.account}`],
        });
        if (h.wa)
          text = text.replace(
            '+----------------------------------------------------------------------+\n| Diagnostic Data',
            `${workAccountSection(h.wa)}\n+----------------------------------------------------------------------+\n| Diagnostic Data`,
          );
        // the error where an admin pastes it: before the output, after it, or as --error
        if (h.placement === 'before') text = `${h.error}\n\n${text}`;
        if (h.placement === 'after') text = `${text}\n${h.error}\n`;
        const d = diagnose(readStatusText(text), {
          now: NOW,
          ...(h.placement === 'option' && h.error ? { error: h.error } : {}),
          ...(h.deviceId ? { deviceId: h.deviceId } : {}),
          ...(h.mdm !== undefined ? { mdm: h.mdm } : {}),
        });
        expect(d.registrations.find((r) => r.kind === 'device-join')?.health).toBe('healthy');
        const steps = d.plan.steps.map((s) => s.id);
        for (const id of JOIN_CHANGING_STEPS) expect(steps).not.toContain(id);
        // a work account is disconnected only when the error was matched to it
        if (steps.includes('disconnect-work-account')) expect(d.match.verdict).toBe('work-account');
        // ... by its device identifier, or by a tenant other than the join's: never by elimination (#11 b)
        if (steps.includes('disconnect-work-account') && d.match.by !== 'device-id') {
          expect(d.match.by).toBe('tenant');
          expect(d.match.registration?.partner).toBe(true);
        }
        const script = remediationScript(d, 'en', { stage: 3, generatedAt: NOW });
        expect(script).not.toContain('& dsregcmd.exe /leave');
        expect(script).not.toContain('& dsregcmd.exe /forcerecovery');
        expect(script).not.toContain('DeleteSubKeyTree');
        expect(intunePair(d, 'ja').remediation).not.toContain('& dsregcmd.exe /leave');
      }),
      { numRuns: 150 },
    );
  });
});
