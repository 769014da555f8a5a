// dsreg-doctor web app. TypeScript, no framework; built to web/app.js (scripts/build-web.mjs). Every UI string comes from the
// catalogues and every diagnosis from the same library code as the CLI, through `engine`: the local
// server's API when `dsreg-doctor serve` serves the page (engine.ts), the library itself bundled
// into the page in the standalone file (src/web/standalone.ts). Input values are only ever set as text.
import {
  $,
  append,
  applyTheme,
  browserLang,
  type Child,
  clear,
  download,
  errorText,
  format,
  h,
  keepPageOnStrayDrop,
  type Params,
  stored,
  targetOf,
  wireDropZone,
} from './dom.js';
import type { EvidenceLine, InputWarning, LocalizedFinding, LocalizedStep } from '../src/contract/diagnosis.js';
import type { FindingRef, VerifyDocument } from '../src/contract/verify.js';
import { type DiagnosisPage, engine, type InputRequest } from './engine.js';
import { pathLabels, renderFlow } from './flow.js';

/** Text or bytes the page holds for one input. */
interface Loaded {
  bytes: Uint8Array<ArrayBuffer>;
  name: string;
}

interface AppState {
  lang: 'ja' | 'en';
  messages: Record<string, string>;
  examples: { file: string; label: string }[];
  maxBodyBytes: number;
  /** Bytes of a loaded file or example, until the text box is edited; then the text is sent. */
  loaded: Loaded | null;
  /** What the shown diagnosis was made from. */
  request: InputRequest | null;
  result: DiagnosisPage | null;
  masked: boolean;
  done: Set<string>;
  selected: number;
  afterLoaded: Loaded | null;
  afterRequest: { before: InputRequest; after: InputRequest; afterError?: string } | null;
  afterResult: VerifyDocument | null;
  seq: number;
  afterSeq: number;
}

const state: AppState = {
  lang: 'en',
  messages: {},
  examples: [],
  maxBodyBytes: 4 * 1024 * 1024,
  /** Bytes of a loaded file or example, until the text box is edited; then the text is sent. */
  loaded: null,
  /** What the shown diagnosis was made from: { bytes, name, error, mdm }. */
  request: null,
  result: null,
  masked: false,
  done: new Set(),
  selected: -1,
  afterLoaded: null,
  afterRequest: null,
  afterResult: null,
  seq: 0,
  afterSeq: 0,
};

const t = (key: string, params?: Params): string => format(state.messages[key] ?? key, params);

// ---- masking ---------------------------------------------------------------------------------

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
let maskPattern: RegExp | null = null;

function updateMaskTargets() {
  const d = state.result?.device;
  const values = new Set<string>();
  if (d) {
    for (const v of [d.deviceId, d.tenantId, d.deviceName, d.tenantName]) if (typeof v === 'string' && v.trim().length >= 3) values.add(v.trim());
    // a hybrid device prints its FQDN; its host name alone appears elsewhere (Executing Account Name)
    if (typeof d.deviceName === 'string' && d.deviceName.includes('.')) {
      const host = d.deviceName.split('.')[0] ?? '';
      if (host.length >= 3) values.add(host);
    }
  }
  const list = [...values].sort((a, b) => b.length - a.length).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  maskPattern = list.length ? new RegExp(list.join('|'), 'gi') : null;
}

