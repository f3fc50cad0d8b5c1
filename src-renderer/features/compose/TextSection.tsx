/**
 * The post's words (R6, R7): one shared text and, for any chosen account, its own version instead ("Write a
 * different version for ..."). Each text shows a counter for every account that posts it, and highlights the
 * passages its findings point at. Textareas register themselves so "Show in the text" can select a passage.
 */
import type { AccountView } from '../../../src-main/ipc/contract';
import { accountName } from '../accounts/account-text';
import { Counters } from './Counters';
import { FINDINGS_SUMMARY_ID } from './FindingsList';
import { marksFor, type ShownFinding } from './findings';
import { HighlightedTextarea } from './HighlightedTextarea';

export const TEXT_ID = 'compose-text';
export const variantId = (accountId: string) => `compose-text-${accountId}`;

type Props = {
  chosen: AccountView[];
  baseText: string;
  variants: Record<string, string>;
  findings: ShownFinding[];
  error?: string | undefined;
  onBase(text: string): void;
  onVariant(accountId: string, text: string | null): void;
};

export function TextSection({ chosen, baseText, variants, findings, error, onBase, onVariant }: Props) {
  const shared = chosen.filter((a) => !(a.id in variants));
  const own = chosen.filter((a) => a.id in variants);
  return (
    <section className="app-compose-section" aria-labelledby="compose-text-heading">
      <h2 className="govuk-heading-m" id="compose-text-heading">
        Post
      </h2>
      <HighlightedTextarea id={TEXT_ID} label={own.length ? 'Shared text' : 'Post text'} rows={7}
        hint={chosen.length ? 'Every account gets this text unless you write a different version for it.' : 'Choose the accounts above to see how each platform counts it.'}
        value={baseText} onChange={onBase} marks={marksFor(findings, { kind: 'base' })} error={error}
        describedBy={[shared.length ? `${TEXT_ID}-counts` : '', FINDINGS_SUMMARY_ID]}>
        <Counters id={`${TEXT_ID}-counts`} accounts={shared} text={baseText} />
      </HighlightedTextarea>
      {shared.length ? (
        <ul className="govuk-list app-variant-buttons">
          {shared.map((a) => (
            <li key={a.id}>
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" onClick={() => onVariant(a.id, baseText)}>
                Write a different version for {accountName(a)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {own.map((a) => {
        const text = variants[a.id] ?? '';
        return (
          <div key={a.id} className="app-variant">
            <HighlightedTextarea id={variantId(a.id)} label={`Text for ${accountName(a)}`} rows={5}
              hint={`Only ${accountName(a)} gets this version.`} value={text} onChange={(t) => onVariant(a.id, t)}
              marks={marksFor(findings, { kind: 'variant', accountId: a.id })} describedBy={[`${variantId(a.id)}-counts`, FINDINGS_SUMMARY_ID]}>
              <Counters id={`${variantId(a.id)}-counts`} accounts={[a]} text={text} />
            </HighlightedTextarea>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onVariant(a.id, null)}>
              Use the shared text for {accountName(a)}
            </button>
          </div>
        );
      })}
    </section>
  );
}
