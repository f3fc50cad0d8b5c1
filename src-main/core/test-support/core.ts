/** Test support: a real core (real SQLite file or PostgreSQL database, real keychain) with a hand-moved clock. */
import { createCore, type Core } from '../create-core';
import { ManualClock } from '../clock';
import { silentLogger, type Logger } from '../logger';
import { TEST_COST } from '../people/password';
import { freshTarget, type EngineName } from './engines';
import { testSecretStore } from './secrets';
import type { DatabaseTarget } from '../db/database';

export type TestCore = Core & { clock: ManualClock; target: DatabaseTarget; dispose(): Promise<void> };

export async function testCore(engine: EngineName = 'sqlite', logger: Logger = silentLogger()): Promise<TestCore> {
  const { target, drop } = await freshTarget(engine);
  const secretStore = testSecretStore();
  const clock = new ManualClock();
  const core = await createCore({ ...target, secretStore, clock, logger, passwordCost: TEST_COST });
  return Object.assign(core, {
    clock,
    target,
    async dispose() {
      await core.close();
      await drop();
      await secretStore.wipe();
    },
  });
}

export const PASSWORD = 'correct horse battery staple';

/** A manager from first-run setup, plus an officer with training: the usual cast. */
export async function withCast(core: Core) {
  const admin = await core.users.create(null, {
    username: 'amara.admin',
    displayName: 'Amara Admin',
    password: PASSWORD,
    roles: ['manager'],
    trainingCompletedOn: '2026-03-01',
  });
  const officer = await core.users.create(admin, {
    username: 'oliver.officer',
    displayName: 'Oliver Officer',
    password: PASSWORD,
    roles: ['officer'],
    trainingCompletedOn: '2026-04-15',
  });
  return { admin, officer };
}
