/**
 * A post that has left the officer's hands (waiting for approval, approved, scheduled...), read-only, with what the
 * author can still do as main allows it (`can`): withdraw it to make changes, edit a scheduled post (which voids its
 * approval, R5), or cancel it with a reason that goes into the audit log.
 */
import { useState } from 'react';
import type { AccountView, CampaignView, PostDetail } from '../../../src-main/ipc/contract';
import { call, messageOf } from '../../api/client';
import { ErrorSummary, type SummaryItem } from '../../ui/ErrorSummary';
import { Textarea } from '../../ui/Textarea';
import { accountName } from '../accounts/account-text';
import { stateTagClass, whenWords } from './post-text';

type Props = {
  detail: PostDetail;
  accounts: ReadonlyMap<string, AccountView>;
  campaigns: CampaignView[];
  onChanged(message: string): void;
  onEdit(): void;
  onNew(): void;
};

export function PostSummary({ detail, accounts, campaigns, onChanged, onEdit, onNew }: Props) {
  const { post, can } = detail;
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function act(run: () => Promise<unknown>, message: string) {
    if (busy) return;
    setBusy(true);
    try {
      await run();
      setErrors([]);
      onChanged(message);
    } catch (e) {
      setErrors([{ fieldId: cancelling ? 'compose-cancel-reason' : null, text: messageOf(e) }]);
      if (cancelling) setReasonError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const campaign = campaigns.find((c) => c.id === post.campaignId);
  const voids = post.state === 'approved' || post.state === 'scheduled';
  return (
    <section className="app-compose-editor" aria-labelledby="compose-summary-heading">
      <h2 className="govuk-heading-l" id="compose-summary-heading" tabIndex={-1}>
        {post.content.title || 'Your post'}
      </h2>
      <p className="govuk-body">
        State: <strong className={stateTagClass(post.state)}>{post.stateLabel}</strong>
      </p>
      <ErrorSummary items={errors} />
      <dl className="govuk-summary-list">
        {post.content.accountIds.map((id) => {
          const a = accounts.get(id);
          return (
            <div className="govuk-summary-list__row" key={id}>
              <dt className="govuk-summary-list__key">{a ? accountName(a) : 'An account no longer connected'}</dt>
              <dd className="govuk-summary-list__value app-post-text">{post.content.variants.find((v) => v.accountId === id)?.text ?? post.content.baseText}</dd>
            </div>
          );
        })}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Images</dt>
          <dd className="govuk-summary-list__value">
            {post.content.media.length ? post.content.media.map((m, i) => <p className="govuk-body" key={m.mediaId}>Image {i + 1}: {m.alt || 'no alt text'}</p>) : 'None'}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Campaign</dt>
          <dd className="govuk-summary-list__value">{campaign ? campaign.name : 'No campaign'}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Goes out</dt>
          <dd className="govuk-summary-list__value">{whenWords(post.scheduledAt)}</dd>
        </div>
        {post.stateReason ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Reason</dt>
            <dd className="govuk-summary-list__value">{post.stateReason}</dd>
          </div>
        ) : null}
      </dl>
      {cancelling ? (
        <div className="app-compose-panel" role="group" aria-labelledby="compose-cancel-heading">
          <h3 className="govuk-heading-s" id="compose-cancel-heading">
            Cancel this post
          </h3>
          <Textarea id="compose-cancel-reason" label="Why are you cancelling it?" hint="This goes into the audit log." value={reason}
            onChange={setReason} error={reasonError} rows={2} />
          <div className="govuk-button-group">
            <button type="button" className="govuk-button govuk-button--warning" aria-disabled={busy}
              onClick={() => void act(() => call('posts:cancel', { postId: post.id, reason }), 'The post has been cancelled. It will not be published.')}>
              Cancel the post
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setCancelling(false)}>
              Keep the post
            </button>
          </div>
        </div>
      ) : (
        <div className="govuk-button-group">
          {can.withdraw ? (
            <button type="button" className="govuk-button govuk-button--secondary" aria-disabled={busy}
              onClick={() => void act(() => call('posts:withdraw', { postId: post.id }), 'The post has been withdrawn from approval. It is a draft again, so you can change it.')}>
              Withdraw to make changes
            </button>
          ) : null}
          {can.edit && voids ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={onEdit} aria-describedby="compose-edit-voids">
              Edit this post
            </button>
          ) : null}
          {can.cancel ? (
            <button type="button" className="govuk-button govuk-button--warning" onClick={() => setCancelling(true)}>
              Cancel this post
            </button>
          ) : null}
          <button type="button" className="govuk-button" onClick={onNew}>
            Write a new post
          </button>
        </div>
      )}
      {can.edit && voids ? (
        <p className="govuk-body-s" id="compose-edit-voids">
          Editing an approved post takes it back to draft: it needs approving again before it goes out.
        </p>
      ) : null}
    </section>
  );
}