/** Text shown on the page: with device and tenant masked when the user asked for it. */
function shown(text: string | null | undefined): string {
  if (!state.masked || maskPattern === null || typeof text !== 'string') return text ?? '';
  return text.replace(maskPattern, (m) => (GUID.test(m) ? 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx' : '•'.repeat(Math.min(Math.max(m.length, 4), 10))));
}

/** Catalogue prose marks commands with `backticks`: show them as code, everything as text. */
function rich(text: string): (string | HTMLElement)[] {
  return shown(text)
    .split(/`([^`]+)`/)
    .map((part, i) => (i % 2 === 1 ? h('code', { text: part }) : part));
}

// ---- messages and static texts ---------------------------------------------------------------

async function loadMessages(lang: string) {
  const body = await engine.messages(lang);
  state.lang = body.lang;
  state.messages = body.messages;
  state.examples = body.examples;
  state.maxBodyBytes = body.maxBodyBytes;
  $('version').textContent = `dsreg-doctor ${body.version}`;
}

function applyStaticTexts() {
  document.documentElement.lang = state.lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n ?? '');
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-placeholder]'))
    (el as HTMLInputElement).placeholder = t(el.dataset.i18nPlaceholder ?? '');
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel ?? ''));
  $<HTMLSelectElement>('lang').value = state.lang;
  const select = $<HTMLSelectElement>('example');
  const current = select.value;
  clear(select).append(
    h('option', { value: '', text: t('web.input.exampleNone') }),
    ...state.examples.map((e) => h('option', { value: e.file, text: e.label })),
  );
  select.value = state.examples.some((e) => e.file === current) ? current : '';
  updateMaskButton();
  if (engine.standalone) {
    // no server behind this page: the Fleet view needs `dsreg-doctor serve`
    clear($('standalone-note')).append(...rich(t('web.standalone.fleet')));
    $('standalone-note').hidden = false;
  }
}

function updateMaskButton() {
  const b = $<HTMLButtonElement>('mask');
  b.textContent = state.masked ? t('web.summary.unmask') : t('web.summary.mask');
  b.setAttribute('aria-pressed', String(state.masked));
  $('masked-note').hidden = !state.masked;
}

// ---- errors and status -----------------------------------------------------------------------

function showError(message: string, box = 'error-box', text = 'error-message') {
  $(text).textContent = message;
  $(box).hidden = false;
}
function hideError(box = 'error-box') {
  $(box).hidden = true;
}
function setStatus(message: string, id = 'status') {
  $(id).textContent = message;
}

/** The message of an engine failure: the API's own, or "the server did not answer". */
function failure(e: unknown): string {
  const err = e as { network?: boolean; message?: string } | null;
  return err?.network ? t('web.error.network', { reason: err.message ?? '' }) : errorText(e);
}

// ---- input -----------------------------------------------------------------------------------

function currentInput() {
  if (state.loaded) return state.loaded;
  return { bytes: new TextEncoder().encode($<HTMLTextAreaElement>('input').value), name: '' };
}

/** Diagnose the input box (or the loaded file). `fromFile` fills the box with the decoded text. */
async function runDiagnose({ fromFile = false } = {}) {
  const input = currentInput();
  const request = { bytes: input.bytes, name: input.name, error: $<HTMLInputElement>('error-text').value.trim(), mdm: $<HTMLInputElement>('mdm').checked };
  return diagnoseRequest(request, { fromFile });
}

async function diagnoseRequest(request: InputRequest, { fromFile = false, quiet = false }: { fromFile?: boolean; quiet?: boolean } = {}) {
  const seq = ++state.seq;
  performance.mark('dsreg:diagnose-start');
  hideError();
  if (!quiet) setStatus(t('web.busy'));
  $<HTMLButtonElement>('diagnose').disabled = true;
  let result: DiagnosisPage;
  try {
    result = await engine.diagnose(request, state.lang);
  } catch (e) {
    if (seq === state.seq) {
      $<HTMLButtonElement>('diagnose').disabled = false;
      setStatus('');
      showError(failure(e));
    }
    return;
  }
  if (seq !== state.seq) return; // a newer request is on its way
  $<HTMLButtonElement>('diagnose').disabled = false;
  const sameInput = state.request && sameBytes(state.request.bytes, request.bytes);
  if (!sameInput) {
    state.done.clear();
    state.selected = -1;
    // an "After" verdict compared against another "before": no longer true
    state.afterRequest = null;
    state.afterResult = null;
    clear($('after-result')).hidden = true;
  }
  state.request = request;
  state.result = result;
  updateMaskTargets();
  if (fromFile) $<HTMLTextAreaElement>('input').value = result.source.lines.join('\n');
  renderResults();
  setStatus(fromFile || request.name ? t('web.input.loaded', { name: result.input.name, encoding: result.input.encoding, lines: result.input.lines }) : '');
  performance.mark('dsreg:plan-rendered');
}

function sameBytes(a: Uint8Array | null | undefined, b: Uint8Array | null | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

async function loadFile(file: File, target: 'before' | 'after') {
  if (file.size > state.maxBodyBytes) {
    const msg = t('web.error.tooLarge', { name: file.name, size: (file.size / 1048576).toFixed(1), limit: Math.round(state.maxBodyBytes / 1048576) });
    if (target === 'after') showError(msg, 'after-error-box', 'after-error-message');
    else showError(msg);
    return;
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    const msg = t('web.error.fileRead', { name: file.name, reason: errorText(e) });
    if (target === 'after') showError(msg, 'after-error-box', 'after-error-message');
    else showError(msg);
    return;
  }
  if (target === 'after') {
    state.afterLoaded = { bytes, name: file.name };
    await runCompare({ fromFile: true });
  } else {
    state.loaded = { bytes, name: file.name };
    $<HTMLSelectElement>('example').value = '';
    await runDiagnose({ fromFile: true });
  }
}

async function loadExample(file: string) {
  if (!file) return;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await engine.example(file);
  } catch (e) {
    showError(failure(e));
    return;
  }
  state.loaded = { bytes, name: file };
  await runDiagnose({ fromFile: true });
}

// ---- rendering -------------------------------------------------------------------------------

function renderResults() {
  const r = state.result;
  $('results-empty').hidden = r !== null;
  $('results-body').hidden = r === null;
  if (!r) return;
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const verdict = $('verdict');
  verdict.className = `verdict ${r.exitCode === 1 ? 'bad' : 'good'}`;
  verdict.textContent = r.exitCode === 1 ? t('web.results.problems', { count: errors }) : t('web.results.ok');
  renderSummary(r);
  renderFindings(r);
  renderWarnings(r);
  renderFlowCard(r);
  renderPlan(r);
  renderSource(r);
}

function yesNo(v: unknown): string {
  return v === true ? t('report.yes') : v === false ? t('report.no') : t('report.notShown');
}

function fieldValue(value: string | null | undefined, masked: boolean) {
  if (masked) return h('span', { class: 'muted', text: t('report.masked') });
  if (value === null || value === undefined) return h('span', { class: 'muted', text: t('report.notShown') });
  return h('span', { class: 'value', text: shown(String(value)) });
}

function renderSummary(r: DiagnosisPage) {
  const d = r.device;
  const row = (label: string, ...value: Child[]) => [h('dt', { text: label }), h('dd', {}, ...value)];
  const flags = (['AzureAdJoined', 'DomainJoined', 'WorkplaceJoined', 'EnterpriseJoined'] as const).map((name) => {
    const key = `${name.charAt(0).toLowerCase()}${name.slice(1)}` as 'azureAdJoined' | 'domainJoined' | 'workplaceJoined' | 'enterpriseJoined';
    const v = d[key];
    return h('span', { class: `flag ${v === true ? 'yes' : v === false ? 'no' : 'unknown'}`, text: `${name} ${yesNo(v)}` });
  });
  const prtOk = d.azureAdPrt === true;
  const authOk = typeof d.deviceAuthStatus === 'string' && /^SUCCESS/i.test(d.deviceAuthStatus);
  const codes = r.errorCodes.length
    ? h('span', { class: 'codes' }, ...r.errorCodes.map((c: string) => h('code', { text: c })))
    : h('span', { class: 'muted', text: '—' });
  clear($('summary')).append(
    ...row(
      t('report.joinType'),
      h('strong', { class: 'join', 'data-join-type': d.joinType, text: t(`joinType.${d.joinType}`) }),
      h('span', { class: 'flags' }, ...flags),
    ),
    ...row(t('report.deviceName'), fieldValue(d.deviceName, d.masked.deviceName)),
    ...row(t('report.deviceId'), fieldValue(d.deviceId, d.masked.deviceId)),
    ...row(t('report.tenant'), fieldValue(d.tenantName, d.masked.tenantName)),
    ...row(t('web.summary.tenantId'), fieldValue(d.tenantId, d.masked.tenantId)),
    ...row(t('report.prt'), h('span', { class: `pill ${d.azureAdPrt === null ? 'unknown' : prtOk ? 'good' : 'bad'}`, text: yesNo(d.azureAdPrt) })),
    ...row(
      t('report.deviceAuthStatus'),
      d.deviceAuthStatus === null
        ? h('span', { class: 'muted', text: t('report.notShown') })
        : h('span', { class: `pill ${authOk ? 'good' : 'bad'}`, text: shown(d.deviceAuthStatus) }),
    ),
    ...row(t('report.context'), h('span', { text: t(`context.${r.runContext.kind}`) })),
    ...row(t('report.errorCodes'), codes),
    ...row(t('web.summary.input'), h('span', { class: 'small', text: `${shown(r.input.name)} · ${r.input.encoding} · ${r.input.lines}` })),
  );
}

function lineList(evidence: EvidenceLine[]): string {
  return evidence.map((e) => e.line).join(', ');
}

function renderFindings(r: DiagnosisPage) {
  const list = clear($('findings'));
  if (r.findings.length === 0) {
    list.append(h('li', { class: 'muted', text: t('report.noFindings') }));
  }
  r.findings.forEach((f, i) => {
    const hasEvidence = f.evidence.length > 0;
    const head = h(
      'button',
      {
        type: 'button',
        class: 'finding-head',
        'aria-controls': 'source',
        'aria-current': state.selected === i ? 'true' : false,
        disabled: !hasEvidence,
        onclick: () => selectFinding(i),
      },
      h('span', { class: `sev ${f.severity}`, text: t(`severity.${f.severity}`) }),
      h('span', { class: 'finding-title', text: shown(f.title) }),
    );
    const li = h(
      'li',
      { class: `finding ${f.severity}${state.selected === i ? ' selected' : ''}`, 'data-finding': f.id },
      head,
      h('p', { class: 'explanation' }, rich(f.explanation)),
      hasEvidence
        ? h(
            'p',
            { class: 'evidence-link small' },
            h('a', {
              href: '#source',
              onclick: (e) => {
                e.preventDefault();
                selectFinding(i);
              },
              text: t('web.findings.evidence', { lines: lineList(f.evidence) }),
            }),
          )
        : h('p', { class: 'muted small', text: t('web.findings.noEvidence') }),
    );
    list.append(li);
  });
  const codes = clear($('codes'));
  for (const c of r.codes) {
    const body = c.known
      ? [
          h('p', {}, h('strong', { text: `${t('report.meaning')}: ` }), c.meaning),
          h('p', {}, h('strong', { text: `${t('report.cause')}: ` }), rich(c.cause ?? '')),
          h('p', {}, h('strong', { text: `${t('report.action')}: ` }), rich(c.action ?? '')),
        ]
      : [h('p', { class: 'muted', text: t('report.unknownCode') })];
    codes.append(
      h('details', { class: 'code' }, h('summary', {}, h('code', { text: c.code }), c.meaning ? ` ${c.meaning.split(/(?<=[.。])\s*/)[0]}` : ''), ...body),
    );
  }
}

function selectFinding(i: number) {
  if (!state.result) return;
  state.selected = i;
  const f = state.result.findings[i];
  if (!f) return;
  for (const el of document.querySelectorAll('#findings .finding')) el.classList.remove('selected');
  for (const el of document.querySelectorAll('#findings .finding-head')) el.removeAttribute('aria-current');
  const li = document.querySelectorAll('#findings .finding')[i];
  li?.classList.add('selected');
  li?.querySelector('.finding-head')?.setAttribute('aria-current', 'true');
  markFocusLines(f);
  const first = f.evidence[0];
  if (first) {
    const line = document.querySelector(`#source [data-line="${first.line}"]`);
    line?.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }
}

