import type { Context } from 'hono';
import { type Diagnosis, diagnose } from '../diagnose/diagnose.js';
import type { DiagnoseOptions } from '../diagnose/types.js';
import { type MessageKey, type Params, type Translate, translator } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import type { TextEncodingName } from '../read/decode.js';
import { isTextEncoding, TEXT_ENCODINGS } from '../input/encodings.js';
import { readStatusInput, readTextInput } from '../input/status.js';
import type { ParsedReport } from '../read/parse.js';
import { diagnosisToMarkdown } from '../render/diagnosis-markdown.js';
import type { DiagnosisDocument } from '../contract/diagnosis.js';
import type { VerifyDocument } from '../contract/verify.js';
import { diagnosisToJson } from '../render/localize.js';
import { verificationToJson } from '../render/verify.js';
import { redactText } from '../redact/redact.js';
import { collectionScript } from '../script/collect.js';
import { intunePair } from '../script/intune.js';
import { remediationScript } from '../script/remediation.js';
import { verify } from '../verify/verify.js';
import { VERSION } from '../version.js';

/** Bodies above this get 413: an output is a few kB, a collection bundle a few hundred. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Pasted error text above this is refused: the code is in the first lines of any error page. */
export const MAX_ERROR_CHARS = 4000;
const MAX_NAME_CHARS = 200;

/** A request the API cannot serve: a status code and a catalogue message for people. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 405 | 413 | 500 | 502,
    readonly key: MessageKey,
    readonly params: Params = {},
    readonly code: string = key.replace(/^web\.api\./, ''),
  ) {
    super(key);
    this.name = 'ApiError';
  }
}

/** `?lang=` when given (and valid), else the browser's Accept-Language, else English. */
export function requestLang(c: Context, strict: boolean): Lang {
  const q = c.req.query('lang');
  if (q !== undefined) {
    if (q === 'ja' || q === 'en') return q;
    if (strict) throw new ApiError(400, 'web.api.badQuery', { name: 'lang', value: q, expected: 'ja, en' }, 'bad-query');
  }
  const accept = c.req.header('accept-language') ?? '';
  const first = accept.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('ja') ? 'ja' : 'en';
}

export function errorBody(e: ApiError, t: Translate) {
  return { error: { code: e.code, message: t(e.key, e.params) } };
}

interface Common {
  lang: Lang;
  t: Translate;
  options: DiagnoseOptions;
  encoding: TextEncodingName | undefined;
}

function commonQuery(c: Context): Common {
  const lang = requestLang(c, true);
  const t = translator(lang);
  const options: DiagnoseOptions = {};
  const error = c.req.query('error');
  if (error !== undefined && error.trim() !== '') {
    if (error.length > MAX_ERROR_CHARS) throw new ApiError(400, 'web.api.errorTooLong', { length: error.length, limit: MAX_ERROR_CHARS }, 'bad-query');
    options.error = error;
  }
  const deviceId = c.req.query('deviceId');
  if (deviceId !== undefined && deviceId.trim() !== '') {
    const v = deviceId.trim().replace(/^\{|\}$/g, '');
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v))
      throw new ApiError(400, 'web.api.badQuery', { name: 'deviceId', value: deviceId.slice(0, 60), expected: 'GUID' }, 'bad-query');
    options.deviceId = v.toLowerCase();
  }
  const mdm = c.req.query('mdm');
  if (mdm !== undefined) {
    if (mdm !== '1' && mdm !== '0' && mdm !== 'true' && mdm !== 'false')
      throw new ApiError(400, 'web.api.badQuery', { name: 'mdm', value: mdm, expected: '1, 0' }, 'bad-query');
    if (mdm === '1' || mdm === 'true') options.mdm = true;
  }
  const enc = c.req.query('encoding');
  let encoding: TextEncodingName | undefined;
  if (enc !== undefined && enc !== '') {
    if (!isTextEncoding(enc)) throw new ApiError(400, 'web.api.badQuery', { name: 'encoding', value: enc, expected: TEXT_ENCODINGS.join(', ') }, 'bad-query');
    encoding = enc;
  }
  return { lang, t, options, encoding };
}

