/**
 * The questions every account answers (R1, R12): who owns it, what it is for, and whether it is a lasting corporate
 * account or a time-limited campaign account with a start and an end date. Shared by "Connect an account" and
 * "Change details". Main checks everything again; the checks here only save a round trip for dates.
 */
import type { AccountView } from '../../../src-main/ipc/contract';
import { DateInput, dateParts, emptyDate, type DateParts } from '../../ui/DateInput';
import { TextInput } from '../../ui/TextInput';
import type { AccountKind } from './account-text';
import { Radios } from './Radios';
import { Textarea } from '../../ui/Textarea';

export type DetailsDraft = { owner: string; purpose: string; kind: AccountKind | ''; startsOn: DateParts; endsOn: DateParts };
export const emptyDetails: DetailsDraft = { owner: '', purpose: '', kind: '', startsOn: emptyDate, endsOn: emptyDate };

export type DetailsInput = {
  owner: string;
  purpose: string;
  kind: AccountKind;
  campaignStartsOn: string | null;
  campaignEndsOn: string | null;
};

/** The element ids for a form's detail fields, keyed by the input names main uses in its error fields. */
export function detailFieldIds(prefix: string) {
  return {
    owner: `${prefix}-owner`,
    purpose: `${prefix}-purpose`,
    kind: `${prefix}-kind`,
    campaignStartsOn: `${prefix}-starts`,
    campaignEndsOn: `${prefix}-ends`,
  };
}

function toParts(iso: string | null): DateParts {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : emptyDate;
}

export function draftFrom(a: AccountView): DetailsDraft {
  return { owner: a.owner, purpose: a.purpose, kind: a.kind, startsOn: toParts(a.campaignStartsOn), endsOn: toParts(a.campaignEndsOn) };
}

/** The details to send, or the problems to show first (a missing choice, a date that is not a real date). */
export function readDetails(d: DetailsDraft): { input: DetailsInput } | { problems: Array<[string, string]> } {
  const problems: Array<[string, string]> = [];
  if (!d.kind) problems.push(['kind', 'Select whether this is a corporate account or a campaign account']);
  let starts: string | null = null;
  let ends: string | null = null;
  if (d.kind === 'campaign') {
    const s = dateParts(d.startsOn);
    const e = dateParts(d.endsOn);
    if ('error' in s) problems.push(['campaignStartsOn', s.error]);
    else if (!s.iso) problems.push(['campaignStartsOn', 'Enter the date the campaign starts']);
    else starts = s.iso;
    if ('error' in e) problems.push(['campaignEndsOn', e.error]);
    else if (!e.iso) problems.push(['campaignEndsOn', 'Enter the date the campaign ends']);
    else ends = e.iso;
    if (starts && ends && ends < starts) problems.push(['campaignEndsOn', 'Enter an end date on or after the start date']);
  }
  if (problems.length || !d.kind) return { problems };
  return { input: { owner: d.owner, purpose: d.purpose, kind: d.kind, campaignStartsOn: starts, campaignEndsOn: ends } };
}

type Props = { prefix: string; value: DetailsDraft; onChange(next: DetailsDraft): void; errors: Record<string, string> };

export function AccountDetailsFields({ prefix, value, onChange, errors }: Props) {
  const ids = detailFieldIds(prefix);
  const set = (patch: Partial<DetailsDraft>) => onChange({ ...value, ...patch });
  return (
    <>
      <TextInput id={ids.owner} label="Owner" hint="The team or person responsible for this account, for example Communications team"
        value={value.owner} onChange={(owner) => set({ owner })} error={errors.owner} autoComplete="off"
        widthClass="govuk-input--width-30" />
      <Textarea id={ids.purpose} label="Purpose" hint="What the account is for, for example news and service updates for residents"
        value={value.purpose} onChange={(purpose) => set({ purpose })} error={errors.purpose} />
      <Radios<AccountKind>
        id={ids.kind}
        name={`${prefix}-kind`}
        legend="Is this a corporate account or a campaign account?"
        error={errors.kind}
        value={value.kind}
        onChange={(kind) => set({ kind })}
        options={[
          { value: 'corporate', label: 'Corporate account', hint: 'A lasting account for the organisation' },
          {
            value: 'campaign',
            label: 'Campaign account',
            hint: 'A time-limited account for one campaign, with a start and an end date',
            reveal: (
              <>
                <DateInput id={ids.campaignStartsOn} legend="Campaign starts" hint="For example, 1 6 2026" value={value.startsOn}
                  onChange={(startsOn) => set({ startsOn })} error={errors.campaignStartsOn} />
                <DateInput id={ids.campaignEndsOn} legend="Campaign ends" hint="For example, 30 6 2026" value={value.endsOn}
                  onChange={(endsOn) => set({ endsOn })} error={errors.campaignEndsOn} />
              </>
            ),
          },
        ]}
      />
    </>
  );
}
