/**
 * Runs pending migrations one at a time, each in its own transaction (a failure leaves the database at the last good
 * version). A database that has run a migration this build does not know was written by a newer Herald: refuse it
 * rather than guess, and change nothing.
 */
import { sql, type Kysely } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { migrations } from './migrations';
import { HeraldError } from '../errors';
import { storageError } from './storage-errors';

const provider: MigrationProvider = { getMigrations: async () => migrations };

async function executedMigrationNames(db: Kysely<any>): Promise<string[]> {
  try {
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    return rows.rows.map((r) => r.name);
  } catch {
    return []; // no migration table yet: a new database
  }
}

export async function migrateToLatest(db: Kysely<any>, location: string): Promise<string[]> {
  const known = new Set(Object.keys(migrations));
  const unknown = (await executedMigrationNames(db)).filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new HeraldError(
      'storage',
      `${location} was written by a newer version of Herald (it has migration ${unknown[0]}). ` +
        'Install that version of Herald, or open a backup made with this one. Nothing was changed.',
    );
  }
  const migrator = new Migrator({ db, provider });
  const applied: string[] = [];
  for (;;) {
    const { error, results } = await migrator.migrateUp();
    if (error) {
      const code = (error as { code?: string }).code ?? '';
      if (/^(ECONN|ENOTFOUND|EAI_|28P01|3D000|SQLITE_(BUSY|LOCKED|READONLY|NOTADB|CORRUPT|CANTOPEN))/.test(code)) {
        throw storageError(location, error);
      }
      const name = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new HeraldError('storage', `Could not update ${location} (migration ${name}): ${(error as Error).message}`);
    }
    if (!results || results.length === 0) return applied;
    applied.push(...results.map((r) => r.migrationName));
  }
}
