/**
 * Compiles a validated rule pack and the organisation's settings once, so every check is a scan, not a set-up
 * (issue 5, speed): every phrase list into one Aho-Corasick automaton, organisation patterns into RE2 programs
 * (linear time whatever the pattern), obscenity's matcher, and the lists detectors look things up in as sets.
 */
import { RE2JS } from 're2js';
import { CueModel } from './cue-model';
import { ownNameForms, type OwnNames } from './detectors/own-name';
import { expandPhrases } from './inflect';
import { PhraseIndex } from './phrase-index';
import { ProfanityMatcher } from './profanity-matcher';
import { WordTable } from './word-table';
import type { PackRule, RulePack } from './rule-pack';
import type { PolicySettings } from './settings';

/** Keys of the phrase lists in the automaton. */
const keys = (prefix: string, suffix = '') => Array.from({ length: 512 }, (_, i) => `${prefix}${i}${suffix}`);
const CUE = keys('cue:');
const CUE_REQUIRES = keys('cue:', ':requires');
const CUE_REQUIRES_MORE = Array.from({ length: 4 }, (_, k) => keys('cue:', `:requires:${k + 1}`));
const CUE_UNLESS = keys('cue:', ':unless');
const CUE_UNLESS_MORE = Array.from({ length: 4 }, (_, k) => keys('cue:', `:unless:${k + 1}`));
const PATTERN = keys('pattern:');

export const L = {
  // Keys are made once: building the string on every look-up showed up in profiles.
  cue: (i: number) => CUE[i] ?? `cue:${i}`,
  /** The k-th condition of cue list i (k = 0 for a single `requires`). */
  cueRequires: (i: number, k = 0) => (k === 0 ? CUE_REQUIRES[i] : CUE_REQUIRES_MORE[k - 1]?.[i]) ?? `cue:${i}:requires${k ? `:${k}` : ''}`,
  cueUnless: (i: number, k = 0) => (k === 0 ? CUE_UNLESS[i] : CUE_UNLESS_MORE[k - 1]?.[i]) ?? `cue:${i}:unless${k ? `:${k}` : ''}`,
  patternTrigger: (i: number) => PATTERN[i] ?? `pattern:${i}`,
  ownNames: 'org:names',
  candidates: 'party:candidates',
  partyUnambiguous: 'party:unambiguous',
  partyAmbiguous: 'party:ambiguous',
  partyContext: 'party:context',
  partyCampaign: 'party:campaign',
  nhsContext: 'pd:nhs',
  dobContext: 'pd:dob',
  vehicleContext: 'pd:vehicle',
  bankContext: 'pd:bank',
  orgNumberCue: 'pd:org-number',
  publicPlace: 'pd:public-place',
  profanityAllow: 'profanity:allow',
  replyInvite: 'ooh:invite',
  notInvite: 'ooh:not',
} as const;

export type CompiledPattern = { rule: string; re: RE2JS; triggers: boolean };

export type CompiledPack = {
  pack: RulePack;
  version: string;
  rules: Record<string, PackRule>;
  phrases: PhraseIndex;
  /** The pack's cue classifier, or null when the pack has none (packs before 1.2.0). */
  model: CueModel | null;
  profanity: ProfanityMatcher;
  words: WordTable;
  /** Each cue list's conditions as a list (a single `requires` is a list of one). */
  cueRequires: Array<Array<{ key: string; within?: number; side?: 'before' | 'after' | 'either'; gap?: 'capitalised' }>>;
  /** Each cue list's "unless" conditions as a list. */
  cueUnless: Array<Array<{ key: string; within?: number; side?: 'before' | 'after' | 'either' }>>;
  /** Each cue's trigger list, as the key its hits are kept under (shared lists resolved once, here). */
  cueKeys: string[];
  /** The cues (by index, ascending) each trigger key starts: a check looks only at cues whose trigger has hits. */
  cuesByKey: Map<string, number[]>;
  patterns: CompiledPattern[];
  ambiguousParties: Map<string, { word: string; followedBy: string[]; precededBy: string[]; midSentence: boolean }>;
  sets: {
    roleMailboxes: Set<string>;
    firstNames: Set<string>;
    titles: Set<string>;
    streetTypes: Set<string>;
    acronyms: Set<string>;
    organisationSuffixes: Set<string>;
    notNames: Set<string>;
    hashtagWords: Set<string>;
    unhelpfulAlt: Set<string>;
  };
  /** Domains, lowercased: the organisation's, allowed link domains (ours, configured and the pack's), shorteners. */
  domains: { own: string[]; allowed: string[]; shorteners: string[] };
  /** The organisation's own phone numbers as national digits ("01142734567"). */
  ownNumbers: Set<string>;
  ownMailboxes: Set<string>;
  /** The organisation's names as the own-name check compares them (detectors/own-name.ts). */
  ownNameForms: OwnNames;
};

const lower = (xs: readonly string[]) => xs.map((x) => x.trim().toLowerCase()).filter(Boolean);

/** "0114 273 4567", "+44 114 273 4567" -> "01142734567"; short codes (101, 999) stay as they are. */
export function nationalDigits(s: string): string {
  let d = s.replace(/\D/g, '');
  if (d.startsWith('0044')) d = d.slice(2);
  if (d.startsWith('44') && d.length >= 11) d = `0${d.slice(2).replace(/^0/, '')}`;
  return d;
}

