/**
 * Images for posts: what an officer attaching a file would notice. The type comes from the bytes, not the name; a
 * renamed web page, an empty file and an oversized file each get a plain message; the same file twice is stored once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, withCast, type TestCore } from '../test-support/core';
import type { User } from '../people/user-service';
import { MAX_MEDIA_BYTES } from './media-store';

// A 1x1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let core: TestCore;
let officer: User;
beforeEach(async () => {
  core = await testCore('sqlite');
  ({ officer } = await withCast(core));
});
afterEach(async () => core.dispose());

describe('attaching images', () => {
  it('stores a PNG with its size, and the same bytes twice as one image', async () => {
    const a = await core.media.add(officer, 'gritter.png', PNG);
    expect(a).toMatchObject({ mimeType: 'image/png', width: 1, height: 1, bytes: PNG.length, fileName: 'gritter.png' });
    const b = await core.media.add(officer, 'copy-of-gritter.png', PNG);
    expect(b.id).toBe(a.id);
    expect(await core.media.dataUrl(a.id)).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
  });

  it('refuses a web page renamed to .png, an empty file and a file over 16 MB, with a message for each', async () => {
    await expect(core.media.add(officer, 'photo.png', Buffer.from('<!doctype html><script>alert(1)</script>'))).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('not a JPEG, PNG, GIF or WebP') });
    await expect(core.media.add(officer, 'empty.png', Buffer.alloc(0))).rejects.toMatchObject({ code: 'invalid-input', message: 'That file is empty' });
    await expect(core.media.add(officer, 'huge.png', Buffer.alloc(MAX_MEDIA_BYTES + 1))).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('16 MB') });
    expect(await core.database.db.selectFrom('media').select('id').execute()).toEqual([]);
  });

  it('changing an image’s alt text, licence or consent record voids an approval, because the hash changes', async () => {
    const m = await core.media.add(officer, 'gritter.png', PNG);
    const media = { mediaId: m.id, kind: 'image' as const, alt: 'A gritter at night', source: 'Council photographer', licence: 'Council copyright', peopleShown: false, under16: false, consentRecorded: false, consentReference: '' };
    const base = { title: '', accountIds: [], baseText: 'Gritters out tonight', variants: [] };
    const one = await core.posts.saveDraft(officer, { campaignId: null, scheduledAt: null, content: { ...base, media: [media] } });
    const two = await core.posts.saveDraft(officer, { postId: one.id, campaignId: null, scheduledAt: null, content: { ...base, media: [{ ...media, licence: 'CC BY 4.0' }] } });
    expect(two.contentHash).not.toBe(one.contentHash);
  });

  it('refuses a draft that points at an image that is not stored', async () => {
    const media = { mediaId: 'no-such-image', kind: 'image' as const, alt: 'x', source: 'x', licence: 'x', peopleShown: false, under16: false, consentRecorded: false, consentReference: '' };
    await expect(core.posts.saveDraft(officer, { campaignId: null, scheduledAt: null, content: { title: '', accountIds: [], baseText: 'x', variants: [], media: [media] } })).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
