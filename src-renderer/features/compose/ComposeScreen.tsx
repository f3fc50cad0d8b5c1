/**
 * Compose (issue 5 point 6; R5-R12): the editor for one post, and "Your posts" below it. The screen remembers which
 * post was open (per user, in this window's local storage), so coming back, or restarting after a crash, reopens the
 * draft as last saved. A new, untouched post is not saved until the officer writes something.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CampaignView, PostDetail, PostView } from '../../../src-main/ipc/contract';
import { call, messageOf } from '../../api/client';
import type { SessionView } from '../../app/app-state';
import { routeHref } from '../../app/routes';
import { LoadProblem } from '../../ui/LoadProblem';
import { LiveRegion, Notification } from '../../ui/Notification';
import { PageHeading } from '../../ui/PageHeading';
import { useLoad } from '../../ui/use-load';
import { journalKey } from './draft-journal';
import { PostEditor } from './PostEditor';
import { PostSummary } from './PostSummary';
import { EDITABLE } from './post-text';
import { YourPosts } from './YourPosts';

type Open = { key: number; postId: string | null; detail: PostDetail | null; editAnyway: boolean };
type Notice = { kind: 'success' | 'important'; heading: string; body?: string };

export function ComposeScreen({ session }: { session: SessionView }) {
  const accounts = useLoad(() => call('accounts:list', {}));
  const campaignsLoad = useLoad(() => call('campaigns:list', {}));
  const posts = useLoad(() => call('posts:list', { mine: true, limit: 200 }));
  const [created, setCreated] = useState<CampaignView[]>([]);
  const storageKey = `herald.compose.open.${session.user.id}`;
  const [open, setOpen] = useState<Open | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const keys = useRef(0);

  const remember = useCallback((postId: string | null) => {
    try {
      if (postId) localStorage.setItem(storageKey, postId);
      else localStorage.removeItem(storageKey);
    } catch {
      // Storage refused (a locked-down profile): the draft is still saved, only not reopened by itself.
    }
  }, [storageKey]);

  const openPost = useCallback(async (postId: string, editAnyway = false): Promise<void> => {
    try {
      const detail = await call('posts:get', { postId });
      setOpenError(null);
      setOpen({ key: ++keys.current, postId, detail, editAnyway });
      remember(postId);
    } catch (e) {
      setOpenError(messageOf(e));
    }
  }, [remember]);

  const newPost = useCallback(() => {
    remember(null);
    setOpen({ key: ++keys.current, postId: null, detail: null, editAnyway: false });
    setTimeout(() => document.getElementById('compose-editor-heading')?.focus(), 0);
  }, [remember]);

  // First visit: reopen the post that was open last time, else start a new one.
  useEffect(() => {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(storageKey);
    } catch {
      stored = null;
    }
    if (!stored) return setOpen({ key: ++keys.current, postId: null, detail: null, editAnyway: false });
    call('posts:get', { postId: stored }).then(
      (detail) => setOpen({ key: ++keys.current, postId: stored, detail, editAnyway: false }),
      () => {
        remember(null);
        setOpen({ key: ++keys.current, postId: null, detail: null, editAnyway: false });
      },
    );
  }, [storageKey, remember]);

  const reloadPosts = posts.reload;
  const currentKey = useRef(0);
  currentKey.current = open?.key ?? 0;
  // A save can finish after the officer has opened another post (the editor saves what is left as it closes):
  // only the editor still open may change which post the screen remembers.
  const onSaved = useCallback((key: number, p: PostView) => {
    if (key === currentKey.current) {
      remember(p.id);
      setOpen((o) => (o && o.key === key && o.postId !== p.id ? { ...o, postId: p.id } : o));
    }
    void reloadPosts();
  }, [remember, reloadPosts]);

  async function onSubmitted(p: PostView) {
    await openPost(p.id);
    void reloadPosts();
    setNotice({ kind: 'success', heading: `Submitted for approval. Your post is now “${p.stateLabel}”.`, body: 'An approver will review it. You can withdraw it if you need to make changes.' });
    setTimeout(() => document.getElementById('compose-summary-heading')?.focus(), 0);
  }

  async function onChanged(message: string) {
    if (open?.postId) await openPost(open.postId);
    void reloadPosts();
    setNotice({ kind: 'success', heading: message });
  }

  const accountList = useMemo(() => (accounts.data ?? []).filter((a) => a.status !== 'disconnected'), [accounts.data]);
  const byId = useMemo(() => new Map(accountList.map((a) => [a.id, a])), [accountList]);
  const campaigns = useMemo(() => {
    const all = [...(campaignsLoad.data ?? [])];
    for (const c of created) if (!all.some((x) => x.id === c.id)) all.push(c);
    return all;
  }, [campaignsLoad.data, created]);

  const detail = open?.detail ?? null;
  const readOnly = !!detail && !open?.editAnyway && !(EDITABLE.has(detail.post.state) && detail.can.edit);
  const noAccounts = accounts.data !== null && accountList.length === 0;

  return (
    <>
      <PageHeading title="Compose">Compose</PageHeading>
      <LiveRegion>
        {notice ? (
          <Notification kind={notice.kind}>
            <p className="govuk-notification-banner__heading">{notice.heading}</p>
            {notice.body ? <p className="govuk-body">{notice.body}</p> : null}
          </Notification>
        ) : null}
      </LiveRegion>
      {accounts.error ? <LoadProblem message={accounts.error} onRetry={() => void accounts.reload()} /> : null}
      {openError ? <LoadProblem message={openError} onRetry={() => open?.postId && void openPost(open.postId)} /> : null}
      {noAccounts ? (
        <div className="app-compose-empty">
          <h2 className="govuk-heading-m">No accounts to post to</h2>
          <p className="govuk-body">
            Herald has no connected social media accounts yet. Ask a manager to connect an account on the{' '}
            <a className="govuk-link" href={routeHref('accounts')}>
              Accounts screen
            </a>
            .
          </p>
        </div>
      ) : null}
      {!accounts.data || !open ? (
        accounts.error ? null : <p className="govuk-body app-loading">Loading…</p>
      ) : readOnly && detail ? (
        <PostSummary key={open.key} detail={detail} accounts={byId} campaigns={campaigns} onChanged={(m) => void onChanged(m)}
          onEdit={() => open.postId && void openPost(open.postId, true)} onNew={newPost} />
      ) : noAccounts ? null : (
        <PostEditor key={open.key} accounts={accountList} campaigns={campaigns} detail={detail} journalKey={journalKey(session.user.id)} onSaved={(p) => onSaved(open.key, p)}
          onSubmitted={(p) => void onSubmitted(p)} onReload={() => open.postId && void openPost(open.postId)}
          onCampaignCreated={(c) => setCreated((all) => [...all, c])} />
      )}
      {posts.error ? <LoadProblem message={posts.error} onRetry={() => void posts.reload()} /> : null}
      <YourPosts posts={posts.data} loading={posts.loading} openId={open?.postId ?? null}
        onOpen={(id) => {
          setNotice(null);
          void openPost(id).then(() => setTimeout(() => document.querySelector<HTMLElement>('#compose-editor-heading, #compose-summary-heading')?.focus(), 0));
        }}
        onNew={() => {
          setNotice(null);
          newPost();
        }} />
    </>
  );
}