function markFocusLines(f: LocalizedFinding) {
  for (const el of document.querySelectorAll('#source .line.focus')) el.classList.remove('focus');
  if (!f) return;
  for (const e of f.evidence) document.querySelector(`#source [data-line="${e.line}"]`)?.classList.add('focus');
}

function renderWarnings(r: DiagnosisPage) {
  const warnings = r.input.warnings;
  $('warnings-card').hidden = warnings.length === 0;
  clear($('warnings')).append(...warnings.map((w: InputWarning) => h('li', { text: shown(w.message) })));
}

function renderFlowCard(r: DiagnosisPage) {
  const { svg, path } = renderFlow(r, t, jumpToStep);
  clear($('flow')).append(svg);
  $('flow-caption').textContent = path.nodes.size > 0 ? t('web.flow.caption') : t('web.flow.captionNone');
  $('flow-path').textContent = pathLabels(path, t).join(' → ');
}

function jumpToStep(id: string) {
  const el = document.getElementById(`step-${id}`);
  if (!el) return;
  el.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  el.querySelector('h4')?.focus({ preventScroll: true });
}

async function copyText(text: string, button: HTMLButtonElement) {
  let ok = true;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    ok = false;
  }
  const label = button.textContent;
  button.textContent = ok ? t('web.plan.copied') : t('web.plan.copyFailed');
  button.classList.toggle('copied', ok);
  setTimeout(() => {
    button.textContent = label;
    button.classList.remove('copied');
  }, 1600);
}

