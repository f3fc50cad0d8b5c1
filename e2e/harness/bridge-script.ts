/**
 * The harness's stand-in for the preload: a classic script that defines `window.herald.invoke` over fetch to
 * `POST /ipc`. It is the only place the IPC token appears. Each page keeps a random window key in sessionStorage, so
 * a reload stays the same "window" (as in Electron) and separate pages get separate sessions.
 */
export function bridgeScript(token: string): string {
  if (!/^[0-9a-f]{64}$/.test(token)) throw new Error('harness token must be 64 hex digits');
  return `(() => {
  'use strict';
  const token = '${token}';
  let key = sessionStorage.getItem('herald-window-key');
  if (!key) {
    key = crypto.randomUUID();
    sessionStorage.setItem('herald-window-key', key);
  }
  const failed = (message) => ({ ok: false, error: { code: 'internal', message } });
  async function invoke(channel, payload) {
    let res;
    try {
      res = await fetch('/ipc', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token, 'X-Herald-Window': key },
        body: JSON.stringify({ channel, payload }),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      return failed('Herald could not reach its core. Try again.');
    }
    if (!res.ok) return failed('Herald could not reach its core (HTTP ' + res.status + ').');
    return res.json();
  }
  Object.defineProperty(window, 'herald', { value: Object.freeze({ invoke }), enumerable: true });
})();
`;
}
