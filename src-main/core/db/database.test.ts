/**
 * Bad storage gets a clear error naming the file and what to do, and the file is never overwritten: a corrupt file,
 * a file marked read-only, a file locked by another program, and an unreachable PostgreSQL server.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { openDatabase, DATABASE_FILE } from './database';
import { tempDir } from '../test-support/engines';

const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('opening a bad database file', () => {
  it('explains a corrupt file, names it, and leaves it byte for byte as it was', async () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    fs.writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0xab)]));
    const before = digest(file);
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(new RegExp(`${file}.*damaged or is not a Herald database`));
    expect(digest(file)).toBe(before);
  });

  it('explains a file that is not a database at all (a text file saved over it)', async () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    fs.writeFileSync(file, 'Dear colleagues,\nPlease find attached the minutes.\n'.repeat(200));
    const before = digest(file);
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/damaged or is not a Herald database/);
    expect(digest(file)).toBe(before);
  });

  it('refuses a file marked read-only, says how to fix it, and does not write to it', async () => {
    const dir = tempDir();
    const db = await openDatabase({ dataDir: dir });
    await db.close();
    const file = path.join(dir, DATABASE_FILE);
    fs.chmodSync(file, 0o444);
    const before = digest(file);
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(new RegExp(`${file} is read-only.*make it writable`));
    expect(digest(file)).toBe(before);
    fs.chmodSync(file, 0o644);
  });

  it('explains a file locked by another program instead of hanging', async () => {
    const dir = tempDir();
    (await openDatabase({ dataDir: dir })).close();
    const file = path.join(dir, DATABASE_FILE);
    // Another process takes an exclusive lock and holds it.
    const holder = spawn(process.execPath, ['-e', `
      const D = require('better-sqlite3'); const d = new D(${JSON.stringify(file)});
      d.pragma('locking_mode = EXCLUSIVE'); d.exec('begin exclusive'); d.exec("insert into settings values ('x','1',1)");
      process.stdout.write('locked\\n'); setTimeout(() => {}, 20000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
      await expect(openDatabase({ dataDir: dir, busyTimeoutMs: 200 })).rejects.toThrow(new RegExp(`${file} is locked by another program`));
    } finally {
      holder.kill();
    }
  });

  it('explains an unreachable PostgreSQL server without showing its password', async () => {
    const err = await openDatabase({ databaseUrl: 'postgres://herald:s3cret-pw@127.0.0.1:1/herald' }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/cannot reach the database at postgres:\/\/herald:\*\*\*@127\.0\.0\.1:1\/herald/);
    expect((err as Error).message).not.toContain('s3cret-pw');
  });
});
