// ESLint runs in the test command. Its one architectural rule: src-main/core never imports 'electron' (DESIGN.md),
// so the product's logic stays testable under plain Node and reusable by the CLI and the team server.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-undef': 'off',
    },
  },
  {
    files: ['src-main/core/**', 'src-main/cli/**', 'src-main/ipc/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Core, CLI and IPC code must not import electron: pass what you need in from src-main/shell.' }],
          patterns: [{ group: ['electron/*', '**/shell/*', '**/shell'], message: 'Core must not depend on the Electron shell.' }],
        },
      ],
    },
  },
  {
    // The renderer talks to main only through window.herald (DESIGN.md rule 1): no network, no Node, no Electron.
    files: ['src-renderer/**'],
    ignores: ['src-renderer/vite.config.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Use the api client (window.herald).' }, { name: 'XMLHttpRequest', message: 'Use the api client (window.herald).' }, { name: 'WebSocket', message: 'Use the api client (window.herald).' }],
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: [{ group: ['node:*', '**/src-main/core/**', '**/core/*'], message: 'The renderer cannot reach Node or core.' }] }],
    },
  },
);