/** One plan step (also used for "After" mode's next step). `n` null = no checkbox. */
function renderStep(step: LocalizedStep, n: number | null): HTMLElement {
  const title = shown(step.title);
  const head = h('div', { class: 'step-head' });
  if (n !== null) {
    head.append(
      h('input', {
        type: 'checkbox',
        class: 'done',
        checked: state.done.has(step.id),
        'aria-label': t('web.plan.doneLabel', { n, title }),
        onchange: (e) => {
          if (targetOf(e).checked) state.done.add(step.id);
          else state.done.delete(step.id);
          targetOf(e).closest('.step')?.classList.toggle('is-done', targetOf(e).checked);
          updateProgress();
        },
      }),
    );
  }
  head.append(
    h(
      'h4',
      { tabindex: '-1' },
      n !== null ? h('span', { class: 'num', text: t('web.plan.stepLabel', { n }) }) : null,
      h('span', { class: 'step-title', text: title }),
    ),
  );
  const badges = h('div', { class: 'badges' });
  if (step.admin)
    badges.append(h('span', { class: `badge admin ${step.adminScope}`, text: t('web.plan.needs', { who: t(`report.admin.${step.adminScope}`) }) }));
  if (step.conditional) badges.append(h('span', { class: 'badge cond', text: t('report.conditional') }));
  if (step.stage) badges.append(h('span', { class: `badge stage ${step.stage}`, text: t(`report.stage.${step.stage}`) }));
  const li = h(
    'li',
    { class: `step${state.done.has(step.id) && n !== null ? ' is-done' : ''}`, id: n !== null ? `step-${step.id}` : false, 'data-step': step.id },
    head,
    badges,
  );
  if (step.why) li.append(h('p', { class: 'why' }, h('strong', { text: `${t('report.why')}: ` }), rich(step.why)));
  if (step.actions?.length) {
    const actions = h('ol', { class: 'actions' });
    for (const a of step.actions) {
      if (a.kind === 'command') {
        const code = h('code', { text: a.text });
        actions.append(
          h(
            'li',
            { class: 'command' },
            h('pre', {}, code),
            h('button', {
              type: 'button',
              class: 'copy',
              'aria-label': t('web.plan.copyLabel', { command: a.text }),
              text: t('web.plan.copy'),
              onclick: (e) => copyText(a.text, e.currentTarget as HTMLButtonElement),
            }),
          ),
        );
      } else {
        actions.append(h('li', {}, rich(a.text)));
      }
    }
    li.append(actions);
  }
  if (step.expect && step.expect !== '—') li.append(h('p', { class: 'expect' }, h('strong', { text: `${t('report.expect')}: ` }), rich(step.expect)));
  if (step.verify && step.verify !== '—') li.append(h('p', { class: 'check' }, h('strong', { text: `${t('report.verify')}: ` }), rich(step.verify)));
  for (const c of step.caveats ?? []) li.append(h('p', { class: 'caveat' }, h('strong', { text: `${t('report.caveat')}: ` }), rich(c)));
  return li;
}

