/**
 * The renderer's one origin, `app://herald`. Herald's UI is served from this custom scheme rather than `file://` or a
 * localhost server (DESIGN.md "Electron security baseline"): a standard, secure scheme gives the page a real origin
 * for the CSP's 'self', and main can tell its own frames apart from anything else by URL. Navigation guard, IPC
 * registrar and protocol handler all ask this file, so the rule "only app://herald is ours" is written once.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'herald';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** True only for a well-formed `app://herald/...` URL; anything unparsable, another host or scheme is foreign. */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}
