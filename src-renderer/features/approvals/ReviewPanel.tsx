/**
 * One post under review (R5, R10, R11): every account's text with its findings marked, images with their alt text,
 * source, licence and consent record, what changed since the last review, and the decision. Approve sends the hash
 * of the version on screen, so a post changed in the meantime is refused rather than approved unseen.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AccountView, MediaView, PostDetail } from '../../../src-main/ipc/contract';
import { call, messageOf } from '../../api/client';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { formErrorsFrom, localErrors, noErrors, type FormErrors } from '../../ui/form-errors';
import { formatDateTime } from '../../ui/format';
import { LoadProblem } from '../../ui/LoadProblem';
import { Textarea } from '../../ui/Textarea';
import { useLoad } from '../../ui/use-load';
import { describeWhen, STATE_TAG } from './approvals-text';
import { ChangesSinceReview } from './ChangesSinceReview';
import { FindingsForReview, reasonFieldId } from './FindingsForReview';
import { HighlightedText } from './HighlightedText';
import { SummaryRow } from '../../ui/SummaryRow';

type Props = { postId: string; accounts: readonly AccountView[]; onDone(message: string): void; onBack(): void };

const COMMENT_ID = 'review-comment';

export function ReviewPanel({ postId, accounts, onDone, onBack }: Props) {
  const detail = useLoad(() => call('posts:get', { postId }), postId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [postId]);
  const d = detail.data;
  return (
    <section aria-labelledby="review-heading">
      <p className="govuk-body">
        <button type="button" className="govuk-back-link app-link-button" onClick={onBack}>
          Back to the approvals list
        </button>
      </p>
      <h2 className="govuk-heading-l" id="review-heading" tabIndex={-1} ref={heading}>
        {d ? `Review: ${d.post.content.title || 'Untitled post'}` : 'Review'}
      </h2>
      {detail.error ? <LoadProblem message={detail.error} onRetry={() => void detail.reload()} /> : null}
      {d ? <ReviewBody detail={d} accounts={accounts} onDone={onDone} reload={() => void detail.reload()} /> : detail.loading ? <p className="govuk-body">Loading the post…</p> : null}
    </section>
  );
}

function ReviewBody({ detail, accounts, onDone, reload }: { detail: PostDetail; accounts: readonly AccountView[]; onDone(m: string): void; reload(): void }) {
  const { post, check } = detail;
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const account = (id: string) => accounts.find((a) => a.id === id);
  const accountName = (id: string) => {
    const a = account(id);
    return a ? `${a.capabilities.displayName} ${a.handle}` : 'a removed account';
  };
  const mediaName = (id: string) => detail.media.find((m) => m.id === id)?.fileName ?? 'an image';
  const fieldIds: Record<string, string> = { comment: COMMENT_ID, reason: COMMENT_ID };
  for (const f of check.findings) fieldIds[`reason:${f.key}`] = reasonFieldId(f.key);

  async function act(what: () => Promise<unknown>, message: string) {
    if (busy) return;
    setBusy(true);
    try {
      await what();
      onDone(message);
    } catch (e) {
      setErrors(formErrorsFrom(e, fieldIds));
    } finally {
      setBusy(false);
    }
  }

  function approve(e: FormEvent) {
    e.preventDefault();
    const missing = check.findings
      .filter((f) => f.severity === 'sign-off' && (reasons[f.key] ?? '').trim().length < 5)
      .map((f): [string, string] => [`reason:${f.key}`, `Give a reason for signing off: ${f.message}`]);
    if (missing.length) return setErrors(localErrors(missing, fieldIds));
    void act(
      () =>
        call('posts:approve', {
          postId: post.id,
          contentHash: post.contentHash,
          reasons: check.findings.filter((f) => f.severity === 'sign-off').map((f) => ({ key: f.key, reason: reasons[f.key] ?? '' })),
          comment,
        }),
      `Approved. “${post.content.title || 'Untitled post'}” is scheduled for ${describeWhen(post.scheduledAt).replace('As soon as it is approved', 'now')}.`,
    );
  }

  function requestChanges() {
    if (comment.trim().length < 5) return setErrors(localErrors([['comment', 'Say what needs to change']], fieldIds));
    void act(() => call('posts:request-changes', { postId: post.id, contentHash: post.contentHash, comment }), `Changes requested from ${post.author}.`);
  }

  return (
    <>
      <ErrorSummary items={errors.summary} />
      <dl className="govuk-summary-list">
        <SummaryRow label="State">
          <strong className={`govuk-tag ${STATE_TAG[post.state]}`}>{post.stateLabel}</strong>
          {post.stateReason ? <span className="govuk-body-s"> {post.stateReason}</span> : null}
        </SummaryRow>
        <SummaryRow label="Written by">{post.author}</SummaryRow>
        <SummaryRow label="When it goes out">{describeWhen(post.scheduledAt)}</SummaryRow>
        <SummaryRow label="Accounts">{post.content.accountIds.map(accountName).join(', ') || 'None chosen'}</SummaryRow>
        <SummaryRow label="Checked with">{check.packLabel}</SummaryRow>
      </dl>
      {detail.changes ? <ChangesSinceReview changes={detail.changes} accountName={accountName} mediaName={mediaName} /> : null}
      <h3 className="govuk-heading-m">The post</h3>
      {post.content.accountIds.map((id) => {
        const text = post.content.variants.find((v) => v.accountId === id)?.text ?? post.content.baseText;
        return (
          <div key={id} className="app-post-preview">
            <h4 className="govuk-heading-s">{accountName(id)}</h4>
            <HighlightedText text={text} findings={check.findings.filter((f) => f.accountIds.includes(id))} />
          </div>
        );
      })}
      {post.content.media.length ? (
        <>
          <h3 className="govuk-heading-m">Images</h3>
          {post.content.media.map((m) => (
            <MediaCard key={m.mediaId} media={m} view={detail.media.find((v) => v.id === m.mediaId)} />
          ))}
        </>
      ) : null}
      <h3 className="govuk-heading-m">Policy findings</h3>
      <form onSubmit={approve} noValidate>
        <FindingsForReview
          findings={check.findings}
          accountName={accountName}
          reasons={reasons}
          errors={errors.fields}
          {...(detail.can.review ? { onReason: (k: string, v: string) => setReasons((r) => ({ ...r, [k]: v })) } : {})}
        />
        {detail.can.review ? (
          <>
            <Textarea id={COMMENT_ID} label="Comment for the author (optional when approving)" value={comment} onChange={setComment} error={errors.fields.comment} />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" disabled={busy}>
                Approve and schedule
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} onClick={requestChanges}>
                Request changes
              </button>
            </div>
          </>
        ) : post.state === 'submitted' && detail.reviewBlockedBecause ? (
          <div className="govuk-inset-text">{detail.reviewBlockedBecause}</div>
        ) : null}
      </form>
      <HoldControls detail={detail} onDone={onDone} reload={reload} />
      {detail.reviews.length ? (
        <>
          <h3 className="govuk-heading-m">Earlier reviews</h3>
          <ul className="govuk-list">
            {detail.reviews.map((r) => (
              <li key={r.id}>
                <strong>{r.reviewer}</strong> {r.decision === 'approved' ? 'approved' : 'asked for changes'} on {formatDateTime(r.at)}
                {r.comment ? `: “${r.comment}”` : ''}
                {r.reasons.length ? ` (${r.reasons.length} sign-off reason${r.reasons.length === 1 ? '' : 's'})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function HoldControls({ detail, onDone, reload }: { detail: PostDetail; onDone(m: string): void; reload(): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const { post, can } = detail;
  if (!can.hold && !can.release) return null;
  async function run(action: () => Promise<unknown>, message: string) {
    try {
      await action();
      onDone(message);
    } catch (e) {
      setError(messageOf(e));
      reload();
    }
  }
  return (
    <section aria-labelledby="hold-heading">
      <h3 className="govuk-heading-m" id="hold-heading">
        {can.hold ? 'Hold this post' : 'Release this post'}
      </h3>
      {can.hold ? (
        <>
          <Textarea id="hold-reason" label="Why is it being held?" hint="For example, a major incident. The approval is kept." value={reason} onChange={setReason} error={error} rows={2} />
          <button type="button" className="govuk-button govuk-button--warning" onClick={() => void run(() => call('posts:hold', { postId: post.id, reason }), 'The post is on hold. It will not go out until it is released.')}>
            Hold
          </button>
        </>
      ) : (
        <>
          {error ? <p className="govuk-error-message">{error}</p> : null}
          <button type="button" className="govuk-button" onClick={() => void run(() => call('posts:release', { postId: post.id }), `Released. The post is scheduled for ${describeWhen(post.scheduledAt)}.`)}>
            Release
          </button>
        </>
      )}
    </section>
  );
}

function MediaCard({ media, view }: { media: PostDetail['post']['content']['media'][number]; view: MediaView | undefined }) {
  const preview = useLoad(() => call('media:preview', { mediaId: media.mediaId }), media.mediaId);
  return (
    <div className="app-media-card">
      {preview.data ? <img src={preview.data.dataUrl} alt={media.alt} className="app-media-card__img" /> : null}
      <dl className="govuk-summary-list govuk-summary-list--no-border">
        <SummaryRow label="File">{view ? `${view.fileName} (${view.width ?? '?'} × ${view.height ?? '?'})` : 'Not stored'}</SummaryRow>
        <SummaryRow label="Alt text">{media.alt || 'None'}</SummaryRow>
        <SummaryRow label="Source">{media.source || 'Not recorded'}</SummaryRow>
        <SummaryRow label="Licence">{media.licence || 'Not recorded'}</SummaryRow>
        <SummaryRow label="People shown">{media.peopleShown ? (media.under16 ? 'Yes, including under-16s' : 'Yes') : 'No'}</SummaryRow>
        <SummaryRow label="Consent">{media.consentRecorded ? `Recorded${media.consentReference ? ` (${media.consentReference})` : ''}` : 'Not recorded'}</SummaryRow>
      </dl>
    </div>
  );
}

