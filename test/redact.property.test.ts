import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/diagnose/diagnose.js';
import { analyzeFleet, type FleetReport, memorySource } from '../src/fleet/fleet.js';
import { parseCsvText } from '../src/fleet/csv.js';
import { readStatusText } from '../src/read/parse.js';
import { Redactor } from '../src/redact/redact.js';
import { fixtureFiles, fixtureText, ROOT } from './helpers.js';

/**
 * Redaction over generated names: every identifier planted in a status output, a collection
 * bundle or a fleet export (CSV with `,` `;` tab, JSON, NDJSON, with escapes) is gone afterwards,
 * and the redacted copy diagnoses the same (same findings, plan steps, codes; for fleet exports
 * the same counts and rows once ids are mapped).
 *
 * "Gone" is measured against a neutral run: the same template with neutral names planted. A name
 * that is also a word dsregcmd prints (`Error`, `Status`, `YES`…) may still appear where the
 * output itself prints it, never more often than in the neutral run.
 */

const NOW = new Date('2026-01-15T00:00:00Z');

/** Every word of every field label, alias and section title the reader knows. */
const LABEL_WORDS = (() => {
  const src = readFileSync(join(ROOT, 'src', 'read', 'vocabulary.ts'), 'utf8');
  const labels = new Set<string>();
  for (const m of src.matchAll(/^\s+'?([A-Za-z][A-Za-z0-9 ()-]*?)'?:\s/gm)) if (m[1]) labels.add(m[1]);
  for (const m of src.matchAll(/'([A-Za-z][A-Za-z0-9 ()-]*)'/g)) if (m[1]) labels.add(m[1]);
  const words = new Set<string>();
  for (const l of labels) {
    words.add(l);
    for (const w of l.split(/[\s()-]+/)) if (/^[A-Za-z]{2,}$/.test(w)) words.add(w);
  }
  return [...words];
})();

const RESERVED = [
  'SERVER',
  'Error',
  'Status',
  'Attempt',
  'Device',
  'Data',
  'YES',
  'NO',
  'NONE',
  'SYSTEM',
  'FAILED',
  'SUCCESS',
  'PASS',
  'deleted',
  'disabled',
  'null',
  'true',
  'Users',
  'Public',
  'AzureAD',
  'DEVICE',
  'TENANT',
  'USER',
  'local',
  'Trace',
  'Correlation',
  'Timestamp',
  'AADSTS700003',
  'tenant',
  'directory',
  'object',
  'found',
];

const label = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{2,9}$/);
const randomName = fc.stringMatching(/^[A-Z][A-Z0-9]{1,5}-[A-Z0-9]{2,6}$/);
const oddName = fc.oneof(
  label.map((s) => `${s}\`s-PC`),
  label.map((s) => `O'${s}`),
  label.map((s) => `${s}"Lab"`),
  label.map((s) => `Bob's-${s}`),
  fc.constantFrom('山田-PC', '営業部ノート', 'ヤマダ太郎', '東京本社', 'テスト端末01'),
);
/** A single token: a device, NetBIOS domain or user name. */
const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...LABEL_WORDS.filter((w) => !/\s/.test(w)), ...RESERVED) },
  { weight: 3, arbitrary: randomName },
  { weight: 2, arbitrary: oddName },
);
/** A tenant display name: a token, or words with spaces. */
const tenantName = fc.oneof(
  token,
  fc.tuple(label, fc.constantFrom('Traders', 'Labs', 'Device', 'Status', '株式会社')).map(([a, b]) => `${a} ${b}`),
);
const dnsDomain = fc
  .tuple(
    fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{2,9}[a-z0-9]$/), fc.constantFrom('status', 'error', 'device', 'data')),
    fc.constantFrom('com', 'co.jp', 'local', 'example', 'net'),
  )
  .map(([a, b]) => `${a}.${b}`);

interface Ids {
  device: string;
  /** The Device Name as printed: the name, an FQDN, or a partly masked name. */
  deviceShape: 'plain' | 'fqdn' | 'partial';
  tenant: string;
  netbios: string;
  user: string;
  dns: string;
}

