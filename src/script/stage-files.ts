import type { Lang } from '../i18n/lang.js';
import { cleanupToCsv } from '../cleanup/render.js';
import type { StagedCleanup } from '../cleanup/staged.js';
import { cleanupScript } from './cleanup.js';

/**
 * The scripts and device lists of one stage, by file name: stage 1 disable + its rollback;
 * stages 2 and 3 re-enable; stage 3 delete. Written to disk by `cleanup --scripts`, offered as
 * downloads by the web Cleanup tab.
 */
export function stageFiles(plan: StagedCleanup, lang: Lang, generatedAt: Date): [string, string][] {
  const files: [string, string][] = [];
  const cutoff = new Date(Date.parse(plan.asOf) - plan.staleDays * 86_400_000).toISOString();
  if (plan.stage === 1) {
    files.push(['stage1-disable.csv', cleanupToCsv(plan, 'disable')]);
    files.push(['stage1-disable.ps1', cleanupScript('disable', plan.disable, lang, { generatedAt, inactiveSince: cutoff })]);
    files.push(['stage1-rollback.ps1', cleanupScript('rollback', plan.disable, lang, { generatedAt })]);
  } else {
    files.push(['stage2-reenable.csv', cleanupToCsv(plan, 're-enable')]);
    files.push(['stage2-reenable.ps1', cleanupScript('enable', plan.reEnable, lang, { generatedAt })]);
  }
  if (plan.stage === 3) {
    files.push(['stage3-delete.csv', cleanupToCsv(plan, 'delete')]);
    files.push([
      'stage3-delete.ps1',
      cleanupScript('delete', plan.delete, lang, { generatedAt, ...(plan.sinceStage1 ? { inactiveSince: plan.sinceStage1 } : {}) }),
    ]);
  }
  return files;
}
