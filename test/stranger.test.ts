import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/diagnose/diagnose.js';
import { readStatusBytes } from '../src/read/parse.js';
import { readFileSync } from 'node:fs';

// Inputs written by someone who had not read the code, from the article and the domain notes,
// with the answer labelled before the tool ran (issue #11's situations). A label says what must
// and must not be in the plan; it never pins the whole plan, so other fixes can move around it.
const DIR = join(import.meta.dirname, 'fixtures', 'stranger');
const FIXTURES = join(import.meta.dirname, 'fixtures', 'dsregcmd');
const DESTRUCTIVE = ['leave-and-reboot', 'forcerecovery', 'disconnect-work-account', 'clear-aad-storage-key', 'retire-in-mdm'];

interface Label {
  file: string;
  error?: string;
  mdm?: boolean;
  exit?: 0 | 1;
  mustNot?: string[];
  mustHave?: string[];
  firstNot?: string;
  joinType?: string;
  deviceId?: string;
  code?: string;
}

const LABELS: Label[] = [
  { file: 'a-hybrid-healthy.txt', error: '700003', exit: 1, mustNot: DESTRUCTIVE },
  { file: 'a-hybrid-healthy-ja-ticket.txt', exit: 1, mustNot: DESTRUCTIVE, code: 'AADSTS700003' },
  { file: 'a-hybrid-healthy.txt', exit: 0, mustNot: DESTRUCTIVE },
  { file: 'b-hybrid-healthy-system.txt', error: '700003', exit: 1, mustNot: DESTRUCTIVE },
  {
    file: 'c-dual-state-errorpage.txt',
    exit: 1,
    mustNot: ['leave-and-reboot', 'forcerecovery', 'clear-aad-storage-key'],
    mustHave: ['disconnect-work-account'],
    code: 'AADSTS700003',
  },
  {
    file: 'd-partner-tenant.txt',
    error: "AADSTS700003: Device object was not found in the tenant 'Fabrikam' directory.",
    exit: 1,
    mustNot: ['leave-and-reboot', 'forcerecovery', 'clear-aad-storage-key'],
    mustHave: ['disconnect-work-account', 'reconnect-work-account'],
  },
  { file: 'e-ja-errorpage-aadj-failing.txt', exit: 1, mustHave: ['forcerecovery'], mustNot: ['leave-and-reboot'], code: 'AADSTS700003' },
  { file: 'f-aadj-healthy-other-device.txt', exit: 1, mustNot: DESTRUCTIVE, code: 'AADSTS700003' },
  { file: 'g-fullwidth-ticket.txt', exit: 1, joinType: 'entra-joined', mustHave: ['forcerecovery'], mustNot: ['leave-and-reboot'] },
  { file: 'h-s01-wrapped-60.txt', exit: 1, joinType: 'entra-joined', deviceId: '83cfa1ed-f804-4304-97d9-21dabe8634fa', mustHave: ['forcerecovery'] },
  { file: 'h2-s01-wrapped-80-crlf.txt', exit: 1, joinType: 'entra-joined', deviceId: '83cfa1ed-f804-4304-97d9-21dabe8634fa', mustHave: ['forcerecovery'] },
  { file: 'j-local-account.txt', mustNot: DESTRUCTIVE },
  { file: '../dsregcmd/s01-aadj-700003.txt', exit: 1, firstNot: 'retire-in-mdm', mustHave: ['forcerecovery'] },
  { file: '../dsregcmd/s01-aadj-700003.txt', mdm: true, exit: 1, firstNot: 'retire-in-mdm' },
];

describe("a stranger's inputs (labelled before the tool ran)", () => {
  it.each(LABELS.map((l) => ({ ...l, name: `${l.file}${l.error ? ` --error ${l.error.slice(0, 20)}` : ''}${l.mdm ? ' --mdm' : ''}` })))('$name', (l) => {
    const path = l.file.startsWith('../dsregcmd/') ? join(FIXTURES, l.file.slice(12)) : join(DIR, l.file);
    const d = diagnose(readStatusBytes(readFileSync(path), { name: l.file }), {
      now: new Date('2026-01-15T00:00:00Z'),
      ...(l.error ? { error: l.error } : {}),
      ...(l.mdm ? { mdm: true } : {}),
    });
    const steps = d.plan.steps.map((s) => s.id as string);
    if (l.exit !== undefined) expect(d.exitCode).toBe(l.exit);
    for (const s of l.mustNot ?? []) expect(steps, `${s} must not be planned`).not.toContain(s);
    for (const s of l.mustHave ?? []) expect(steps).toContain(s);
    if (l.firstNot) expect(steps[0]).not.toBe(l.firstNot);
    if (l.joinType) expect(d.status.joinType).toBe(l.joinType);
    if (l.deviceId) expect(d.status.deviceId.value).toBe(l.deviceId);
    if (l.code) expect(d.errorCodes).toContain(l.code);
  });
});
