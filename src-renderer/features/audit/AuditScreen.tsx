/**
 * The audit log (R26): every sign-in, failure and change, newest first, a page at a time, with an integrity check.
 * Paging keeps a stack of cursors (`beforeSeq`), so "Newer entries" returns exactly to the previous page.
 */
import { useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import { LoadProblem } from '../../ui/LoadProblem';
import { PageHeading } from '../../ui/PageHeading';
import { useLoad } from '../../ui/use-load';
import { AuditTable } from './AuditTable';
import { IntegrityCheck } from './IntegrityCheck';

export const AUDIT_PAGE_SIZE = 25;

export function AuditScreen() {
  const [cursors, setCursors] = useState<number[]>([]);
  const before = cursors[cursors.length - 1];
  const page = useLoad(async () => {
    const r = await call('audit:list', { limit: AUDIT_PAGE_SIZE, ...(before !== undefined ? { beforeSeq: before } : {}) });
    return { ...r, entries: [...r.entries].sort((a, b) => b.seq - a.seq) };
  }, before);
  const captionRef = useRef<HTMLTableCaptionElement>(null);
  // After turning a page, focus goes to the table caption, which says which entries are now shown.
  const focusCaption = useRef(false);
  useEffect(() => {
    if (focusCaption.current && page.data && !page.loading) {
      focusCaption.current = false;
      captionRef.current?.focus();
    }
  }, [page.data, page.loading]);

  const turn = (next: number[]) => {
    focusCaption.current = true;
    setCursors(next);
  };

  const data = page.data;
  const first = data?.entries[0];
  const last = data?.entries[data.entries.length - 1];
  const caption = !data
    ? ''
    : data.entries.length && first && last
      ? `Entries #${first.seq} to #${last.seq}, newest first (${data.total} in all)`
      : 'No entries';
  const hasOlder = !!last && last.seq > 1 && data!.entries.length === AUDIT_PAGE_SIZE;

  return (
    <>
      <PageHeading title="Audit log">Audit log</PageHeading>
      <p className="govuk-body">
        Herald records every sign-in, failed attempt and change here. Entries are chained together, so changing or
        deleting one afterwards can be detected.
      </p>
      <IntegrityCheck onChecked={() => (cursors.length ? undefined : void page.reload())} />
      {page.error ? <LoadProblem message={page.error} onRetry={() => void page.reload()} /> : null}
      {data ? <AuditTable entries={data.entries} caption={caption} captionRef={captionRef} /> : null}
      {!data && page.loading ? <p className="govuk-body">Loading entries…</p> : null}
      <div className="govuk-button-group">
        {cursors.length ? (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => turn(cursors.slice(0, -1))}>
            Newer entries
          </button>
        ) : null}
        {hasOlder && last ? (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => turn([...cursors, last.seq])}>
            Older entries
          </button>
        ) : null}
      </div>
    </>
  );
}