function renderPlan(r: DiagnosisPage) {
  const list = clear($('plan'));
  if (r.plan.steps.length === 0) list.append(h('li', { class: 'muted', text: t('report.noPlan') }));
  r.plan.steps.forEach((step, i) => {
    list.append(renderStep(step, i + 1));
  });
  updateProgress();
}

function updateProgress() {
  const steps = state.result?.plan.steps ?? [];
  const done = steps.filter((s: LocalizedStep) => state.done.has(s.id)).length;
  $('plan-progress').textContent = steps.length ? t('web.plan.progress', { done, total: steps.length }) : '';
}

function renderSource(r: DiagnosisPage) {
  const hits = new Set<number>(r.findings.flatMap((f) => f.evidence.map((e) => e.line)));
  const lines = r.source.lines;
  const box = clear($('source'));
  const frag = document.createDocumentFragment();
  lines.forEach((text: string, i: number) => {
    const n = i + 1;
    frag.append(
      h(
        'div',
        { class: `line${hits.has(n) ? ' hit' : ''}`, 'data-line': n },
        h('span', { class: 'no', text: String(n), 'aria-hidden': 'true' }),
        h('span', { class: 'tx', text: shown(text) }),
      ),
    );
  });
  box.append(frag);
  $('source-meta').textContent = t('web.source.meta', { name: shown(r.input.name), lines: r.input.lines, encoding: r.input.encoding });
  // the same input diagnosed again (another language, error code or MDM) may have fewer findings
  const selected = r.findings[state.selected];
  if (selected) markFocusLines(selected);
  else state.selected = -1;
}

