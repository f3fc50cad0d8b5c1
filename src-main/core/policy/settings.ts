/**
 * The organisation's own facts the checks need, kept apart from the rule pack because they describe the
 * organisation rather than the policy: its names, domains and public phone numbers (not personal data: BAR 5a is
 * about individuals), office hours and nation for bank holidays (ICO13 4.2, SYP 5, R14), pre-election periods
 * (ICO13 3.4, BAR 9f, R11) and candidate names (R10).
 */
import { z } from 'zod';

export const NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Nation = (typeof NATIONS)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM, 24-hour');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

export const policySettingsSchema = z.object({
  /** How the organisation names itself ("Anytown Borough Council", "the council"): used to tell our account from another's. */
  organisationNames: z.array(z.string().min(1)),
  nation: z.enum(NATIONS),
  /** Office hours in Europe/London; days are ISO weekdays, 1 = Monday ... 7 = Sunday. */
  officeHours: z.object({ start: hhmm, end: hhmm, days: z.array(z.number().int().min(1).max(7)) }),
  /** Pre-election (purdah) periods, inclusive dates in Europe/London. */
  preElectionPeriods: z.array(z.object({ name: z.string().min(1), start: isoDate, end: isoDate })),
  /** The organisation's own domains: links to them are fine, and role mailboxes on them are not personal data. */
  organisationDomains: z.array(z.string().min(1)),
  /** Further link domains the organisation allows (partners, campaigns). */
  allowedLinkDomains: z.array(z.string().min(1)),
  /** The organisation's published numbers (switchboard, helplines): never personal data. 101, 999, 03 and 08 numbers never are. */
  organisationPhoneNumbers: z.array(z.string().min(1)),
  /** Shared mailboxes that are not personal data, in full (e.g. "bins@anytown.gov.uk"). */
  roleMailboxes: z.array(z.string().min(1)),
  /** Candidates standing in an election (R10, R11). */
  candidates: z.array(z.string().min(1)),
  /** Limits read from the account's own service, e.g. a Mastodon instance's character limit. */
  platformLimits: z.record(z.string(), z.object({ maxLength: z.number().int().positive().optional() })).optional(),
});

export type PolicySettings = z.infer<typeof policySettingsSchema> & {
  /** The clock used for posts without `scheduledAt` (they go out when approved): epoch ms. Defaults to Date.now. */
  now?: () => number;
};

export function defaultPolicySettings(): PolicySettings {
  return {
    organisationNames: [],
    nation: 'england-and-wales',
    officeHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
    preElectionPeriods: [],
    organisationDomains: [],
    allowedLinkDomains: [],
    organisationPhoneNumbers: [],
    roleMailboxes: [],
    candidates: [],
  };
}

export type SettingsValidation = { ok: true; settings: PolicySettings } | { ok: false; errors: string[] };

/** Validates settings read from a file (`herald check --data-dir`), filling gaps from the defaults. */
export function validatePolicySettings(json: unknown): SettingsValidation {
  const base = defaultPolicySettings();
  const merged = json && typeof json === 'object' && !Array.isArray(json) ? { ...base, ...(json as object) } : json;
  const r = policySettingsSchema.safeParse(merged);
  if (r.success) return { ok: true, settings: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'settings'}: ${i.message}`) };
}
