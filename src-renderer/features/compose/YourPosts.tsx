/**
 * "Your posts": the officer's own posts, newest change first, with their state in words and colour. Opening one
 * loads it into the editor (or, once it has gone for approval, shows it read-only with what can still be done).
 */
import type { PostView } from '../../../src-main/ipc/contract';
import { formatDateTime } from '../../ui/format';
import { postName, stateTagClass, whenWords } from './post-text';

type Props = { posts: PostView[] | null; loading: boolean; openId: string | null; onOpen(id: string): void; onNew(): void };

export function YourPosts({ posts, loading, openId, onOpen, onNew }: Props) {
  const list = (posts ?? []).filter((p) => p.state !== 'cancelled' && p.state !== 'published');
  return (
    <section className="app-compose-section app-your-posts" aria-labelledby="your-posts-heading">
      <h2 className="govuk-heading-l" id="your-posts-heading">
        Your posts
      </h2>
      <button type="button" className="govuk-button" onClick={onNew}>
        New post
      </button>
      {!posts && loading ? <p className="govuk-body">Loading your posts…</p> : null}
      {posts && !list.length ? (
        <p className="govuk-body">You have no drafts or posts waiting. Posts you write appear here, with where each one is in approval.</p>
      ) : null}
      {list.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">
            {list.length} {list.length === 1 ? 'post' : 'posts'}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Post</th>
              <th scope="col" className="govuk-table__header">State</th>
              <th scope="col" className="govuk-table__header">Goes out</th>
              <th scope="col" className="govuk-table__header">Last changed</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {list.map((p) => (
              <tr key={p.id} className="govuk-table__row">
                <td className="govuk-table__cell app-table-subject">
                  <button type="button" className="app-link-button" onClick={() => onOpen(p.id)} aria-current={p.id === openId ? 'true' : undefined}>
                    {postName(p)}
                  </button>
                  {p.id === openId ? <span className="govuk-body-s"> (open)</span> : null}
                </td>
                <td className="govuk-table__cell">
                  <strong className={stateTagClass(p.state)}>{p.stateLabel}</strong>
                </td>
                <td className="govuk-table__cell app-table-details">{whenWords(p.scheduledAt)}</td>
                <td className="govuk-table__cell app-table-details">
                  <time dateTime={new Date(p.updatedAt).toISOString()}>{formatDateTime(p.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
