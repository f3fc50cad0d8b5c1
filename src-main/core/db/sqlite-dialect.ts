/**
 * Kysely's SQLite dialect, with two changes Herald needs:
 * - transactions start with BEGIN IMMEDIATE, so a transaction takes the write lock before it reads. Two Herald
 *   processes on one file (the app and the headless scheduler) then queue on busy_timeout instead of failing with
 *   SQLITE_BUSY_SNAPSHOT halfway through, and cannot both read the same audit chain head (R26: no forks).
 * - the adapter admits that SQLite has transactional DDL, so each migration runs in its own transaction.
 */
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class HeraldSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
