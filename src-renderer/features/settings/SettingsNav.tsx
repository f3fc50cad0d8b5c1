/**
 * Moves between the parts of Settings without leaving the screen (the hash keeps `#/settings`). It sits above the
 * page heading, as the MOJ sub-navigation does, so each part's heading is still the first stop after it takes focus.
 */
import type { MouseEvent } from 'react';

export const SECTIONS = [
  { key: 'general', label: 'General' },
  { key: 'organisation', label: 'Organisation and pre-election periods' },
  { key: 'rules', label: 'Policy rules' },
  { key: 'history', label: 'Version history' },
] as const;
export type SectionKey = (typeof SECTIONS)[number]['key'];

export function SettingsNav({ current, onChoose }: { current: SectionKey; onChoose(key: SectionKey): void }) {
  const choose = (key: SectionKey) => (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    onChoose(key);
  };
  return (
    <nav className="app-sub-navigation" aria-label="Settings sections">
      <ul className="app-sub-navigation__list">
        {SECTIONS.map((s) => (
          <li key={s.key} className="app-sub-navigation__item">
            <a className="app-sub-navigation__link govuk-link" href="#/settings" aria-current={s.key === current ? 'page' : undefined}
              onClick={choose(s.key)}>
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
