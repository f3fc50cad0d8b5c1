import { describe, it, expect } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

describe('the core/shell boundary', () => {
  const eslint = new ESLint({ cwd: root });
  const lint = async (code: string, file: string) => (await eslint.lintText(code, { filePath: path.join(root, file) }))[0]!;

  it('fails lint when a file under src-main/core imports electron', async () => {
    const r = await lint("import { app } from 'electron';\nexport const v = app;\n", 'src-main/core/people/new-thing.ts');
    expect(r.errorCount).toBe(1);
    expect(r.messages[0]!.ruleId).toBe('no-restricted-imports');
  });

  it('fails lint when core reaches into the Electron shell', async () => {
    const r = await lint("import { x } from '../../shell/main-window';\nexport const v = x;\n", 'src-main/core/audit/thing.ts');
    expect(r.errorCount).toBe(1);
  });

  it('lets the shell import electron', async () => {
    const r = await lint("import { app } from 'electron';\nexport const v = app;\n", 'src-main/shell/thing.ts');
    expect(r.errorCount).toBe(0);
  });
});
