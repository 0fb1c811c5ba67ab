/**
 * Typed mode never parses a file itself: the files an analysis follows (reach into services through a barrel, sinks
 * into a logger module) come from the program, converted to ESTree. Untyped mode reads and parses them from disk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../../src/index.js';
import { clearFileCaches, moduleStats, programViewStats } from '../../../src/analysis/modules.js';

const files: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', strict: true, skipLibCheck: true, noEmit: true, types: [] },
    include: ['src'],
  }),
  'src/logger.ts': "import pino from 'pino';\nexport const logger = pino();\n",
  'src/audit.ts': 'export async function sendAudit(_event: object): Promise<void> {}\n',
  'src/services/index.ts': "export * from './users.service';\nexport * from './orders.service';\n",
  'src/services/orders.service.ts': 'export async function createOrder(_id: string): Promise<void> {}\n',
  'src/services/users.service.ts': [
    "import { sendAudit } from '../audit';",
    "export async function createUser(name: string) { await sendAudit({ action: 'user.create', name }); }",
    'export async function renameUser(_name: string) {}',
    '',
  ].join('\n'),
  'src/routes.ts': [
    "import express from 'express';",
    "import { logger } from './logger';",
    "import { createUser, renameUser } from './services';",
    'export const router = express.Router();',
    "router.post('/users', async (req, res) => { await createUser(req.body.name); res.sendStatus(201); });",
    "router.put('/users', async (req, res) => { logger.info({ password: req.body.password }); await renameUser(req.body.name); res.sendStatus(204); });",
    '',
  ].join('\n'),
};

async function lint(dir: string, typed: boolean): Promise<string[]> {
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser, parserOptions: typed ? { projectService: true, tsconfigRootDir: dir } : {} },
      plugins: { compliance: plugin as unknown as ESLint.Plugin },
      settings: { compliance: { regulations: { soc2: true } } },
      rules: { 'compliance/require-endpoint-audit': 'error', 'compliance/no-sensitive-data-in-logs': 'error' },
    },
  ];
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(['src/routes.ts']);
  return results.flatMap((result) => result.messages.map((message) => `${message.line} ${message.ruleId ?? 'fatal'}`)).sort();
}

describe('module graph in typed mode', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  const makeApp = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-typed-modules-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
  };
  const reset = (): void => {
    clearFileCaches();
    moduleStats.read = 0;
    moduleStats.parsed = 0;
    programViewStats.converted = 0;
  };

  it.each([
    ['typed', true],
    ['untyped', false],
  ])('%s: the same findings', async (_mode, typed) => {
    reset();
    // Line 6: the unaudited PUT endpoint and the password it logs; the audited POST (line 5) through the barrel.
    expect(await lint(makeApp(), typed)).toEqual(['6 compliance/no-sensitive-data-in-logs', '6 compliance/require-endpoint-audit']);
    if (typed) {
      expect(moduleStats.parsed).toBe(0);
      expect(moduleStats.read).toBe(0);
      expect(programViewStats.converted).toBeGreaterThan(0);
    } else {
      expect(moduleStats.parsed).toBeGreaterThan(0);
    }
  });
});
