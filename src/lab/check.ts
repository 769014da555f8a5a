import { type LabFailure, runScenario } from './run.js';
import { allScenarios, type Scenario } from './scenarios.js';

export interface CheckResult {
  total: number;
  healed: number;
  failed: number;
  stories: number;
  matrix: number;
  failures: { scenario: Scenario; failure: LabFailure }[];
  /** First, do no harm: plan steps carried out, and each one that changed a registration that was not failing. */
  harm: { applied: number; violations: { scenario: Scenario; detail: string }[] };
  /** How many scenarios healed after each kind of step (for the report). */
  healedAfter: Record<string, number>;
  ms: number;
}

/**
 * Run every scenario, count the healed ones, and check that no applied step changed a
 * registration that was not failing.
 *
 * @example
 * const r = checkAll();
 * checkSummaryLine(r); // "874 scenarios: 874 healed, 0 failed"
 */
export function checkAll(scenarios: Scenario[] = allScenarios()): CheckResult {
  const started = performance.now();
  const failures: CheckResult['failures'] = [];
  const healedAfter: Record<string, number> = {};
  const harm: CheckResult['harm'] = { applied: 0, violations: [] };
  for (const scenario of scenarios) {
    const run = runScenario(scenario);
    harm.applied += run.harm.applied;
    for (const detail of run.harm.violations) harm.violations.push({ scenario, detail });
    if (run.failure) failures.push({ scenario, failure: run.failure });
    else {
      const key = run.healedAfter ?? 'none';
      healedAfter[key] = (healedAfter[key] ?? 0) + 1;
    }
  }
  return {
    total: scenarios.length,
    healed: scenarios.length - failures.length,
    failed: failures.length,
    stories: scenarios.filter((s) => s.story).length,
    matrix: scenarios.filter((s) => !s.story).length,
    failures,
    harm,
    healedAfter,
    ms: performance.now() - started,
  };
}

/** The machine-readable last line of `lab check` (the same in every language). */
export function checkSummaryLine(r: Pick<CheckResult, 'total' | 'healed' | 'failed'>): string {
  return `${r.total} scenarios: ${r.healed} healed, ${r.failed} failed`;
}