/** A display name for the input: the dropped file's name, else "pasted text". Never a path. */
export function inputName(raw: string | undefined, t: Translate): string {
  const name = (raw ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (name === '') return t('web.pastedName');
  return name.length > MAX_NAME_CHARS ? `${name.slice(0, MAX_NAME_CHARS)}…` : name;
}

/** Read one output and refuse what is not a dsregcmd /status output (400), like the CLI does. */
export function readUpload(bytes: Uint8Array, name: string, encoding: TextEncodingName | undefined): ParsedReport {
  const { report, refusal } = readStatusInput(bytes, name, encoding);
  if (refusal === 'empty-input') throw new ApiError(400, 'web.api.empty', { file: name }, 'empty-input');
  if (refusal === 'binary-input') throw new ApiError(400, 'web.api.binary', { file: name }, 'binary-input');
  if (refusal === 'not-dsregcmd') throw new ApiError(400, 'web.api.notDsregcmd', { file: name }, 'not-dsregcmd');
  return report;
}

function serverTiming(c: Context, name: string, start: number): void {
  c.header('Server-Timing', `${name};dur=${(performance.now() - start).toFixed(2)}`);
}

/**
 * `POST /api/diagnose?error=&deviceId=&lang=&mdm=&encoding=&name=&format=json|markdown&lines=1`, the raw
 * output as the body. JSON: exactly what `diagnose --format json` prints; with `lines=1` the
 * decoded lines are added as `source.lines` (the page's view of the original text).
 */
export async function diagnoseRoute(c: Context): Promise<Response> {
  const q = commonQuery(c);
  const format = c.req.query('format') ?? 'json';
  if (format !== 'json' && format !== 'markdown')
    throw new ApiError(400, 'web.api.badQuery', { name: 'format', value: format, expected: 'json, markdown' }, 'bad-query');
  const withLines = c.req.query('lines') === '1';
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const start = performance.now();
  const report = readUpload(bytes, inputName(c.req.query('name'), q.t), q.encoding);
  const diagnosis = diagnose(report, q.options);
  if (format === 'markdown') {
    const md = diagnosisToMarkdown(diagnosis, q.lang, q.t);
    serverTiming(c, 'diagnose', start);
    return c.body(md, 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
  }
  const body = diagnosisBody(report, diagnosis, q.lang, q.t, withLines);
  serverTiming(c, 'diagnose', start);
  return c.json(body);
}

/** The diagnosis JSON the page shows (the standalone page builds the same in the browser). */
export function diagnosisBody(
  report: ParsedReport,
  diagnosis: Diagnosis,
  lang: Lang,
  t: Translate,
  withLines: boolean,
): DiagnosisDocument | (DiagnosisDocument & { source: { lines: string[] } }) {
  const json = diagnosisToJson(diagnosis, lang, t, VERSION);
  return withLines ? { ...json, source: { lines: report.lines } } : json;
}

/**
 * `POST /api/verify?error=&afterError=&lang=&mdm=`, multipart/form-data with the fields `before`
 * and `after` (each a file of any encoding, or text). The verdict and the next step, localised.
 */
export async function verifyRoute(c: Context): Promise<Response> {
  const q = commonQuery(c);
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data'))
    throw new ApiError(400, 'web.api.badForm', { reason: type === '' ? 'no Content-Type' : type }, 'bad-form');
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: false });
  } catch (e) {
    throw new ApiError(400, 'web.api.badForm', { reason: e instanceof Error ? e.message : String(e) }, 'bad-form');
  }
  const part = async (name: 'before' | 'after'): Promise<ParsedReport> => {
    const v = form[name];
    if (v === undefined || Array.isArray(v)) throw new ApiError(400, 'web.api.missingPart', { part: name }, 'missing-part');
    const bytes = typeof v === 'string' ? new TextEncoder().encode(v) : new Uint8Array(await v.arrayBuffer());
    const fileName = typeof v === 'string' ? undefined : v.name === 'blob' ? undefined : v.name;
    return readUpload(bytes, `${name}: ${inputName(fileName, q.t)}`, q.encoding);
  };
  const before = await part('before');
  const after = await part('after');
  const afterError = c.req.query('afterError');
  if (afterError !== undefined && afterError.length > MAX_ERROR_CHARS)
    throw new ApiError(400, 'web.api.errorTooLong', { length: afterError.length, limit: MAX_ERROR_CHARS }, 'bad-query');
  const start = performance.now();
  const body = verifyBody(before, after, { ...q.options, ...(afterError !== undefined && afterError.trim() !== '' ? { afterError } : {}) }, q.lang, q.t);
  serverTiming(c, 'verify', start);
  return c.json(body);
}

