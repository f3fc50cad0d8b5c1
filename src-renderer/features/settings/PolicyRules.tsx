/**
 * Settings, Policy rules (managers only; R10, R26): which rule pack version every check uses now and who saved it;
 * the lists a manager most often edits; and, for everything else, the whole pack as JSON. Each save needs a reason
 * and becomes a new version. Main validates the pack and refuses a broken one (a pattern that does not compile, an
 * emptied list that would switch a check off), naming each problem; the summary links each to its list, and
 * nothing is saved.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, call } from '../../api/client';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { formErrorsFrom, localErrors, noErrors, type FormErrors } from '../../ui/form-errors';
import { LoadProblem } from '../../ui/LoadProblem';
import { LiveRegion, Notification } from '../../ui/Notification';
import { PageHeading } from '../../ui/PageHeading';
import { Textarea } from '../../ui/Textarea';
import { useLoad } from '../../ui/use-load';
import { CurrentVersion } from './CurrentVersion';
import { listFields, listsOf, packProblems, withLists, type ListDrafts, type ListKey } from './pack-edits';

const ids = { reason: 'rules-reason', json: 'rules-json', jsonReason: 'rules-json-reason' };

const hints: Record<ListKey, string> = {
  casePatterns:
    'One RE2 regular expression a line, matched as written (capitals matter), for example \\bANY-\\d{5}\\b. A match asks an approver to sign off.',
  parties: 'One name a line, in lower case, for example anytown independents. Naming a party asks for sign-off, and blocks during a pre-election period.',
  allowDomains: 'One domain a line, for example gov.uk. Links to these domains and their subdomains are not flagged.',
  extraStrong: 'One word a line. End a word with * to match words that start with it, for example knobhead*.',
  extraModerate: 'One word a line. End a word with * to match words that start with it.',
  allowWords: 'One word a line: place names, surnames and ordinary words that happen to contain a swear word, for example scunthorpe.',
};

export function PolicyRules() {
  const loaded = useLoad(() => call('policy:get-pack', {}));
  const [lists, setLists] = useState<ListDrafts | null>(null);
  const [reason, setReason] = useState('');
  const [json, setJson] = useState('');
  const [jsonReason, setJsonReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!loaded.data) return;
    setLists(listsOf(loaded.data.pack));
    setJson(JSON.stringify(loaded.data.pack, null, 2));
  }, [loaded.data]);

  async function save(pack: Record<string, unknown>, why: string, reasonId: string, otherId: string | null) {
    setBusy(true);
    try {
      const v = await call('policy:save-pack', { pack, reason: why });
      setErrors(noErrors);
      setReason('');
      setJsonReason('');
      await loaded.reload();
      setSaved(`Saved as version ${v.version} (${v.label}). Every check now uses it.`);
    } catch (e) {
      const fields = e instanceof ApiError ? e.fields : {};
      if (Object.keys(fields).some((k) => k.startsWith('pack.'))) {
        const p = packProblems(fields, pack, otherId);
        setErrors({ summary: [{ fieldId: null, text: 'The rule pack was not saved. Nothing has changed.' }, ...p.summary], fields: p.byField });
      } else {
        setErrors(formErrorsFrom(e, { reason: reasonId }, reasonId));
      }
    } finally {
      setBusy(false);
    }
  }

  const saveLists = (e: FormEvent) => {
    e.preventDefault();
    if (busy || !lists || !loaded.data) return;
    setSaved(null);
    if (!reason.trim()) return setErrors(localErrors([[ids.reason, 'Say why you are changing the rules']], { [ids.reason]: ids.reason }));
    void save(withLists(loaded.data.pack, lists), reason, ids.reason, null);
  };

  const saveJson = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setSaved(null);
    const problems: Array<[string, string]> = [];
    let pack: unknown = null;
    try {
      pack = JSON.parse(json);
      if (!pack || typeof pack !== 'object' || Array.isArray(pack)) problems.push([ids.json, 'The pack must be one JSON object, starting with {']);
    } catch (err) {
      problems.push([ids.json, `The pack is not valid JSON: ${(err as Error).message}`]);
    }
    if (!jsonReason.trim()) problems.push([ids.jsonReason, 'Say why you are changing the rules']);
    if (problems.length) return setErrors(localErrors(problems, Object.fromEntries(problems.map(([id]) => [id, id]))));
    void save(pack as Record<string, unknown>, jsonReason, ids.jsonReason, ids.json);
  };

  const f = errors.fields;
  const setList = (key: ListKey) => (value: string) => setLists((l) => (l ? { ...l, [key]: value } : l));
  return (
    <>
      <ErrorSummary items={errors.summary} />
      <PageHeading title="Policy rules – Settings" caption="Settings">
        Policy rules
      </PageHeading>
      <LiveRegion>
        {saved ? (
          <Notification kind="success">
            <p className="govuk-notification-banner__heading">{saved}</p>
          </Notification>
        ) : null}
      </LiveRegion>
      {loaded.error ? <LoadProblem message={loaded.error} onRetry={() => void loaded.reload()} /> : null}
      {loaded.data ? <CurrentVersion current={loaded.data.current} warnings={loaded.data.warnings} /> : null}
      {lists ? (
        <form onSubmit={saveLists} noValidate aria-label="Rule lists">
          <h2 className="govuk-heading-m">Lists the checks use</h2>
          {(Object.keys(listFields) as ListKey[]).map((key) => (
            <Textarea key={key} id={listFields[key].id} label={listFields[key].name} hint={hints[key]} rows={key === 'allowWords' ? 8 : 4}
              value={lists[key]} onChange={setList(key)} error={f[listFields[key].id]} />
          ))}
          <Textarea id={ids.reason} label="Why are you making this change?" hint="Recorded with the new version and in the audit log."
            value={reason} onChange={setReason} error={f[ids.reason] ?? f.reason} rows={2} />
          <button type="submit" className="govuk-button" aria-disabled={busy}>
            Save rule lists
          </button>
        </form>
      ) : null}
      {loaded.data ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Edit the whole pack as JSON</span>
          </summary>
          <div className="govuk-details__text">
            <form onSubmit={saveJson} noValidate aria-label="Whole rule pack">
              <Textarea id={ids.json} label="Rule pack (JSON)" rows={20} value={json} onChange={setJson} error={f[ids.json]}
                hint="Every rule’s severity, policy clause and message, the cue phrases, patterns and word lists. Herald checks the whole pack before saving it." />
              <Textarea id={ids.jsonReason} label="Why are you making this change?" hint="Recorded with the new version and in the audit log."
                value={jsonReason} onChange={setJsonReason} error={f[ids.jsonReason]} rows={2} />
              <button type="submit" className="govuk-button" aria-disabled={busy}>
                Save the whole pack
              </button>
            </form>
          </div>
        </details>
      ) : null}
    </>
  );
}
