/**
 * Four-eyes approval (R5, R10, R11, R12; issue 5 point 7), on both engines, through the real core: what an officer,
 * an approver and a manager would notice, and what the audit log says afterwards.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines } from '../test-support/engines';
import { testCore, withCast, PASSWORD, type TestCore } from '../test-support/core';
import type { User } from '../people/user-service';
import { emptyContent, type PostContent } from './post-content';
import { seedAccount } from './testing/seed';

const SAT_2100 = Date.UTC(2026, 11, 5, 21, 0); // Saturday 5 December 2026, 21:00 in London (GMT)
const WED_1000 = Date.UTC(2026, 11, 2, 10, 0); // Wednesday 2 December 2026, 10:00

describe.each(engines)('post approval workflow (%s)', (engine) => {
  let core: TestCore;
  let admin: User;
  let officer: User;
  let approver: User;
  let x: string;
  let bsky: string;

  beforeEach(async () => {
    core = await testCore(engine);
    ({ admin, officer } = await withCast(core));
    approver = await core.users.create(admin, { username: 'abi.approver', displayName: 'Abi Approver', password: PASSWORD, roles: ['approver'], trainingCompletedOn: '2026-02-01' });
    x = await seedAccount(core, 'x', '@AnytownCouncil');
    bsky = await seedAccount(core, 'bluesky', 'anytown.gov.uk');
  });
  afterEach(async () => core.dispose());

  const content = (text: string, accountIds = [x, bsky]): PostContent => ({ ...emptyContent(), title: 'Bins', accountIds, baseText: text });
  const draft = (text: string, scheduledAt: number | null = WED_1000, by = officer) =>
    core.posts.saveDraft(by, { campaignId: null, scheduledAt, content: content(text) });
  const actions = async (postId: string) =>
    (await core.audit.list({ limit: 500 })).entries.filter((e) => e.subject === `post:${postId}`).map((e) => e.action).reverse();

  it('an officer drafts, an approver signs off a finding with a reason, and the post is scheduled, every step audited', async () => {
    const p = await draft('Questions about your bin collection? Email jane.smith@example.com and she will help.');
    const submitted = await core.posts.submit(officer, p.id, p.revision);
    expect(submitted.state).toBe('submitted');
    const seen = await core.posts.get(approver, p.id);
    const signOff = seen.check.findings.filter((f) => f.severity === 'sign-off');
    expect(signOff.map((f) => f.category)).toContain('personal-data');
    // One finding, shared by both accounts' identical texts: one reason, not two.
    expect(signOff.find((f) => f.category === 'personal-data')!.accountIds.sort()).toEqual([x, bsky].sort());

    await expect(core.posts.approve(approver, p.id, { contentHash: seen.post.contentHash, reasons: [], comment: '' })).rejects.toMatchObject({
      code: 'invalid-input',
      fields: expect.objectContaining({ [`reason:${signOff[0]!.key}`]: expect.stringContaining('Give a reason') }),
    });
    const reasons = signOff.map((f) => ({ key: f.key, reason: 'Jane runs the public bins helpdesk; the address is her published work one.' }));
    const done = await core.posts.approve(approver, p.id, { contentHash: seen.post.contentHash, reasons, comment: 'Fine to go' });
    expect(done.state).toBe('scheduled');
    expect(done.scheduledAt).toBe(WED_1000);
    expect(done.approvedBy).toBe('abi.approver');

    expect(await actions(p.id)).toEqual(['post.drafted', 'post.submitted', 'post.approved', 'post.scheduled']);
    const approved = (await core.audit.list({ limit: 50, action: 'post.approved' })).entries[0]!;
    expect(approved.actor).toBe('abi.approver');
    expect(approved.details).toMatchObject({ from: 'submitted', to: 'approved', contentHash: seen.post.contentHash, reasons: [expect.objectContaining({ reason: expect.stringContaining('helpdesk'), clause: expect.any(String) })] });
  });

  it('refuses to let the author approve their own post, even a manager', async () => {
    const p = await draft('The recycling centre opens at 9am on Saturday.', WED_1000, admin);
    await core.posts.submit(admin, p.id, p.revision);
    const seen = await core.posts.get(admin, p.id);
    expect(seen.can.review).toBe(false);
    expect(seen.reviewBlockedBecause).toMatch(/someone else/);
    await expect(core.posts.approve(admin, p.id, { contentHash: seen.post.contentHash, reasons: [], comment: '' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(core.posts.requestChanges(admin, p.id, seen.post.contentHash, 'Looks fine to me')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await core.posts.get(admin, p.id)).post.state).toBe('submitted');
  });

  it('a block finding stops submission and says which clause', async () => {
    const p = await draft('Resident AB 12 34 56 C has been told about the change.');
    await expect(core.posts.submit(officer, p.id, p.revision)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/cannot be submitted.*National Insurance|cannot be submitted.*\.txt/i) });
    expect((await core.posts.get(officer, p.id)).post.state).toBe('draft');
    expect(await actions(p.id)).toEqual(['post.drafted']);
  });

  it('binds the approval to what the approver saw: a change in between is refused, an edit after approval voids it', async () => {
    const p = await draft('Garden waste collections restart on Monday.');
    await core.posts.submit(officer, p.id, p.revision);
    const seen = await core.posts.get(approver, p.id);
    // The author edits while the approver is reading: the post goes back to draft, and the old hash no longer approves.
    const edited = await core.posts.saveDraft(officer, { postId: p.id, baseRevision: seen.post.revision, campaignId: null, scheduledAt: WED_1000, content: content('Garden waste collections restart on Tuesday.') });
    expect(edited.state).toBe('draft');
    await expect(core.posts.approve(approver, p.id, { contentHash: seen.post.contentHash, reasons: [], comment: '' })).rejects.toMatchObject({ code: 'conflict' });

    const again = await core.posts.submit(officer, p.id, edited.revision);
    const fresh = await core.posts.get(approver, p.id);
    await core.posts.approve(approver, p.id, { contentHash: fresh.post.contentHash, reasons: [], comment: '' });
    expect(again.contentHash).not.toBe(seen.post.contentHash);
    // Moving the time alone changes what was approved.
    const moved = await core.posts.saveDraft(officer, { postId: p.id, campaignId: null, scheduledAt: WED_1000 + 3_600_000, content: content('Garden waste collections restart on Tuesday.') });
    expect(moved.state).toBe('draft');
    expect(moved.approvedBy).toBeNull();
    expect(await actions(p.id)).toEqual([
      'post.drafted', 'post.submitted', 'post.edited-after-submission', 'post.submitted', 'post.approved', 'post.scheduled', 'post.approval-voided',
    ]);
  });

  it('refuses a save from a stale editor instead of overwriting newer text', async () => {
    const p = await draft('First words');
    await core.posts.saveDraft(officer, { postId: p.id, baseRevision: 1, campaignId: null, scheduledAt: WED_1000, content: content('Second words') });
    await expect(core.posts.saveDraft(officer, { postId: p.id, baseRevision: 1, campaignId: null, scheduledAt: WED_1000, content: content('Stale words') })).rejects.toMatchObject({ code: 'conflict' });
    expect((await core.posts.get(officer, p.id)).post.content.baseText).toBe('Second words');
  });

  it('shows the approver what changed since they asked for changes', async () => {
    const p = await draft('Our libraries close at 5pm on Christmas Eve.');
    await core.posts.submit(officer, p.id, p.revision);
    const first = await core.posts.get(approver, p.id);
    await core.posts.requestChanges(approver, p.id, first.post.contentHash, 'Please add the reopening date.');
    const mine = await core.posts.get(officer, p.id);
    expect(mine.post.state).toBe('changes-requested');
    expect(mine.post.stateReason).toBe('Please add the reopening date.');
    const v2 = await core.posts.saveDraft(officer, { postId: p.id, baseRevision: mine.post.revision, campaignId: null, scheduledAt: WED_1000, content: content('Our libraries close at 5pm on Christmas Eve and reopen on 27 December.', [x]) });
    expect(v2.state).toBe('changes-requested');
    await core.posts.submit(officer, p.id, v2.revision);
    const second = await core.posts.get(approver, p.id);
    expect(second.changes).toMatchObject({ accountsRemoved: [bsky], nothingChanged: false, since: { reviewer: 'abi.approver', decision: 'changes-requested' } });
    const added = second.changes!.texts[0]!.pieces.filter((piece) => piece.kind === 'added').map((piece) => piece.text).join('');
    expect(added).toContain('reopen on 27 December');
    expect(second.reviews[0]).toMatchObject({ decision: 'changes-requested', comment: 'Please add the reopening date.' });
  });

  it('inside a pre-election period an approver cannot approve, a manager can, and party politics blocks', async () => {
    await core.policy.updatePolicySettings(admin, { preElectionPeriods: [{ name: 'County elections', start: '2026-11-30', end: '2026-12-10' }] });
    const p = await draft('Road closure on the High Street on Wednesday morning for resurfacing.', WED_1000);
    await core.posts.submit(officer, p.id, p.revision);
    const seen = await core.posts.get(approver, p.id);
    expect(seen.reviewBlockedBecause).toMatch(/manager/);
    await expect(core.posts.approve(approver, p.id, { contentHash: seen.post.contentHash, reasons: [], comment: '' })).rejects.toMatchObject({ code: 'forbidden' });
    const forManager = await core.posts.get(admin, p.id);
    const reasons = forManager.check.findings.filter((f) => f.severity === 'sign-off').map((f) => ({ key: f.key, reason: 'Operational road closure, no political content.' }));
    expect((await core.posts.approve(admin, p.id, { contentHash: forManager.post.contentHash, reasons, comment: '' })).state).toBe('scheduled');

    const political = await draft('Vote Conservative on polling day to keep the High Street moving!', WED_1000);
    await expect(core.posts.submit(officer, political.id, political.revision)).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('an out-of-hours post that invites replies needs a written sign-off (R14)', async () => {
    core.clock.set(WED_1000 - 86_400_000);
    const p = await draft('Tell us what you think of the new bins: reply below!', SAT_2100);
    await core.posts.submit(officer, p.id, p.revision);
    const seen = await core.posts.get(approver, p.id);
    expect(seen.check.findings.map((f) => f.category)).toContain('out-of-hours');
  });

  it('an approver can hold a scheduled post without voiding its approval, then release it', async () => {
    const p = await draft('Leisure centre pool reopens next week.');
    await core.posts.submit(officer, p.id, p.revision);
    const seen = await core.posts.get(approver, p.id);
    await core.posts.approve(approver, p.id, { contentHash: seen.post.contentHash, reasons: [], comment: '' });
    await expect(core.posts.hold(officer, p.id, 'Major incident under way')).rejects.toMatchObject({ code: 'forbidden' });
    const held = await core.posts.hold(approver, p.id, 'Major incident under way');
    expect(held.state).toBe('approved');
    expect(held.approvedBy).toBe('abi.approver');
    expect((await core.posts.release(approver, p.id)).state).toBe('scheduled');
    await core.posts.cancel(officer, p.id, 'Pool reopening postponed');
    expect((await core.posts.get(officer, p.id)).post.state).toBe('cancelled');
    await expect(core.posts.saveDraft(officer, { postId: p.id, campaignId: null, scheduledAt: WED_1000, content: content('x') })).rejects.toMatchObject({ code: 'conflict' });
    expect(await actions(p.id)).toEqual(['post.drafted', 'post.submitted', 'post.approved', 'post.scheduled', 'post.held', 'post.scheduled', 'post.cancelled']);
  });

  it('only trained people with the right role can write, submit or review', async () => {
    const moderator = await core.users.create(admin, { username: 'mo.moderator', displayName: 'Mo', password: PASSWORD, roles: ['moderator'], trainingCompletedOn: '2026-01-01' });
    await expect(draft('Hello', WED_1000, moderator)).rejects.toMatchObject({ code: 'forbidden' });
    const p = await draft('Hello residents');
    await core.posts.submit(officer, p.id, p.revision);
    const h = (await core.posts.get(officer, p.id)).post.contentHash;
    await expect(core.posts.approve(moderator, p.id, { contentHash: h, reasons: [], comment: '' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(core.posts.submit(approver, p.id, 2)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses to submit a post with no accounts, a disconnected account or a time in the past', async () => {
    const none = await core.posts.saveDraft(officer, { campaignId: null, scheduledAt: WED_1000, content: content('Hello', []) });
    await expect(core.posts.submit(officer, none.id, none.revision)).rejects.toMatchObject({ code: 'invalid-input', fields: { accounts: expect.any(String) } });
    const past = await draft('Hello', core.clock.now() - 60_000);
    await expect(core.posts.submit(officer, past.id, past.revision)).rejects.toMatchObject({ code: 'invalid-input', fields: { scheduledAt: expect.any(String) } });
    await core.database.db.updateTable('accounts').set({ status: 'needs-reconnect' }).where('id', '=', x).execute();
    const p = await draft('Hello');
    await expect(core.posts.submit(officer, p.id, p.revision)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('reconnect') });
  });

  it('a damaged post row is reported, and the other posts still list', async () => {
    const good = await draft('A good post');
    const bad = await draft('Soon to be damaged');
    await core.database.db.updateTable('posts').set({ content: '{"not":"a post"' }).where('id', '=', bad.id).execute();
    const listed = await core.posts.list(officer, {});
    expect(listed.map((p) => p.id)).toEqual([good.id]);
    await expect(core.posts.get(officer, bad.id)).rejects.toMatchObject({ code: 'storage', message: expect.stringContaining('damaged') });
  });

  it('campaigns record their purpose, audience, period and accounts, and posts belong to one', async () => {
    const c = await core.campaigns.create(officer, { name: 'Winter gritting', purpose: 'Tell drivers which roads are gritted', audience: 'Drivers in the borough', startsOn: '2026-12-01', endsOn: '2027-02-28', accountIds: [x] });
    await expect(core.campaigns.create(officer, { name: 'Backwards', purpose: 'p', audience: 'a', startsOn: '2027-01-02', endsOn: '2027-01-01', accountIds: [] })).rejects.toMatchObject({ code: 'invalid-input' });
    const p = await core.posts.saveDraft(officer, { campaignId: c.id, scheduledAt: WED_1000, content: content('Gritters are out tonight.') });
    expect(p.campaignId).toBe(c.id);
    expect((await core.campaigns.list()).map((k) => k.name)).toEqual(['Winter gritting']);
    expect((await core.audit.list({ limit: 10, action: 'campaign.created' })).entries[0]!.details).toMatchObject({ audience: 'Drivers in the borough' });
  });
});
