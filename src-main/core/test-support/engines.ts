/**
 * Test support: fresh databases on both engines. SQLite gets a new temporary data directory; PostgreSQL a new database
 * on the throwaway server the test command starts (HERALD_TEST_PG_URL). Without that server the PostgreSQL cases are
 * skipped, loudly, so a developer running one file by hand still gets the SQLite half.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from '../db/database';

export type EngineName = 'sqlite' | 'postgres';
export const PG_URL = process.env.HERALD_TEST_PG_URL;
if (!PG_URL && !process.env.HERALD_WARNED_PG) {
  process.env.HERALD_WARNED_PG = '1';
  console.warn('HERALD_TEST_PG_URL is not set: PostgreSQL cases are skipped. `npm test` starts a throwaway server.');
}
export const engines: EngineName[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export function tempDir(prefix = 'herald-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh, empty target on the named engine, and a function that removes it. */
export async function freshTarget(engine: EngineName): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dataDir = tempDir();
    return { target: { dataDir }, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `herald_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return {
    target: { databaseUrl: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
