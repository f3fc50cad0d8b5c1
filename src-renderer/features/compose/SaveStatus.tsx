/** The autosave status line: saving, saved at a time (UK time), or what went wrong and what to do about it. */
import { formatTime } from '../../ui/format';
import type { SaveStatus as Status } from './use-autosave';


type Props = { status: Status; exists: boolean; onRetry(): void; onReload(): void };

export function SaveStatus({ status, exists, onRetry, onReload }: Props) {
  let body;
  switch (status.kind) {
    case 'idle':
      body = exists ? 'Draft saved. Herald saves your changes as you type.' : 'Herald saves your draft as you type.';
      break;
    case 'saving':
      body = 'Saving…';
      break;
    case 'saved':
      body = `Draft saved at ${formatTime(status.at)}`;
      break;
    case 'error':
      body = (
        <>
          <strong>Not saved: {status.message}</strong>{' '}
          <button type="button" className="app-link-button" onClick={onRetry}>
            Try saving again
          </button>
        </>
      );
      break;
    case 'conflict':
      body = (
        <>
          <strong>Not saved: {status.message}</strong>{' '}
          <button type="button" className="app-link-button" onClick={onReload}>
            Reload the latest version
          </button>
        </>
      );
      break;
  }
  const problem = status.kind === 'error' || status.kind === 'conflict';
  return (
    <div className={`app-save-status${problem ? ' app-save-status--problem' : ''}`} role="status" id="compose-save-status">
      {body}
    </div>
  );
}
