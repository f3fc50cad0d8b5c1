/**
 * The page's one h1. It takes focus when it mounts, so after every change of screen a screen reader announces the
 * new page and keyboard users start from the top of its content. It also sets the window title.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function PageHeading({ children, title, caption }: { children: ReactNode; title: string; caption?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || el.closest('[hidden]')) return; // a screen kept behind the lock screen
    document.title = `${title} – Herald`;
    el.focus();
  }, [title]);
  return (
    <>
      {caption ? <span className="govuk-caption-l">{caption}</span> : null}
      <h1 className="govuk-heading-l" tabIndex={-1} ref={ref}>
        {children}
      </h1>
    </>
  );
}
