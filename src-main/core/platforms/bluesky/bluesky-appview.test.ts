/**
 * The Bluesky inbox against the full network on loopback (PDS + AppView, @atproto/dev-env TestNetwork): replies and
 * mentions arrive once each, and the cursor Herald stores brings only what is new.
 *
 * Needs PostgreSQL (HERALD_TEST_PG_URL from scripts/pg-throwaway.sh, as `npm test` runs it) and redis-server on PATH;
 * without them the file is skipped and says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestNetwork } from '@atproto/dev-env';
import type { PublishRequest } from '../adapter';
import { createBlueskyAdapter } from './index';
import { HAVE_REDIS, PG_URL, readRecord, residentReplies, startFullPeers, type Peers } from './testing/peers';

const ready = Boolean(PG_URL) && HAVE_REDIS;
if (!ready) console.warn('Bluesky AppView tests skipped: they need HERALD_TEST_PG_URL (run under scripts/pg-throwaway.sh) and redis-server.');

describe.skipIf(!ready)('Bluesky inbox (full network with AppView)', () => {
  let peers: Peers<TestNetwork> & { stop: () => Promise<void> };
  const adapter = createBlueskyAdapter({ timeoutMs: 10_000 });
  const post = (text: string): PublishRequest => ({ idempotencyKey: `appview-${text}`, text, media: [] });

  beforeAll(async () => {
    peers = await startFullPeers();
  });
  afterAll(async () => {
    await peers?.network.close();
    await peers?.stop();
  });

  it('brings a resident’s reply and mention into the inbox once, and the next fetch with the cursor brings nothing new', async () => {
    const ours = await adapter.publish(peers.council.ctx, post('Parks consultation closes on Friday'));
    await peers.network.processAll();
    const replyUri = await residentReplies(peers.resident, ours.platformPostId, 'The park by the river needs more bins');
    const mention = await peers.resident.agent.post({
      text: 'Well done @council.test on the new playground',
      facets: [{ index: { byteStart: 10, byteEnd: 23 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: peers.council.did }] }],
    });
    await peers.network.processAll();

    const first = await adapter.fetchComments(peers.council.ctx, null);
    expect(first.comments).toHaveLength(2);
    expect(first.comments.find((c) => c.platformCommentId === replyUri)).toMatchObject({
      kind: 'comment',
      platformPostId: ours.platformPostId,
      authorId: peers.resident.did,
      authorHandle: 'resident.test',
      text: 'The park by the river needs more bins',
      url: expect.stringMatching(/^https:\/\/bsky\.app\/profile\/did:plc:/),
    });
    expect(first.comments.find((c) => c.platformCommentId === mention.uri)).toMatchObject({ kind: 'mention', platformPostId: null });
    expect(first.cursor).toEqual(expect.any(String));

    const second = await adapter.fetchComments(peers.council.ctx, first.cursor);
    expect(second.comments).toEqual([]);
    expect(second.cursor).toBe(first.cursor);

    // Later replies deeper in the thread (Bluesky tells the thread's author about every reply in it, and the author of
    // any post replied to) arrive on the following fetch, and only then.
    const deeper = await residentReplies(peers.resident, replyUri, 'And more benches please');
    const ourAnswer = await adapter.reply(peers.council.ctx, first.comments.find((c) => c.platformCommentId === replyUri)!, 'Thank you, we will pass this on.');
    await peers.network.processAll();
    const replyToUs = await residentReplies(peers.resident, ourAnswer.platformPostId, 'Thanks!');
    await peers.network.processAll();
    const third = await adapter.fetchComments(peers.council.ctx, second.cursor);
    expect(third.comments.map((c) => c.platformCommentId)).toEqual([deeper, replyToUs]);
    for (const c of third.comments) expect(c).toMatchObject({ kind: 'reply', platformPostId: ours.platformPostId });
    expect((await adapter.fetchComments(peers.council.ctx, third.cursor)).comments).toEqual([]);
  });

  it('hides a reply fetched from the inbox', async () => {
    const ours = await adapter.publish(peers.council.ctx, post('Roadworks on Station Road'));
    await peers.network.processAll();
    const { cursor } = await adapter.fetchComments(peers.council.ctx, null);
    const replyUri = await residentReplies(peers.resident, ours.platformPostId, 'Terrible timing');
    await peers.network.processAll();
    const { comments } = await adapter.fetchComments(peers.council.ctx, cursor);
    expect(comments.map((c) => c.platformCommentId)).toEqual([replyUri]);
    await adapter.hideComment(peers.council.ctx, comments[0]!);
    const gate = await readRecord(peers.council, ours.platformPostId.replace('app.bsky.feed.post', 'app.bsky.feed.threadgate'));
    expect(gate?.hiddenReplies).toEqual([replyUri]);
  });
});
