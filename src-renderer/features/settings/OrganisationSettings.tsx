/**
 * Settings, Organisation and pre-election periods (managers only): the organisation's own facts the policy checks
 * need (R10, R11, R14) - its names, domains, published numbers and shared mailboxes (never flagged as personal data),
 * office hours and nation (for bank holidays), candidates, and pre-election periods. Main validates and audits the
 * change; dates are checked here first so each message sits by its own date.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { PolicySettingsView } from '../../../src-main/ipc/contract';
import { call } from '../../api/client';
import { Checkboxes } from '../../ui/Checkboxes';
import { dateParts } from '../../ui/DateInput';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { formErrorsFrom, localErrors, noErrors, type FormErrors } from '../../ui/form-errors';
import { LoadProblem } from '../../ui/LoadProblem';
import { LiveRegion, Notification } from '../../ui/Notification';
import { PageHeading } from '../../ui/PageHeading';
import { Textarea } from '../../ui/Textarea';
import { TextInput } from '../../ui/TextInput';
import { useLoad } from '../../ui/use-load';
import { Radios } from '../accounts/Radios';
import { linesOf, partsFromIso, textOf } from './list-text';
import { PreElectionPeriods, newPeriod, periodIds, type PeriodDraft } from './PreElectionPeriods';

type Nation = PolicySettingsView['nation'];
type Draft = {
  organisationNames: string;
  nation: Nation;
  officeStart: string;
  officeEnd: string;
  days: string[];
  organisationDomains: string;
  allowedLinkDomains: string;
  organisationPhoneNumbers: string;
  roleMailboxes: string;
  candidates: string;
  periods: PeriodDraft[];
};

const ids = {
  organisationNames: 'org-names',
  nation: 'org-nation',
  officeStart: 'org-office-start',
  officeEnd: 'org-office-end',
  days: 'org-office-days',
  organisationDomains: 'org-domains',
  allowedLinkDomains: 'org-allowed-domains',
  organisationPhoneNumbers: 'org-phone-numbers',
  roleMailboxes: 'org-mailboxes',
  candidates: 'org-candidates',
};
/** Main's field names, for its messages. */
const serverIds = { ...ids, officeHours: ids.officeStart, preElectionPeriods: 'period-list' };

const nations: { value: Nation; label: string }[] = [
  { value: 'england-and-wales', label: 'England and Wales' },
  { value: 'scotland', label: 'Scotland' },
  { value: 'northern-ireland', label: 'Northern Ireland' },
];
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((label, i) => ({ value: String(i + 1), label }));