const idsArb: fc.Arbitrary<Ids> = fc
  .record({
    device: token,
    deviceShape: fc.constantFrom('plain', 'fqdn', 'partial') as fc.Arbitrary<Ids['deviceShape']>,
    tenant: tenantName,
    netbios: token,
    user: token,
    dns: dnsDomain,
  })
  .filter((ids) => {
    const all = [ids.device, ids.tenant, ids.netbios, ids.user, ids.dns.split('.')[0] ?? ''].map((s) => s.toLowerCase());
    return new Set(all).size === all.length && !/[\\/@:,;|]/.test(ids.device + ids.tenant + ids.netbios + ids.user);
  });

const NEUTRAL: Ids = {
  device: 'QZDEV-NEUTRAL',
  deviceShape: 'plain',
  tenant: 'Qz Neutral Tenant',
  netbios: 'QZNETBIOS',
  user: 'qz.neutral.user',
  dns: 'qzneutral.example',
};

/** The neutral run plants its names in the same shapes (a partly masked name keeps its top-level domain). */
const neutral = (ids: Ids): Ids => ({ ...NEUTRAL, deviceShape: ids.deviceShape, dns: `qzneutral.${ids.dns.split('.').slice(1).join('.')}` });

const deviceValue = (ids: Ids) =>
  ids.deviceShape === 'fqdn'
    ? `${ids.device}.${ids.dns}`
    : ids.deviceShape === 'partial'
      ? `${ids.device}.xxxx.${ids.dns.split('.').slice(1).join('.')}`
      : ids.device;

/** Plant the identifiers into a status output (any fixture), adding the fields it lacks. */
function plantStatus(template: string, ids: Ids): string {
  const upn = `${ids.user}@${ids.dns}`;
  const set: Record<string, string> = {
    'Device Name': deviceValue(ids),
    TenantName: ids.tenant,
    WorkplaceTenantName: ids.tenant,
    DomainName: ids.netbios,
    'User Identity': upn,
    'Executing Account Name': `${ids.netbios}\\${ids.user}, ${upn}`,
  };
  let out = template.replace(
    /^(\s*)(Device Name|TenantName|WorkplaceTenantName|DomainName|User Identity|Executing Account Name) : .*$/gm,
    (_m, indent: string, key: string) => `${indent}${key} : ${set[key]}`,
  );
  // the tenant name inside AADSTS texts
  out = out.replace(/tenant '[^']*'/g, `tenant '${ids.tenant}'`);
  const extra = [
    `         KerbTopLevelNames : .${ids.dns},.windows.net,.${ids.dns}:1433`,
    `         Proxy Server List : proxy.${ids.dns}:8080;http=web.${ids.dns}:3128`,
    `         Proxy Bypass List : *.${ids.dns};<local>`,
    `      Last HostName Update : ${ids.device}.${ids.dns}`,
    `            Server Message : AADSTS50034: The user account ${ids.user}@${ids.dns} does not exist in the ${ids.dns} directory.`,
    `       User SID : S-1-12-1-1234567890-1122334455-2233445566-3344556677`,
    `   Client IP : 2001:db8:85a3::8a2e:370:7334`,
  ];
  return out.replace(/^(\s*Device Name : .*)$/m, `$1\n${extra.join('\n')}`);
}

const BUNDLE = readFileSync(join(ROOT, 'test', 'fixtures', 'bundle', 'bundle-hybrid-mdm-policy.txt'), 'utf8');

function plantBundle(ids: Ids): string {
  return plantStatus(BUNDLE, ids)
    .replace(/^Computer : .*$/m, `Computer : ${ids.device}`)
    .replace(/^User : .*$/m, `User : ${ids.netbios}\\${ids.user}`)
    .replace(/^MdmEnrollmentUpn : .*$/m, `MdmEnrollmentUpn : ${ids.user}@${ids.dns}`);
}

