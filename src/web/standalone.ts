/**
 * The standalone page's engine (dist/dsreg-doctor.html): the calls web/engine.js makes to the
 * local server, answered in the browser by the same functions the API routes use. esbuild bundles
 * this module in place of web/engine.js (scripts/build-standalone.mjs); nothing here touches Node.
 */
import { diagnose } from '../diagnose/diagnose.js';
import type { DiagnoseOptions } from '../diagnose/types.js';
import { type Translate, translator } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { readTextInput } from '../input/status.js';
import type { ParsedReport } from '../read/parse.js';
import { redactText } from '../redact/redact.js';
import { diagnosisToMarkdown } from '../render/diagnosis-markdown.js';
import { collectionScript } from '../script/collect.js';
import { intunePair } from '../script/intune.js';
import { remediationScript } from '../script/remediation.js';
import { VERSION } from '../version.js';
import { ApiError, diagnosisBody, inputName, MAX_BODY_BYTES, MAX_ERROR_CHARS, readUpload, verifyBody } from './api.js';
import { exampleList, pageMessages } from './messages.js';

/** One input as the page holds it (the same object web/engine.js sends to the server). */
export interface PageRequest {
  bytes: Uint8Array;
  name: string;
  error: string;
  mdm: boolean;
}

export interface CompareRequest {
  before: PageRequest;
  after: PageRequest;
  afterError: string;
}

/** A bundled example output: its file name under web/examples/ and its bytes. */
export interface Example {
  file: string;
  bytes: Uint8Array;
}

/** A failure with a message for people, in the page's language (the API's error message). */
function failure(e: unknown, t: Translate): Error {
  if (e instanceof ApiError) return Object.assign(new Error(t(e.key, e.params)), { network: false });
  const message = e instanceof Error ? e.message : String(e);
  return Object.assign(new Error(t('web.api.internal', { message })), { network: false });
}

function checkLang(lang: string): Lang {
  return lang === 'ja' ? 'ja' : 'en';
}

/** The options of the API's query (`error`, `mdm`), with the same limit on the pasted error. */
function options(request: PageRequest): DiagnoseOptions {
  const out: DiagnoseOptions = {};
  const error = request.error ?? '';
  if (error.trim() !== '') {
    if (error.length > MAX_ERROR_CHARS) throw new ApiError(400, 'web.api.errorTooLong', { length: error.length, limit: MAX_ERROR_CHARS }, 'bad-query');
    out.error = error;
  }
  if (request.mdm) out.mdm = true;
  return out;
}

function read(request: PageRequest, t: Translate, prefix = ''): ParsedReport {
  if (request.bytes.length > MAX_BODY_BYTES) throw new ApiError(413, 'web.api.tooLarge', { limit: Math.round(MAX_BODY_BYTES / 1048576) }, 'too-large');
  return readUpload(request.bytes, `${prefix}${inputName(request.name, t)}`, undefined);
}

/** Run one call in the page's language; every failure becomes the API's message. */
function run<T>(lang: string, body: (lang: Lang, t: Translate) => T): Promise<T> {
  const l = checkLang(lang);
  const t = translator(l);
  try {
    return Promise.resolve(body(l, t));
  } catch (e) {
    return Promise.reject(failure(e, t));
  }
}

/** The engine web/app.js calls, with the examples the build bundled. */
export function createLocalEngine(examples: Example[]) {
  return {
    /** True: there is no server, so no Fleet view; the page says how to start one. */
    standalone: true,
    messages: (lang: string) =>
      run(lang, (l) => {
        const messages = pageMessages(l, 'device');
        return {
          lang: l,
          version: VERSION,
          messages,
          examples: exampleList(
            examples.map((e) => e.file),
            messages,
          ),
          maxBodyBytes: MAX_BODY_BYTES,
        };
      }),
    example: (file: string) =>
      run('en', () => {
        const found = examples.find((e) => e.file === file);
        if (!found) throw new ApiError(404, 'web.api.notFound', { path: `/examples/${file}` }, 'not-found');
        return found.bytes;
      }),
    diagnose: (request: PageRequest, lang: string) =>
      run(lang, (l, t) => {
        const report = read(request, t);
        return diagnosisBody(report, diagnose(report, options(request)), l, t, true);
      }),
    markdown: (request: PageRequest, lang: string) => run(lang, (l, t) => diagnosisToMarkdown(diagnose(read(request, t), options(request)), l, t)),
    script: (request: PageRequest, lang: string) => run(lang, (l, t) => remediationScript(diagnose(read(request, t), options(request)), l, { stage: 1 })),
    intune: (request: PageRequest, lang: string, part: 'detection' | 'remediation') =>
      run(lang, (l, t) => intunePair(diagnose(read(request, t), options(request)), l)[part === 'detection' ? 'detection' : 'remediation']),
    redact: (request: PageRequest, lang: string) =>
      run(lang, (_, t) => {
        const name = inputName(request.name, t);
        const input = readTextInput(request.bytes);
        if (input.refusal === 'empty-input') throw new ApiError(400, 'web.api.empty', { file: name }, 'empty-input');
        if (input.refusal === 'binary-input') throw new ApiError(400, 'web.api.binary', { file: name }, 'binary-input');
        return redactText(input.text).text;
      }),
    collect: (lang: string) => run(lang, (l) => collectionScript(l)),
    verify: (request: CompareRequest, lang: string) =>
      run(lang, (l, t) => {
        // named as the server names the parts the page posts (a pasted part is before.txt, after.txt)
        const before = read({ ...request.before, name: request.before.name || 'before.txt' }, t, 'before: ');
        const after = read({ ...request.after, name: request.after.name || 'after.txt' }, t, 'after: ');
        const afterError = request.afterError ?? '';
        if (afterError.length > MAX_ERROR_CHARS)
          throw new ApiError(400, 'web.api.errorTooLong', { length: afterError.length, limit: MAX_ERROR_CHARS }, 'bad-query');
        const base = options(request.before);
        return verifyBody(before, after, { ...base, ...(afterError.trim() !== '' ? { afterError } : {}) }, l, t);
      }),
  };
}