function draftOf(s: PolicySettingsView): Draft {
  return {
    organisationNames: textOf(s.organisationNames),
    nation: s.nation,
    officeStart: s.officeHours.start,
    officeEnd: s.officeHours.end,
    days: s.officeHours.days.map(String),
    organisationDomains: textOf(s.organisationDomains),
    allowedLinkDomains: textOf(s.allowedLinkDomains),
    organisationPhoneNumbers: textOf(s.organisationPhoneNumbers),
    roleMailboxes: textOf(s.roleMailboxes),
    candidates: textOf(s.candidates),
    periods: s.preElectionPeriods.map((p) => newPeriod({ name: p.name, start: partsFromIso(p.start), end: partsFromIso(p.end) })),
  };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The settings to send, or the problems to show by their fields. */
function settingsOf(d: Draft): { settings: PolicySettingsView } | { problems: Array<[string, string]> } {
  const problems: Array<[string, string]> = [];
  if (!TIME.test(d.officeStart.trim())) problems.push([ids.officeStart, 'Enter the start of office hours as HH:MM, for example 09:00']);
  if (!TIME.test(d.officeEnd.trim())) problems.push([ids.officeEnd, 'Enter the end of office hours as HH:MM, for example 17:00']);
  const periods: PolicySettingsView['preElectionPeriods'] = [];
  d.periods.forEach((p, i) => {
    const pid = periodIds(p.key);
    const n = i + 1;
    if (!p.name.trim()) problems.push([pid.name, `Enter a name for pre-election period ${n}`]);
    const start = dateParts(p.start);
    const end = dateParts(p.end);
    const startIso = 'iso' in start ? start.iso : null;
    const endIso = 'iso' in end ? end.iso : null;
    if (!startIso) problems.push([pid.start, 'error' in start ? `Pre-election period ${n} start: ${start.error}` : `Enter the date pre-election period ${n} starts`]);
    if (!endIso) problems.push([pid.end, 'error' in end ? `Pre-election period ${n} end: ${end.error}` : `Enter the date pre-election period ${n} ends`]);
    if (startIso && endIso && endIso < startIso) problems.push([pid.end, `Pre-election period ${n} must end on or after the day it starts`]);
    if (startIso && endIso) periods.push({ name: p.name.trim(), start: startIso, end: endIso });
  });
  if (problems.length) return { problems };
  return {
    settings: {
      organisationNames: linesOf(d.organisationNames),
      nation: d.nation,
      officeHours: { start: d.officeStart.trim(), end: d.officeEnd.trim(), days: d.days.map(Number).sort() },
      preElectionPeriods: periods,
      organisationDomains: linesOf(d.organisationDomains),
      allowedLinkDomains: linesOf(d.allowedLinkDomains),
      organisationPhoneNumbers: linesOf(d.organisationPhoneNumbers),
      roleMailboxes: linesOf(d.roleMailboxes),
      candidates: linesOf(d.candidates),
    },
  };
}

export function OrganisationSettings() {
  const loaded = useLoad(() => call('policy:get-settings', {}));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (loaded.data) setDraft(draftOf(loaded.data));
  }, [loaded.data]);

  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !draft) return;
    setSaved(false);
    const r = settingsOf(draft);
    if ('problems' in r) return setErrors(localErrors(r.problems, Object.fromEntries(r.problems.map(([id]) => [id, id]))));
    setBusy(true);
    try {
      const next = await call('policy:update-settings', r.settings);
      setDraft(draftOf(next));
      setErrors(noErrors);
      setSaved(true);
    } catch (err) {
      setErrors(formErrorsFrom(err, serverIds));
    } finally {
      setBusy(false);
    }
  }

  const f = errors.fields;
  return (
    <>
      <ErrorSummary items={errors.summary} />
      <PageHeading title="Organisation and pre-election periods – Settings" caption="Settings">
        Organisation and pre-election periods
      </PageHeading>
      <LiveRegion>
        {saved ? (
          <Notification kind="success">
            <p className="govuk-notification-banner__heading">Saved. Policy checks now use these organisation settings.</p>
          </Notification>
        ) : null}
      </LiveRegion>
      {loaded.error ? <LoadProblem message={loaded.error} onRetry={() => void loaded.reload()} /> : null}
      {draft ? (
        <form onSubmit={submit} noValidate aria-label="Organisation and pre-election periods">
          <Textarea id={ids.organisationNames} label="Organisation names" rows={3} value={draft.organisationNames}
            onChange={set('organisationNames')} error={f.organisationNames}
            hint="One a line, as posts name you, for example Anytown Borough Council. Used to tell your account from someone pretending to be you." />
          <Textarea id={ids.organisationDomains} label="Your own web domains" rows={3} value={draft.organisationDomains}
            onChange={set('organisationDomains')} error={f.organisationDomains}
            hint="One a line, for example anytown.gov.uk. Links to them are fine, and mailboxes on them are not personal data." />
          <Textarea id={ids.allowedLinkDomains} label="Other link domains you allow" rows={3} value={draft.allowedLinkDomains}
            onChange={set('allowedLinkDomains')} error={f.allowedLinkDomains}
            hint="One a line: partners and campaigns. Links elsewhere are flagged for a check." />
          <Textarea id={ids.organisationPhoneNumbers} label="Published phone numbers" rows={3} value={draft.organisationPhoneNumbers}
            onChange={set('organisationPhoneNumbers')} error={f.organisationPhoneNumbers}
            hint="One a line: switchboards and helplines, for example 0114 496 0123. These are never flagged as personal data." />
          <Textarea id={ids.roleMailboxes} label="Shared mailboxes" rows={3} value={draft.roleMailboxes}
            onChange={set('roleMailboxes')} error={f.roleMailboxes} hint="One a line, in full, for example bins@anytown.gov.uk." />
          <TextInput id={ids.officeStart} label="Office hours start" hint="24-hour time, for example 09:00" value={draft.officeStart}
            onChange={set('officeStart')} error={f[ids.officeStart] ?? f.officeHours} widthClass="govuk-input--width-5" />
          <TextInput id={ids.officeEnd} label="Office hours end" hint="24-hour time, for example 17:00" value={draft.officeEnd}
            onChange={set('officeEnd')} error={f[ids.officeEnd]} widthClass="govuk-input--width-5" />
          <Checkboxes id={ids.days} legend="Office days" hint="Posts inviting replies outside these days and hours are flagged."
            options={weekdays} value={draft.days} onChange={set('days')} error={f.days} />
          <Radios id={ids.nation} name="nation" legend="Bank holidays to follow" options={nations} value={draft.nation}
            onChange={set('nation')} error={f.nation} small />
          <Textarea id={ids.candidates} label="Candidates standing in an election" rows={3} value={draft.candidates}
            onChange={set('candidates')} error={f.candidates}
            hint="One name a line. During a pre-election period, a post naming one of them is blocked." />
          <div id="period-list">
            <PreElectionPeriods periods={draft.periods} errors={f} onChange={set('periods')} />
          </div>
          <button type="submit" className="govuk-button" aria-disabled={busy}>
            Save organisation settings
          </button>
        </form>
      ) : null}
    </>
  );
}
