/** Small network helpers for the OAuth tests: probing a port, finding a free one, reading the redirect port. */
import { connect, createServer } from 'node:net';

export const canConnect = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect({ host, port, timeout: 500 });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });

/** A port that was free a moment ago, for providers that need a fixed, registered port. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** The loopback listener's port, read from the redirect_uri in an authorisation URL. */
export const portOf = (authUrl: string) => Number(new URL(new URL(authUrl).searchParams.get('redirect_uri')!).port);
