/**
 * Images on a post (R8, R9): up to four, each uploaded to main (media:add sniffs the bytes; the type is never taken
 * from the file name) and previewed from main (media:preview, a data: URL the CSP allows). Each needs alt text
 * (ICO13 2.1), where it came from and its licence (copyright, ICO13 6.3), and whether people can be identified in it,
 * anyone under 16, and where their consent is recorded (BAR 9c). The policy checks raise what is missing.
 */
import { useEffect, useState, type ChangeEvent } from 'react';
import type { MediaView } from '../../../src-main/ipc/contract';
import { call, messageOf } from '../../api/client';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Textarea } from '../../ui/Textarea';
import { TextInput } from '../../ui/TextInput';
import type { PostMedia } from './draft-model';

export const MAX_IMAGES = 4;
export const FILE_INPUT_ID = 'compose-image-file';
const MAX_BYTES = 16 * 1024 * 1024;

export const imageFieldId = (i: number, field: 'alt' | 'source' | 'licence' | 'consentReference') => `compose-image-${i + 1}-${field}`;

/** Alt text that starts by saying it is an image: screen readers already say so. */
export function altStartsBadly(alt: string): boolean {
  return /^\s*(an?\s+)?(image|picture|photo(graph)?|graphic)\s+(of|showing)\b/i.test(alt);
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('read'));
    reader.readAsDataURL(file);
  });
}

type Props = {
  media: PostMedia[];
  onChange(media: PostMedia[]): void;
  /** File details from main, by media id, for names and sizes. */
  known: ReadonlyMap<string, MediaView>;
  onKnown(view: MediaView): void;
  errors: Record<string, string>;
};

