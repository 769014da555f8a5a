// The engine the page calls when `dsreg-doctor serve` serves it: the local server's JSON API.
// The standalone page (npm run build:standalone) bundles src/web/standalone.ts in place of this
// file: the same calls, answered in the browser by the same library code.
import type { DiagnosisDocument } from '../src/contract/diagnosis.js';
import type { VerifyDocument } from '../src/contract/verify.js';
import { apiError, errorText } from './dom.js';

/** The diagnosis document (`diagnose --format json`) with the decoded lines the page shows (`?lines=1`). */
export type DiagnosisPage = DiagnosisDocument & { source: { lines: string[] } };

/** A failure with a message for people; `network` when the server did not answer at all. */
/** One input the page sends: its bytes, file name, the error text the user saw, MDM. */
export interface InputRequest {
  bytes: Uint8Array<ArrayBuffer>;
  name?: string | undefined;
  error?: string | undefined;
  mdm?: boolean | undefined;
}

function failure(message: string, network = false): Error & { network: boolean } {
  return Object.assign(new Error(message), { network });
}

function query(params: Record<string, unknown>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  return q.toString();
}

async function call(url: string, init?: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw failure(errorText(e), true);
  }
  if (!res.ok) throw failure(await apiError(res));
  return res;
}

/** The query of a request about one input: { bytes, name, error, mdm }. */
function inputQuery(request: InputRequest, lang: string, extra: Record<string, unknown> = {}): string {
  return query({ lang, error: request.error, mdm: request.mdm ? 1 : undefined, name: request.name, ...extra });
}

function post(path: string, request: InputRequest, lang: string, extra?: Record<string, unknown>): Promise<Response> {
  return call(`${path}?${inputQuery(request, lang, extra)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: request.bytes,
  });
}

export const engine = {
  /** False: the Fleet view is there (fleet.html, served next to this page). */
  standalone: false,
  /** { lang, version, messages, examples: [{ file, label }], maxBodyBytes } */
  async messages(lang: string) {
    return (await call(`/api/messages?${query({ lang })}`, { headers: { Accept: 'application/json' } })).json();
  },
  async example(file: string) {
    return new Uint8Array(await (await call(`/examples/${encodeURIComponent(file)}`)).arrayBuffer()) as Uint8Array<ArrayBuffer>;
  },
  /** The diagnosis JSON (`diagnose --format json`) with the decoded lines as `source.lines`. */
  async diagnose(request: InputRequest, lang: string): Promise<DiagnosisPage> {
    return (await post('/api/diagnose', request, lang, { lines: 1 })).json();
  },
  // downloads: bytes, not text, because the scripts start with a BOM Windows PowerShell 5.1 needs
  async markdown(request: InputRequest, lang: string) {
    return (await post('/api/diagnose', request, lang, { format: 'markdown' })).arrayBuffer();
  },
  async script(request: InputRequest, lang: string) {
    return (await post('/api/script', request, lang)).arrayBuffer();
  },
  /** part: detection or remediation (the Intune Remediations pair). */
  async intune(request: InputRequest, lang: string, part: string) {
    return (await post('/api/intune', request, lang, { part })).arrayBuffer();
  },
  async redact(request: InputRequest, lang: string) {
    return (
      await call(`/api/redact?${query({ lang, name: request.name })}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: request.bytes,
      })
    ).arrayBuffer();
  },
  async collect(lang: string) {
    return (await call(`/api/collect-script?${query({ lang })}`)).arrayBuffer();
  },
  /** "After" mode: { before, after, afterError } where before and after are input requests. */
  async verify(request: { before: InputRequest; after: InputRequest; afterError?: string }, lang: string): Promise<VerifyDocument> {
    const form = new FormData();
    form.append('before', new Blob([request.before.bytes]), request.before.name || 'before.txt');
    form.append('after', new Blob([request.after.bytes]), request.after.name || 'after.txt');
    const q = query({ lang, error: request.before.error, mdm: request.before.mdm ? 1 : undefined, afterError: request.afterError });
    return (await call(`/api/verify?${q}`, { method: 'POST', body: form })).json();
  },
};
