/**
 * Approvals (R5): the queue of posts waiting for a second pair of eyes, then what is scheduled, on hold, or sent back.
 * Opening a post shows the review panel; a decision returns to the list with the result announced. An approver's own
 * posts are listed but marked, because someone else must review them.
 */
import { useState } from 'react';
import type { AccountView, PostStateName, PostView } from '../../../src-main/ipc/contract';
import { call } from '../../api/client';
import { LoadProblem } from '../../ui/LoadProblem';
import { SuccessNotice } from '../../ui/Notification';
import { PageHeading } from '../../ui/PageHeading';
import { useLoad } from '../../ui/use-load';
import { describeWhen, STATE_TAG } from './approvals-text';
import { ReviewPanel } from './ReviewPanel';

const SECTIONS: Array<{ state: PostStateName; title: string; empty: string }> = [
  { state: 'submitted', title: 'Waiting for approval', empty: 'Nothing is waiting for approval.' },
  { state: 'scheduled', title: 'Scheduled', empty: 'No posts are scheduled.' },
  { state: 'approved', title: 'On hold', empty: 'No posts are on hold.' },
  { state: 'changes-requested', title: 'Sent back for changes', empty: 'No posts are waiting for their authors to make changes.' },
];

export function ApprovalsScreen({ userId }: { userId: string }) {
  const posts = useLoad(() => call('posts:list', { states: SECTIONS.map((s) => s.state), limit: 500 }));
  const accounts = useLoad(() => call('accounts:list', {}));
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (openId) {
    return (
      <>
        <PageHeading title="Approvals">Approvals</PageHeading>
        <ReviewPanel
          postId={openId}
          accounts={accounts.data ?? []}
          onBack={() => setOpenId(null)}
          onDone={(message) => {
            setNotice(message);
            setOpenId(null);
            void posts.reload();
          }}
        />
      </>
    );
  }
  return (
    <>
      <PageHeading title="Approvals">Approvals</PageHeading>
      <SuccessNotice message={notice} />
      <p className="govuk-body">Every post needs a second person to approve it before it can be scheduled (four eyes).</p>
      {posts.error ? <LoadProblem message={posts.error} onRetry={() => void posts.reload()} /> : null}
      {posts.data
        ? SECTIONS.map((s) => (
            <PostTable
              key={s.state}
              title={s.title}
              empty={s.empty}
              posts={posts.data!.filter((p) => p.state === s.state).sort((a, b) => (a.scheduledAt ?? 0) - (b.scheduledAt ?? 0))}
              accounts={accounts.data ?? []}
              userId={userId}
              onOpen={(id) => {
                setNotice(null);
                setOpenId(id);
              }}
            />
          ))
        : posts.loading
          ? <p className="govuk-body">Loading posts…</p>
          : null}
    </>
  );
}

type TableProps = { title: string; empty: string; posts: PostView[]; accounts: readonly AccountView[]; userId: string; onOpen(id: string): void };

function PostTable({ title, empty, posts, accounts, userId, onOpen }: TableProps) {
  const id = `section-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  const handles = (p: PostView) => p.content.accountIds.map((a) => accounts.find((x) => x.id === a)?.handle ?? 'removed account').join(', ');
  return (
    <section aria-labelledby={id}>
      <h2 className="govuk-heading-m" id={id}>
        {title} ({posts.length})
      </h2>
      {posts.length === 0 ? (
        <p className="govuk-body">{empty}</p>
      ) : (
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Post</th>
              <th scope="col" className="govuk-table__header">Written by</th>
              <th scope="col" className="govuk-table__header">Accounts</th>
              <th scope="col" className="govuk-table__header">Goes out</th>
              <th scope="col" className="govuk-table__header">State</th>
              <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {posts.map((p) => {
              const name = p.content.title || p.content.baseText.slice(0, 60) || 'Untitled post';
              return (
                <tr key={p.id} className="govuk-table__row">
                  <td className="govuk-table__cell">{name}</td>
                  <td className="govuk-table__cell">{p.authorId === userId ? `${p.author} (you)` : p.author}</td>
                  <td className="govuk-table__cell">{handles(p)}</td>
                  <td className="govuk-table__cell">{describeWhen(p.scheduledAt)}</td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag ${STATE_TAG[p.state]}`}>{p.stateLabel}</strong>
                  </td>
                  <td className="govuk-table__cell">
                    <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => onOpen(p.id)}>
                      {p.state === 'submitted' && p.authorId !== userId ? 'Review' : 'Open'}
                      <span className="govuk-visually-hidden"> {name}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