/** The "After" verdict JSON of `POST /api/verify` (the standalone page builds the same in the browser): the CLI's verify document. */
export function verifyBody(
  before: ParsedReport,
  after: ParsedReport,
  options: DiagnoseOptions & { afterError?: string },
  lang: Lang,
  t: Translate,
): VerifyDocument {
  return verificationToJson(verify(before, after, options), lang, t, VERSION);
}

/** A file the page offers for download: the body with a name the browser saves it under. */
function attachment(c: Context, text: string, name: string, type: string): Response {
  return c.body(text, 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"` });
}

/**
 * `POST /api/script?error=&deviceId=&lang=&mdm=&stage=1|2|3`, the raw output as the body: the PowerShell
 * remediation script for this diagnosis (dry run by default; the same as `dsreg-doctor script`).
 */
export async function scriptRoute(c: Context): Promise<Response> {
  const q = commonQuery(c);
  const stage = c.req.query('stage') ?? '1';
  if (!/^[123]$/.test(stage)) throw new ApiError(400, 'web.api.badQuery', { name: 'stage', value: stage, expected: '1, 2, 3' }, 'bad-query');
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const start = performance.now();
  const report = readUpload(bytes, inputName(c.req.query('name'), q.t), q.encoding);
  const script = remediationScript(diagnose(report, q.options), q.lang, { stage: Number(stage) });
  serverTiming(c, 'script', start);
  return attachment(c, script, 'dsreg-doctor-remediation.ps1', 'text/plain; charset=utf-8');
}

/** The file names `script --intune --out-dir` writes: Intune's detection and remediation scripts. */
export const INTUNE_FILES = { detection: 'Detect-700003.ps1', remediation: 'Remediate-700003.ps1' } as const;

/**
 * `POST /api/intune?part=detection|remediation&error=&lang=&mdm=`, the raw output as the body:
 * one script of the Intune Remediations pair (the same as `dsreg-doctor script --intune`).
 */
export async function intuneRoute(c: Context): Promise<Response> {
  const q = commonQuery(c);
  const part = c.req.query('part') ?? '';
  if (part !== 'detection' && part !== 'remediation')
    throw new ApiError(400, 'web.api.badQuery', { name: 'part', value: part, expected: 'detection, remediation' }, 'bad-query');
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const report = readUpload(bytes, inputName(c.req.query('name'), q.t), q.encoding);
  const pair = intunePair(diagnose(report, q.options), q.lang);
  return attachment(c, pair[part], INTUNE_FILES[part], 'text/plain; charset=utf-8');
}

/** `GET /api/collect-script?lang=`: the read-only collection script (`script --collect`). */
export function collectScriptRoute(c: Context): Response {
  const lang = requestLang(c, true);
  return attachment(c, collectionScript(lang), 'dsreg-doctor-collect.ps1', 'text/plain; charset=utf-8');
}

/**
 * `POST /api/redact?name=`, the raw output as the body: the same text with IDs, names and
 * thumbprints masked (stable pseudonyms), as UTF-8. Any text is accepted (a bundle, a CSV).
 */
export async function redactRoute(c: Context): Promise<Response> {
  const t = translator(requestLang(c, true));
  const name = inputName(c.req.query('name'), t);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const input = readTextInput(bytes);
  if (input.refusal === 'empty-input') throw new ApiError(400, 'web.api.empty', { file: name }, 'empty-input');
  if (input.refusal === 'binary-input') throw new ApiError(400, 'web.api.binary', { file: name }, 'binary-input');
  const start = performance.now();
  const redacted = redactText(input.text).text;
  serverTiming(c, 'redact', start);
  return attachment(c, redacted, 'dsregcmd-status.redacted.txt', 'text/plain; charset=utf-8');
}
