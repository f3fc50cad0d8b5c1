/**
 * Settings (managers only), in parts: General (the idle lock), the organisation's facts and pre-election periods the
 * policy checks need, the policy rules (the rule pack), and the rule pack's version history. Each part has its own
 * heading, which takes focus when the part is chosen.
 */
import { useState } from 'react';
import { assertNever } from '../../app/app-state';
import { GeneralSettings } from './GeneralSettings';
import { OrganisationSettings } from './OrganisationSettings';
import { PolicyRules } from './PolicyRules';
import { SettingsNav, type SectionKey } from './SettingsNav';
import { VersionHistory } from './VersionHistory';

export function SettingsScreen() {
  const [section, setSection] = useState<SectionKey>('general');
  return (
    <>
      <SettingsNav current={section} onChoose={setSection} />
      <Section section={section} />
    </>
  );
}

function Section({ section }: { section: SectionKey }) {
  switch (section) {
    case 'general':
      return <GeneralSettings />;
    case 'organisation':
      return <OrganisationSettings />;
    case 'rules':
      return <PolicyRules />;
    case 'history':
      return <VersionHistory />;
    default:
      return assertNever(section);
  }
}