// ---- downloads -------------------------------------------------------------------------------

function fileBase() {
  const name = state.request?.name || 'dsregcmd-status';
  return (
    name
      .replace(/\.[^.]*$/, '')
      .replace(/[^\w.-]+/g, '_')
      .slice(0, 80) || 'dsregcmd-status'
  );
}

/** Ask the engine for a file (from the same input as the shown diagnosis) and offer it for download. */
async function downloadFrom(make: () => Promise<ArrayBuffer>, name: string, type: string) {
  let content: ArrayBuffer;
  try {
    content = await make();
  } catch (e) {
    showError((e as { network?: boolean })?.network ? failure(e) : t('web.downloads.failed', { message: failure(e) }));
    return;
  }
  download(name, content, type);
}

async function downloadMarkdown() {
  const request = state.request;
  if (!request) return;
  await downloadFrom(() => engine.markdown(request, state.lang), `dsreg-doctor-${fileBase()}.${state.lang}.md`, 'text/markdown;charset=utf-8');
}

async function downloadScript() {
  const request = state.request;
  if (!request) return;
  await downloadFrom(() => engine.script(request, state.lang), `dsreg-doctor-remediation-${fileBase()}.ps1`, 'text/plain;charset=utf-8');
}

/** One script of the Intune Remediations pair, under the names `script --intune --out-dir` writes. */
async function downloadIntune(part: 'detection' | 'remediation') {
  const request = state.request;
  if (!request) return;
  const name = part === 'detection' ? 'Detect-700003.ps1' : 'Remediate-700003.ps1';
  await downloadFrom(() => engine.intune(request, state.lang, part), name, 'text/plain;charset=utf-8');
}

async function downloadRedacted() {
  const request = state.request;
  if (!request) return;
  await downloadFrom(() => engine.redact(request, state.lang), `${fileBase()}.redacted.txt`, 'text/plain;charset=utf-8');
}

async function downloadCollect() {
  await downloadFrom(() => engine.collect(state.lang), 'dsreg-doctor-collect.ps1', 'text/plain;charset=utf-8');
}

