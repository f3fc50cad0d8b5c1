/**
 * What changed since the last review (issue 5 point 7): word-level differences per account, and accounts, images
 * and time added, removed or changed. Insertions and deletions use <ins> and <del> with words, not colour alone.
 */
import type { PostDetail } from '../../../src-main/ipc/contract';
import { formatDateTime } from '../../ui/format';
import { describeWhen, MEDIA_FIELD_NAMES } from './approvals-text';

type Props = { changes: NonNullable<PostDetail['changes']>; accountName(id: string): string; mediaName(id: string): string };

export function ChangesSinceReview({ changes, accountName, mediaName }: Props) {
  const who = `${changes.since.reviewer} ${changes.since.decision === 'approved' ? 'approved it' : 'asked for changes'} on ${formatDateTime(changes.since.at)}`;
  return (
    <section aria-labelledby="changes-heading" className="app-changes">
      <h3 className="govuk-heading-m" id="changes-heading">
        What changed since the last review
      </h3>
      <p className="govuk-body-s">Since {who}.</p>
      {changes.nothingChanged ? <p className="govuk-body">Nothing has changed.</p> : null}
      <ul className="govuk-list govuk-list--bullet">
        {changes.accountsAdded.map((id) => (
          <li key={`a+${id}`}>Account added: {accountName(id)}</li>
        ))}
        {changes.accountsRemoved.map((id) => (
          <li key={`a-${id}`}>Account removed: {accountName(id)}</li>
        ))}
        {changes.mediaAdded.map((id) => (
          <li key={`m+${id}`}>Image added: {mediaName(id)}</li>
        ))}
        {changes.mediaRemoved.map((id) => (
          <li key={`m-${id}`}>Image removed: {mediaName(id)}</li>
        ))}
        {changes.mediaChanged.map((m) => (
          <li key={`m~${m.mediaId}`}>
            Image {mediaName(m.mediaId)}: changed {m.fields.map((f) => MEDIA_FIELD_NAMES[f] ?? f).join(', ')}
          </li>
        ))}
        {changes.time ? (
          <li>
            Time changed from {describeWhen(changes.time.from)} to {describeWhen(changes.time.to)}
          </li>
        ) : null}
      </ul>
      {changes.texts.map((t) => (
        <div key={t.accountId}>
          <h4 className="govuk-heading-s">Text for {accountName(t.accountId)}</h4>
          <p className="govuk-body app-post-text app-diff">
            {t.pieces.map((p, i) =>
              p.kind === 'added' ? (
                <ins key={i}>
                  <span className="govuk-visually-hidden">[added: </span>
                  {p.text}
                  <span className="govuk-visually-hidden">]</span>
                </ins>
              ) : p.kind === 'removed' ? (
                <del key={i}>
                  <span className="govuk-visually-hidden">[removed: </span>
                  {p.text}
                  <span className="govuk-visually-hidden">]</span>
                </del>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
          </p>
        </div>
      ))}
    </section>
  );
}
