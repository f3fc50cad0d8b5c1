/**
 * The ordered list of migrations. Names are numbered so they sort; a new migration gets the next number and its own
 * test in migrations.test.ts. Never edit a migration that has shipped: add a new one.
 */
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-create-users';
import * as m0002 from './0002-create-audit-log';
import * as m0003 from './0003-create-settings';
import * as m0004 from './0004-create-accounts';
import * as m0005 from './0005-create-posts';
import * as m0006 from './0006-create-rule-packs';

export const migrations: Record<string, Migration> = {
  '0001-create-users': m0001,
  '0002-create-audit-log': m0002,
  '0003-create-settings': m0003,
  '0004-create-accounts': m0004,
  '0005-create-posts': m0005,
  '0006-create-rule-packs': m0006,
};