const shape = (text: string) => {
  const d = diagnose(readStatusText(text), { now: NOW });
  return { joinType: d.status.joinType, findings: d.findings.map((f) => f.id), plan: d.plan.steps.map((s) => s.id), codes: d.errorCodes, exit: d.exitCode };
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole-token occurrences, case-insensitive (as Windows compares names). */
function occurrences(text: string, value: string): number {
  const re = new RegExp(`(?<![A-Za-z0-9_-])${escapeRe(value)}(?![A-Za-z0-9_-])`, 'gi');
  return text.match(re)?.length ?? 0;
}
/** The identifiers to look for: each name, and the parts of a partly masked one. */
const secrets = (ids: Ids) =>
  [
    ids.device,
    ids.tenant,
    WELL_KNOWN_ACCOUNT.test(ids.netbios) || WELL_KNOWN_DOMAIN.test(ids.netbios) ? '' : ids.netbios,
    WELL_KNOWN_ACCOUNT.test(ids.user) ? '' : ids.user,
    ids.dns,
  ].filter((s) => s !== '' && !CODE_SHAPED.test(s));
/** `DOMAIN\SYSTEM` is the machine's own account, not a person: kept by design (diagnosis reads it). */
const WELL_KNOWN_ACCOUNT = /^(system|local service|network service)$/i;
/** So are the domains Windows prints for accounts that are no domain's (`AzureAD\\user`, `NT AUTHORITY\\SYSTEM`). */
const WELL_KNOWN_DOMAIN = /^(azuread|nt authority|workgroup|builtin)$/i;
/** A "name" that is an error code (`AADSTS700003`) is kept by design: diagnosis reads codes wherever they stand. */
const CODE_SHAPED = /^(aadsts\d+|0x[0-9a-f]{1,8}|\d+)$/i;

/** Identifiers left: occurrences beyond what the neutral run shows (a dsregcmd word may stay where dsregcmd prints it). */
function leftOver(redacted: string, neutralRedacted: string, ids: Ids): string[] {
  return secrets(ids).filter((s) => occurrences(redacted, s) > occurrences(neutralRedacted, s));
}

const redact = (text: string) => new Redactor().redact(text).text;
const STATUS_TEMPLATES = fixtureFiles().map((f) => ({ file: f, text: fixtureText(f) }));
const RUNS = Number(process.env.REDACT_RUNS ?? 60);

describe('redact: property over generated names', () => {
  it('status outputs: no identifier left, the same diagnosis', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUS_TEMPLATES), idsArb, ({ text: template }, ids) => {
        const original = plantStatus(template, ids);
        const red = redact(original);
        expect(leftOver(red, redact(plantStatus(template, neutral(ids))), ids)).toEqual([]);
        expect(red).not.toContain('1234567890-1122334455');
        expect(red).not.toMatch(/2001:db8:85a3/i);
        expect(shape(red)).toEqual(shape(original));
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('collection bundles: no identifier left, the same diagnosis', () => {
    fc.assert(
      fc.property(idsArb, (ids) => {
        const original = plantBundle(ids);
        const red = redact(original);
        expect(leftOver(red, redact(plantBundle(neutral(ids))), ids)).toEqual([]);
        expect(shape(red)).toEqual(shape(original));
      }),
      { numRuns: RUNS },
    );
  });
});

// --- fleet exports ---

const FLEET = join(ROOT, 'test', 'fixtures', 'fleet');
const fleetText = (f: string) => readFileSync(join(FLEET, f), 'utf8');
const AS_OF = '2025-06-04T00:00:00Z';

function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  parseCsvText(
    text,
    ',',
    (fields) => rows.push(fields),
    () => {},
  );
  return rows;
}
function writeCsv(rows: string[][], delimiter: string): string {
  const cell = (v: string) => (v.includes(delimiter) || /["\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
  return `${rows.map((r) => r.map(cell).join(delimiter)).join('\r\n')}\r\n`;
}
/** PowerShell's ConvertTo-Json escapes `'`, `<`, `>`, `&` and non-ASCII as \uXXXX. */
const psEscapes = (json: string) => json.replace(/['<>&]|[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

interface FleetNames {
  devices: string[];
  users: string[];
}

/** Plant device names (inventory, sign-in device detail) and user display names in the exports. */
function plantFleet(names: FleetNames, delimiter: string): { name: string; text: string }[] {
  const devName = (i: number) => names.devices[i % names.devices.length] ?? 'X';
  const userName = (i: number) => names.users[i % names.users.length] ?? 'Y';
  const inv = csvRows(fleetText('entra-devices.csv'));
  const invHeader = inv[0] ?? [];
  const dn = invHeader.indexOf('displayName');
  inv.slice(1).forEach((r, i) => {
    r[dn] = devName(i);
  });
  const signIns = csvRows(fleetText('entra-interactive-signins.csv'));
  const user = (signIns[0] ?? []).indexOf('User');
  signIns.slice(1).forEach((r, i) => {
    r[user] = userName(i);
  });
  const graphDevices = JSON.parse(fleetText('graph-devices.json')) as { value: { displayName: string }[] };
  graphDevices.value.forEach((d, i) => {
    d.displayName = devName(i + 3);
  });
  const ndjson = fleetText('graph-signins.jsonl')
    .trim()
    .split('\n')
    .map((l, i) => {
      const o = JSON.parse(l) as { userDisplayName: string; deviceDetail: { displayName: string | null } };
      o.userDisplayName = userName(i + 1);
      if (o.deviceDetail.displayName) o.deviceDetail.displayName = devName(i);
      return psEscapes(JSON.stringify(o));
    })
    .join('\n');
  return [
    { name: 'devices.csv', text: writeCsv([invHeader, ...inv.slice(1)], delimiter) },
    { name: 'signins.csv', text: writeCsv(signIns, delimiter) },
    { name: 'graph-devices.json', text: psEscapes(JSON.stringify(graphDevices, null, 2)) },
    { name: 'graph-signins.jsonl', text: `${ndjson}\n` },
    { name: 'audit.csv', text: fleetText('entra-audit.csv') },
  ];
}

async function fleetOf(files: { name: string; text: string }[]): Promise<FleetReport> {
  return analyzeFleet({ inputs: files.map((f) => ({ source: memorySource(f.name, f.text) })), asOf: new Date(AS_OF) });
}

/** What the fleet report says, with ids and names passed through `map`. */
function fleetShape(report: FleetReport, map: (s: string) => string) {
  return {
    rows: report.rows,
    inputs: report.inputs.map((i) => ({ rows: i.rows, kind: i.kind })),
    summary: { ...report.summary, topDeletionActors: report.summary.topDeletionActors.map((a) => ({ ...a, actor: map(a.actor) })) },
    affected: report.affected.map((a) => ({
      deviceId: map(a.deviceId),
      objectId: a.objectId && map(a.objectId),
      displayName: a.displayName && map(a.displayName),
      cause: a.cause,
      codes: a.errorCodes,
      failures: a.failureCount,
      joinType: a.joinType,
      state: a.inventoryState,
      step: a.firstStep,
      users: a.users.map(map),
      recovered: a.recovered,
      auditMatch: a.auditMatch,
    })),
  };
}

/** An export writes a blank name as `None` or `null`: those are no names there. */
const fleetName = fc.oneof(token, tenantName).filter((s) => !/^(none|null)$/i.test(s));

describe('redact: fleet exports with every delimiter', () => {
  it('no planted name left; the same counts and rows once ids are mapped', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fleetName, { minLength: 3, maxLength: 5, selector: (s) => s.toLowerCase() }),
        fc.uniqueArray(fleetName, { minLength: 2, maxLength: 4, selector: (s) => s.toLowerCase() }),
        fc.constantFrom(',', ';', '\t'),
        async (devices, users, delimiter) => {
          fc.pre(!devices.some((d) => users.some((u) => u.toLowerCase() === d.toLowerCase())));
          const files = plantFleet({ devices, users }, delimiter);
          const r = new Redactor();
          const redacted = files.map((f) => ({ name: f.name, text: r.redact(f.text).text }));
          const neutral = new Redactor();
          const neutralFiles = plantFleet({ devices: devices.map((_, i) => `QZDEV-${i}`), users: users.map((_, i) => `QZUSER-${i}`) }, delimiter).map((f) => ({
            name: f.name,
            text: neutral.redact(f.text).text,
          }));
          for (const [i, f] of redacted.entries()) {
            const n = neutralFiles[i]?.text ?? '';
            const left = [...devices, ...users]
              .filter((s) => !CODE_SHAPED.test(s))
              .filter((s) => occurrences(f.text, s) > occurrences(n, s) || occurrences(f.text, jsonEscaped(s)) > occurrences(n, jsonEscaped(s)));
            expect({ file: f.name, left }).toEqual({ file: f.name, left: [] });
          }
          const before = fleetShape(await fleetOf(files), (s) => r.pseudonymOf(s));
          const after = fleetShape(await fleetOf(redacted), (s) => s);
          expect(after).toEqual(before);
        },
      ),
      { numRuns: Math.max(10, Math.round(RUNS / 3)) },
    );
  });
});

const jsonEscaped = (s: string) => psEscapes(JSON.stringify(s)).slice(1, -1);

/** `REDACT_MEASURE=200 npx vitest run test/redact.property.test.ts`: counts over a sample instead of stopping at the first failure. */
describe.runIf(process.env.REDACT_MEASURE)('redact: measured over a sample', () => {
  it('counts identifiers left and diagnoses changed', async () => {
    const n = Number(process.env.REDACT_MEASURE);
    const cases = fc.sample(fc.tuple(fc.constantFrom(...STATUS_TEMPLATES), idsArb), { numRuns: n, seed: 42 });
    let left = 0;
    let leftRuns = 0;
    let changed = 0;
    let bundleLeft = 0;
    let bundleChanged = 0;
    for (const [{ text: template }, ids] of cases) {
      const original = plantStatus(template, ids);
      const red = redact(original);
      const l =
        leftOver(red, redact(plantStatus(template, neutral(ids))), ids).length +
        (red.includes('1234567890-1122334455') ? 1 : 0) +
        (/2001:db8:85a3/i.test(red) ? 1 : 0);
      left += l;
      if (l) leftRuns++;
      if (JSON.stringify(shape(red)) !== JSON.stringify(shape(original))) changed++;
      const b = plantBundle(ids);
      const rb = redact(b);
      bundleLeft += leftOver(rb, redact(plantBundle(neutral(ids))), ids).length;
      if (JSON.stringify(shape(rb)) !== JSON.stringify(shape(b))) bundleChanged++;
    }
    let fleetLeft = 0;
    let fleetChanged = 0;
    const fleetCases = fc.sample(
      fc.tuple(
        fc.uniqueArray(fleetName, { minLength: 3, maxLength: 5, selector: (s) => s.toLowerCase() }),
        fc.uniqueArray(fleetName, { minLength: 2, maxLength: 4, selector: (s) => s.toLowerCase() }),
        fc.constantFrom(',', ';', '\t'),
      ),
      { numRuns: Math.round(n / 5), seed: 42 },
    );
    for (const [devices, users, delimiter] of fleetCases) {
      if (devices.some((d) => users.some((u) => u.toLowerCase() === d.toLowerCase()))) continue;
      const files = plantFleet({ devices, users }, delimiter);
      const r = new Redactor();
      const redacted = files.map((f) => ({ name: f.name, text: r.redact(f.text).text }));
      const neutral = new Redactor();
      const nf = plantFleet({ devices: devices.map((_, i) => `QZDEV-${i}`), users: users.map((_, i) => `QZUSER-${i}`) }, delimiter).map(
        (f) => neutral.redact(f.text).text,
      );
      for (const [i, f] of redacted.entries()) {
        fleetLeft += [...devices, ...users]
          .filter((s) => !CODE_SHAPED.test(s))
          .filter(
            (s) => occurrences(f.text, s) > occurrences(nf[i] ?? '', s) || occurrences(f.text, jsonEscaped(s)) > occurrences(nf[i] ?? '', jsonEscaped(s)),
          ).length;
      }
      const before = fleetShape(await fleetOf(files), (s) => r.pseudonymOf(s));
      const after = fleetShape(await fleetOf(redacted), (s) => s);
      if (JSON.stringify(before) !== JSON.stringify(after)) fleetChanged++;
    }
    console.log(
      JSON.stringify({
        statusRuns: cases.length,
        identifiersLeft: left,
        runsWithLeft: leftRuns,
        diagnosesChanged: changed,
        bundleLeft,
        bundleChanged,
        fleetRuns: fleetCases.length,
        fleetLeft,
        fleetChanged,
      }),
    );
  }, 600_000);
});
