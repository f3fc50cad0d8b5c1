/**
 * Pages that take one video a post, never mixed with stills (LinkedIn "Posts API" `content`; Facebook "Page Videos",
 * where a video is its own post): what they cannot take is refused before anything is uploaded.
 */
import { PlatformError, notSupported, type PlatformId, type PublishRequest } from './adapter';

const MB = 1_000_000;

export type OneVideoRules = {
  platform: PlatformId;
  /** As the platform's people say it, for messages: "Facebook", "LinkedIn". */
  name: string;
  /** What the platform calls its stills: "photos", "images". */
  stills: string;
  maxVideoBytes: number;
  /** Appended to a size refusal: the platform's own limits. */
  limits: string;
  /** " for LinkedIn" or "": how "too large" is finished in the size message. */
  tooLargeFor?: string;
};

export function refuseMediaForOneVideoPost(media: PublishRequest['media'], r: OneVideoRules): void {
  const videos = media.filter((m) => m.kind === 'video');
  if (videos.length === 0) return;
  if (videos.length < media.length) throw notSupported(r.platform, `Mixing ${r.stills} and video in one ${r.name} post`, `post the video and the ${r.stills} as separate posts`);
  if (videos.length > 1) throw notSupported(r.platform, `Posting more than one video in a ${r.name} post`, 'post each video separately');
  const size = videos[0]!.bytes.length;
  if (size > r.maxVideoBytes) {
    throw new PlatformError('invalid-content', r.platform, `This video is ${Math.ceil(size / MB)} MB, too large${r.tooLargeFor ?? ''}, so nothing was posted. ${r.limits}.`);
  }
}
