/**
 * `herald check` reads posts through a plain-code fast path; the zod schema stays the definition (and gives the error
 * messages). The two must agree on every input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePostLine, plainPost, postInputSchema } from './post-input';

const media = fc.record(
  {
    kind: fc.constantFrom('image', 'video', 'gif', 3),
    alt: fc.oneof(fc.string(), fc.constant(null)),
    source: fc.string(),
    licence: fc.oneof(fc.string(), fc.integer()),
    peopleShown: fc.boolean(),
    under16: fc.oneof(fc.boolean(), fc.constant('yes')),
    consentRecorded: fc.boolean(),
    extra: fc.string(),
  },
  { requiredKeys: [] },
);
const post = fc.record(
  {
    id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    platform: fc.oneof(fc.constantFrom('x', 'facebook', ''), fc.integer()),
    text: fc.oneof(fc.string(), fc.constant(null)),
    scheduledAt: fc.oneof(fc.constantFrom('2026-05-02T19:30:00+01:00', 'tomorrow', ''), fc.integer()),
    accounts: fc.oneof(fc.array(fc.string()), fc.array(fc.oneof(fc.string(), fc.integer()))),
    media: fc.oneof(fc.array(media, { maxLength: 3 }), fc.constant('none')),
    other: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('post input', () => {
  it('takes the fast path only where the schema accepts the post, with the same result', () => {
    fc.assert(
      fc.property(post, (json) => {
        const plain = plainPost(json);
        const schema = postInputSchema.safeParse(json);
        if (plain) {
          expect(schema.success).toBe(true);
          expect(plain).toEqual(schema.data);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the fast path for an ordinary post, and still names the field that is wrong', () => {
    const ok = { id: 7, platform: 'x', text: 'Bins today', scheduledAt: '2026-05-02T19:30:00Z', media: [{ kind: 'image', alt: 'A bin', extra: 1 }] };
    expect(plainPost(ok)).toEqual({ id: '7', platform: 'x', text: 'Bins today', scheduledAt: '2026-05-02T19:30:00Z', media: [{ kind: 'image', alt: 'A bin' }] });
    expect(parsePostLine(JSON.stringify({ id: 'a', platform: 'x', text: 3 }))).toMatchObject({ ok: false, id: 'a', error: expect.stringContaining('text') });
  });
});
