/**
 * The policy engine's vocabulary (R8-R11, issue 5). Detectors are code; what they look for (word lists, patterns,
 * allow-lists, severities, clause citations) is data in versioned rule packs an organisation can edit (DESIGN.md
 * rule 8). Every finding cites the policy clause it comes from, by seed file and clause, e.g.
 * "002_10d59e3fea5b670d.txt (BAR) 5a".
 */
export const CATEGORIES = [
  'profanity',
  'personal-data',
  'party-political',
  'legal-proceedings',
  'defamation',
  'confidential',
  'security-clearance',
  'endorsement',
  'impersonation',
  'copyright',
  'image-consent',
  'branding',
  'external-link',
  'accessibility',
  'length',
  'hidden-text',
  'out-of-hours',
  'pre-election',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** R10: block = cannot be scheduled; sign-off = an approver must acknowledge it with a written reason; advice. */
export type Severity = 'block' | 'sign-off' | 'advice';

export type Finding = {
  category: Category;
  ruleId: string;
  severity: Severity;
  /** The policy clause: seed file name and clause, e.g. "001_76bbf039ba0ec565.txt 5.1". */
  clause: string;
  message: string;
  /** A suggested fix, in words. */
  suggestion?: string;
  /** UTF-16 offsets into the post text as the officer typed it (not a normalised copy). */
  start: number;
  end: number;
};

export type MediaInput = {
  kind: 'image' | 'video';
  alt?: string;
  source?: string;
  licence?: string;
  peopleShown?: boolean;
  under16?: boolean;
  consentRecorded?: boolean;
};

/** One post (or one platform variant of it) to check: the `herald check` line format. */
export type PostInput = {
  id: string;
  platform: string;
  text: string;
  /** ISO 8601 instant; when absent the post is not timed and out-of-hours does not apply. */
  scheduledAt?: string;
  accounts?: string[];
  media?: MediaInput[];
};

export type CheckResult = { id: string; findings: Finding[]; packVersion: string };
