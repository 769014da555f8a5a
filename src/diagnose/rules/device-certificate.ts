import { defineRule, type RuleContext } from '../types.js';

const SOON_MS = 30 * 24 * 60 * 60 * 1000;

/** The device certificate (MS-Organization-Access) has expired, expires soon, or is not yet valid. */
export const deviceCertificate = defineRule({
  meta: {
    id: 'device-certificate',
    emits: ['device-certificate-expired', 'device-certificate-expiring', 'device-certificate-not-yet-valid'],
    severity: 'error',
    docs: { description: 'The device certificate is expired, close to expiry, or not yet valid.' },
  },
  check(ctx: RuleContext) {
    const f = ctx.status.field('DeviceCertificateValidity');
    if (f?.typed.kind !== 'range') return [];
    const asOf = ctx.clock?.iso ?? (ctx.options.now ?? new Date()).toISOString();
    const asOfSource = ctx.clock ? ctx.clock.field.name : 'now';
    const now = Date.parse(asOf);
    const end = Date.parse(f.typed.end);
    const start = Date.parse(f.typed.start);
    const params = { end: f.typed.end, start: f.typed.start, asOf, asOfSource, days: Math.floor((end - now) / 86_400_000) };
    const evidence = [...ctx.evidenceOf(f), ...ctx.evidenceOf(ctx.clock?.field)];
    if (end <= now) {
      return [
        {
          id: 'device-certificate-expired',
          severity: 'error',
          title: 'finding.device-certificate-expired.title',
          explanation: 'finding.device-certificate-expired.explanation',
          params,
          evidence,
          codes: [],
        },
      ];
    }
    if (end - now < SOON_MS) {
      return [
        {
          id: 'device-certificate-expiring',
          severity: 'warning',
          title: 'finding.device-certificate-expiring.title',
          explanation: 'finding.device-certificate-expiring.explanation',
          params,
          evidence,
          codes: [],
        },
      ];
    }
    if (start > now && ctx.clock) {
      return [
        {
          id: 'device-certificate-not-yet-valid',
          severity: 'warning',
          title: 'finding.device-certificate-not-yet-valid.title',
          explanation: 'finding.device-certificate-not-yet-valid.explanation',
          params,
          evidence,
          codes: [],
        },
      ];
    }
    return [];
  },
});
