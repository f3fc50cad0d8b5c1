/**
 * Out of hours (R14; ICO13 4.2 "Social media accounts will be monitored during weekday office hours"; SYP 5 "9am
 * and 5pm Monday to Friday"): a post scheduled outside the organisation's office hours in Europe/London, or on a bank
 * holiday of its nation, that invites replies (a question, "let us know", "get in touch", "comment below"...) gets a
 * finding, because nobody is watching the replies then. Posting out of hours is fine in itself (SYP 5 schedules
 * messages out of hours), so a post that invites nothing raises nothing.
 */
import type { CheckContext } from '../check-context';
import { L } from '../compile-pack';
import { bankHolidays, describeLondon, londonTime, parseHhmm } from '../london-time';
import type { Hit } from '../phrase-index';

export function scheduledEpoch(post: { scheduledAt?: string }): number | null {
  if (typeof post.scheduledAt !== 'string' || !post.scheduledAt) return null;
  const t = Date.parse(post.scheduledAt);
  return Number.isFinite(t) ? t : null;
}

export function detectOutOfHours(ctx: CheckContext): void {
  const at = scheduledEpoch(ctx.post);
  if (at === null) return;
  const { officeHours, nation } = ctx.settings;
  const local = londonTime(at);
  const holiday = bankHolidays(nation, local.year).get(local.date);
  const inHours = !holiday && officeHours.days.includes(local.weekday) && local.minutes >= parseHhmm(officeHours.start) && local.minutes < parseHhmm(officeHours.end);
  if (inHours) return;
  const invite = firstInvitation(ctx);
  if (!invite) return;
  const when = holiday ? `${describeLondon(at)} (${holiday}, a bank holiday)` : describeLondon(at);
  ctx.addView('out-of-hours.replies-invited', invite.start, invite.end, { when });
}

function firstInvitation(ctx: CheckContext): Hit | undefined {
  const not = ctx.list(L.notInvite) ?? [];
  const inside = (h: Hit) => not.some((n) => n.start < h.end && h.start < n.end);
  const invites = (ctx.list(L.replyInvite) ?? []).filter((h) => !inside(h));
  // A question asks for answers: a "?" ending a sentence (not one inside a link), unless it is "Did you know ...?".
  const text = ctx.view.cased;
  for (let i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (i + 1 < text.length && !(next === 32 || next === 10 || next === 13 || next === 34 || next === 39 || next === 41 || next === 33 || next > 0x7f)) continue;
    let s = i;
    while (s > 0 && !'.!?\n'.includes(text[s - 1]!)) s--;
    while (s < i && text[s] === ' ') s++;
    const q = { start: s, end: i + 1 };
    if (!not.some((n) => n.start >= q.start && n.end <= q.end)) invites.push(q);
  }
  invites.sort((a, b) => a.start - b.start || b.end - a.end);
  return invites[0];
}
