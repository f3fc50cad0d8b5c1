import path from 'node:path';
import { describe, it, expect } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  createAppRequestHandler,
  registerAppScheme,
  serveAppProtocol,
  type ReadFile,
} from './app-protocol';

const ROOT = path.resolve('/srv/herald/out/renderer');

/** A fake disk: only the files listed exist, every read is recorded. */
function fakeDisk(files: Record<string, string>) {
  const reads: string[] = [];
  const readFile: ReadFile = async (p) => {
    reads.push(p);
    const rel = path.relative(ROOT, p).split(path.sep).join('/');
    const content = files[rel];
    if (content === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    return new TextEncoder().encode(content);
  };
  return { readFile, reads };
}

const disk = fakeDisk({
  'index.html': '<!doctype html><title>Herald</title>',
  'assets/index-abc.js': 'console.log(1)',
  'assets/index-abc.css': 'body{}',
  'assets/font.woff2': 'wOF2',
});
const handler = createAppRequestHandler(ROOT, disk.readFile);

describe('app:// protocol', () => {
  it('registers app as a standard, secure, fetch-capable scheme without CSP bypass or CORS', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => calls.push(schemes) });
    expect(calls).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
  });

  it('serves files with the CSP header', async () => {
    const res = await handler({ url: 'app://herald/index.html' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Herald</title>');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('puts the CSP header on error responses too', async () => {
    const res = await handler({ url: 'app://herald/nope.js' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('uses a CSP with no inline script, no eval and no remote sources', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('sends the right content types', async () => {
    const types = await Promise.all(
      ['index.html', 'assets/index-abc.js', 'assets/index-abc.css', 'assets/font.woff2'].map(async (p) =>
        (await handler({ url: `app://herald/${p}` })).headers.get('content-type'),
      ),
    );
    expect(types).toEqual(['text/html; charset=utf-8', 'text/javascript; charset=utf-8', 'text/css; charset=utf-8', 'font/woff2']);
  });

  it('serves index.html for the root', async () => {
    const res = await handler({ url: 'app://herald/' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('refuses path traversal', async () => {
    const before = disk.reads.length;
    for (const url of [
      'app://herald/..%2f..%2fetc%2fpasswd',
      'app://herald/assets/..%2F..%2F..%2Fsecret.txt',
      'app://herald/..%5c..%5cwindows%5cwin.ini',
      'app://herald/%2e%2e/%2e%2e/etc/passwd',
      'app://herald/index.html%00.png',
      'app://herald/%E0%A4%A',
    ]) {
      const res = await handler({ url });
      expect(res.status, url).toBe(404);
    }
    // Every read that did happen stayed inside the renderer directory.
    for (const p of disk.reads.slice(before)) expect(p.startsWith(ROOT + path.sep)).toBe(true);
  });

  it('refuses other hosts and schemes', async () => {
    expect((await handler({ url: 'app://evil/index.html' })).status).toBe(404);
    expect((await handler({ url: 'file:///srv/herald/out/renderer/index.html' })).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await handler({ url: 'app://herald/index.html', method: 'POST' })).status).toBe(405);
    const head = await handler({ url: 'app://herald/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 500 without details when the disk fails', async () => {
    const failing = createAppRequestHandler(ROOT, async () => {
      throw Object.assign(new Error('EIO: /secret/path'), { code: 'EIO' });
    });
    const res = await failing({ url: 'app://herald/index.html' });
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('/secret/path');
  });

  it('hands its handler to protocol.handle for the app scheme', async () => {
    const handled: Array<[string, (r: Request) => Response | Promise<Response>]> = [];
    serveAppProtocol({ handle: (scheme, h) => handled.push([scheme, h]) }, ROOT, disk.readFile);
    expect(handled.map(([s]) => s)).toEqual(['app']);
    const res = await handled[0]![1]({ url: 'app://herald/index.html', method: 'GET' } as Request);
    expect(res.status).toBe(200);
  });
});
