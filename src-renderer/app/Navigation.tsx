/** GOV.UK service navigation for the signed-in screens, with the current one marked for screen readers. */
import { routeHref, type RouteKey, type RouteSpec } from './routes';

type Props = { items: readonly RouteSpec[]; current: RouteKey; onCurrent(): void };

/** Choosing the screen you are already on moves focus to its heading, as opening it would. */
export function Navigation({ items, current, onCurrent }: Props) {
  return (
    <div className="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav aria-label="Herald" className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list" id="navigation">
              {items.map((item, i) => {
                const active = item.key === current;
                return (
                  <li
                    key={item.key}
                    className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}
                  >
                    <a
                      className="govuk-service-navigation__link"
                      href={routeHref(item.key)}
                      aria-current={active ? 'page' : undefined}
                      aria-keyshortcuts={i < 9 ? `Alt+${i + 1}` : undefined}
                      onClick={(e) => {
                        if (!active) return;
                        e.preventDefault();
                        onCurrent();
                      }}
                    >
                      {active ? <strong className="govuk-service-navigation__active-fallback">{item.label}</strong> : item.label}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}
