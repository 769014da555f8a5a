import { catalogs } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';

/**
 * Catalogue prefixes the page shows itself; everything else arrives already localised inside the
 * diagnosis JSON. Step titles are included for the flow diagram's tooltips and "After" mode.
 */
const PAGE_PREFIXES = ['web.', 'joinType.', 'report.', 'verify.', 'severity.', 'context.'];
const STEP_TITLE = /^step\.[\w-]+\.title$/;
/** Messages of the serve command and the API: printed or sent by the server, not shown by the page's own code. */
const SERVER_ONLY = /^web\.(help|listening|openFailed|error\.(portInUse|listen|badPort|noAssets)|api\..*)$/;

/** The Fleet view also shows the fleet report's own labels (causes, states, reasons, risks…). */
const FLEET_PREFIXES = ['fleet.', 'cleanup.'];
/** Fleet and cleanup messages of the CLI only: help, errors, progress line, KQL and script comments. */
const FLEET_CLI_ONLY = /^(fleet\.(help|error\.|progress\.|kql\.|note\.(?!file\.|unknownColumns))|cleanup\.(help|error\.|note\.|script\.|more))/;

/** The page's UI strings in one language (`GET /api/messages?lang=&page=`). */
export function pageMessages(lang: Lang, page: 'device' | 'fleet' = 'device'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(catalogs[lang])) {
    if (SERVER_ONLY.test(key)) continue;
    if (page === 'device' && key.startsWith('web.fleet.')) continue;
    if (page === 'fleet' && FLEET_PREFIXES.some((p) => key.startsWith(p)) && !FLEET_CLI_ONLY.test(key)) out[key] = text;
    else if (PAGE_PREFIXES.some((p) => key.startsWith(p)) || STEP_TITLE.test(key)) out[key] = text;
  }
  return out;
}

/** The example menu: each bundled example output with its label (`web.example.<id>`, id = the name's first part). */
export function exampleList(files: string[], messages: Record<string, string>): { file: string; label: string }[] {
  return files.map((file) => ({ file, label: messages[`web.example.${file.split('-')[0] ?? file}`] ?? file }));
}
