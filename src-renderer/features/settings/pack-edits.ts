/**
 * The parts of a rule pack a manager edits as lists (R10; DESIGN.md rule 8): extra swear words, words never to
 * flag, allowed link domains, case-reference patterns and party names. Editing a list changes only that list; every
 * other part of the pack (severities, clauses, the other patterns) is sent back exactly as loaded, so main's audit
 * entry shows only what the manager changed. Main's refusals are turned into messages about these lists.
 */
import type { SummaryItem } from '../../ui/ErrorSummary';
import { linesOf, textOf } from './list-text';

export const CASE_RULE = 'personal-data.case-reference';

export const listFields = {
  casePatterns: { id: 'rules-case-patterns', name: 'Case-reference patterns' },
  parties: { id: 'rules-parties', name: 'Party names' },
  allowDomains: { id: 'rules-allow-domains', name: 'Allowed link domains' },
  extraStrong: { id: 'rules-extra-strong', name: 'Extra words that block a post' },
  extraModerate: { id: 'rules-extra-moderate', name: 'Extra words that need sign-off' },
  allowWords: { id: 'rules-allow-words', name: 'Words never to flag' },
} as const;
export type ListKey = keyof typeof listFields;
export type ListDrafts = Record<ListKey, string>;

/** The parts of the pack (core/policy/rule-pack.ts) this screen reads and writes; main validates the whole. */
type Pattern = { rule: string; pattern: string; caseInsensitive?: boolean; triggers?: string[] };
type RulePack = {
  patterns: Pattern[];
  parties: { unambiguous: string[] };
  links: { allowDomains: string[] };
  profanity: { extraWords: { strong: string[]; moderate: string[] }; allowWords: string[] };
};

export function listsOf(json: Record<string, unknown>): ListDrafts {
  const pack = json as unknown as RulePack;
  return {
    casePatterns: textOf(pack.patterns.filter((p) => p.rule === CASE_RULE).map((p) => p.pattern)),
    parties: textOf(pack.parties.unambiguous),
    allowDomains: textOf(pack.links.allowDomains),
    extraStrong: textOf(pack.profanity.extraWords.strong),
    extraModerate: textOf(pack.profanity.extraWords.moderate),
    allowWords: textOf(pack.profanity.allowWords),
  };
}

/** The loaded pack with the edited lists put in. Case-reference patterns keep their options and their place. */
export function withLists(json: Record<string, unknown>, d: ListDrafts): Record<string, unknown> {
  const pack = structuredClone(json) as unknown as RulePack;
  const byPattern = new Map(pack.patterns.filter((p) => p.rule === CASE_RULE).map((p) => [p.pattern, p]));
  const cases: Pattern[] = linesOf(d.casePatterns).map((pattern) => byPattern.get(pattern) ?? { rule: CASE_RULE, pattern });
  const patterns: Pattern[] = [];
  let placed = false;
  for (const p of pack.patterns) {
    if (p.rule !== CASE_RULE) patterns.push(p);
    else if (!placed) {
      patterns.push(...cases);
      placed = true;
    }
  }
  if (!placed) patterns.push(...cases);
  pack.patterns = patterns;
  pack.parties.unambiguous = linesOf(d.parties);
  pack.links.allowDomains = linesOf(d.allowDomains);
  pack.profanity.extraWords.strong = linesOf(d.extraStrong);
  pack.profanity.extraWords.moderate = linesOf(d.extraModerate);
  pack.profanity.allowWords = linesOf(d.allowWords);
  return pack as unknown as Record<string, unknown>;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const LIST_PATHS: Array<[prefix: string, key: ListKey]> = [
  ['parties.unambiguous', 'parties'],
  ['links.allowDomains', 'allowDomains'],
  ['profanity.extraWords.strong', 'extraStrong'],
  ['profanity.extraWords.moderate', 'extraModerate'],
  ['profanity.allowWords', 'allowWords'],
];

/**
 * One summary item per problem main named (its `fields` are `pack.<where>`: "problem"), linked to the list it is
 * about; problems elsewhere in the pack link to `otherId` (the JSON editor) when there is one.
 */
export function packProblems(fields: Record<string, string>, sent: Record<string, unknown>, otherId: string | null): { summary: SummaryItem[]; byField: Record<string, string> } {
  const pack = sent as unknown as Partial<RulePack>;
  const summary: SummaryItem[] = [];
  const byField: Record<string, string> = {};
  const add = (fieldId: string | null, text: string) => {
    summary.push({ fieldId, text });
    if (fieldId) byField[fieldId] = byField[fieldId] ? `${byField[fieldId]} ${text}` : text;
  };
  for (const [key, full] of Object.entries(fields)) {
    if (!key.startsWith('pack.')) continue;
    for (const one of full.split('; ')) {
      const at = one.indexOf(': ');
      const where = at > 0 ? one.slice(0, at) : '';
      const what = at > 0 ? one.slice(at + 2) : one;
      if (otherId) {
        add(otherId, one);
        continue;
      }
      const pattern = /^patterns\.(\d+)\.pattern$/.exec(where);
      if (pattern && pack.patterns?.[Number(pattern[1])]?.rule === CASE_RULE) {
        add(listFields.casePatterns.id, capitalise(what));
        continue;
      }
      if (where === 'patterns' && what.includes(CASE_RULE)) {
        add(listFields.casePatterns.id, 'Give at least one case-reference pattern: without one, case numbers are not checked');
        continue;
      }
      const list = LIST_PATHS.find(([prefix]) => where === prefix || where.startsWith(`${prefix}.`));
      if (list) add(listFields[list[1]].id, `${listFields[list[1]].name}: ${what}`);
      else add(null, one);
    }
  }
  return { summary, byField };
}
