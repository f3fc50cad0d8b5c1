/**
 * A post's text with its findings marked where they are, for reading (the findings list is the primary,
 * screen-reader-friendly presentation; marks carry the rule in their title and a visually hidden label). Offsets are
 * UTF-16, as the engine reports them. Overlapping findings are drawn once, strictest first.
 */
import type { ReactNode } from 'react';
import type { FindingView } from '../../../src-main/ipc/contract';

type Span = { start: number; end: number; severity: FindingView['severity']; message: string };
const RANK = { block: 0, 'sign-off': 1, advice: 2 } as const;

export function HighlightedText({ text, findings }: { text: string; findings: readonly FindingView[] }) {
  const spans: Span[] = [];
  for (const f of [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.start - b.start)) {
    if (f.end <= f.start || f.end > text.length) continue;
    if (spans.some((s) => f.start < s.end && s.start < f.end)) continue;
    spans.push({ start: f.start, end: f.end, severity: f.severity, message: f.message });
  }
  spans.sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out.push(text.slice(at, s.start));
    out.push(
      <mark key={s.start} className={`app-finding-mark app-finding-mark--${s.severity}`} title={s.message}>
        <span className="govuk-visually-hidden">[{s.severity === 'sign-off' ? 'needs sign-off' : s.severity}: </span>
        {text.slice(s.start, s.end)}
        <span className="govuk-visually-hidden">]</span>
      </mark>,
    );
    at = s.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return <p className="govuk-body app-post-text">{out.length ? out : <span className="govuk-hint">(no text)</span>}</p>;
}
