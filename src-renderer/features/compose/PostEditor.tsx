/**
 * Writing one post (issue 5 point 6; R5-R12): accounts, the shared text and per-account versions with platform
 * counters, live policy findings, images, campaign and time. The draft autosaves as the officer types; "Submit for
 * approval" (or Ctrl+Enter) saves, then asks main to submit, and stays unavailable, with the reason, while a finding
 * blocks the post. Ctrl+S saves at once. Main checks everything again; its refusals come back in the error summary.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { clearJournal, readJournal, writeJournal, type JournalEntry } from './draft-journal';
import { formatTime } from '../../ui/format';
import type { AccountView, CampaignView, MediaView, PostDetail, PostView } from '../../../src-main/ipc/contract';
import { call } from '../../api/client';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { formErrorsFrom, localErrors, noErrors, type FormErrors } from '../../ui/form-errors';
import { TextInput } from '../../ui/TextInput';
import { accountName } from '../accounts/account-text';
import { ACCOUNTS_ID, AccountChooser } from './AccountChooser';
import { CampaignChooser } from './CampaignChooser';
import { contentOf, draftFromPost, emptyDraft, hasAnything, scheduledAtToSave, scheduleOf, textFor, type Draft } from './draft-model';
import { checkBatch, groupFindings, type ShownFinding } from './findings';
import { FindingsList } from './FindingsList';
import { FILE_INPUT_ID, ImagesEditor, imageFieldId } from './ImagesEditor';
import { SaveStatus } from './SaveStatus';
import { TEXT_ID, TextSection, variantId } from './TextSection';
import { useAutosave } from './use-autosave';
import { useFindings } from './use-findings';
import { DATE_ID, TIME_ID, WhenToPost } from './WhenToPost';

const fieldIds: Record<string, string> = { accounts: ACCOUNTS_ID, accountIds: ACCOUNTS_ID, text: TEXT_ID, scheduledAt: DATE_ID, media: FILE_INPUT_ID, findings: 'compose-findings-heading' };

type Props = {
  accounts: AccountView[];
  campaigns: CampaignView[];
  detail: PostDetail | null;
  /** Where this person's unsaved changes are kept until main has them (draft-journal.ts). */
  journalKey: string;
  onCampaignCreated(c: CampaignView): void;
  onSaved(post: PostView): void;
  onSubmitted(post: PostView): void;
  onReload(): void;
};

