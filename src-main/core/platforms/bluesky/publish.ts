/**
 * Publishing to Bluesky: a post, its images with alt text or one video, a thread as a reply chain (R17), links,
 * hashtags and mentions as facets, and finding a post again after an unknown outcome (R16).
 *
 * Each post goes to a record key derived from Herald's idempotency key (record-keys.ts), and is looked for there
 * before it is created. So a retry after a lost connection never posts twice, and a retry after a thread was cut off
 * part-way finishes the thread instead of starting a second one. Everything that can be checked before posting (length,
 * media counts and sizes) is checked for every post of a thread first, so a bad third post never leaves two behind.
 */
import { RichText, type AtpAgent, type BlobRef } from '@atproto/api';
import { PlatformError, type MediaItem, type PublishRequest, type PublishedPost } from '../adapter';
import { BLUESKY_CAPABILITIES as CAPS } from './capabilities';
import { POST_COLLECTION, postRkey, postUrl } from './record-keys';
import { getPost, getRecordOrNull, replyRefs, step, type FoundRecord, type StrongRef } from './records';
import type { Signed } from './session';

const MAX_TEXT_BYTES = 3000; // app.bsky.feed.post#text maxLength (UTF-8 bytes), alongside maxGraphemes 300
const graphemes = new Intl.Segmenter('en-GB', { granularity: 'grapheme' });

type Item = { text: string; media: MediaItem[] };

export async function publish(s: Signed, post: PublishRequest, now: () => number): Promise<PublishedPost> {
  const items: Item[] = [{ text: post.text, media: post.media }, ...(post.thread ?? [])];
  items.forEach((item, i) => checkItem(item, items.length > 1 ? i + 1 : 0));

  let refs: { root: StrongRef; parent: StrongRef } | null = post.inReplyTo ? replyRefs(await getPost(s, post.inReplyTo, 'finding the post to reply to')) : null;
  const landed: FoundRecord[] = [];
  for (const [i, item] of items.entries()) {
    const rkey = postRkey(post.idempotencyKey, i);
    const earlier = await getRecordOrNull(s, s.did, POST_COLLECTION, rkey, 'checking for an earlier attempt');
    const rec = earlier ?? (await createPost(s, rkey, item, refs, now));
    landed.push(rec);
    refs = { root: refs?.root ?? { uri: rec.uri, cid: rec.cid }, parent: { uri: rec.uri, cid: rec.cid } };
  }
  return toPublished(landed);
}

/** The post (and its thread) published under this idempotency key, or null if the first post never landed. */
export async function findPublished(s: Signed, post: PublishRequest): Promise<PublishedPost | null> {
  const count = 1 + (post.thread?.length ?? 0);
  const landed: FoundRecord[] = [];
  for (let i = 0; i < count; i++) {
    const rec = await getRecordOrNull(s, s.did, POST_COLLECTION, postRkey(post.idempotencyKey, i), 'checking whether the post was published');
    if (!rec) break;
    landed.push(rec);
  }
  // A thread cut off part-way is reported as published so far: publishing again with the same key finishes it.
  return landed.length ? toPublished(landed) : null;
}

export async function deletePost(s: Signed, uri: string): Promise<void> {
  const a = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri);
  if (!a || a[2] !== POST_COLLECTION) throw new PlatformError('invalid-content', 'bluesky', `“${uri.slice(0, 120)}” is not the address of a Bluesky post.`);
  if (a[1] !== s.did) {
    throw new PlatformError('not-supported', 'bluesky', 'Herald can delete only this account’s own Bluesky posts. Hide a reply instead, or block its author.');
  }
  // Deleting a record that is already gone succeeds, so a retried delete is harmless.
  await s.agent.com.atproto.repo.deleteRecord({ repo: s.did, collection: POST_COLLECTION, rkey: a[3]! }, { signal: s.signal });
}

