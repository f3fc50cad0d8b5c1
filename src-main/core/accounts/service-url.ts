/**
 * The server address a manager types when connecting an account (a Bluesky PDS, a Mastodon instance). Herald sends
 * credentials there, so it must be HTTPS; plain HTTP is allowed only on this machine's loopback (a local test
 * network). No credentials, query or fragment in the address itself.
 */
import { HeraldError } from '../errors';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkServiceUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw.trim()) ? raw.trim() : `https://${raw.trim()}`);
  } catch {
    throw new HeraldError('invalid-input', 'Enter the server address, for example https://bsky.social', { serviceUrl: 'Enter a web address' });
  }
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new HeraldError('invalid-input', 'The server address must start with https:// so the password is sent securely', { serviceUrl: 'Use an https:// address' });
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new HeraldError('invalid-input', 'Enter just the server address, without a user name, query or #', { serviceUrl: 'Enter just the server address' });
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}
