/**
 * Turns an adapter's declared capabilities into the plain words the Accounts screen shows: what Herald can do on
 * this platform, what it cannot, and why (R20: "not every platform can hide or block: say so instead of pretending").
 */
import type { Capabilities, PlatformId } from './adapter';
import { DEFAULT_SERVICE_URL, NEEDS_REGISTERED_PORT } from './service-defaults';

export type CapabilitySummary = {
  platform: PlatformId;
  displayName: string;
  auth: Capabilities['auth'];
  textLimit: number;
  textCounting: string;
  defaultServiceUrl: string | null;
  needsRegisteredPort: boolean;
  can: string[];
  cannot: string[];
  notes: string[];
};

const COUNTING: Record<Capabilities['text']['counting'], string> = {
  'x-weighted': 'weighted characters (links count 23, emoji 2)',
  graphemes: 'characters as people see them (graphemes)',
  mastodon: 'characters, links count 23 (limit set by the instance)',
  utf16: 'characters',
};

export function summariseCapabilities(platform: PlatformId, c: Capabilities, limitOverride?: number | null): CapabilitySummary {
  const can: string[] = [];
  const cannot: string[] = [];
  const put = (ok: boolean, yes: string, no: string) => (ok ? can : cannot).push(ok ? yes : no);
  put(!c.text.requiresMedia, 'post text on its own', 'post text on its own (every post needs an image or video)');
  put(c.media.kinds.includes('image'), `post up to ${c.media.maxImages} image${c.media.maxImages === 1 ? '' : 's'}`, 'post images');
  put(c.media.kinds.includes('video'), 'post video', 'post video');
  put(c.media.altText.supported, 'add alt text to images', 'add alt text to images');
  put(c.threads, 'post threads', 'post threads');
  put(c.comments.fetch, 'bring comments and mentions into the inbox', 'bring comments into the inbox');
  put(c.comments.reply, 'reply to comments', 'reply to comments');
  put(c.comments.hide, 'hide comments', 'hide comments');
  put(c.comments.delete, 'delete comments', 'delete other people’s comments');
  put(c.block, 'block accounts', 'block accounts');
  put(c.mute, 'mute accounts', 'mute accounts');
  return {
    platform,
    displayName: c.displayName,
    auth: c.auth,
    textLimit: limitOverride ?? c.text.maxLength,
    textCounting: COUNTING[c.text.counting],
    defaultServiceUrl: DEFAULT_SERVICE_URL[platform],
    needsRegisteredPort: NEEDS_REGISTERED_PORT.has(platform),
    can,
    cannot,
    notes: [...c.notes],
  };
}
