import { parseCsvText, sniffDelimiter } from '../fleet/csv.js';
import { JsonRecordReader } from '../fleet/json-records.js';
import { firstNonSpace } from '../fleet/read-input.js';
import { deviceKey, GUID_ANYWHERE, normKey } from '../fleet/values.js';

/**
 * The small side lists of a cleanup, recognised by their content (not their name):
 * an Autopilot device export, an Intune managed-device export, a BitLocker key list saved with
 * the key values (the backup), or a plain list of ids (the devices stage 1 disabled, its CSV log).
 */

export type SideListKind = 'autopilot' | 'intune' | 'bitlocker-backup' | 'id-list';

export interface SideList {
  name: string;
  kind: SideListKind | null;
  /** Device ids (Entra deviceId) the list names; for an id list, device or object ids. */
  ids: string[];
  /** 1-based lines that named no id. */
  skipped: number[];
  error: 'empty' | 'unrecognized' | null;
}

const AUTOPILOT_ID = ['azureactivedirectorydeviceid', 'entradeviceid', 'aaddeviceid'];
const INTUNE_ID = ['azureaddeviceid', 'microsoftentradeviceid', 'entraiddeviceid', 'azureactivedirectorydeviceid'];

/** Which list a header (CSV) or the keys of a record (JSON) describe. */
export function classifySideList(keys: string[]): { kind: SideListKind; idKey: string } | null {
  const k = new Set(keys.map(normKey));
  const first = (names: string[]) => names.find((n) => k.has(n));
  if (k.has('volumetype') && k.has('deviceid') && k.has('key')) return { kind: 'bitlocker-backup', idKey: 'deviceid' };
  const ap = first(AUTOPILOT_ID);
  if (ap && (k.has('serialnumber') || k.has('grouptag')) && (k.has('grouptag') || k.has('enrollmentstate') || k.has('deploymentprofileassignmentstatus'))) {
    return { kind: 'autopilot', idKey: ap };
  }
  const it = first(INTUNE_ID);
  if (it && (k.has('managementagent') || k.has('enrolleddatetime') || k.has('devicename') || k.has('managementstate'))) return { kind: 'intune', idKey: it };
  const id = first(['deviceid', 'objectid', 'id']);
  if (id) return { kind: 'id-list', idKey: id };
  return null;
}

/** Read one side list from its text. Never throws. */
export function readSideList(name: string, text: string, hint?: SideListKind): SideList {
  const list: SideList = { name, kind: null, ids: [], skipped: [], error: null };
  const start = firstNonSpace(text);
  if (start < 0) {
    list.error = 'empty';
    return list;
  }
  const ch = text.charAt(start);
  const firstLine = text.slice(start).split(/\r\n|\r|\n/, 2)[0] ?? '';
  const bare = GUID_ANYWHERE.test(firstLine) && !/[a-z]{4,}\s*[,;\t]/i.test(firstLine.replace(GUID_ANYWHERE, ''));
  if (ch === '[' || ch === '{') sideListFromJson(text, list, hint);
  else if (bare) sideListFromIds(text, list);
  else sideListFromCsv(text, firstLine, list);
  return list;
}

/** JSON records: the first record that names a list kind decides the kind and its id key. */
function sideListFromJson(text: string, list: SideList, hint: SideListKind | undefined): void {
  const reader = new JsonRecordReader();
  let idKey: string | undefined;
  const sink = {
    record: (r: Record<string, unknown>, line: number) => {
      if (list.kind === null) {
        const keys = Object.keys(r).map(normKey);
        const c =
          hint === 'bitlocker-backup' && keys.includes('volumetype') && keys.includes('deviceid')
            ? { kind: hint, idKey: 'deviceid' }
            : classifySideList(Object.keys(r));
        if (!c) return;
        list.kind = c.kind;
        idKey = c.idKey;
      }
      const key = Object.keys(r).find((x) => normKey(x) === idKey);
      const value = key === undefined ? '' : r[key];
      const id = deviceKey(typeof value === 'string' ? value : '');
      if (list.kind === 'bitlocker-backup') {
        const keyName = Object.keys(r).find((x) => normKey(x) === 'key');
        const keyValue = keyName === undefined ? '' : r[keyName];
        if (typeof keyValue !== 'string' || keyValue.trim() === '') return void list.skipped.push(line);
      }
      if (id === '') list.skipped.push(line);
      else list.ids.push(id);
    },
    problem: (p: { line: number }) => void list.skipped.push(p.line),
  };
  reader.push(text, sink);
  reader.end(sink);
  if (list.kind === null) list.error = 'unrecognized';
}

/** A bare list: the first GUID on each line (`#` lines are comments). */
function sideListFromIds(text: string, list: SideList): void {
  list.kind = 'id-list';
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = GUID_ANYWHERE.exec(line);
    if (m) list.ids.push(deviceKey(m[0]));
    else list.skipped.push(i + 1);
  });
}

/** A CSV whose header says the kind (classifySideList). */
function sideListFromCsv(text: string, firstLine: string, list: SideList): void {
  let idIndex = -1;
  let keyIndex = -1;
  parseCsvText(
    text.replace(/^\uFEFF/, ''),
    sniffDelimiter(firstLine),
    (fields, _count, line) => {
      if (list.kind === null && idIndex < 0) {
        if (list.error) return;
        const c = classifySideList(fields);
        if (!c) {
          list.error = 'unrecognized';
          return;
        }
        list.kind = c.kind;
        idIndex = fields.findIndex((f) => normKey(f) === c.idKey);
        keyIndex = fields.findIndex((f) => normKey(f) === 'key');
        return;
      }
      const id = deviceKey(fields[idIndex] ?? '');
      if (list.kind === 'bitlocker-backup' && (fields[keyIndex] ?? '').trim() === '') return void list.skipped.push(line);
      if (id === '') list.skipped.push(line);
      else list.ids.push(id);
    },
    (p) => void list.skipped.push(p.line),
  );
}

/** Does this text look like a side list rather than a fleet input (sign-ins, inventory, audit)? */
export function sideListKindOf(text: string): SideListKind | null {
  const start = firstNonSpace(text);
  if (start < 0) return null;
  const head = text.slice(start, start + 64 * 1024);
  if (head.startsWith('[') || head.startsWith('{')) {
    const m = /"([A-Za-z]+)"\s*:/g;
    const keys: string[] = [];
    for (let x = m.exec(head); x !== null && keys.length < 200; x = m.exec(head)) keys.push(x[1] ?? '');
    const c = classifySideList(keys);
    return c && c.kind !== 'id-list' ? c.kind : null;
  }
  const firstLine = head.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const fields = firstLine.split(sniffDelimiter(firstLine)).map((f) => f.replace(/^"|"$/g, ''));
  const c = classifySideList(fields);
  return c && c.kind !== 'id-list' ? c.kind : null;
}
