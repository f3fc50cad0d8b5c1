/**
 * Checks on policy settings beyond their shape (which `validatePolicySettings` owns): a pre-election period must end
 * on or after the day it starts (R11), or it would never apply and nobody would notice.
 */
import type { PolicySettings } from '../policy/engine';

/** The settings a manager edits. Platform limits are read from the accounts' own services, not typed in here. */
export type EditablePolicySettings = Omit<PolicySettings, 'platformLimits' | 'now'>;

export type SettingsProblem = { field: string; message: string };

export function settingsProblems(s: Pick<EditablePolicySettings, 'preElectionPeriods'>): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  s.preElectionPeriods.forEach((p, i) => {
    if (typeof p.start === 'string' && typeof p.end === 'string' && p.end < p.start) {
      problems.push({ field: `preElectionPeriods.${i}.end`, message: `The pre-election period "${p.name}" ends before it starts: its end date must be the same as or after its start date` });
    }
  });
  return problems;
}
