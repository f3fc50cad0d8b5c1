/** Migrations are shared by both engines; the few that must differ ask which one they are running on. */
import { PostgresAdapter, type Kysely } from 'kysely';

export const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;
