/**
 * Which campaign the post belongs to (R12; BAR 5a: say how you will use the medium and over what period). Choose an
 * existing one, "No campaign", or create one here without leaving the post: its name, purpose, audience, period and
 * accounts are recorded by main. The create form is a group inside the post's form, so its button is not a submit.
 */
import { useState } from 'react';
import type { AccountView, CampaignView } from '../../../src-main/ipc/contract';
import { call } from '../../api/client';
import { Checkboxes } from '../../ui/Checkboxes';
import { DateInput, dateParts, emptyDate, type DateParts } from '../../ui/DateInput';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { formErrorsFrom, localErrors, noErrors, type FormErrors } from '../../ui/form-errors';
import { formatCalendarDate } from '../../ui/format';
import { Textarea } from '../../ui/Textarea';
import { TextInput } from '../../ui/TextInput';
import { accountName } from '../accounts/account-text';

export const CAMPAIGN_ID = 'compose-campaign';
const ids = {
  name: 'new-campaign-name',
  purpose: 'new-campaign-purpose',
  audience: 'new-campaign-audience',
  startsOn: 'new-campaign-start',
  endsOn: 'new-campaign-end',
  accountIds: 'new-campaign-accounts',
};

type Props = {
  campaigns: CampaignView[];
  accounts: AccountView[];
  chosenAccountIds: string[];
  value: string | null;
  onChange(id: string | null): void;
  onCreated(c: CampaignView): void;
};

export function CampaignChooser({ campaigns, accounts, chosenAccountIds, value, onChange, onCreated }: Props) {
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [audience, setAudience] = useState('');
  const [start, setStart] = useState<DateParts>(emptyDate);
  const [end, setEnd] = useState<DateParts>(emptyDate);
  const [accountIds, setAccountIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const open = () => {
    setAccountIds(chosenAccountIds);
    setErrors(noErrors);
    setCreating(true);
    setTimeout(() => document.getElementById(ids.name)?.focus(), 0);
  };

  async function create() {
    if (busy) return;
    const s = dateParts(start);
    const e = dateParts(end);
    const found: Array<[string, string]> = [];
    if ('error' in s || s.iso === null) found.push(['startsOn', 'error' in s ? s.error.replace(', or leave the date blank', '') : 'Enter the date the campaign starts']);
    if ('error' in e || e.iso === null) found.push(['endsOn', 'error' in e ? e.error.replace(', or leave the date blank', '') : 'Enter the date the campaign ends']);
    if (!('error' in s) && !('error' in e) && s.iso && e.iso && e.iso < s.iso) found.push(['endsOn', 'The end date must be the same as or after the start date']);
    if (found.length) return setErrors(localErrors(found, ids));
    setBusy(true);
    try {
      const c = await call('campaigns:create', { name, purpose, audience, startsOn: (s as { iso: string }).iso, endsOn: (e as { iso: string }).iso, accountIds });
      onCreated(c);
      onChange(c.id);
      setCreating(false);
      setName('');
      setPurpose('');
      setAudience('');
      setStart(emptyDate);
      setEnd(emptyDate);
      setErrors(noErrors);
      setTimeout(() => document.getElementById(CAMPAIGN_ID)?.focus(), 0);
    } catch (err) {
      setErrors(formErrorsFrom(err, ids));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="app-compose-section" aria-labelledby="compose-campaign-heading">
      <h2 className="govuk-heading-m" id="compose-campaign-heading">
        Campaign
      </h2>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={CAMPAIGN_ID}>
          Campaign this post belongs to
        </label>
        <select className="govuk-select" id={CAMPAIGN_ID} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">No campaign</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({formatCalendarDate(c.startsOn)} to {formatCalendarDate(c.endsOn)})
            </option>
          ))}
        </select>
      </div>
      {creating ? (
        <div className="app-compose-panel" role="group" aria-labelledby="new-campaign-heading">
          <h3 className="govuk-heading-s" id="new-campaign-heading">
            New campaign
          </h3>
          <ErrorSummary items={errors.summary} />
          <TextInput id={ids.name} label="Campaign name" value={name} onChange={setName} error={errors.fields.name} widthClass="govuk-input--width-30" />
          <Textarea id={ids.purpose} label="Purpose" hint="What the campaign is for and what it should achieve" value={purpose} onChange={setPurpose}
            error={errors.fields.purpose} rows={2} />
          <Textarea id={ids.audience} label="Audience" hint="Who the campaign is for" value={audience} onChange={setAudience} error={errors.fields.audience} rows={2} />
          <DateInput id={ids.startsOn} legend="Starts on" hint="For example, 1 6 2026" value={start} onChange={setStart} error={errors.fields.startsOn} />
          <DateInput id={ids.endsOn} legend="Ends on" hint="For example, 30 6 2026" value={end} onChange={setEnd} error={errors.fields.endsOn} />
          <Checkboxes id={ids.accountIds} legend="Campaign accounts" hint="The accounts the campaign posts to"
            options={accounts.map((a) => ({ value: a.id, label: accountName(a) }))} value={accountIds} onChange={setAccountIds}
            error={errors.fields.accountIds} />
          <div className="govuk-button-group">
            <button type="button" className="govuk-button" aria-disabled={busy} onClick={() => void create()}>
              Create campaign
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setCreating(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={open}>
          Create a new campaign
        </button>
      )}
    </section>
  );
}
