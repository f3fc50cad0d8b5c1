/**
 * The frame every screen sits in: skip link, header, optional navigation, and the main landmark the skip link targets.
 */
import type { ReactNode } from 'react';
import { inPageLink } from '../ui/focus';

export function Page({ header, nav, children }: { header: ReactNode; nav?: ReactNode; children: ReactNode }) {
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" onClick={inPageLink('main-content')}>
        Skip to main content
      </a>
      {header}
      {nav}
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </>
  );
}
