/**
 * Pre-election (purdah) periods (R11; ICO13 3.4; BAR 5b, 9f; ICO26 "extra care during pre-election periods"): inside a
 * configured period, every post needs a manager's sign-off, political findings block instead of asking for sign-off,
 * and naming a councillor or candidate blocks. Runs after the other detectors, since it changes their findings. A post
 * without `scheduledAt` goes out when approved, so the settings' clock decides.
 */
import type { CheckContext } from '../check-context';
import { L } from '../compile-pack';
import { londonTime } from '../london-time';
import { scheduledEpoch } from './out-of-hours';

export function activePeriod(ctx: CheckContext): { name: string; start: string; end: string } | undefined {
  const periods = ctx.settings.preElectionPeriods;
  if (periods.length === 0) return undefined;
  const at = scheduledEpoch(ctx.post) ?? (ctx.settings.now ?? Date.now)();
  const { date } = londonTime(at);
  return periods.find((p) => p.start <= date && date <= p.end);
}

export function applyPreElection(ctx: CheckContext): void {
  const period = activePeriod(ctx);
  if (!period) return;
  const label = `${period.name} (${period.start} to ${period.end})`;
  for (const f of ctx.findings) {
    // The classifier's reading of the wording stays a sign-off: it never blocks on its own.
    if (f.category === 'party-political' && f.severity !== 'block' && !f.ruleId.endsWith('.model')) {
      f.severity = 'block';
      f.message = `${f.message} Blocked during the pre-election period ${label}.`;
    }
  }
  ctx.add('pre-election.manager-sign-off', 0, 0, { period: label });
  const named = ctx.names.filter((n) => n.kind === 'person' && (n.title === 'cllr' || n.title === 'councillor'));
  for (const n of named) ctx.addView('pre-election.councillor-named', n.start, n.end, { period: label });
  for (const c of ctx.list(L.candidates) ?? []) ctx.addView('pre-election.councillor-named', c.start, c.end, { period: label });
}
