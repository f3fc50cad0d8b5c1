/**
 * What one check of one post shares between detectors: the post, the compiled pack and settings, the normalised
 * text view, the phrase hits (one Aho-Corasick scan), names found in the text (worked out only if a rule asks), and
 * the findings so far. Findings are built here from the pack's rule (severity, clause, message, suggestion), so a
 * detector only says which rule fired and where (R10: each finding cites its clause).
 */
import type { CompiledPack } from './compile-pack';
import type { Hit } from './phrase-index';
import { findNames, type NameSpan } from './names';
import type { PolicySettings } from './settings';
import { createTextView, type TextView } from './text-view';
import type { Finding, PostInput } from './types';
import type { WordInfo } from './word-table';

export type Word = { start: number; end: number; info: WordInfo };
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x205f || c === 0x3000;

export type Vars = Record<string, string | number>;

export class CheckContext {
  readonly text: string;
  readonly findings: Finding[] = [];
  private viewCache: TextView | null = null;
  private hitsCache: Map<string, Hit[]> | null = null;
  private namesCache: NameSpan[] | null = null;
  private wordsCache: Word[] | null = null;

  constructor(
    readonly compiled: CompiledPack,
    readonly settings: PolicySettings,
    readonly post: PostInput,
  ) {
    this.text = typeof post.text === 'string' ? post.text : '';
  }

  get view(): TextView {
    return (this.viewCache ??= createTextView(this.text));
  }

  /** Phrase-list hits in view coordinates, by list key. */
  get hits(): Map<string, Hit[]> {
    return (this.hitsCache ??= this.compiled.phrases.scan(this.view));
  }

  list(key: string): Hit[] | undefined {
    return this.hits.get(this.compiled.phrases.resolve(key));
  }

  /** The whitespace-separated words of the lowercased view, with what the word table knows about each. */
  get words(): Word[] {
    if (this.wordsCache) return this.wordsCache;
    const out: Word[] = [];
    const lower = this.view.lower;
    const table = this.compiled.words;
    const n = lower.length;
    for (let i = 0; i < n; ) {
      while (i < n && isSpace(lower.charCodeAt(i))) i++;
      const start = i;
      while (i < n && !isSpace(lower.charCodeAt(i))) i++;
      if (i > start) out.push({ start, end: i, info: table.get(lower.slice(start, i)) });
    }
    return (this.wordsCache = out);
  }

  /** People and organisations named in the text (view coordinates). */
  get names(): NameSpan[] {
    return (this.namesCache ??= findNames(this.view, this.compiled.sets));
  }

  /**
   * Categories in which a phrase rule matched but the pack's own exception let it off ("charged with" in a case that
   * ended in a sentence; "police" in a scam warning). The classifier does not overrule the pack's exceptions.
   */
  excusedCategories: Set<string> | null = null;

  excused(ruleId: string): void {
    const rule = this.compiled.rules[ruleId];
    if (rule) (this.excusedCategories ??= new Set()).add(rule.category);
  }

  /** Adds a finding for a span of the view. */
  addView(ruleId: string, start: number, end: number, vars: Vars = {}): Finding {
    const [s, e] = this.view.toOriginal(start, end);
    return this.add(ruleId, s, e, vars);
  }

  /** Adds a finding for a span of the original text (or 0, 0 when it is about the post as a whole or its media). */
  add(ruleId: string, start: number, end: number, vars: Vars = {}): Finding {
    const rule = this.compiled.rules[ruleId];
    if (!rule) throw new Error(`Rule "${ruleId}" is not in the pack`); // validatePack makes this unreachable
    const all: Vars = 'match' in vars ? vars : { match: excerpt(this.text.slice(start, end)), ...vars };
    const finding: Finding = {
      category: rule.category,
      ruleId,
      severity: rule.severity,
      clause: rule.clause,
      message: fill(rule.message, all),
      ...(rule.suggestion ? { suggestion: fill(rule.suggestion, all) } : {}),
      start,
      end,
    };
    this.findings.push(finding);
    return finding;
  }
}

const templates = new Map<string, string[]>();

/** Fills "{name}" placeholders; each template is split once (odd parts are names). */
function fill(template: string, vars: Vars): string {
  let parts = templates.get(template);
  if (!parts) templates.set(template, (parts = template.split(/\{(\w+)\}/)));
  if (parts.length === 1) return template;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) out += (parts[i]! in vars ? String(vars[parts[i]!]) : `{${parts[i]}}`) + parts[i + 1]!;
  return out;
}

/** The matched text for a message: invisible characters removed, at most 60 characters. */
function excerpt(whole: string): string {
  if (whole.length <= 60 && /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(whole)) return whole;
  const s = whole.length > 200 ? whole.slice(0, 200) : whole; // a message shows 60 characters at most
  // With the u flag, [\ud800-\udfff] matches only lone surrogates: paired ones (emoji) are one code point.
  const clean = s.replace(/[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]|[\ud800-\udfff]/gu, '').replace(/\s+/g, ' ').trim();
  return clean.length > 60 ? `${clean.slice(0, 57)}...` : clean;
}
