import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { diagnose } from '../diagnose/diagnose.js';
import { readStatusBytes } from '../read/parse.js';
import { redactText } from '../redact/redact.js';
import { collectionScript } from '../script/collect.js';
import { intunePair } from '../script/intune.js';
import { remediationScript } from '../script/remediation.js';
import type { CommandContext } from './command.js';
import { checkDeviceId, checkEncoding, emit, parseOptions, readReport, reportSkipped } from './command.js';
import { UserError } from './errors.js';
import { inputName, readInputBytes, writeFileAtomic } from './io.js';

/** `dsreg-doctor script FILE|- [--error] [--stage N] [--mdm]`, `script --collect`, `script --intune FILE`. */
export async function scriptCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseOptions(ctx.args, {
    error: { type: 'string' },
    'device-id': { type: 'string' },
    stage: { type: 'string' },
    mdm: { type: 'boolean' },
    collect: { type: 'boolean' },
    intune: { type: 'boolean' },
    'out-dir': { type: 'string' },
  });
  if (values.help) {
    ctx.io.stdout.write(`${ctx.t('cli.help.script')}\n`);
    return 0;
  }
  if (values.collect) {
    await emit(ctx, values.out, collectionScript(ctx.lang));
    return 0;
  }
  const path = positionals[0];
  if (path === undefined) throw new UserError('cli.error.missingInput', { command: 'script' });
  let stage = 1;
  if (values.stage !== undefined) {
    if (!/^[123]$/.test(values.stage)) throw new UserError('cli.error.badValue', { option: '--stage', value: values.stage, expected: '1, 2, 3' });
    stage = Number(values.stage);
  }
  const report = await readReport(path, ctx.io, checkEncoding(values.encoding));
  reportSkipped(report, ctx);
  const deviceId = checkDeviceId(values['device-id']);
  const d = diagnose(report, {
    ...(values.error !== undefined ? { error: values.error } : {}),
    ...(deviceId !== undefined ? { deviceId } : {}),
    ...(values.mdm ? { mdm: true } : {}),
  });
  if (values.intune) {
    if (values.stage !== undefined) throw new UserError('cli.error.badOption', { message: '--stage applies to the remediation script, not to --intune' });
    const pair = intunePair(d, ctx.lang);
    const dir = values['out-dir'];
    if (dir === undefined) {
      await emit(ctx, values.out, `${pair.detection}\r\n# ----- remediation -----\r\n${pair.remediation.replace(/^\uFEFF/, '')}`);
      return 0;
    }
    try {
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(join(dir, 'Detect-700003.ps1'), pair.detection);
      await writeFileAtomic(join(dir, 'Remediate-700003.ps1'), pair.remediation);
    } catch (e) {
      throw new UserError('cli.error.outWrite', { file: dir, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
    ctx.io.stderr.write(`${ctx.t('script.intune.written', { dir })}\n`);
    return 0;
  }
  await emit(ctx, values.out, remediationScript(d, ctx.lang, { stage }));
  return 0;
}

/** `dsreg-doctor redact FILE|-`: the same text with identifiers masked. */
export async function redactCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseOptions(ctx.args, {});
  if (values.help) {
    ctx.io.stdout.write(`${ctx.t('cli.help.redact')}\n`);
    return 0;
  }
  const path = positionals[0];
  if (path === undefined) throw new UserError('cli.error.missingInput', { command: 'redact' });
  const bytes = await readInputBytes(path, ctx.io);
  // any text: status outputs, bundles, CSV and JSON exports; decoded like a status output
  const report = readStatusBytes(bytes, { name: inputName(path) });
  if (report.warnings[0]?.code === 'binary-input') throw new UserError('cli.error.binary', { file: inputName(path) });
  const text = report.lines.join('\n');
  const result = redactText(text);
  await emit(ctx, values.out, result.text.endsWith('\n') ? result.text : `${result.text}\n`);
  const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
  ctx.io.stderr.write(`${ctx.t('redact.summary', { total, ...result.counts })}\n`);
  return 0;
}
