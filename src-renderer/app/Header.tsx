/** The header: Herald's name (a link to the first screen), who is signed in, and Sign out. */
import type { SessionView } from './app-state';
import { routeHref, defaultRoute } from './routes';

export function Header({ session, onSignOut }: { session: SessionView | null; onSignOut?: () => void }) {
  return (
    <header className="govuk-template__header">
      <div className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container app-header__container">
          <div className="govuk-generic-header__logo">
            {session ? (
              <a href={routeHref(defaultRoute)} className="govuk-generic-header__homepage-link">
                Herald
              </a>
            ) : (
              <span className="govuk-generic-header__homepage-link">Herald</span>
            )}
          </div>
          {session && onSignOut ? (
            <div className="app-shell__user">
              <span>
                Signed in as <strong>{session.user.displayName}</strong>
              </span>
              <button type="button" className="govuk-button govuk-button--inverse" onClick={onSignOut}>
                Sign out
              </button>
            </div>
          ) : null}
        </div>
      </div>
    </header>
  );
}