export function PostEditor({ accounts, campaigns, detail, journalKey, onCampaignCreated, onSaved, onSubmitted, onReload }: Props) {
  const [draft, setDraft] = useState<Draft>(() => (detail ? draftFromPost(detail.post) : emptyDraft()));
  // Changes typed but not yet saved when Herald last closed (a crash inside the autosave pause), offered back.
  const [recovered, setRecovered] = useState<JournalEntry | null>(() => readJournal(journalKey, detail?.post.id ?? null, detail?.post.revision ?? 0));
  const [known, setKnown] = useState<Map<string, MediaView>>(() => new Map((detail?.media ?? []).map((m) => [m.id, m])));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [tried, setTried] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [now] = useState(() => Date.now());
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const exists = useRef(!!detail);
  /** The time main holds for this post, kept while a new one is half-typed (scheduledAtToSave). */
  const savedAt = useRef<number | null>(detail?.post.scheduledAt ?? null);

  const byId = useMemo(() => new Map(accounts.map((a) => [a.id, a])), [accounts]);
  const chosen = draft.accountIds.map((id) => byId.get(id)).filter((a): a is AccountView => !!a);
  const schedule = scheduleOf(draft, Math.max(now, Date.now()));
  const scheduledAt = schedule.kind === 'at' ? schedule.epochMs : null;

  const checked = useFindings(useMemo(() => checkBatch(draft, byId, scheduledAt), [draft, byId, scheduledAt]));
  const findings = useMemo(() => (checked ? groupFindings(draft, checked.byId) : []), [checked, draft]);
  const blocks = findings.filter((f) => f.severity === 'block');

  const autosave = useAutosave({
    initial: detail ? { postId: detail.post.id, revision: detail.post.revision } : null,
    snapshot: () => {
      const d = draftRef.current;
      if (!exists.current && !hasAnything(d)) return null;
      return { campaignId: d.campaignId, scheduledAt: scheduledAtToSave(d, savedAt.current), content: contentOf(d) };
    },
    onSaved: (p) => {
      exists.current = true;
      savedAt.current = p.scheduledAt;
      onSaved(p);
    },
    journalKey,
  });

  // Every unsaved change goes to the journal at once; autosave clears it when main has the change.
  useEffect(() => {
    if (!autosave.dirty()) return;
    const at = autosave.current();
    writeJournal(journalKey, { postId: at?.postId ?? null, revision: at?.revision ?? 0, draft, at: Date.now() });
  }, [draft, autosave, journalKey]);

  const update = (patch: Partial<Draft> | ((d: Draft) => Partial<Draft>)) => {
    setDraft((d) => ({ ...d, ...(typeof patch === 'function' ? patch(d) : patch) }));
    autosave.changed();
  };
  const setVariant = (accountId: string, text: string | null) =>
    update((d) => {
      const variants = { ...d.variants };
      if (text === null) delete variants[accountId];
      else variants[accountId] = text;
      return { variants };
    });
  const setAccounts = (ids: string[]) =>
    update((d) => ({ accountIds: ids, variants: Object.fromEntries(Object.entries(d.variants).filter(([id]) => ids.includes(id))) }));

  const showFinding = (f: ShownFinding) => {
    const id = f.source.kind === 'base' ? TEXT_ID : variantId(f.source.accountId);
    const el = document.getElementById(id) as HTMLTextAreaElement | null;
    if (!el) return;
    el.focus();
    el.setSelectionRange(f.start, f.end);
  };
  const textOf = (f: ShownFinding) => (f.source.kind === 'base' ? draft.baseText : (draft.variants[f.source.accountId] ?? ''));

  /** What stops submission that the officer can fix here, before asking main. */
  function problems(): Array<[string, string]> {
    const found: Array<[string, string]> = [];
    if (!draft.accountIds.length) found.push(['accounts', 'Choose at least one account to post to']);
    for (const a of chosen) {
      if (!textFor(draft, a.id).trim() && !draft.media.length)
        found.push([a.id in draft.variants ? `variant:${a.id}` : 'text', a.id in draft.variants ? `Write the text for ${accountName(a)}` : 'Write the post']);
    }
    draft.media.forEach((m, i) => {
      if (!m.alt.trim()) found.push([imageFieldId(i, 'alt'), `Enter alt text for image ${i + 1}`]);
    });
    if (schedule.kind === 'incomplete') found.push(['scheduledAt', 'Enter the date and time to post, or choose “As soon as it is approved”']);
    if (schedule.kind === 'error') found.push([schedule.field === 'date' ? 'scheduledAt' : 'time', schedule.message]);
    if (schedule.kind === 'at' && schedule.past) found.push(['scheduledAt', 'The time to post must be in the future']);
    if (blocks.length)
      found.push(['findings', `Fix the ${blocks.length === 1 ? 'finding' : `${blocks.length} findings`} under “Must be fixed before submitting” first`]);
    return found;
  }

  async function submit() {
    if (submitting) return;
    setTried(true);
    const ids: Record<string, string> = { ...fieldIds, time: TIME_ID };
    for (const a of chosen) ids[`variant:${a.id}`] = variantId(a.id);
    draft.media.forEach((_, i) => (ids[imageFieldId(i, 'alt')] = imageFieldId(i, 'alt')));
    const found = problems();
    if (found.length) return setErrors(localErrors(found, ids));
    setSubmitting(true);
    try {
      const saved = await autosave.saveNow();
      const current = autosave.current();
      if (!saved || !current) throw new Error('save');
      const post = await call('posts:submit', { postId: current.postId, revision: current.revision });
      setErrors(noErrors);
      onSubmitted(post);
    } catch (e) {
      if (e instanceof Error && e.message === 'save') setErrors(localErrors([['save', 'The draft could not be saved, so it was not submitted. Try again.']], {}));
      else setErrors(formErrorsFrom(e, ids));
    } finally {
      setSubmitting(false);
    }
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      void submit();
    } else if (e.key === 's' || e.key === 'S') {
      e.preventDefault();
      void autosave.saveNow();
    }
  };

  const whenErrors = {
    date: errors.fields.scheduledAt ?? (tried && schedule.kind === 'error' && schedule.field === 'date' ? schedule.message : undefined),
    time: errors.fields.time ?? (schedule.kind === 'error' && schedule.field === 'time' && (tried || /^\d{1,2}[:.]\d{2}$/.test(draft.time.trim())) ? schedule.message : undefined),
  };
  const review = detail?.post.state === 'changes-requested' ? detail.reviews.find((r) => r.decision === 'changes-requested') : undefined;
  const blockedWhy = blocks.length
    ? `You cannot submit this post yet: fix the ${blocks.length === 1 ? 'finding' : `${blocks.length} findings`} under “Must be fixed before submitting”.`
    : null;

  return (
    <section className="app-compose-editor" aria-labelledby="compose-editor-heading" onKeyDown={onKeyDown}
      onBlur={() => autosave.dirty() && void autosave.saveNow()}>
      <h2 className="govuk-heading-l" id="compose-editor-heading" tabIndex={-1}>
        {detail ? (detail.post.state === 'changes-requested' ? 'Change your post' : 'Edit your draft') : 'New post'}
      </h2>
      {recovered ? (
        <div className="govuk-notification-banner" role="region" aria-labelledby="compose-recovered-title">
          <div className="govuk-notification-banner__header">
            <h3 className="govuk-notification-banner__title" id="compose-recovered-title">Unsaved changes found</h3>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-body">Herald closed at {formatTime(recovered.at)} before your last changes to this post were saved.</p>
            <div className="govuk-button-group">
              <button type="button" className="govuk-button" onClick={() => {
                setDraft(recovered.draft);
                autosave.changed();
                setRecovered(null);
              }}>
                Restore my changes
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => {
                clearJournal(journalKey);
                setRecovered(null);
              }}>
                Discard them
              </button>
            </div>
          </div>
        </div>
      ) : null}
      <SaveStatus status={autosave.status} exists={exists.current} onRetry={() => void autosave.saveNow()} onReload={onReload} />
      {review ? (
        <div className="govuk-inset-text">
          <strong>{review.reviewer} asked for changes:</strong> {review.comment}
        </div>
      ) : null}
      <ErrorSummary items={errors.summary} />
      <TextInput id="compose-title" label="Title" hint="Only your team sees this. It names the post in lists and the calendar."
        value={draft.title} onChange={(title) => update({ title })} widthClass="govuk-input--width-30" autoComplete="off" />
      <AccountChooser accounts={accounts} value={draft.accountIds} onChange={setAccounts} error={errors.fields.accounts ?? errors.fields.accountIds} />
      <TextSection chosen={chosen} baseText={draft.baseText} variants={draft.variants} findings={findings} error={errors.fields.text}
        onBase={(baseText) => update({ baseText })} onVariant={setVariant} />
      <FindingsList findings={findings} accounts={byId} packLabel={checked?.packLabel ?? ''} error={checked?.error ?? null} textOf={textOf} onShow={showFinding} />
      <ImagesEditor media={draft.media} onChange={(media) => update({ media })} known={known}
        onKnown={(v) => setKnown((m) => new Map(m).set(v.id, v))} errors={errors.fields} />
      <CampaignChooser campaigns={campaigns} accounts={accounts} chosenAccountIds={draft.accountIds} value={draft.campaignId}
        onChange={(campaignId) => update({ campaignId })} onCreated={onCampaignCreated} />
      <WhenToPost when={draft.when} date={draft.date} time={draft.time} schedule={schedule} errors={whenErrors}
        onWhen={(when) => update({ when })} onDate={(date) => update({ date })} onTime={(time) => update({ time })} />
      <div className="app-compose-actions">
        {blockedWhy ? (
          <p className="govuk-body app-compose-actions__blocked" id="compose-submit-blocked">
            <strong>{blockedWhy}</strong>
          </p>
        ) : null}
        <div className="govuk-button-group">
          <button type="button" className="govuk-button" aria-disabled={blocks.length > 0 || submitting}
            aria-describedby={['compose-shortcuts', blockedWhy ? 'compose-submit-blocked' : ''].join(' ').trim()}
            aria-keyshortcuts="Control+Enter" onClick={() => void submit()}>
            Submit for approval
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" aria-keyshortcuts="Control+S" onClick={() => void autosave.saveNow()}>
            Save draft now
          </button>
        </div>
        <p className="govuk-body-s" id="compose-shortcuts">
          Ctrl+Enter submits for approval. Ctrl+S saves the draft now.
        </p>
      </div>
    </section>
  );
}