export function ImagesEditor({ media, onChange, known, onKnown, errors }: Props) {
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Previews for images already on the post (a reopened draft).
  useEffect(() => {
    let live = true;
    for (const m of media) {
      if (previews[m.mediaId]) continue;
      call('media:preview', { mediaId: m.mediaId }).then(
        (p) => live && setPreviews((all) => ({ ...all, [m.mediaId]: p.dataUrl })),
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [media, previews]);

  async function add(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (!files.length) return;
    setUploadError(null);
    const room = MAX_IMAGES - media.length;
    if (files.length > room) return setUploadError(`A post can carry at most ${MAX_IMAGES} images. Remove one to add another.`);
    setBusy(true);
    const added: PostMedia[] = [];
    try {
      for (const file of files) {
        if (file.size > MAX_BYTES) throw new Error(`${file.name} is larger than 16 MB. Choose a smaller image.`);
        const view = await call('media:add', { fileName: file.name, dataBase64: await readBase64(file) });
        onKnown(view);
        const preview = await call('media:preview', { mediaId: view.id });
        setPreviews((all) => ({ ...all, [view.id]: preview.dataUrl }));
        added.push({ mediaId: view.id, kind: 'image', alt: '', source: '', licence: '', peopleShown: false, under16: false, consentRecorded: false, consentReference: '' });
      }
    } catch (err) {
      setUploadError(err instanceof Error && !('code' in err) ? err.message : messageOf(err));
    } finally {
      setBusy(false);
      if (added.length) onChange([...media, ...added]);
    }
  }

  const update = (i: number, patch: Partial<PostMedia>) => onChange(media.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const remove = (i: number) => onChange(media.filter((_, j) => j !== i));
  const fileError = uploadError ?? errors.media;

  return (
    <section className="app-compose-section" aria-labelledby="compose-images-heading">
      <h2 className="govuk-heading-m" id="compose-images-heading">
        Images
      </h2>
      {media.map((m, i) => {
        const view = known.get(m.mediaId);
        const n = i + 1;
        return (
          <fieldset key={m.mediaId} className="govuk-fieldset app-image" aria-describedby={`compose-image-${n}-file`}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Image {n}</legend>
            <div className="app-image__preview">
              {previews[m.mediaId] ? <img src={previews[m.mediaId]} alt="" /> : <span className="govuk-body-s">Loading preview…</span>}
              <p className="govuk-body-s" id={`compose-image-${n}-file`}>
                {view ? `${view.fileName}${view.width && view.height ? `, ${view.width} × ${view.height} pixels` : ''}` : 'Attached image'}
              </p>
            </div>
            <Textarea id={imageFieldId(i, 'alt')} label="Alt text" rows={2}
              hint="Describe what the image shows for people who cannot see it. Screen readers already say it is an image."
              value={m.alt} onChange={(alt) => update(i, { alt })} error={errors[imageFieldId(i, 'alt')]} />
            {altStartsBadly(m.alt) ? (
              <div className="govuk-warning-text app-image__warning">
                <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  Start with what the image shows, not “image of”: screen readers already say it is an image.
                </strong>
              </div>
            ) : null}
            <TextInput id={imageFieldId(i, 'source')} label="Source" hint="Who took or made it, for example ‘Council photographer’"
              value={m.source} onChange={(source) => update(i, { source })} widthClass="govuk-input--width-30" />
            <TextInput id={imageFieldId(i, 'licence')} label="Licence" hint="For example ‘Council owned’ or ‘CC BY 4.0’"
              value={m.licence} onChange={(licence) => update(i, { licence })} widthClass="govuk-input--width-30" />
            <div className="govuk-form-group">
              <fieldset className="govuk-fieldset">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">People in image {n}</legend>
                <div className="govuk-checkboxes govuk-checkboxes--small">
                  {(
                    [
                      ['peopleShown', 'People can be identified in this image'],
                      ['under16', 'Anyone shown is under 16'],
                      ['consentRecorded', 'Consent is recorded'],
                    ] as const
                  ).map(([key, label]) => (
                    <div key={key} className="govuk-checkboxes__item">
                      <input className="govuk-checkboxes__input" id={`compose-image-${n}-${key}`} type="checkbox" checked={m[key]}
                        onChange={(e) => update(i, { [key]: e.target.checked })} />
                      <label className="govuk-label govuk-checkboxes__label" htmlFor={`compose-image-${n}-${key}`}>
                        {label}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
            {m.consentRecorded || m.consentReference ? (
              <TextInput id={imageFieldId(i, 'consentReference')} label="Consent reference" hint="Where the signed consent is kept, for example a records reference"
                value={m.consentReference} onChange={(consentReference) => update(i, { consentReference })} widthClass="govuk-input--width-20" />
            ) : null}
            <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => remove(i)}>
              Remove image {n}
            </button>
          </fieldset>
        );
      })}
      {media.length < MAX_IMAGES ? (
        <div className={`govuk-form-group${fileError ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor={FILE_INPUT_ID}>
            Add an image
          </label>
          <div className="govuk-hint" id={`${FILE_INPUT_ID}-hint`}>
            JPEG, PNG, GIF or WebP, up to 16 MB. A post can carry up to {MAX_IMAGES} images{media.length ? `; ${MAX_IMAGES - media.length} more can be added` : ''}.
          </div>
          <ErrorMessage id={`${FILE_INPUT_ID}-error`} text={fileError ?? undefined} />
          <input className={`govuk-file-upload${fileError ? ' govuk-file-upload--error' : ''}`} id={FILE_INPUT_ID} type="file"
            accept="image/jpeg,image/png,image/gif,image/webp" multiple onChange={(e) => void add(e)} disabled={busy}
            aria-describedby={`${FILE_INPUT_ID}-hint${fileError ? ` ${FILE_INPUT_ID}-error` : ''}`} />
          {busy ? <p className="govuk-body-s" role="status">Uploading…</p> : null}
        </div>
      ) : (
        <p className="govuk-body">This post has {MAX_IMAGES} images, the most it can carry. Remove one to add another.</p>
      )}
    </section>
  );
}
