import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import type { CliIo } from '../src/cli/cli.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'dsregcmd');

export interface Label {
  file: string;
  joinType: string;
  azureAdJoined: string;
  domainJoined: string;
  enterpriseJoined: string;
  workplaceJoined: string;
  deviceId: string;
  tenantId: string;
  azureAdPrt: string;
  errorCodes: string;
  deviceAuthStatus: string;
}

export function labels(): Label[] {
  const rows = readFileSync(join(FIXTURES, 'LABELS.tsv'), 'utf8').trim().split('\n').slice(1);
  return rows.map((row) => {
    const [file, joinType, azureAdJoined, domainJoined, enterpriseJoined, workplaceJoined, deviceId, tenantId, azureAdPrt, errorCodes, deviceAuthStatus] =
      row.split('\t');
    return {
      file: file ?? '',
      joinType: joinType ?? '',
      azureAdJoined: azureAdJoined ?? '',
      domainJoined: domainJoined ?? '',
      enterpriseJoined: enterpriseJoined ?? '',
      workplaceJoined: workplaceJoined ?? '',
      deviceId: deviceId ?? '',
      tenantId: tenantId ?? '',
      azureAdPrt: azureAdPrt ?? '',
      errorCodes: errorCodes ?? '',
      deviceAuthStatus: deviceAuthStatus ?? '',
    };
  });
}

export function fixtureFiles(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

export function fixtureText(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

/** The ways Windows writes the same output to a file. */
export const ENCODINGS: Record<string, (text: string) => Uint8Array> = {
  'utf-8 LF': (t) => Buffer.from(t, 'utf8'),
  'utf-8 CRLF': (t) => Buffer.from(t.replace(/\n/g, '\r\n'), 'utf8'),
  'utf-8 BOM CRLF': (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t.replace(/\n/g, '\r\n'), 'utf8')]),
  'utf-16le BOM CRLF': (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t.replace(/\n/g, '\r\n'), 'utf16le')]),
  'utf-16le no BOM CRLF': (t) => iconv.encode(t.replace(/\n/g, '\r\n'), 'utf16le'),
  'utf-16be BOM': (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(t, 'utf16be')]),
  'utf-16be no BOM': (t) => iconv.encode(t, 'utf16be'),
  'CR only': (t) => Buffer.from(t.replace(/\n/g, '\r'), 'utf8'),
};

/** Standard streams in memory, for running the CLI's `main` in the test process (LANG=C). */
export function memoryIo(cwd = process.cwd()): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdin: (async function* () {})(),
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: { LANG: 'C' },
    cwd,
    out: () => out,
    err: () => err,
  };
}