function downloadJson() {
  if (!state.result) return;
  const { source, ...contract } = state.result;
  download(`dsreg-doctor-${fileBase()}.${state.lang}.json`, `${JSON.stringify(contract, null, 2)}\n`, 'application/json');
}

// ---- "After" mode ----------------------------------------------------------------------------

async function runCompare({ fromFile = false, quiet = false } = {}) {
  hideError('after-error-box');
  if (!state.request) {
    showError(t('web.after.needBefore'), 'after-error-box', 'after-error-message');
    return;
  }
  const after = state.afterLoaded ?? { bytes: new TextEncoder().encode($<HTMLTextAreaElement>('after-input').value), name: '' };
  const request = { before: state.request, after, afterError: $<HTMLInputElement>('after-error').value.trim() };
  await compareRequest(request, { fromFile, quiet });
}

async function compareRequest(
  request: { before: InputRequest; after: InputRequest; afterError?: string },
  { fromFile = false, quiet = false }: { fromFile?: boolean; quiet?: boolean } = {},
) {
  const seq = ++state.afterSeq;
  if (!quiet) setStatus(t('web.busy'), 'after-status');
  let result: VerifyDocument;
  try {
    result = await engine.verify(request, state.lang);
  } catch (e) {
    if (seq === state.afterSeq) {
      setStatus('', 'after-status');
      showError(failure(e), 'after-error-box', 'after-error-message');
    }
    return;
  }
  if (seq !== state.afterSeq) return;
  setStatus('', 'after-status');
  state.afterRequest = request;
  state.afterResult = result;
  if (fromFile) {
    $<HTMLTextAreaElement>('after-input').value = '';
    const a = result.after.input;
    setStatus(t('web.input.loaded', { name: a.name, encoding: a.encoding, lines: a.lines }), 'after-status');
  }
  renderAfter(result);
}

function renderAfter(v: VerifyDocument) {
  const box = clear($('after-result'));
  box.hidden = false;
  const good = v.verdict === 'fixed' || v.verdict === 'no-change-needed';
  box.append(
    h(
      'p',
      { class: `verdict ${good ? 'good' : v.verdict === 'in-progress' ? 'progress' : 'bad'}`, 'data-verdict': v.verdict },
      h('strong', { text: `${t('web.after.verdict')}: ` }),
      v.message,
    ),
    h('p', { class: v.sameDevice === 'no' ? 'warn' : 'muted', text: v.sameDeviceMessage }),
  );
  // what the verdict rests on (#11): already localised by the server
  for (const r of v.reasons ?? []) box.append(h('p', { class: 'verify-reason', 'data-reason': r.id }, h('strong', { text: `${t('verify.why')}: ` }), r.text));
  const list = (key: string, items: FindingRef[]) =>
    items.length ? h('p', {}, h('strong', { text: `${t(key)}: ` }), items.map((f) => shown(f.title)).join(' / ')) : null;
  append(box, [list('verify.resolved', v.resolved), list('verify.remaining', v.remaining), list('verify.introduced', v.introduced)]);
  box.append(h('h3', { text: t('verify.next') }));
  if (v.nextStepDetail) box.append(h('ol', { class: 'plan after-next' }, renderStep(v.nextStepDetail, null)));
  else box.append(h('p', { class: 'muted', text: t('web.after.none') }));
}

// ---- language, theme, startup ----------------------------------------------------------------

async function switchLang(lang: string) {
  try {
    await loadMessages(lang);
  } catch (e) {
    showError(failure(e));
    return;
  }
  try {
    localStorage.setItem('dsreg-doctor.lang', lang);
  } catch {
    // storage may be disabled: the choice just is not remembered
  }
  applyStaticTexts();
  // the input stays; the diagnosis is asked for again in the new language
  if (state.request) await diagnoseRequest(state.request, { quiet: true });
  else renderResults();
  if (state.afterRequest) await compareRequest(state.afterRequest, { quiet: true });
}

