/**
 * Personal data in words rather than numbers (BAR 5a: "Do not reveal or post any personal data, such as contact
 * details ... This includes information which could identify an individual without actually naming them"; SYP
 * Annex One; R8): email addresses that are a person's rather than a shared mailbox of ours or another public body,
 * home addresses (a house number with a postcode), dates of birth (with "born", "DOB"), vehicle registrations (with
 * vehicle context, so "AB12 CDE" in a product code is left alone), and a named private individual next to any of
 * these or to their age ("Jane Smith, 34, of ...").
 */
import type { CheckContext } from '../check-context';
import { L, hostIn } from '../compile-pack';
import { near, type Hit } from '../phrase-index';
import { matches } from '../text-view';
import { scheduledEpoch } from './out-of-hours';
import { detectPersonalNumbers } from './personal-numbers';

/** Words that put a date as an organisation's beginning, not a person's birth. */
const FOUNDED = /\b(?:founded|established|formed|opened|built|incorporated|launched|est\.?)\s+(?:on\s+|in\s+)?(?:the\s+)?$/i;

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const HOUSE = /\b(?:(?:Flat|Apartment|Apt|Unit) \d{1,4}[A-Za-z]?,? )?(\d{1,4}[A-Za-z]?)(?:-\d{1,4})?,? ((?:[A-Z][a-z']+ ){0,3})([A-Z][a-z]+)\b/g;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/g;
const MONTHS = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const DATE = new RegExp(`\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTHS}),? \\d{4}|(?:${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?,? \\d{4})\\b`, 'gi');
const VEHICLE = /\b[A-HJ-PR-Y][A-HJ-PR-Z](0[2-9]|[12]\d|5[1-9]|[67]\d) ?[A-HJ-PR-Z]{3}\b/g;
const AGE_ANYWHERE = /[a-z], (?:aged )?\(?\d{1,3}\)?[, ]|[a-z] \(\d{1,3}\)|[a-z], (?:of|from) [A-Z]/;
const AGE_AFTER = /^(?:,? (?:aged )?\(?\d{1,3}\)?(?:,| of| from)|, (?:of|from) [A-Z])/;

function report(ctx: CheckContext, details: Hit[], rule: string, s: number, e: number): void {
  details.push({ start: s, end: e });
  ctx.addView(rule, s, e);
}

const COHORT = /\bborn (?:between|from|after|before|on or after|on or before|since)\b[^.!?\n]*$/i;

export function detectPersonalData(ctx: CheckContext): void {
  const details: Hit[] = detectPersonalNumbers(ctx);
  const text = ctx.view.cased;

  if (text.includes('@')) {
    const { roleMailboxes } = ctx.compiled.sets;
    for (const m of matches(EMAIL, text)) {
      // "https://anytown.gov.uk@evil.example/...": the part before @ is a URL's user name, not a mailbox.
      const wordStart = text.lastIndexOf(' ', m.index) + 1;
      if (text.slice(wordStart, m.index + m[0].length).includes('://')) continue;
      const address = m[0].toLowerCase().replace(/\.$/, '');
      const at = address.lastIndexOf('@');
      const local = address.slice(0, at);
      if (ctx.compiled.ownMailboxes.has(address)) continue;
      const role = isRoleMailbox(local, roleMailboxes);
      // A shared mailbox (enquiries@, info@, ours or anyone's) is not a person's. A personal-looking address on a
      // public body's domain is still a member of staff's: reported.
      if (role) continue;
      // On our own domains a mailbox is a person's when it looks like one: a known first name in it ("jo.hart@"), or
      // first and last parts ("j.hart@", "hart.j@"). "boxoffice@" or "tenancyreferences@" is a service's (R8: role
      // mailboxes on the organisation's own domains are not personal data).
      if (hostIn(address.slice(at + 1), ctx.compiled.domains.own) && !looksPersonal(local, ctx.compiled.sets.firstNames)) continue;
      report(ctx, details, 'personal-data.email', m.index, m.index + m[0].length);
    }
  }

  if (/\d/.test(text)) {
    const { streetTypes } = ctx.compiled.sets;
    const publicPlace = ctx.list(L.publicPlace);
    const postcodes = /[A-Z]\d/.test(text) ? matches(POSTCODE, text) : [];
    for (const m of matches(HOUSE, text)) {
      if (!streetTypes.has(m[3]!.toLowerCase())) continue;
      const s = m.index;
      const e = s + m[0].length;
      // The town hall's own address follows its name closely ("the Town Hall, 1 Pinstone Street"); a purse handed in
      // at the Civic Centre does not make its owner's address public.
      if (near(publicPlace, s, e, 30, 'before')) continue;
      const pc = postcodes.find((p) => p.index >= e && p.index - e <= 60);
      if (pc) report(ctx, details, 'personal-data.postcode-with-house-number', s, pc.index + pc[0].length);
      else ctx.addView('personal-data.house-address', s, e);
    }
    const dob = ctx.list(L.dobContext);
    if (dob) {
      // Someone born over 110 years ago is long dead: a blue plaque's "born on 3 March 1842" is history, not personal data.
      const oldest = new Date((scheduledEpoch(ctx.post) ?? (ctx.settings.now ?? Date.now)())).getUTCFullYear() - 110;
      for (const m of matches(DATE, text)) {
        const year = Number(/(\d{4})\b/.exec(m[0])?.[1] ?? NaN);
        if (year < oldest) continue;
        // "founded on 14 May 1926": an organisation's founding date, even on its "birthday", is nobody's date of birth.
        if (FOUNDED.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
        // "children born between 01/09/2022 and 31/08/2023": a cohort's range is nobody's date of birth.
        if (COHORT.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
        if (near(dob, m.index, m.index + m[0].length, 40)) report(ctx, details, 'personal-data.date-of-birth', m.index, m.index + m[0].length);
      }
    }
    const vehicle = ctx.list(L.vehicleContext);
    if (vehicle) {
      for (const m of matches(VEHICLE, text)) {
        if (near(vehicle, m.index, m.index + m[0].length, 60)) report(ctx, details, 'personal-data.vehicle-registration', m.index, m.index + m[0].length);
      }
    }
  }

  // A named private individual next to their details or their age ("Jane Smith, 34," "John Smith, of Hillsborough").
  if (details.length === 0 && !AGE_ANYWHERE.test(text)) return;
  for (const n of ctx.names) {
    if (n.kind !== 'person' || n.title === 'cllr' || n.title === 'councillor') continue;
    const nextToDetails = details.some((d) => (d.start >= n.end && d.start - n.end <= 60) || (d.end <= n.start && n.start - d.end <= 30));
    if (nextToDetails || AGE_AFTER.test(text.slice(n.end, n.end + 40))) ctx.addView('personal-data.named-individual', n.start, n.end);
  }
}

/**
 * A shared mailbox's local part: one of the pack's role words ("enquiries"), or several run together or joined by
 * ".", "_" or "-" ("lostproperty", "council.tax", "bulky-waste2"). A person's address ("jo.bloggs", "jbloggs") does not
 * split into role words, so it is still reported.
 */
/** A mailbox's local part that reads as a person's: a known first name in it, or two or more name-like parts. */
export function looksPersonal(local: string, firstNames: ReadonlySet<string>): boolean {
  const parts = local.replace(/\d+$/, '').split(/[._-]+/).filter(Boolean);
  if (parts.some((p) => p.length >= 3 && firstNames.has(p))) return true;
  return parts.length >= 2 && parts.every((p) => /^[a-z]+$/.test(p));
}

export function isRoleMailbox(local: string, words: ReadonlySet<string>): boolean {
  const bare = local.replace(/\d+$/, '');
  if (words.has(local) || words.has(bare)) return true;
  const parts = bare.split(/[._-]+/).filter(Boolean);
  return parts.length > 0 && parts.every((part) => splitsIntoWords(part, words));
}

function splitsIntoWords(s: string, words: ReadonlySet<string>): boolean {
  // ok[i]: s.slice(0, i) splits into role words (each of two letters or more).
  const ok = new Array<boolean>(s.length + 1).fill(false);
  ok[0] = true;
  for (let i = 2; i <= s.length; i++) {
    for (let j = i - 2; j >= 0 && !ok[i]; j--) if (ok[j] && words.has(s.slice(j, i))) ok[i] = true;
  }
  return ok[s.length]!;
}
