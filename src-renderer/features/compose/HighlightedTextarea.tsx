/**
 * A native textarea with a highlight layer behind it (DESIGN.md "Composer": screen readers, spellcheck and offsets
 * come free with the real control). The layer repeats the text, invisible, with <mark>s where findings are, and
 * scrolls with the textarea. It is hidden from assistive technology: the findings list is the accessible
 * presentation, and the textarea is tied to its counters and the findings summary with aria-describedby.
 */
import { forwardRef, useRef, type ReactNode, type UIEvent } from 'react';
import { Field } from '../../ui/Field';
import type { Severity } from './findings';

type Mark = { start: number; end: number; severity: Severity };
type Props = {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onChange(value: string): void;
  marks: Mark[];
  /** Ids of more text describing the control (its counters, the findings summary). */
  describedBy: string[];
  rows?: number;
  children?: ReactNode;
};

/** The text cut into plain runs and marked runs; overlapping findings are merged into the more severe mark. */
function pieces(text: string, marks: Mark[]): ReactNode[] {
  const rank: Record<Severity, number> = { block: 0, 'sign-off': 1, advice: 2 };
  const sorted = marks
    .map((m) => ({ ...m, start: Math.min(m.start, text.length), end: Math.min(m.end, text.length) }))
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start || rank[a.severity] - rank[b.severity]);
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of sorted) {
    const start = Math.max(m.start, at);
    if (start >= m.end) continue;
    if (start > at) out.push(text.slice(at, start));
    out.push(
      <mark key={`${start}-${m.end}`} className={`app-highlight__mark app-highlight__mark--${m.severity}`}>
        {text.slice(start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  out.push(text.slice(at));
  // A trailing newline needs a character after it to take up its line, as it does in the textarea.
  out.push('\u200b');
  return out;
}

export const HighlightedTextarea = forwardRef<HTMLTextAreaElement, Props>(function HighlightedTextarea(
  { id, label, hint, error, value, onChange, marks, describedBy, rows = 6, children },
  ref,
) {
  const backdrop = useRef<HTMLDivElement>(null);
  const onScroll = (e: UIEvent<HTMLTextAreaElement>) => {
    if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
  };
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(fieldDescribedBy) => (
        <>
          <div className="app-highlight">
            <div className="app-highlight__backdrop" aria-hidden="true" ref={backdrop}>
              {pieces(value, marks)}
            </div>
            <textarea
              ref={ref}
              className={`govuk-textarea app-highlight__input${error ? ' govuk-textarea--error' : ''}`}
              id={id}
              rows={rows}
              value={value}
              spellCheck
              onChange={(e) => onChange(e.target.value)}
              onScroll={onScroll}
              aria-describedby={[fieldDescribedBy, ...describedBy].filter(Boolean).join(' ') || undefined}
              aria-invalid={error ? true : undefined}
            />
          </div>
          {children}
        </>
      )}
    </Field>
  );
});
