/**
 * The words "Connect an account" uses for each platform: how it connects, where its developer app is registered,
 * and what to say while Herald waits for the manager to sign in in their browser. Plain English (DESIGN.md rule 7).
 */
import type { ChannelInput } from '../../../src-main/ipc/contract';
import { platformNames, type PlatformId } from './account-text';

export type OAuthPlatformId = ChannelInput<'accounts:connect-oauth'>['platform'];

const OAUTH_PLATFORMS: ReadonlySet<PlatformId> = new Set<OAuthPlatformId>(['x', 'facebook', 'instagram', 'linkedin', 'youtube', 'threads', 'mastodon', 'tiktok']);

export const isOAuthPlatform = (p: PlatformId | ''): p is OAuthPlatformId => p !== '' && OAUTH_PLATFORMS.has(p);

/** Where the organisation registered its developer app for each platform. */
const developerConsole: Record<Exclude<OAuthPlatformId, 'mastodon'>, string> = {
  x: 'X developer console',
  facebook: 'Meta App Dashboard',
  instagram: 'Meta App Dashboard',
  threads: 'Meta App Dashboard',
  linkedin: 'LinkedIn Developer Portal',
  youtube: 'Google Cloud console',
  tiktok: 'TikTok for Developers portal',
};

export function consoleName(p: OAuthPlatformId): string {
  return p === 'mastodon' ? 'Mastodon server' : developerConsole[p];
}

/** The hint under each platform's radio. */
export function platformHint(p: PlatformId): string {
  const name = platformNames[p];
  switch (p) {
    case 'bluesky':
      return 'With the account’s handle and an app password, on bsky.social or another Bluesky server';
    case 'mastodon':
      return 'Sign in on your organisation’s Mastodon server in your web browser';
    case 'facebook':
      return 'Sign in to Facebook in your web browser, then choose the Page';
    case 'linkedin':
      return 'Sign in to LinkedIn in your web browser, then choose the organisation';
    default:
      return `Sign in to ${name} in your web browser, with your organisation’s ${name} developer app`;
  }
}

export const MASTODON_SERVER_HINT = 'Your organisation’s Mastodon server, for example https://social.example.gov.uk';

export function serviceUrlHint(p: PlatformId): string {
  if (p === 'mastodon') return MASTODON_SERVER_HINT;
  if (p === 'bluesky') return 'https://bsky.social, unless the account is on another Bluesky server';
  return `Where Herald reaches ${platformNames[p]}. Leave it as it is unless your administrator tells you otherwise`;
}

export function clientIdHint(p: OAuthPlatformId): string {
  const what = p === 'tiktok' ? 'The client key' : 'The client ID';
  return `${what} of your organisation’s app, from the ${consoleName(p)}. Leave blank to use the one Herald already has.`;
}

export const CLIENT_SECRET_HINT =
  'From the same app, if it has one. Leave blank to use the one Herald already has. Herald keeps it in this ' +
  'computer’s keychain and never shows it again.';

/** The redirect address to register for a platform that accepts only the registered port (X, LinkedIn). */
export function redirectAddress(port: string): string {
  return `http://127.0.0.1:${/^\d{4,5}$/.test(port.trim()) ? port.trim() : 'PORT'}/callback`;
}

export function portHint(p: OAuthPlatformId, port: string): string {
  return (
    `${platformNames[p]} accepts sign-ins only at the exact redirect address registered for your app. Register ` +
    `${redirectAddress(port)} in the ${consoleName(p)}, with the port number you enter here. Leave blank to use the one ` +
    'Herald already has.'
  );
}

/** Announced while Herald waits for the manager to finish signing in, in their browser. */
export function waitingText(p: OAuthPlatformId): string {
  const where = p === 'mastodon' ? 'to your Mastodon server' : `to ${platformNames[p]}`;
  return `Sign in ${where} in the browser window Herald opened. Herald is waiting for you (up to 5 minutes)…`;
}

/** "Facebook Page" → "Page", "LinkedIn organisation" → "organisation". */
export function shortTarget(what: string): string {
  const short = what.replace(/^(Facebook|LinkedIn|Instagram|Threads|YouTube|TikTok|X|Mastodon)\s+/, '');
  return short || what;
}

/** "Facebook Page" → "Facebook Pages". */
export function plural(what: string): string {
  return /s$/.test(what) ? what : `${what}s`;
}
