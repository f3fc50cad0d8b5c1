/**
 * The handler table: one transport-free function per channel of the contract (DESIGN.md rule 2). Handlers get an
 * already-validated input and the caller's window key; who the caller is comes from the session held in main, and
 * what they may do is checked by the core services, not here and not in React.
 */
import type { Core } from '../core/create-core';
import { HeraldError } from '../core/errors';
import { toView, type User } from '../core/people/user-service';
import type { HandlerTable } from './dispatcher';

export function createHandlers(core: Core): HandlerTable {
  const sessionView = (user: User, locked: boolean) => ({
    user: toView(user),
    locked,
    idleLockMinutes: core.settings.get().idleLockMinutes,
  });
  const requireUser = (windowKey: string) => core.sessions.require(windowKey);
  const requireSetUp = async () => {
    if ((await core.users.count()) === 0) throw new HeraldError('setup-needed', 'Herald needs setting up first');
  };

  return {
    'app:get-state': async ({ windowKey }) => {
      const setupNeeded = (await core.users.count()) === 0;
      const s = setupNeeded ? null : await core.sessions.peek(windowKey);
      return { setupNeeded, session: s ? sessionView(s.user, s.locked) : null };
    },
    'setup:create-admin': async ({ windowKey }, input) => {
      // R3: first-run setup creates the first administrator, who is a manager.
      const user = await core.users.create(null, { ...input, roles: ['manager'] });
      core.sessions.start(windowKey, user);
      return sessionView(user, false);
    },
    'auth:sign-in': async ({ windowKey }, input) => {
      await requireSetUp();
      return sessionView(await core.sessions.signIn(windowKey, input.username, input.password), false);
    },
    'auth:unlock': async ({ windowKey }, input) => sessionView(await core.sessions.unlock(windowKey, input.password), false),
    'auth:sign-out': async ({ windowKey }) => {
      await core.sessions.signOut(windowKey);
      return { done: true as const };
    },
    'auth:touch': async ({ windowKey }) => {
      const s = await core.sessions.peek(windowKey);
      if (!s) return null;
      if (!s.locked) await core.sessions.require(windowKey);
      return sessionView(s.user, s.locked);
    },
    'users:list': async ({ windowKey }) => {
      const me = await requireUser(windowKey);
      core.users.requireAdmin(me);
      return (await core.users.list()).map(toView);
    },
    'users:create': async ({ windowKey }, input) => toView(await core.users.create(await requireUser(windowKey), input)),
    'users:set-roles': async ({ windowKey }, input) =>
      toView(await core.users.setRoles(await requireUser(windowKey), input.userId, input.roles)),
    'users:set-training': async ({ windowKey }, input) =>
      toView(await core.users.setTraining(await requireUser(windowKey), input.userId, input.trainingCompletedOn)),
    'users:set-active': async ({ windowKey }, input) =>
      toView(await core.users.setActive(await requireUser(windowKey), input.userId, input.active)),
    'audit:list': async ({ windowKey }, input) => {
      await requireUser(windowKey);
      return core.audit.list(input);
    },
    'audit:verify': async ({ windowKey }) => {
      const me = await requireUser(windowKey);
      const result = await core.audit.verify();
      await core.audit.record({
        actor: me.username,
        action: 'audit.verified',
        subject: 'audit-log',
        details: { ok: result.ok, checked: result.checked, firstBadSeq: result.firstBadSeq },
      });
      return result;
    },
    'accounts:list': async ({ windowKey }) => {
      await requireUser(windowKey);
      return core.accounts.list();
    },
    'accounts:platforms': async ({ windowKey }) => {
      await requireUser(windowKey);
      return core.accounts.platforms();
    },
    'accounts:connect-app-password': async ({ windowKey }, input) =>
      core.accounts.connectWithAppPassword(await requireUser(windowKey), input),
    'accounts:connect-oauth': async ({ windowKey }, input) => core.accounts.connectWithOAuth(await requireUser(windowKey), input),
    'accounts:complete-oauth': async ({ windowKey }, input) => core.accounts.completeOAuth(await requireUser(windowKey), input.pendingId, input.targetId),
    'accounts:check-health': async ({ windowKey }, input) => core.accounts.checkHealth(await requireUser(windowKey), input.accountId),
    'accounts:rotate-app-password': async ({ windowKey }, input) =>
      core.accounts.rotateAppPassword(await requireUser(windowKey), input.accountId, input.appPassword),
    'accounts:update-details': async ({ windowKey }, { accountId, ...details }) =>
      core.accounts.updateDetails(await requireUser(windowKey), accountId, details),
    'accounts:disconnect': async ({ windowKey }, input) => core.accounts.disconnect(await requireUser(windowKey), input.accountId, input.reason),
    'settings:get': async ({ windowKey }) => {
      await requireUser(windowKey);
      return core.settings.get();
    },
    'settings:update': async ({ windowKey }, input) => core.settings.update(await requireUser(windowKey), input),
    'policy:check': async ({ windowKey }, input) => {
      await requireUser(windowKey);
      const { packLabel, results } = core.policy.check(input.posts);
      return { packLabel, results: results.map((r) => ({ id: r.id, findings: r.findings })) };
    },
    'policy:get-pack': async ({ windowKey }) => {
      const { pack, ...current } = core.policy.packForEditing(await requireUser(windowKey));
      return { current, pack, warnings: core.policy.warnings() };
    },
    'policy:history': async ({ windowKey }) => {
      await requireUser(windowKey);
      const { pack: _pack, ...builtIn } = await core.policy.getVersion(0);
      return { current: core.policy.currentInfo(), builtIn, versions: await core.policy.history() };
    },
    'policy:save-pack': async ({ windowKey }, input) => core.policy.savePack(await requireUser(windowKey), input.pack, input.reason),
    'policy:rollback': async ({ windowKey }, input) => core.policy.rollback(await requireUser(windowKey), input.version, input.reason),
    'policy:get-settings': async ({ windowKey }) => {
      await requireUser(windowKey);
      return core.policy.policySettings();
    },
    'policy:update-settings': async ({ windowKey }, input) => core.policy.updatePolicySettings(await requireUser(windowKey), input),
    'posts:list': async ({ windowKey }, input) => core.posts.list(await requireUser(windowKey), input),
    'posts:get': async ({ windowKey }, input) => core.posts.get(await requireUser(windowKey), input.postId),
    'posts:save-draft': async ({ windowKey }, input) => core.posts.saveDraft(await requireUser(windowKey), input),
    'posts:submit': async ({ windowKey }, input) => core.posts.submit(await requireUser(windowKey), input.postId, input.revision),
    'posts:withdraw': async ({ windowKey }, input) => core.posts.withdraw(await requireUser(windowKey), input.postId),
    'posts:approve': async ({ windowKey }, { postId, ...decision }) => core.posts.approve(await requireUser(windowKey), postId, decision),
    'posts:request-changes': async ({ windowKey }, input) =>
      core.posts.requestChanges(await requireUser(windowKey), input.postId, input.contentHash, input.comment),
    'posts:hold': async ({ windowKey }, input) => core.posts.hold(await requireUser(windowKey), input.postId, input.reason),
    'posts:release': async ({ windowKey }, input) => core.posts.release(await requireUser(windowKey), input.postId),
    'posts:cancel': async ({ windowKey }, input) => core.posts.cancel(await requireUser(windowKey), input.postId, input.reason),
    'campaigns:list': async ({ windowKey }) => {
      await requireUser(windowKey);
      return core.campaigns.list();
    },
    'campaigns:create': async ({ windowKey }, input) => core.campaigns.create(await requireUser(windowKey), input),
    'media:add': async ({ windowKey }, input) =>
      core.media.add(await requireUser(windowKey), input.fileName, Buffer.from(input.dataBase64, 'base64')),
    'media:preview': async ({ windowKey }, input) => {
      await requireUser(windowKey);
      return { dataUrl: await core.media.dataUrl(input.mediaId) };
    },
  };
}
