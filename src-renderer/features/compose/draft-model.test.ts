/**
 * What the composer's autosave sends as the time to post (draft-model.ts): a half-typed change never turns a timed
 * post into "as soon as it is approved".
 */
import { describe, expect, it } from 'vitest';
import { emptyDraft, scheduledAtToSave, type Draft } from './draft-model';

const at = (time: string, when: Draft['when'] = 'set'): Draft => ({ ...emptyDraft(), when, date: { day: '5', month: '12', year: '2026' }, time });
const SEVEN_THIRTY = Date.UTC(2026, 11, 5, 19, 30);

describe('the time an autosave sends', () => {
  it('is the time typed, in UK time, once it is complete', () => {
    expect(scheduledAtToSave(at('19:30'), null)).toBe(SEVEN_THIRTY);
  });

  it('keeps the time saved before while a new one is half-typed or wrong', () => {
    expect(scheduledAtToSave(at('2'), SEVEN_THIRTY)).toBe(SEVEN_THIRTY);
    expect(scheduledAtToSave(at('21:'), SEVEN_THIRTY)).toBe(SEVEN_THIRTY);
    expect(scheduledAtToSave(at('25:00'), SEVEN_THIRTY)).toBe(SEVEN_THIRTY);
  });

  it('is none when the officer chooses "as soon as it is approved", or never finished a time', () => {
    expect(scheduledAtToSave(at('19:30', 'approved'), SEVEN_THIRTY)).toBeNull();
    expect(scheduledAtToSave(at('19:'), null)).toBeNull();
  });
});
