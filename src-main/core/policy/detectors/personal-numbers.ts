/**
 * UK personal numbers in a post (BAR 5a "Do not reveal or post any personal data", 9b; SYP Annex One "Never request
 * or disclose personal information"; R8): payment cards (Luhn), NHS numbers (mod 11, only with health context: the
 * check passes 9 % of random 10-digit strings), phone numbers, sort codes with account numbers, and National Insurance
 * numbers. Checked longest first, so one run of digits is reported once. The organisation's own numbers are not
 * personal data: 03, 08 and 09 numbers, short codes (101, 999, 111), configured numbers, and landlines introduced as
 * ours ("call us on"). Ofcom's drama numbers (07700 900xxx and the like) are flagged: they look real to a reader.
 */
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import type { CheckContext } from '../check-context';
import { L } from '../compile-pack';
import { near, type Hit } from '../phrase-index';
import { matches } from '../text-view';

export type Claimed = Hit[];

const claimedAt = (claimed: Claimed, s: number, e: number) => claimed.some((c) => c.start < e && c.end > s);

function luhn(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

export function nhsCheckDigitOk(d: string): boolean {
  if (!/^\d{10}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === d.charCodeAt(9) - 48;
}

/** Ofcom's numbers reserved for TV and radio drama: invalid to libphonenumber, but a reader cannot tell. */
const DRAMA = /^(?:01(?:1[3-8]|[2-6]1)4960\d{3}|01914980\d{3}|02079460\d{3}|02896496\d{3}|02920180\d{3}|01632960\d{3}|07700900\d{3})$/;
const validity = new Map<string, boolean>();

function plausibleUkNumber(national: string): boolean {
  if (DRAMA.test(national)) return true;
  let ok = validity.get(national);
  if (ok === undefined) {
    ok = isValidPhoneNumber(national, 'GB');
    if (validity.size > 10_000) validity.clear();
    validity.set(national, ok);
  }
  return ok;
}

const CARD = /(?<![\d])(?:\d[ -]?){12,18}\d(?![\d])/g;
const TEN = /(?<![\d])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d])/g;
const PHONE = /(?<![\d+])(?:(?:\+|00)44[ ]?(?:\(0\)[ ]?)?|\(?0)\d[\d \-()]{7,14}\d(?![\d])/g;
const SORT_CODE = /(?<![\d])\d{2}[- ]\d{2}[- ]\d{2}(?![\d-])/g;
const ACCOUNT = /(?<![\d])\d{8}(?![\d])/g;
/** Found by its digits first (cheap to scan for), then the two letters before them are checked. */
const NI_DIGITS = /(?<![\d])\d{2} ?\d{2} ?\d{2} ?[A-Da-d]\b/g;
const NI_BAD_PREFIX = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** Runs the number checks; returns the spans it reported (view coordinates) for the named-individual check. */
function report(ctx: CheckContext, claimed: Claimed, rule: string, s: number, e: number): void {
  claimed.push({ start: s, end: e });
  ctx.addView(rule, s, e);
}

export function detectPersonalNumbers(ctx: CheckContext): Claimed {
  const claimed: Claimed = [];
  const text = ctx.view.cased;
  if (!/\d\d/.test(text)) return claimed;

  let digits = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) - 48 >>> 0 < 10) digits++;
  if (digits >= 13) for (const m of matches(CARD, text)) {
    const d = m[0].replace(/\D/g, '');
    if (d.length >= 13 && d.length <= 19 && /^[2-6]/.test(d) && !/^(\d)\1+$/.test(d) && luhn(d)) report(ctx, claimed, 'personal-data.card-number', m.index, m.index + m[0].length);
  }
  const nhsContext = ctx.list(L.nhsContext);
  if (nhsContext && digits >= 10) {
    for (const m of matches(TEN, text)) {
      const s = m.index;
      const e = s + m[0].length;
      const d = m[0].replace(/\D/g, '');
      if (!claimedAt(claimed, s, e) && d[0] !== '0' && nhsCheckDigitOk(d) && near(nhsContext, s, e, 60)) report(ctx, claimed, 'personal-data.nhs-number', s, e);
    }
  }
  if (digits >= 10) for (const m of matches(PHONE, text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (claimedAt(claimed, s, e)) continue;
    let d = m[0].replace(/\D/g, '');
    if (d.startsWith('0044')) d = d.slice(2);
    if (d.startsWith('44')) d = `0${d.slice(2).replace(/^0/, '')}`;
    if (d.length < 10 || d.length > 11 || !/^0[1257]/.test(d)) continue; // 03, 08, 09: public-service and business numbers
    if (ctx.compiled.ownNumbers.has(d) || !plausibleUkNumber(d)) continue;
    if (d.startsWith('07')) report(ctx, claimed, 'personal-data.mobile', s, e);
    else if (!near(ctx.list(L.orgNumberCue), s, e, 40, 'before')) report(ctx, claimed, 'personal-data.landline', s, e);
  }
  for (const m of matches(NI_DIGITS, text)) {
    const head = /\b([A-Za-z]{2}) ?$/.exec(text.slice(Math.max(0, m.index - 3), m.index));
    if (!head) continue;
    const prefix = head[1]!.toUpperCase();
    const [a, b] = prefix;
    const valid = prefix === 'QQ' || (!'DFIQUV'.includes(a!) && !'DFIOQUV'.includes(b!) && !NI_BAD_PREFIX.has(prefix));
    if (valid) report(ctx, claimed, 'personal-data.ni-number', m.index - head[0].length, m.index + m[0].length);
  }
  const bankContext = ctx.list(L.bankContext);
  const accounts = digits >= 8 ? matches(ACCOUNT, text).filter((a) => !claimedAt(claimed, a.index, a.index + 8)) : [];
  if (digits >= 6) for (const m of matches(SORT_CODE, text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (claimedAt(claimed, s, e)) continue;
    const account = accounts.find((a) => Math.abs(a.index - e) <= 80 || Math.abs(s - (a.index + 8)) <= 80);
    if (account) report(ctx, claimed, 'personal-data.bank-account', Math.min(s, account.index), Math.max(e, account.index + 8));
    else if (near(bankContext, s, e, 40)) report(ctx, claimed, 'personal-data.bank-account', s, e);
  }
  if (bankContext && accounts.length) {
    for (const a of accounts) {
      if (!claimedAt(claimed, a.index, a.index + 8) && near(bankContext, a.index, a.index + 8, 40)) report(ctx, claimed, 'personal-data.bank-account', a.index, a.index + 8);
    }
  }
  return claimed;
}