function wire() {
  const input = $<HTMLTextAreaElement>('input');
  input.addEventListener('input', (e) => {
    state.loaded = null; // the box is the input now
    if (e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop') {
      // show the output from its start, where the state sections are (after the caret scroll)
      setTimeout(() => {
        input.scrollTop = 0;
      });
      runDiagnose();
    }
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      runDiagnose();
    }
  });
  $<HTMLInputElement>('error-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      runDiagnose();
    }
  });
  $<HTMLButtonElement>('diagnose').addEventListener('click', () => runDiagnose());
  $<HTMLButtonElement>('clear').addEventListener('click', () => {
    input.value = '';
    $<HTMLInputElement>('error-text').value = '';
    $<HTMLSelectElement>('example').value = '';
    state.loaded = null;
    state.request = null;
    state.result = null;
    state.done.clear();
    state.selected = -1;
    hideError();
    setStatus('');
    renderResults();
    input.focus();
  });
  $<HTMLButtonElement>('open-file').addEventListener('click', () => $<HTMLInputElement>('file').click());
  $<HTMLInputElement>('file').addEventListener('change', (e) => {
    const file = targetOf(e).files?.[0];
    targetOf(e).value = '';
    if (file) loadFile(file, 'before');
  });
  $<HTMLSelectElement>('example').addEventListener('change', (e) => loadExample(targetOf(e).value));
  wireDropZone($('drop'), (files) => files[0] && loadFile(files[0], 'before'));

  const after = $<HTMLTextAreaElement>('after-input');
  after.addEventListener('input', (e) => {
    state.afterLoaded = null;
    if (e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop') {
      setTimeout(() => {
        after.scrollTop = 0;
      });
      runCompare();
    }
  });
  after.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      runCompare();
    }
  });
  $<HTMLButtonElement>('compare').addEventListener('click', () => runCompare());
  $<HTMLButtonElement>('after-open-file').addEventListener('click', () => $<HTMLInputElement>('after-file').click());
  $<HTMLInputElement>('after-file').addEventListener('change', (e) => {
    const file = targetOf(e).files?.[0];
    targetOf(e).value = '';
    if (file) loadFile(file, 'after');
  });
  wireDropZone($('after-drop'), (files) => files[0] && loadFile(files[0], 'after'));

  keepPageOnStrayDrop();

  $<HTMLButtonElement>('mask').addEventListener('click', () => {
    state.masked = !state.masked;
    updateMaskButton();
    renderResults();
    if (state.afterResult) renderAfter(state.afterResult);
  });
  $<HTMLButtonElement>('download-md').addEventListener('click', downloadMarkdown);
  $<HTMLButtonElement>('download-json').addEventListener('click', downloadJson);
  $<HTMLButtonElement>('download-script').addEventListener('click', downloadScript);
  $<HTMLButtonElement>('download-intune-detect').addEventListener('click', () => downloadIntune('detection'));
  $<HTMLButtonElement>('download-intune-remediate').addEventListener('click', () => downloadIntune('remediation'));
  $<HTMLButtonElement>('download-redacted').addEventListener('click', downloadRedacted);
  $<HTMLButtonElement>('download-collect').addEventListener('click', downloadCollect);
  $<HTMLButtonElement>('collect-script').addEventListener('click', downloadCollect);
  $<HTMLSelectElement>('lang').addEventListener('change', (e) => switchLang(targetOf(e).value));
  $<HTMLSelectElement>('theme').addEventListener('change', (e) => {
    applyTheme(targetOf(e).value);
    try {
      localStorage.setItem('dsreg-doctor.theme', targetOf(e).value);
    } catch {
      // not remembered
    }
  });
}

async function start() {
  applyTheme(stored('dsreg-doctor.theme'));
  const lang = stored('dsreg-doctor.lang') ?? browserLang();
  wire();
  try {
    await loadMessages(lang === 'ja' || lang === 'en' ? lang : 'en');
  } catch (e) {
    showError(`dsreg-doctor: ${errorText(e)}`);
    return;
  }
  applyStaticTexts();
  renderResults();
  document.documentElement.dataset.ready = 'true';
}

start();
