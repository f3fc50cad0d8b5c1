#!/usr/bin/env bash
# The whole test suite, as the README's `npm test` runs it: lint (including the rule that core never imports
# electron), typecheck, build, then Vitest and Playwright inside a real keychain (gnome-keyring over D-Bus) with a
# throwaway PostgreSQL on loopback. npm puts node_modules/.bin first on PATH, so this runs on the project's Node 22.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Node $(node --version)"
echo "== lint"; eslint .
echo "== typecheck"; tsc --noEmit -p tsconfig.json
echo "== build"; electron-vite build >/dev/null && echo "built out/main, out/preload, out/renderer"
echo "== electronegativity (Electron security scan of the build)"; node scripts/electronegativity.mjs 2>&1 | grep -v -e 'translations for the current locale' -e "fetching Electron's releases"
echo "== unit and integration tests, then end-to-end tests"
exec bash scripts/pg-throwaway.sh bash scripts/with-keyring.sh bash -c 'vitest run && playwright test'
