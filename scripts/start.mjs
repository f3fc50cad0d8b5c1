// `npm start`: builds Herald and opens its window. Electron downloads its binary on first install on a normal
// machine; where it cannot (an offline build box like ours), say so plainly and point to what works without a window.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const pathFile = join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;

const build = spawnSync('electron-vite', ['build'], { cwd: root, stdio: 'inherit', shell: false });
if (build.status !== 0) process.exit(build.status ?? 1);

if (!binary || !existsSync(binary)) {
  console.error(`
Herald is built, but the Electron binary is not installed on this machine, so no window can open.
(npm downloads Electron's binary from GitHub when it installs; this machine cannot reach it.)

What works without a window:
  npx herald --help                 the command line: init, users, audit verify
  npm run harness                   the full Herald UI in your browser, on 127.0.0.1 only
  npm test                          the whole test suite

On a machine with internet access, \`npm install\` fetches Electron and \`npm start\` opens the app.`);
  process.exit(1);
}
const r = spawnSync(binary, [root], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 0);
