#!/usr/bin/env node
// The `herald` command. Herald needs Node 22 (better-sqlite3 13 crashes on Node 20, ENVIRONMENT.md); the project
// installs Node 22 from the npm registry as the `node` package, so re-run under it when started by an older Node.
//
// The CLI runs from a bundle of src-main/cli that esbuild builds on first use and again whenever a source file or the
// shipped rule pack is newer, kept in node_modules/.cache/herald-cli with Node's compile cache beside it. Loading the
// TypeScript through tsx took about a third of a second of every `herald check` start (issue 5 point 5: batch
// throughput counts start-up). Should the bundle fail to build, the sources run through tsx as before.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

const entry = join(root, 'src-main', 'cli', 'herald.ts');
const cacheDir = join(root, 'node_modules', '.cache', 'herald-cli');

/** The newest modification time (ms) and the count of the files a bundle is built from. */
function sourceStamp() {
  let newest = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  let count = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) {
        count++;
        newest = Math.max(newest, statSync(p).mtimeMs);
      }
    }
  };
  walk(join(root, 'src-main'));
  walk(join(root, 'resources', 'rule-packs'));
  return `${Math.floor(newest)}-${count}`;
}

/** The bundle's entry file, built now if the sources changed since; null when it cannot be built. */
async function bundle() {
  try {
    const out = join(cacheDir, sourceStamp());
    const main = join(out, 'herald.js');
    if (existsSync(main)) return main;
    const { build } = await import('esbuild');
    const tmp = `${out}.tmp-${process.pid}`;
    await build({
      entryPoints: [entry],
      outdir: tmp,
      bundle: true,
      splitting: true, // keeps the core's dynamic imports lazy: `herald check` never loads the database or adapters
      platform: 'node',
      format: 'esm',
      target: 'node22',
      packages: 'external',
      logLevel: 'silent',
    });
    try {
      renameSync(tmp, out);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another herald built the same sources first
    }
    for (const old of readdirSync(cacheDir)) if (join(cacheDir, old) !== out && old !== 'compile' && !old.includes('.tmp-')) rmSync(join(cacheDir, old), { recursive: true, force: true });
    return existsSync(main) ? main : null;
  } catch {
    return null;
  }
}

const main = await bundle();
if (main) {
  mkdirSync(join(cacheDir, 'compile'), { recursive: true });
  module.enableCompileCache?.(join(cacheDir, 'compile'));
  await import(pathToFileURL(main).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(entry);
}
