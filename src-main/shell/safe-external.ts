/**
 * The only place Herald hands a URL to the operating system (DESIGN.md "Electron security baseline": external links
 * only `https:`/`mailto:` through one safe-shell function). `shell.openExternal` launches whatever program the OS
 * maps to a scheme, so a `file:`, `smb:`, `ms-msdt:` or other custom-scheme link in a post or comment could run code
 * or leak credentials. Comms officers need web links and e-mail addresses, so those two schemes pass and nothing else.
 */

/** The slice of Electron's `shell` this module needs; tests pass a fake. */
export interface ExternalOpener {
  openExternal(url: string): Promise<void>;
}

/** Longer than any real link; a cap keeps absurd inputs (and OS command-line limits) out of the picture. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

const ALLOWED_PROTOCOLS = new Set(['https:', 'mailto:']);
// Raw whitespace and control characters never appear in a well-formed URL; refusing them avoids parser disagreements.
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f]/;

/** Parses and checks a URL; returns its normalised form if it may be opened outside Herald, otherwise null. */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  if (CONTROL_OR_SPACE.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  // `https://www.gov.uk@evil.example` reads like gov.uk but goes to evil.example: refuse any user info.
  if (url.username || url.password) return null;
  if (url.protocol === 'https:' && url.hostname.length === 0) return null;
  if (url.protocol === 'mailto:' && url.pathname.length === 0) return null;
  return url.href.length > MAX_EXTERNAL_URL_LENGTH ? null : url.href;
}

/**
 * Opens `url` in the user's browser or mail program if it is an allowed link. Returns true when it was handed to the
 * OS, false when refused. Never throws: a failure to launch is not the renderer's business.
 */
export function openExternalSafely(shell: ExternalOpener, url: unknown): boolean {
  const safe = safeExternalUrl(url);
  if (safe === null) return false;
  try {
    void shell.openExternal(safe).catch(() => undefined);
  } catch {
    return false;
  }
  return true;
}
