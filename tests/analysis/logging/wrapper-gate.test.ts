/**
 * A call that is no logger by itself is followed into as a log wrapper (which parses the callee's module, or typed
 * asks the checker for its symbol) only when one of its arguments carries a source by name or origin: calls with
 * nothing sensitive never parse the helper module, and a call with a password still finds the wrapper.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import plugin from '../../../src/index.js';
import { clearFileCaches, moduleStats } from '../../../src/analysis/modules.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-wrapper-gate-'));
const write = (name: string, text: string): void => fs.writeFileSync(path.join(dir, name), text);
write('helpers.ts', 'export function note(label: string, data: unknown) { console.log(label, data); }\n');
write('quiet.ts', "import { note } from './helpers';\ndeclare const count: number;\nnote('count', count);\nnote('done', { count });\n");
write('loud.ts', "import { note } from './helpers';\ndeclare const password: string;\nnote('login', password);\n");

async function lint(file: string): Promise<string[]> {
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser },
      plugins: { compliance: plugin as unknown as ESLint.Plugin },
      rules: { 'compliance/no-sensitive-data-in-logs': 'error' },
    },
  ];
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config });
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).map((message) => `${message.line}: ${message.message}`);
}

describe('log-wrapper gate (untyped)', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    clearFileCaches();
    moduleStats.parsed = 0;
  });

  it('calls whose arguments carry nothing sensitive do not parse the helper module', async () => {
    expect(await lint('quiet.ts')).toEqual([]);
    expect(moduleStats.parsed).toBe(0);
  });

  it('a call with a password resolves the wrapper across files and reports', async () => {
    const messages = await lint('loud.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^3: password .* is written to a log by note/u);
    expect(moduleStats.parsed).toBe(1);
  });

  it.todo('typed: a value sensitive only by its type (`note(row)` where `row: Account` has `password`) passed to a log wrapper — the gate asks names and origins only, because typing every argument of every call costs more than the wrappers (Outline: +1.7 s)');
});
