import { describe, it, expect } from 'vitest';
import { MAX_EXTERNAL_URL_LENGTH, openExternalSafely, type ExternalOpener } from './safe-external';

function fakeShell(result: Promise<void> = Promise.resolve()) {
  const opened: string[] = [];
  const shell: ExternalOpener = { openExternal: (url) => (opened.push(url), result) };
  return { shell, opened };
}

describe('openExternalSafely', () => {
  it('opens only https and mailto links', () => {
    const { shell, opened } = fakeShell();
    expect(openExternalSafely(shell, 'https://www.gov.uk/guidance')).toBe(true);
    expect(openExternalSafely(shell, 'mailto:press.office@example.gov.uk?subject=Query')).toBe(true);
    expect(opened).toEqual(['https://www.gov.uk/guidance', 'mailto:press.office@example.gov.uk?subject=Query']);
  });

  it('refuses every other scheme', () => {
    const { shell, opened } = fakeShell();
    for (const url of [
      'http://example.com/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://attacker/share',
      'ms-msdt:/id PCWDiagnostic',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'app://herald/index.html',
      'vbscript:msgbox',
      'tel:+441234567890',
    ]) {
      expect(openExternalSafely(shell, url), url).toBe(false);
    }
    expect(opened).toEqual([]);
  });

  it('refuses links with credentials in them', () => {
    const { shell, opened } = fakeShell();
    expect(openExternalSafely(shell, 'https://www.gov.uk@evil.example/')).toBe(false);
    expect(openExternalSafely(shell, 'https://user:pass@example.com/')).toBe(false);
    expect(opened).toEqual([]);
  });

  it('refuses malformed, over-long and non-string input', () => {
    const { shell, opened } = fakeShell();
    expect(openExternalSafely(shell, 'not a url')).toBe(false);
    expect(openExternalSafely(shell, '')).toBe(false);
    expect(openExternalSafely(shell, ' https://example.com/')).toBe(false);
    expect(openExternalSafely(shell, 'https://example.com/\nfile:///etc/passwd')).toBe(false);
    expect(openExternalSafely(shell, `https://example.com/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`)).toBe(false);
    expect(openExternalSafely(shell, { toString: () => 'https://example.com/' })).toBe(false);
    expect(openExternalSafely(shell, undefined)).toBe(false);
    expect(opened).toEqual([]);
  });

  it('passes the normalised URL to the OS', () => {
    const { shell, opened } = fakeShell();
    expect(openExternalSafely(shell, 'HTTPS://WWW.GOV.UK/a/../b')).toBe(true);
    expect(opened).toEqual(['https://www.gov.uk/b']);
  });

  it('does not throw when the OS fails to open the link', async () => {
    const { shell } = fakeShell(Promise.reject(new Error('no browser')));
    expect(openExternalSafely(shell, 'https://www.gov.uk/')).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
  });
});
