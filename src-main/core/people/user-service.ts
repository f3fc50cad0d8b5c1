/**
 * Local users (R3): create, change roles, record training, deactivate. Every change is audited in the same
 * transaction (R26). Only a manager administers users; the first administrator is created by first-run setup.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, UsersTable } from '../db/schema';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { HeraldError } from '../errors';
import { hashPassword, DEFAULT_COST, type PasswordCost } from './password';
import { canPost, permissionsOf, ROLES_NEEDING_TRAINING, type Permission } from './roles';
import { roleSchema, type Role, type UserView } from '../../ipc/contract';

export type User = { id: string; username: string; displayName: string; roles: Role[]; trainingCompletedOn: string | null; active: boolean; createdAt: number };

export type NewUser = { username: string; displayName: string; password: string; roles: Role[]; trainingCompletedOn: string | null };

export function toView(u: User): UserView {
  return { ...u, canPost: canPost(u.roles, u.trainingCompletedOn !== null) };
}

export function hasPermission(u: User, p: Permission): boolean {
  return u.active && permissionsOf(u.roles, u.trainingCompletedOn !== null).has(p);
}

function fromRow(r: UsersTable): User {
  const parsed = roleSchema.array().safeParse(JSON.parse(r.roles));
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    roles: parsed.success ? parsed.data : [], // a corrupted roles cell grants nothing
    trainingCompletedOn: r.training_completed_on,
    active: Number(r.active) === 1,
    createdAt: Number(r.created_at),
  };
}

function checkTraining(roles: readonly Role[], training: string | null, clock: Clock): void {
  const needing = roles.filter((r) => ROLES_NEEDING_TRAINING.includes(r));
  if (needing.length > 0 && !training) {
    throw new HeraldError(
      'invalid-input',
      `The ${needing.join(' and ')} role needs the date social media training was completed (SYP Annex One: access only after training).`,
      { trainingCompletedOn: 'Enter the date social media training was completed' },
    );
  }
  if (training && Date.parse(`${training}T00:00:00Z`) > clock.now()) {
    throw new HeraldError('invalid-input', 'The training date cannot be in the future', { trainingCompletedOn: 'Enter a date in the past' });
  }
}

export class UserService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly passwordCost: PasswordCost = DEFAULT_COST,
  ) {}

  async count(): Promise<number> {
    const r = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  async byUsername(username: string): Promise<(User & { passwordHash: string }) | null> {
    const r = await this.db.selectFrom('users').selectAll().where('username', '=', username.trim().toLowerCase()).executeTakeFirst();
    return r ? { ...fromRow(r), passwordHash: r.password_hash } : null;
  }

  async byId(id: string): Promise<(User & { passwordHash: string }) | null> {
    const r = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? { ...fromRow(r), passwordHash: r.password_hash } : null;
  }

  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map(fromRow);
  }

  /** `actor` is null only for first-run setup, which creates the first manager. */
  async create(actor: User | null, input: NewUser): Promise<User> {
    if (actor) this.requireAdmin(actor);
    const roles = [...new Set(input.roles)];
    checkTraining(roles, input.trainingCompletedOn, this.clock);
    const username = input.username.trim().toLowerCase();
    const passwordHash = await hashPassword(input.password, this.passwordCost);
    const now = this.clock.now();
    const id = randomUUID();
    return this.audit.transact(async (trx, record) => {
      if (actor === null) {
        const n = await trx.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
        if (Number(n?.n ?? 0) > 0) throw new HeraldError('already-set-up', 'Herald is already set up: sign in instead');
      }
      const clash = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
      if (clash) throw new HeraldError('conflict', `The username ${username} is taken`, { username: 'Choose another username' });
      await trx
        .insertInto('users')
        .values({
          id,
          username,
          display_name: input.displayName.trim(),
          password_hash: passwordHash,
          roles: JSON.stringify(roles),
          training_completed_on: input.trainingCompletedOn,
          active: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await record({
        actor: actor ? actor.username : username,
        action: actor ? 'user.created' : 'setup.admin-created',
        subject: `user:${username}`,
        details: { displayName: input.displayName.trim(), roles, trainingCompletedOn: input.trainingCompletedOn },
      });
      return { id, username, displayName: input.displayName.trim(), roles, trainingCompletedOn: input.trainingCompletedOn, active: true, createdAt: now };
    });
  }

  async setRoles(actor: User, userId: string, roles: Role[]): Promise<User> {
    this.requireAdmin(actor);
    return this.update(actor, userId, 'user.roles-changed', (u) => {
      const next = [...new Set(roles)];
      checkTraining(next, u.trainingCompletedOn, this.clock);
      if (u.id === actor.id && !next.includes('manager')) {
        throw new HeraldError('conflict', 'You cannot remove your own manager role: ask another manager');
      }
      return { patch: { roles: JSON.stringify(next) }, details: { from: u.roles, to: next } };
    });
  }

  async setTraining(actor: User, userId: string, date: string | null): Promise<User> {
    this.requireAdmin(actor);
    return this.update(actor, userId, 'user.training-recorded', (u) => {
      checkTraining(u.roles, date, this.clock);
      return { patch: { training_completed_on: date }, details: { from: u.trainingCompletedOn, to: date } };
    });
  }

  async setActive(actor: User, userId: string, active: boolean): Promise<User> {
    this.requireAdmin(actor);
    if (userId === actor.id && !active) throw new HeraldError('conflict', 'You cannot deactivate yourself');
    return this.update(actor, userId, active ? 'user.reactivated' : 'user.deactivated', () => ({ patch: { active: active ? 1 : 0 }, details: {} }));
  }

  requireAdmin(actor: User): void {
    if (!hasPermission(actor, 'administer')) throw new HeraldError('forbidden', 'Only a manager can do that');
  }

  private async update(
    actor: User,
    userId: string,
    action: string,
    change: (u: User) => { patch: Partial<UsersTable>; details: Record<string, unknown> },
  ): Promise<User> {
    return this.audit.transact(async (trx, record) => {
      const row = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
      if (!row) throw new HeraldError('not-found', 'No such user');
      const before = fromRow(row);
      const { patch, details } = change(before);
      await trx.updateTable('users').set({ ...patch, updated_at: this.clock.now() }).where('id', '=', userId).execute();
      await record({ actor: actor.username, action, subject: `user:${before.username}`, details });
      const after = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
      return fromRow(after);
    });
  }
}
