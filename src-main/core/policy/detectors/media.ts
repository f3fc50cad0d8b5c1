/**
 * What the post's images and videos need before they can go out: a recorded source or licence (BAR 5a "Do not post
 * content copied from elsewhere", 9d; R8), consent from everyone shown, stricter for under-16s (BAR 9e), and alt text
 * on every image that describes it, and on videos where the platform takes one (ICO13 2.1, 2.6; R9). Media findings are about the post, not a span of text, so
 * their offsets are 0, 0 and the message names the item.
 */
import { CheckContext } from '../check-context';
import { detectCues } from './cue-rules';
import { detectHiddenText } from './hidden-text';
import { capabilitiesOf } from './length';
import { detectPersonalData } from './personal-data';
import { detectProfanity } from './profanity';

/**
 * What a camera or phone names a file: tools put it in the alt text when nobody wrote any. Any name with an image
 * extension, or a camera's own prefix and number with or without one ("DSC_0117", "IMG 4021", "PXL_20261104_093012").
 */
const FILE_NAME = /^(?:(?:IMG|DSC|DSCN|DCIM|PXL|MVIMG|Screenshot|image|photo)?[-_ ]?\S*\.(?:jpe?g|png|gif|webp|heic|tiff?)|(?:IMG|DSC|DSCN|DSCF|DCIM|PXL|MVIMG|GOPR|DJI|P\d{3})[-_ ]?\d[\d_-]*(?:\.\w{3,4})?)$/i;

export function detectMedia(ctx: CheckContext): void {
  const media = ctx.post.media ?? [];
  if (media.length === 0) return;
  const caps = capabilitiesOf(ctx.post.platform);
  const altSupported = caps ? caps.media.altText.supported : true;
  const { unhelpfulAlt } = ctx.compiled.sets;
  media.forEach((m, i) => {
    const item = `${m.kind === 'video' ? 'Video' : 'Image'} ${i + 1}`;
    if (!m.source?.trim() && !m.licence?.trim()) ctx.add('copyright.media-source-missing', 0, 0, { item });
    if (m.under16 && !m.consentRecorded) ctx.add('image-consent.under-16-no-consent', 0, 0, { item });
    else if (m.under16) ctx.add('image-consent.under-16', 0, 0, { item });
    else if (m.peopleShown && !m.consentRecorded) ctx.add('image-consent.no-consent', 0, 0, { item });
    // Alt text is asked of every image, and of a video where the platform takes a description for it.
    if (!altSupported || (m.kind === 'video' && !caps?.media.altText.onVideo)) return;
    const alt = m.alt?.trim() ?? '';
    if (!alt || FILE_NAME.test(alt)) ctx.add('accessibility.missing-alt-text', 0, 0, { item });
    else if (unhelpfulAlt.has(alt.toLowerCase().replace(/[.!]+$/, ''))) ctx.add('accessibility.unhelpful-alt-text', 0, 0, { item, match: alt.slice(0, 60) });
  });
  media.forEach((m, i) => {
    if (m.alt?.trim()) checkAltText(ctx, m.alt, `${m.kind === 'video' ? 'Video' : 'Image'} ${i + 1}`);
  });
}

/**
 * Alt text is published with the image, so it gets the same checks as the post's words (swearing, personal data,
 * cue phrases such as a third-party logo, hidden characters). Its findings are about the media item (offsets 0, 0).
 */
function checkAltText(ctx: CheckContext, alt: string, item: string): void {
  const sub = new CheckContext(ctx.compiled, ctx.settings, { id: ctx.post.id, platform: ctx.post.platform, text: alt });
  detectHiddenText(sub);
  detectProfanity(sub);
  detectPersonalData(sub);
  detectCues(sub);
  for (const f of sub.findings) ctx.findings.push({ ...f, message: `${item}, alt text: ${f.message}`, start: 0, end: 0 });
}
