/**
 * Runs the standard bad-response cases (fault-server.ts) against one adapter operation: the chosen request gets the
 * bad answer, every other request goes to the platform's fake, so multi-step operations (upload, then publish) are
 * tested at the step that matters. Each case must end as the expected PlatformError kind with a message a comms
 * officer can read: no stack trace, no markup, no "[object Object]".
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { PlatformError } from '../adapter';
import { badResponseCases, startFaultServer, type FaultServer, type Reply, type Route } from './fault-server';

export type BadResponseSuite = {
  operation: string;
  mutating: boolean;
  /** A correct body for the targeted request, and a function removing a field the adapter reads. */
  valid: unknown;
  dropField: (valid: any) => unknown;
  isTarget: (req: IncomingMessage & { bodyText: string }, url: URL) => boolean;
  /** The fake's normal handling for every other request. */
  fallback: Route;
  /** Calls the operation against `serviceUrl`, with a short timeout. */
  call: (serverUrl: string) => Promise<unknown>;
  /** Platform-specific dressing of a case's reply (LinkedIn puts the new id in a header). */
  adjust?: (reply: Reply, caseName: string) => Reply;
};

export function itSurvivesBadResponses(s: BadResponseSuite): void {
  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer(s.fallback);
  });
  afterAll(async () => {
    await server.close();
  });
  for (const c of badResponseCases(s.dropField)) {
    const expected = s.mutating ? c.expect.mutating : c.expect.read;
    it(`${s.operation}: ${c.name} → ${expected ?? 'succeeds'}`, async () => {
      server.setRoute((req, url) => {
        if (!s.isTarget(req, url)) return s.fallback(req, url);
        const reply = c.reply(s.valid);
        return s.adjust ? s.adjust(reply, c.name) : reply;
      });
      const outcome = await s.call(server.url).then(
        () => null,
        (e: unknown) => e,
      );
      if (expected === null) {
        expect(outcome).toBeNull();
        return;
      }
      expect(outcome).toBeInstanceOf(PlatformError);
      const err = outcome as PlatformError;
      expect(err.kind).toBe(expected);
      expect(err.message).toMatch(/[A-Za-z]{3}/);
      expect(err.message).not.toMatch(/\n\s+at |<\/?[a-z!]|\[object Object\]/i);
      expect(err.message.length).toBeLessThan(500);
    });
  }
}
