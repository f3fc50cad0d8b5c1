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
);