function checkItem(item: Item, position: number): void {
  const where = position ? ` (post ${position} of the thread)` : '';
  const count = [...graphemes.segment(item.text)].length;
  if (count > CAPS.text.maxLength) {
    throw new PlatformError('invalid-content', 'bluesky', `The text is ${count} characters long${where}; Bluesky allows ${CAPS.text.maxLength}. Shorten it or split it into a thread.`);
  }
  if (Buffer.byteLength(item.text, 'utf8') > MAX_TEXT_BYTES) {
    throw new PlatformError('invalid-content', 'bluesky', `The text${where} uses too many emoji or special characters for Bluesky (over ${MAX_TEXT_BYTES} bytes). Shorten it.`);
  }
  if (!item.text.trim() && item.media.length === 0) throw new PlatformError('invalid-content', 'bluesky', `A Bluesky post needs text or media${where}.`);
  const images = item.media.filter((m) => m.kind === 'image');
  const videos = item.media.filter((m) => m.kind === 'video');
  if (images.length && videos.length) throw new PlatformError('invalid-content', 'bluesky', `A Bluesky post can have images or a video, not both${where}. Move one into a follow-up post.`);
  if (images.length > CAPS.media.maxImages) throw new PlatformError('invalid-content', 'bluesky', `Bluesky allows ${CAPS.media.maxImages} images per post${where}; this one has ${images.length}.`);
  if (videos.length > CAPS.media.maxVideos) throw new PlatformError('invalid-content', 'bluesky', `Bluesky allows one video per post${where}.`);
  for (const m of item.media) {
    const max = m.kind === 'image' ? CAPS.media.maxImageBytes : CAPS.media.maxVideoBytes;
    if (m.bytes.byteLength > max) {
      throw new PlatformError('invalid-content', 'bluesky', `A${m.kind === 'image' ? 'n image' : ' video'} is ${(m.bytes.byteLength / 1e6).toFixed(1)} MB${where}; Bluesky accepts up to ${max / 1e6} MB.`);
    }
    if (m.kind === 'video' && m.mimeType !== 'video/mp4') throw new PlatformError('invalid-content', 'bluesky', `Bluesky accepts video only as MP4${where}.`);
  }
}

async function createPost(s: Signed, rkey: string, item: Item, refs: { root: StrongRef; parent: StrongRef } | null, now: () => number): Promise<FoundRecord> {
  const embed = await uploadMedia(s, item.media);
  const facets = await detectFacets(s.agent, item.text);
  const record = {
    $type: POST_COLLECTION,
    text: item.text,
    createdAt: new Date(now()).toISOString(),
    ...(facets.length ? { facets } : {}),
    ...(embed ? { embed } : {}),
    ...(refs ? { reply: refs } : {}),
  };
  const res = await s.agent.com.atproto.repo.createRecord({ repo: s.did, collection: POST_COLLECTION, rkey, record, validate: true }, { signal: s.signal });
  return { uri: res.data.uri, cid: res.data.cid, value: record };
}

async function uploadMedia(s: Signed, media: MediaItem[]): Promise<Record<string, unknown> | undefined> {
  if (media.length === 0) return undefined;
  // An uploaded blob is invisible until a post uses it, so a failed upload is safe to retry: not a mutating step.
  const upload = (m: MediaItem) =>
    step({ doing: `uploading ${m.kind === 'image' ? 'an image' : 'a video'}`, mutating: false }, s.agent.com.atproto.repo.uploadBlob(m.bytes, { encoding: m.mimeType, signal: s.signal })).then((r) => r.data.blob as BlobRef);
  const video = media.find((m) => m.kind === 'video');
  if (video) return { $type: 'app.bsky.embed.video', video: await upload(video), ...(video.alt ? { alt: video.alt } : {}) };
  const images = [];
  for (const m of media) images.push({ image: await upload(m), alt: m.alt });
  return { $type: 'app.bsky.embed.images', images };
}

/**
 * Links and hashtags are found offline; mentions need the handle resolved to a DID, which the PDS does
 * (com.atproto.identity.resolveHandle, no AppView needed). A mention that cannot be resolved stays plain text:
 * a facet with an empty DID would make Bluesky refuse the whole post.
 */
async function detectFacets(agent: AtpAgent, text: string): Promise<unknown[]> {
  const rt = new RichText({ text });
  await rt.detectFacets(agent);
  return (rt.facets ?? [])
    .map((f) => ({ ...f, features: f.features.filter((feat) => !('did' in feat) || (typeof feat.did === 'string' && feat.did.startsWith('did:'))) }))
    .filter((f) => f.features.length > 0);
}

function toPublished(landed: FoundRecord[]): PublishedPost {
  const first = landed[0]!;
  const at = Date.parse(String(first.value.createdAt ?? ''));
  return {
    platformPostId: first.uri,
    url: postUrl(first.uri),
    publishedAt: Number.isNaN(at) ? Date.now() : at,
    ...(landed.length > 1 ? { threadIds: landed.slice(1).map((r) => r.uri) } : {}),
  };
}
