/**
 * Party politics (BAR 5a "Do not post comments or materials which are party political", 5b, 9f; ICO26 prohibited
 * behaviours; ICO13 3 impartiality). Party names and nicknames that only mean a party (Tories, Lib Dems, SNP, Plaid
 * Cymru) always count; words with an ordinary sense (labour, reform, conservative, green, liberal) count only when
 * capitalised and in a political setting: next to "party", "MP", "councillor", "-led" and the like, after "vote",
 * near political words, or (for the words the pack marks `midSentence`) capitalised in the middle of a sentence. "Vote for", "kick out" and other campaigning next to a party blocks. Configured candidates
 * are advice alone and need sign-off in a political context.
 */
import type { CheckContext } from '../check-context';
import { L } from '../compile-pack';
import { near, type Hit } from '../phrase-index';

function startsWithWord(s: string, at: number, phrase: string): boolean {
  if (!s.startsWith(phrase, at)) return false;
  const next = s.charCodeAt(at + phrase.length);
  return !(next >= 97 && next <= 122) || !/[a-z]$/.test(phrase);
}

/**
 * Capitalised between lowercase words ("cuts under Labour have hit"), so not a sentence opener ("Labour shortages")
 * and not part of a title-case name ("the Labour Market Survey", "Village Green").
 */
function midSentence(cased: string, h: Hit): boolean {
  if (!/[a-z0-9,]\s+$/.test(cased.slice(Math.max(0, h.start - 3), h.start))) return false;
  let at = h.end;
  if (cased.startsWith("'s", at)) at += 2;
  const after = cased.slice(at, at + 3);
  return after === '' || /^(?:[.,;:!?)]|\s+[a-z])/.test(after);
}

function ambiguousIsPolitical(ctx: CheckContext, h: Hit): boolean {
  const { cased, lower } = ctx.view;
  const first = cased.charCodeAt(h.start);
  if (!(first >= 65 && first <= 90)) return false; // "labour shortage", "reform of", "green spaces"
  const entry = ctx.compiled.ambiguousParties.get(lower.slice(h.start, h.end));
  if (!entry) return false;
  if (entry.midSentence && midSentence(cased, h)) return true;
  let at = h.end;
  if (lower.startsWith("'s", at)) at += 2;
  const hyphenated = lower[at] === '-';
  while (lower[at] === ' ') at++;
  for (const f of entry.followedBy) {
    if (f.startsWith('-') ? hyphenated && startsWithWord(lower, h.end, f) : startsWithWord(lower, at, f)) return true;
  }
  // "the Green Flag award", "the Labour Market Survey": the word opens a title-case name that is not a party (the
  // party's own names, "Green Party", "Reform UK", were matched just above).
  if (!hyphenated && /^[A-Z][a-z]/.test(cased.slice(at, at + 2))) return false;
  const before = lower.slice(Math.max(0, h.start - 24), h.start).trimEnd();
  for (const p of entry.precededBy) if (before === p || before.endsWith(` ${p}`)) return true;
  return Boolean(near(ctx.list(L.partyContext), h.start, h.end, 40));
}

/** "Tory Lane", "Reform Street": a party's word as the first part of a street's name, which says nothing political. */
const STREET = /^\s+(?:Lane|Road|Street|Avenue|Close|Way|Drive|Crescent|Terrace|Gardens|Place|Row|Hill|Square|Walk|Mews|Grove|Rise)\b/;
const isStreetName = (ctx: CheckContext, h: Hit) => STREET.test(ctx.view.cased.slice(h.end, h.end + 12));

export function detectPartyPolitical(ctx: CheckContext): void {
  const mentions: Hit[] = [];
  for (const h of ctx.list(L.partyUnambiguous) ?? []) if (!isStreetName(ctx, h)) mentions.push(h);
  for (const h of ctx.list(L.partyAmbiguous) ?? []) if (!isStreetName(ctx, h) && ambiguousIsPolitical(ctx, h)) mentions.push(h);
  const campaign = ctx.list(L.partyCampaign);
  for (const m of mentions) {
    const cue = near(campaign, m.start, m.end, 12, 'before');
    if (cue && cue.start < m.start) ctx.addView('party-political.campaigning', cue.start, m.end);
    else ctx.addView('party-political.party-named', m.start, m.end);
  }
  const candidates = ctx.list(L.candidates);
  if (!candidates) return;
  for (const c of candidates) {
    const political = mentions.some((m) => Math.abs(m.start - c.start) <= 120) || near(ctx.list(L.partyContext), c.start, c.end, 80);
    ctx.addView(political ? 'party-political.candidate-in-political-context' : 'party-political.candidate-named', c.start, c.end);
  }
}
