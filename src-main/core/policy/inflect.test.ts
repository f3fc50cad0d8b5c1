/**
 * Pack words marked "~" stand for their inflections, and "@name" for a lexicon, so a manager lists a word once
 * (issue 5: cue lists must generalise). A pack missing the new sections, or with a broken marker, is refused.
 */
import { describe, expect, it } from 'vitest';
import { defaultPack, validatePack } from './engine';
import { expandPhrase, inflections } from './inflect';

describe('inflections', () => {
  it('generates plural, past, -ing and agent forms, with doubled consonants and -ie/-y spellings', () => {
    expect(inflections('cheat')).toEqual(expect.arrayContaining(['cheat', 'cheats', 'cheated', 'cheating', 'cheater', 'cheaters']));
    expect(inflections('scam')).toEqual(expect.arrayContaining(['scams', 'scammed', 'scamming', 'scammer', 'scammers']));
    expect(inflections('swindle')).toEqual(expect.arrayContaining(['swindles', 'swindled', 'swindling', 'swindler']));
    expect(inflections('bully')).toEqual(expect.arrayContaining(['bullies', 'bullied', 'bullying']));
    expect(inflections('lie')).toEqual(expect.arrayContaining(['lies', 'lied', 'lying']));
  });

  it('inflects only the marked words of a phrase and expands lexicon references', () => {
    expect(expandPhrase('rip~ off')).toEqual(expect.arrayContaining(['rip off', 'rips off', 'ripped off', 'ripping off']));
    expect(expandPhrase('@x', { x: ['fraud~', 'crook'] })).toEqual(expect.arrayContaining(['fraud', 'frauds', 'crook']));
  });
});

describe('pack sections for lexicons and names', () => {
  it('refuses a pack without lexicons or names, saying which is missing', () => {
    const pack = defaultPack() as Record<string, unknown>;
    delete pack.lexicons;
    delete pack.names;
    const r = validatePack(pack);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/lexicons/);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/names/);
  });

  it('refuses a reference to a lexicon that does not exist, and an empty lexicon', () => {
    const pack = defaultPack();
    pack.cues[0]!.phrases.push('@no-such-list');
    pack.lexicons['copulas'] = [];
    const r = validatePack(pack);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/cues\.0\.phrases\.\d+: refers to lexicon "no-such-list"/);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/lexicons\.copulas: this list cannot be empty/);
  });

  it('refuses a misplaced "~" marker', () => {
    const pack = defaultPack();
    pack.cues[0]!.phrases.push('ch~eat');
    const r = validatePack(pack);
    expect(r.ok).toBe(false);
  });
});
