/**
 * Test support: real Bluesky peers on loopback (@atproto/dev-env), with the two accounts every Bluesky test needs:
 * the council (connected to Herald with an app password, as a real council would) and a resident (who replies,
 * mentions and gets blocked, through a plain @atproto/api agent).
 *
 * The full network (AppView, for notifications) needs PostgreSQL and the REDIS_HOST setting. PostgreSQL comes from the
 * throwaway server `npm test` starts (HERALD_TEST_PG_URL, or DB_POSTGRES_URL); Redis is started here on a free port
 * (dev-env 0.6 only checks the setting, but a real server keeps the test honest if a later version uses it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { createServer } from 'node:net';
import { deflateSync, crc32 } from 'node:zlib';
import { AtpAgent } from '@atproto/api';
import { TestNetwork, TestNetworkNoAppView } from '@atproto/dev-env';
import type { CallContext } from '../../adapter';

export type Account = { did: string; handle: string; agent: AtpAgent };
export type Peers<N> = { network: N; serviceUrl: string; council: Account & { appPassword: string; ctx: CallContext }; resident: Account };

export const PG_URL = process.env.HERALD_TEST_PG_URL ?? process.env.DB_POSTGRES_URL;
export const HAVE_REDIS = spawnable('redis-server');

export async function startPdsPeers(): Promise<Peers<TestNetworkNoAppView>> {
  const network = await TestNetworkNoAppView.create({});
  return { network, ...(await seedAccounts(network, network.pds.url)) };
}

/** The full network with an AppView; call `stop()` after `network.close()`. */
export async function startFullPeers(): Promise<Peers<TestNetwork> & { stop: () => Promise<void> }> {
  const redis = await startRedis();
  process.env.REDIS_HOST = redis.host;
  // Letters and underscores only (bsync's rule); unique so parallel runs on one PostgreSQL never collide.
  const schema = `herald_bsky_${[...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
  const network = await TestNetwork.create({ dbPostgresUrl: PG_URL, dbPostgresSchema: schema });
  return { network, ...(await seedAccounts(network, network.pds.url)), stop: redis.stop };
}

async function seedAccounts(network: TestNetworkNoAppView, serviceUrl: string) {
  const sc = network.getSeedClient();
  await sc.createAccount('council', { handle: 'council.test', email: 'comms@council.test', password: 'council-main-password' });
  await sc.createAccount('resident', { handle: 'resident.test', email: 'resident@example.test', password: 'resident-password' });
  const councilAgent = await signIn(serviceUrl, 'council.test', 'council-main-password');
  const { data } = await councilAgent.agent.com.atproto.server.createAppPassword({ name: 'Herald' });
  const council = {
    ...councilAgent,
    appPassword: data.password,
    ctx: { credentials: { serviceUrl, identifier: 'council.test', appPassword: data.password } },
  };
  return { serviceUrl, council, resident: await signIn(serviceUrl, 'resident.test', 'resident-password') };
}

export async function signIn(serviceUrl: string, identifier: string, password: string): Promise<Account> {
  const agent = new AtpAgent({ service: serviceUrl });
  const { data } = await agent.login({ identifier, password });
  return { did: data.did, handle: data.handle, agent };
}

/** The resident replies to a post (or to a reply in its thread); returns the reply's at:// address. */
export async function residentReplies(resident: Account, to: string, text: string): Promise<string> {
  const [, did, , rkey] = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(to)!;
  const parent = await resident.agent.com.atproto.repo.getRecord({ repo: did!, collection: 'app.bsky.feed.post', rkey: rkey! });
  const parentRef = { uri: parent.data.uri, cid: parent.data.cid! };
  const root = (parent.data.value as { reply?: { root: { uri: string; cid: string } } }).reply?.root ?? parentRef;
  const res = await resident.agent.post({ text, reply: { root, parent: parentRef }, createdAt: new Date().toISOString() });
  return res.uri;
}

/** A record from the council's repository as Bluesky stores it, or null. */
export async function readRecord(account: Account, uri: string): Promise<Record<string, any> | null> {
  const [, did, collection, rkey] = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri)!;
  try {
    const res = await account.agent.com.atproto.repo.getRecord({ repo: did!, collection: collection!, rkey: rkey! });
    return res.data.value as Record<string, any>;
  } catch (e) {
    if ((e as { error?: string }).error === 'RecordNotFound') return null;
    throw e;
  }
}

export async function listRecords(account: Account, collection: string): Promise<Array<{ uri: string; value: Record<string, any> }>> {
  const res = await account.agent.com.atproto.repo.listRecords({ repo: account.did, collection, limit: 100 });
  return res.data.records.map((r) => ({ uri: r.uri, value: r.value as Record<string, any> }));
}

/** A small but real PNG (solid colour, RGB), built here so the test needs no fixture file. */
export function makePng(width = 4, height = 3, rgb: [number, number, number] = [29, 112, 184]): Uint8Array {
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter method, no interlace
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return new Uint8Array(png);
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startRedis(): Promise<{ host: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const proc: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 5 s')), 5000);
    proc.stdout!.on('data', (d: Buffer) => /Ready to accept connections/.test(d.toString()) && (clearTimeout(timer), resolve()));
    proc.once('exit', (code) => (clearTimeout(timer), reject(new Error(`redis-server exited with ${code}`))));
  });
  return {
    host: `127.0.0.1:${port}`,
    stop: async () => {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

function spawnable(cmd: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => {
    try {
      return statSync(`${dir}/${cmd}`).isFile();
    } catch {
      return false;
    }
  });
}
