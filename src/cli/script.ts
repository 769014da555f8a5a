import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { diagnose } from '../diagnose/diagnose.js';
import { readStatusBytes } from '../read/parse.js';
import { redactText } from '../redact/redact.js';
import { collectionScript } from '../script/collect.js';
import { intunePair } from '../script/intune.js';
import { remediationScript } from '../script/remediation.js';
import type { CommandContext } from './command.js';
import { checkDeviceId, checkEncoding, checkPositionals, emit, parseOptions, readReport, reportSkipped } from './command.js';
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
    // the collection script reads no input: a file or --intune with it is a misread command line
    checkPositionals('script --collect', positionals, 0);
    const other = (['intune', 'out-dir', 'stage', 'error', 'device-id', 'mdm', 'encoding'] as const).find((o) => values[o] !== undefined);
    if (other !== undefined) throw new UserError('cli.error.conflict', { option: `--${other}`, with: '--collect' });
    await emit(ctx, values.out, collectionScript(ctx.lang));
    return 0;
  }
  const path = positionals[0];
  if (path === undefined) throw new UserError('cli.error.missingInput', { command: 'script' });
  checkPositionals('script', positionals, 1);
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
    const full = resolve(ctx.io.cwd, dir);
    await writableFolder(full, dir);
    try {
      await writeFileAtomic(join(full, 'Detect-700003.ps1'), pair.detection);
      await writeFileAtomic(join(full, 'Remediate-700003.ps1'), pair.remediation);
    } catch (e) {
      throw new UserError('cli.error.outWrite', { file: dir, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
    ctx.io.stderr.write(`${ctx.t('script.intune.written', { dir })}\n`);
    return 0;
  }
  await emit(ctx, values.out, remediationScript(d, ctx.lang, { stage }));
  return 0;
}

/**
 * Make sure `full` is a folder we can write to before writing anything: every existing part must
 * be a folder with write access, missing parts are created one at a time (a recursive mkdir
 * under /proc never returns), and a probe file is created and removed (root passes `access`
 * on /proc and /sys, where nothing can be created). Refuses with exit 2, naming the folder.
 */
async function writableFolder(full: string, shown: string): Promise<void> {
  const refuse = (reason: string) => new UserError('cli.error.notAFolder', { dir: shown, reason });
  const missing: string[] = [];
  let at = full;
  for (;;) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' || dirname(at) === at) throw refuse(code ?? String(e));
      missing.unshift(at);
      at = dirname(at);
      continue;
    }
    if (!info.isDirectory()) throw refuse(at === full ? 'ENOTDIR' : `ENOTDIR (${at})`);
    break;
  }
  try {
    await access(at, constants.W_OK | constants.X_OK);
    for (const m of missing) await mkdir(m);
    const probe = join(full, `.dsreg-doctor-probe-${randomBytes(6).toString('hex')}`);
    await (await open(probe, 'wx')).close();
    await rm(probe, { force: true });
  } catch (e) {
    throw refuse((e as NodeJS.ErrnoException).code ?? String(e));
  }
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
  checkPositionals('redact', positionals, 1);
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