export function compilePack(pack: RulePack, settings: PolicySettings): CompiledPack {
  const phrases = new PhraseIndex();
  // "~" words inflected and "@lexicon" references expanded once, here (inflect.ts).
  const x = (list: readonly string[]) => expandPhrases(list, pack.lexicons);
  const cueRequires: CompiledPack['cueRequires'] = [];
  const cueUnless: CompiledPack['cueUnless'] = [];
  const cueKeys: string[] = [];
  pack.cues.forEach((c, i) => {
    cueKeys.push(phrases.addShared(L.cue(i), x(c.phrases), c.caseSensitive ?? false));
    const reqs = c.requires === undefined ? [] : Array.isArray(c.requires) ? c.requires : [c.requires];
    cueRequires.push(reqs.map(({ phrases: ps, within, side, gap }, k) => ({ key: phrases.addShared(L.cueRequires(i, k), x(ps)), within, side, gap })));
    const unl = c.unless === undefined ? [] : Array.isArray(c.unless) ? c.unless : [c.unless];
    cueUnless.push(unl.map(({ phrases: ps, within, side }, k) => ({ key: phrases.addShared(L.cueUnless(i, k), x(ps)), within, side })));
  });
  const cuesByKey = new Map<string, number[]>();
  cueKeys.forEach((key, i) => {
    const ids = cuesByKey.get(key);
    if (ids) ids.push(i);
    else cuesByKey.set(key, [i]);
  });
  pack.patterns.forEach((p, i) => {
    if (p.triggers?.length) phrases.add(L.patternTrigger(i), p.triggers);
  });
  phrases.add(L.ownNames, settings.organisationNames);
  phrases.add(L.candidates, settings.candidates);
  phrases.add(L.partyUnambiguous, x(pack.parties.unambiguous));
  phrases.add(L.partyAmbiguous, pack.parties.ambiguous.map((a) => a.word));
  phrases.add(L.partyContext, x(pack.parties.politicalContext));
  phrases.add(L.partyCampaign, x(pack.parties.campaignCues));
  phrases.add(L.nhsContext, pack.personalData.nhsContext);
  phrases.add(L.dobContext, pack.personalData.dobContext);
  phrases.add(L.vehicleContext, pack.personalData.vehicleContext);
  phrases.add(L.bankContext, pack.personalData.bankContext);
  phrases.add(L.orgNumberCue, pack.personalData.organisationNumberCues);
  phrases.add(L.publicPlace, pack.personalData.publicPlaceCues);
  phrases.add(L.profanityAllow, pack.profanity.allowPhrases);
  phrases.add(L.replyInvite, pack.outOfHours.replyInvites);
  phrases.add(L.notInvite, pack.outOfHours.notInvites);
  phrases.compile();

  const ambiguousParties: CompiledPack['ambiguousParties'] = new Map();
  for (const a of pack.parties.ambiguous)
    ambiguousParties.set(a.word.toLowerCase(), { word: a.word, followedBy: lower(a.followedBy), precededBy: lower(a.precededBy), midSentence: a.midSentence ?? false });

  const profanity = new ProfanityMatcher(pack.profanity);
  return {
    pack,
    version: `${pack.packId}@${pack.version}`,
    rules: pack.rules,
    phrases,
    model: pack.classifier ? new CueModel(pack.classifier) : null,
    profanity,
    words: new WordTable(profanity),
    cueRequires,
    cueUnless,
    cueKeys,
    cuesByKey,
    patterns: pack.patterns.map((p) => ({
      rule: p.rule,
      re: RE2JS.compile(p.pattern, p.caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0),
      triggers: Boolean(p.triggers?.length),
    })),
    ambiguousParties,
    sets: {
      roleMailboxes: new Set(lower(pack.personalData.roleMailboxes)),
      firstNames: new Set(lower(pack.personalData.firstNames)),
      titles: new Set(lower(pack.personalData.titles)),
      streetTypes: new Set(lower(pack.personalData.streetTypes)),
      acronyms: new Set(pack.accessibility.acronyms.map((a) => a.trim())),
      organisationSuffixes: new Set(lower(pack.names.organisationSuffixes)),
      notNames: new Set(lower(pack.names.notNames)),
      hashtagWords: new Set(lower(pack.accessibility.hashtagWords)),
      unhelpfulAlt: new Set(lower(pack.accessibility.unhelpfulAltText)),
    },
    domains: {
      own: lower(settings.organisationDomains),
      allowed: lower([...settings.organisationDomains, ...settings.allowedLinkDomains, ...pack.links.allowDomains]),
      shorteners: lower(pack.links.shorteners),
    },
    ownNumbers: new Set(settings.organisationPhoneNumbers.map(nationalDigits)),
    ownMailboxes: new Set(lower(settings.roleMailboxes)),
    ownNameForms: ownNameForms(settings.organisationNames),
  };
}

/** Whether host is domain or one of its subdomains. */
export function hostIn(host: string, domains: readonly string[]): boolean {
  for (const d of domains) if (host === d || host.endsWith(`.${d}`)) return true;
  return false;
}
