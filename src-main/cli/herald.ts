/**
 * `herald`: the same core without a window (DESIGN.md "cli/"). Sets up a data directory, adds users, verifies the
 * audit log and checks posts against the policy, so an IT team can script an installation and an auditor can check
 * a log from a terminal. Every change goes through the same core services, role checks and audit trail as the app.
 * The core (and the policy engine) load only when a command needs them, so `herald check` starts in a fraction of
 * the time the whole core takes to load.
 */
import { Command, Option } from 'commander';
import { randomBytes } from 'node:crypto';
import type { Where } from './open-core';
import { readPassword } from './prompt';
import { roleSchema, type Role } from '../ipc/contract';
import { contract } from '../ipc/contract';
import { isHeraldError } from '../core/errors';
import type { Core } from '../core/create-core';

const program = new Command('herald')
  .description('Herald: the social media console for UK public bodies, without a window.')
  .showHelpAfterError();

const where = (cmd: Command) =>
  cmd
    .addOption(new Option('--data-dir <dir>', 'the Herald data directory (holds herald.sqlite)').env('HERALD_DATA_DIR'))
    .addOption(new Option('--database-url <url>', 'a PostgreSQL database instead of a data directory').env('HERALD_DATABASE_URL'))
    .option('--verbose', 'log what Herald does to standard error');

async function withCore<T>(opts: Where, fn: (core: Core) => Promise<T>): Promise<T> {
  const { openCore } = await import('./open-core');
  const core = await openCore(opts);
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}

/** Signs a manager in for a CLI change, so it passes the same role checks and lands in the audit log under their name. */
async function signInManager(core: Core, as: string | undefined) {
  let username = as;
  if (!username) {
    const managers = (await core.users.list()).filter((u) => u.active && u.roles.includes('manager'));
    if (managers.length !== 1) throw new Error('Say which manager is making this change: --as USERNAME');
    username = managers[0]!.username;
  }
  const password = await readPassword('HERALD_ADMIN_PASSWORD', `Password for ${username}: `);
  return core.sessions.signIn('cli', username, password);
}

where(program.command('init'))
  .description('set up a data directory and its first administrator (a manager)')
  .requiredOption('--admin <username>', 'username of the first administrator')
  .option('--display-name <name>', 'their full name (defaults to the username)')
  .option('--training-date <YYYY-MM-DD>', 'the date they completed social media training')
  .action(async (opts) => {
    const password = await readPassword('HERALD_ADMIN_PASSWORD', `Password for ${opts.admin}: `);
    const input = contract['setup:create-admin'].input.parse({
      username: opts.admin,
      displayName: opts.displayName ?? opts.admin,
      password,
      trainingCompletedOn: opts.trainingDate ?? null,
    });
    await withCore(opts, async (core) => {
      const user = await core.users.create(null, { ...input, roles: ['manager'] });
      console.log(`Herald is set up in ${core.database.location}. First administrator: ${user.username} (manager).`);
    });
  });

const users = program.command('users').description('manage local users');
where(users.command('add'))
  .description('add a user (a manager signs the change)')
  .requiredOption('--username <username>', 'the new user’s username')
  .addOption(new Option('--role <role...>', 'one or more roles').choices(roleSchema.options).makeOptionMandatory())
  .option('--display-name <name>', 'their full name (defaults to the username)')
  .option('--training-date <YYYY-MM-DD>', 'the date they completed social media training (needed for posting roles)')
  .option('--as <manager>', 'the manager making the change (default: the only manager)')
  .action(async (opts) => {
    await withCore(opts, async (core) => {
      const manager = await signInManager(core, opts.as);
      let password = process.env.HERALD_USER_PASSWORD;
      let generated = false;
      if (!password) {
        if (process.stdin.isTTY) password = await readPassword('HERALD_USER_PASSWORD', `Password for ${opts.username}: `);
        else {
          password = randomBytes(15).toString('base64url');
          generated = true;
        }
      }
      const input = contract['users:create'].input.parse({
        username: opts.username,
        displayName: opts.displayName ?? opts.username,
        password,
        roles: opts.role as Role[],
        trainingCompletedOn: opts.trainingDate ?? null,
      });
      const user = await core.users.create(manager, input);
      await core.sessions.signOut('cli');
      console.log(`Added ${user.username} (${user.roles.join(', ')}).`);
      if (generated) console.log(`Their one-time password is: ${password}`);
    });
  });
where(users.command('list'))
  .description('list users and their roles')
  .action(async (opts) => {
    await withCore(opts, async (core) => {
      for (const u of await core.users.list()) {
        console.log(`${u.username}\t${u.roles.join(',') || '-'}\t${u.trainingCompletedOn ?? 'no training recorded'}\t${u.active ? 'active' : 'inactive'}`);
      }
    });
  });

const audit = program.command('audit').description('the tamper-evident audit log');
where(audit.command('verify'))
  .description('check the audit log has not been altered; exits 1 naming the first bad entry if it has')
  .action(async (opts) => {
    await withCore(opts, async (core) => {
      const r = await core.audit.verify();
      if (r.ok) {
        console.log(`Audit log intact: ${r.checked} entries checked.`);
      } else {
        console.error(`Audit log TAMPERED: first bad entry #${r.firstBadSeq}. ${r.reason}`);
        process.exitCode = 1;
      }
    });
  });

program
  .command('check')
  .description('check posts against the policy: JSON Lines in, one post a line; one line of findings out for each')
  .addOption(new Option('--data-dir <dir>', 'use the policy saved in this Herald data directory (or, without a database, its rule-packs/*.json and policy-settings.json)').env('HERALD_DATA_DIR'))
  .addHelpText(
    'after',
    `
Each input line: {"id":"p1","platform":"x","text":"...","scheduledAt":"2026-05-02T19:30:00+01:00",
  "media":[{"kind":"image","alt":"...","source":"...","licence":"...","peopleShown":true,"consentRecorded":true}]}
Each output line: {"id":"p1","findings":[{"category","ruleId","severity","clause","message","suggestion","start","end"}],"packVersion":"..."}
A line that cannot be checked gives {"id":...,"line":N,"error":"..."} and the rest go on; the exit code is then 1.`,
  )
  .action(async (opts: { dataDir?: string }) => {
    const { checkCommand } = await import('./check-command');
    process.exitCode = await checkCommand(opts);
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  const message = isHeraldError(e) ? e.message : e instanceof Error && 'issues' in e ? describeZod(e) : (e as Error).message;
  console.error(`herald: ${message}`);
  process.exitCode = 2;
});

function describeZod(e: Error): string {
  const issues = (e as unknown as { issues: { path: (string | number)[]; message: string }[] }).issues;
  return issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
}
