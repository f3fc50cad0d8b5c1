/**
 * GOV.UK notification banner for the result of something the user asked for. It sits inside a live region the
 * screen keeps mounted, so assistive technology announces each new result.
 */
import type { ReactNode } from 'react';

/** `alert` is Herald's own red variant, for results that need someone to act (such as a tampered audit log). */
type Props = { kind: 'success' | 'important' | 'alert'; title?: string; children: ReactNode };

const modifier = { success: ' govuk-notification-banner--success', important: '', alert: ' app-notification-banner--alert' };

export function Notification({ kind, title, children }: Props) {
  return (
    <div className={`govuk-notification-banner${modifier[kind]}`}>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title">{title ?? (kind === 'success' ? 'Success' : 'Important')}</h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}

/** A polite live region: render results inside it, keep the region itself mounted. */
export function LiveRegion({ children }: { children: ReactNode }) {
  return (
    <div aria-live="polite" aria-atomic="true">
      {children}
    </div>
  );
}

/** The usual result banner: a success message announced politely, or nothing. */
export function SuccessNotice({ message }: { message: string | null }) {
  return (
    <LiveRegion>
      {message ? (
        <Notification kind="success">
          <p className="govuk-notification-banner__heading">{message}</p>
        </Notification>
      ) : null}
    </LiveRegion>
  );
}
