/**
 * Organisation settings, stored as JSON values by key. Changes are manager-only and audited with before and after
 * (R26: "settings and rule-pack changes"). Values are cached in memory because hot paths (the idle lock) read them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { HeraldError } from '../errors';
import { settingsSchema } from '../../ipc/contract';
import { hasPermission, type User } from '../people/user-service';
import type { z } from 'zod';

export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { idleLockMinutes: 15 };

export class SettingsService {
  private cache: Settings = { ...DEFAULT_SETTINGS };

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async load(): Promise<void> {
    const rows = await this.db.selectFrom('settings').select(['key', 'value']).execute();
    const stored: Record<string, unknown> = {};
    for (const r of rows) {
      try {
        stored[r.key] = JSON.parse(r.value);
      } catch {
        // a corrupted value falls back to its default below
      }
    }
    const merged = { ...DEFAULT_SETTINGS };
    for (const k of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const one = settingsSchema.shape[k].safeParse(stored[k]);
      if (one.success) merged[k] = one.data;
    }
    this.cache = merged;
  }

  get(): Settings {
    return { ...this.cache };
  }

  async update(actor: User, patch: Partial<Settings>): Promise<Settings> {
    if (!hasPermission(actor, 'administer')) throw new HeraldError('forbidden', 'Only a manager can change settings');
    const next = settingsSchema.parse({ ...this.cache, ...patch });
    await this.audit.transact(async (trx, record) => {
      for (const [key, value] of Object.entries(patch)) {
        const row = { key, value: JSON.stringify(value), updated_at: this.clock.now() };
        await trx
          .insertInto('settings')
          .values(row)
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at }))
          .execute();
      }
      await record({ actor: actor.username, action: 'settings.changed', subject: 'settings', details: { from: this.cache, to: next } });
    });
    this.cache = next;
    return this.get();
  }
}

export async function readInstallationId(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'installation.id').executeTakeFirst();
  const id = row ? (JSON.parse(row.value) as unknown) : null;
  if (typeof id !== 'string' || !id) throw new HeraldError('storage', 'This Herald database has lost its installation id');
  return id;
}
