/**
 * The labelled UK test set (issue 5 point 4) is well-formed: this checks the data, never the engine's quality (that is
 * `npm run bench:quality`). Every line parses and has the `herald check` input shape plus `expect` and `note`; ids are
 * unique; every category has at least 8 positive examples; at least 100 posts are clean; invisible characters are
 * written as \u escapes so a reviewer can see them; settings.json passes the engine's settings validation.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLATFORM_IDS } from '../platforms/adapter';
import { validatePolicySettings } from './settings';
import { CATEGORIES, type Category } from './types';

const dir = new URL('../../../resources/policy-testset/', import.meta.url);
const raw = fs.readFileSync(new URL('uk-posts.jsonl', dir), 'utf8');
const lines = raw.split('\n').filter((l) => l.trim() !== '');

type Row = Record<string, unknown>;
const rows: Row[] = lines.map((l) => JSON.parse(l) as Row);

const MEDIA_KEYS = new Set(['kind', 'alt', 'source', 'licence', 'peopleShown', 'under16', 'consentRecorded']);
const ROW_KEYS = new Set(['id', 'platform', 'text', 'scheduledAt', 'accounts', 'media', 'expect', 'note']);

describe('policy test set (resources/policy-testset)', () => {
  it('has at least 260 lines, each a JSON object', () => {
    expect(lines.length).toBeGreaterThanOrEqual(260);
    for (const [i, l] of lines.entries()) {
      expect(() => JSON.parse(l), `line ${i + 1}`).not.toThrow();
      expect(typeof JSON.parse(l), `line ${i + 1}`).toBe('object');
    }
  });

  it('every row has the check input shape plus expect and note', () => {
    for (const r of rows) {
      const where = String(r.id);
      for (const k of Object.keys(r)) expect(ROW_KEYS.has(k), `${where}: unknown key ${k}`).toBe(true);
      expect(typeof r.id === 'string' && r.id.length > 0, where).toBe(true);
      expect((PLATFORM_IDS as readonly string[]).includes(r.platform as string), `${where}: platform ${String(r.platform)}`).toBe(true);
      expect(typeof r.text, where).toBe('string');
      expect(typeof r.note === 'string' && r.note.trim().length > 0, `${where}: note`).toBe(true);
      expect(Array.isArray(r.expect), `${where}: expect`).toBe(true);
      const exp = r.expect as unknown[];
      for (const c of exp) expect((CATEGORIES as readonly unknown[]).includes(c), `${where}: category ${String(c)}`).toBe(true);
      expect(new Set(exp).size, `${where}: duplicate category`).toBe(exp.length);
      if (r.scheduledAt !== undefined) {
        expect(typeof r.scheduledAt, where).toBe('string');
        // an instant: a date, a time and an offset
        expect(r.scheduledAt as string, where).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
        expect(Number.isNaN(Date.parse(r.scheduledAt as string)), where).toBe(false);
      }
      if (r.media !== undefined) {
        expect(Array.isArray(r.media), where).toBe(true);
        for (const m of r.media as Row[]) {
          for (const k of Object.keys(m)) expect(MEDIA_KEYS.has(k), `${where}: unknown media key ${k}`).toBe(true);
          expect(['image', 'video'], where).toContain(m.kind);
          for (const k of ['alt', 'source', 'licence'] as const) if (m[k] !== undefined) expect(typeof m[k], `${where}: ${k}`).toBe('string');
          for (const k of ['peopleShown', 'under16', 'consentRecorded'] as const) if (m[k] !== undefined) expect(typeof m[k], `${where}: ${k}`).toBe('boolean');
        }
      }
    }
  });

  it('ids are unique', () => {
    const ids = rows.map((r) => r.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('every category has at least 8 positive examples', () => {
    const counts = new Map<Category, number>(CATEGORIES.map((c) => [c, 0]));
    for (const r of rows) for (const c of r.expect as Category[]) counts.set(c, counts.get(c)! + 1);
    const short = [...counts].filter(([, n]) => n < 8);
    expect(short).toEqual([]);
  });

  it('at least 100 posts are clean (expect nothing at block or sign-off)', () => {
    expect(rows.filter((r) => (r.expect as unknown[]).length === 0).length).toBeGreaterThanOrEqual(100);
  });

  it('writes invisible and direction-changing characters as \\u escapes, never raw', () => {
    for (const [i, l] of lines.entries()) {
      const hidden = [...l].filter((ch) => /\p{Cf}/u.test(ch) || ch === '\u180e' || ch === '\u00a0');
      expect(hidden.map((c) => c.codePointAt(0)!.toString(16)), `line ${i + 1}`).toEqual([]);
    }
  });

  it('comes with the organisation settings it assumes, valid for the engine', () => {
    const check = validatePolicySettings(JSON.parse(fs.readFileSync(new URL('settings.json', dir), 'utf8')));
    expect(check.ok ? [] : check.errors).toEqual([]);
    const additions = JSON.parse(fs.readFileSync(new URL('pack-additions.json', dir), 'utf8')) as unknown;
    expect(typeof additions).toBe('object');
  });
});
