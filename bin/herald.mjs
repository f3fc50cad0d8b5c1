#!/usr/bin/env node
// The `herald` command. Herald needs Node 22 (better-sqlite3 13 crashes on Node 20, ENVIRONMENT.md); the project
// installs Node 22 from the npm registry as the `node` package, so re-run under it when started by an older Node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  const node22 = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node22)) {
    console.error('herald: Node 22 or newer is needed. Run `npm install` in the Herald folder first.');
    process.exit(2);
  }
  const r = spawnSync(node22, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const { register } = await import('tsx/esm/api');
register();
await import(join(root, 'src-main', 'cli', 'herald.ts'));
