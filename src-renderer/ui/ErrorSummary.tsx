/**
 * GOV.UK error summary. It takes focus when it appears (as govuk-frontend's script would), and each message links to
 * its field. Links move focus rather than the hash, which holds the current screen.
 */
import { useEffect, useRef } from 'react';
import { inPageLink } from './focus';

export type SummaryItem = { fieldId: string | null; text: string };

export function ErrorSummary({ items }: { items: SummaryItem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length) ref.current?.focus();
  }, [items]);
  if (!items.length) return null;
  return (
    <div className="govuk-error-summary" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {items.map((item, i) => (
              <li key={i}>
                {item.fieldId ? (
                  <a href={`#${item.fieldId}`} onClick={inPageLink(item.fieldId)}>
                    {item.text}
                  </a>
                ) : (
                  item.text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
