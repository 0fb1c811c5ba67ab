/**
 * The plugin under ESLint's multithread linting (`--concurrency`, ESLint ≥ 9.34) and its result cache
 * (`--cache`), as users run them.
 *
 * Worker threads each load the config and the plugin, build their own program (typed) or read imported files
 * themselves (untyped), and compute their own summaries of the functions a route calls: the findings on the
 * example app must be the same as on one thread, with findings from several rules so that the comparison
 * cannot pass empty. A thread probe (tests/fixtures-concurrency/probe.js) proves the files really were linted
 * on two threads.
 *
 * The cache keys each file's results by that file alone: a route whose service stops auditing is not re-linted.
 * That limitation is asserted here, with what CI should run instead (no cache), as the README documents.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');
const fixtures = path.join(root, 'tests/fixtures-concurrency');
const PROBE = 'probe/thread';

type Concurrency = NonNullable<ESLint.Options['concurrency']>;

/** One message as a user sees it: position, text, suggestions and fix. */
function message(m: Linter.LintMessage | Linter.SuppressedLintMessage): Record<string, unknown> {
  return {
    ruleId: m.ruleId,
    severity: m.severity,
    fatal: m.fatal ?? false,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    messageId: m.messageId,
    message: m.message,
    fix: m.fix,
    suggestions: m.suggestions?.map(s => ({ messageId: s.messageId, desc: s.desc, fix: s.fix })),
    suppressions: 'suppressions' in m ? m.suppressions : undefined,
  };
}

function byPosition(a: Record<string, unknown>, b: Record<string, unknown>): number {
  return JSON.stringify([a.line, a.column, a.ruleId, a.message]).localeCompare(JSON.stringify([b.line, b.column, b.ruleId, b.message]));
}

interface Run {
  /** Per file (relative to examples/, sorted): its findings and suppressed findings, sorted, probe left out. */
  readonly files: Record<string, { messages: Record<string, unknown>[]; suppressed: Record<string, unknown>[] }>;
  /** Ids of the threads that linted a file, from the probe. */
  readonly threads: ReadonlySet<string>;
}

async function lintExamples(configFile: string, concurrency: Concurrency): Promise<Run> {
  // Only cloneable options: ESLint passes them to its workers.
  const eslint = new ESLint({ cwd: examples, overrideConfigFile: path.join(fixtures, configFile), concurrency });
  const results = await eslint.lintFiles(['src/**/*.{ts,tsx}']);
  const files: Run['files'] = {};
  const threads = new Set<string>();
  for (const result of [...results].sort((a, b) => a.filePath.localeCompare(b.filePath))) {
    for (const m of result.messages) if (m.ruleId === PROBE) threads.add(/thread (\d+)/u.exec(m.message)?.[1] ?? '?');
    files[path.relative(examples, result.filePath)] = {
      messages: result.messages.filter(m => m.ruleId !== PROBE).map(message).sort(byPosition),
      suppressed: result.suppressedMessages.map(message).sort(byPosition),
    };
  }
  return { files, threads };
}

function findings(run: Run): Record<string, unknown>[] {
  return Object.values(run.files).flatMap(file => [...file.messages, ...file.suppressed]);
}

describe('--concurrency on the example app (its own eslint.config.js)', () => {
  // dist/ is built once by tests/global-setup.ts.

  describe.each([
    // 'auto' runs on one thread for ≤ 50 files or < 4 cores (ESLint's heuristic): the example app's 30 files
    // take that path on any machine. It is compared once, in the cheaper untyped mode.
    { mode: 'typed', configFile: 'typed.config.js', also: [] as Concurrency[] },
    { mode: 'untyped', configFile: 'untyped.config.js', also: ['auto'] as Concurrency[] },
  ])('$mode', ({ configFile, also }) => {
    it('reports the same findings on two worker threads as on one', async () => {
      const single = await lintExamples(configFile, 'off');
      const workers = await lintExamples(configFile, 2);

      // Not an empty comparison: several rules report, with messages the rules compute across files.
      const all = findings(single);
      expect(all.filter(m => m.ruleId === null)).toEqual([]);
      expect(new Set(all.map(m => m.ruleId)).size).toBeGreaterThanOrEqual(4);
      expect(all.filter(m => m.ruleId === 'compliance/require-endpoint-audit').length).toBeGreaterThan(0);
      expect(Object.keys(single.files).length).toBeGreaterThan(2);

      // Two different executions: one thread, then two worker threads (none of them the first).
      expect(single.threads.size).toBe(1);
      expect(workers.threads.size).toBe(2);
      for (const id of single.threads) expect(workers.threads.has(id)).toBe(false);

      expect(workers.files).toEqual(single.files);

      for (const concurrency of also) expect((await lintExamples(configFile, concurrency)).files, String(concurrency)).toEqual(single.files);
    }, 240_000);
  });
});

describe('--cache and a change in another file', () => {
  const ROUTES = [
    "import express from 'express';",
    "import { createUser } from './users-service.js';",
    '',
    'const router = express.Router();',
    "router.post('/users', async (req, res) => {",
    '  await createUser(req.body.name);',
    '  res.sendStatus(201);',
    '});',
    '',
    'export default router;',
    '',
  ].join('\n');
  const service = (audits: boolean): string =>
    [
      "import { db } from './db.js';",
      "import { recordAudit } from './audit.js';",
      '',
      'export async function createUser(name: string): Promise<void> {',
      "  await db.insert('users', { name });",
      ...(audits ? ["  await recordAudit({ action: 'user.create', resource: name });"] : []),
      '}',
      '',
    ].join('\n');

  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { compliance: plugin as never },
      rules: { 'compliance/require-endpoint-audit': 'error' },
    },
  ];
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** The lines of the route file's require-endpoint-audit findings. */
  async function lint(dir: string, cache: Pick<ESLint.Options, 'cache' | 'cacheStrategy'>): Promise<number[]> {
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: config,
      cacheLocation: path.join(dir, '.eslintcache'),
      ...cache,
    });
    // The whole app, as a project run would; only the route can have an endpoint finding.
    const results = await eslint.lintFiles(['*.ts']);
    expect(results).toHaveLength(2);
    const routes = results.find(result => path.basename(result.filePath) === 'routes.ts');
    expect(results.find(result => result !== routes)?.messages).toEqual([]);
    return routes!.messages.map(m => {
      expect(m.ruleId).toBe('compliance/require-endpoint-audit');
      return m.line;
    });
  }

  it.each(['metadata', 'content'] as const)(
    'with --cache-strategy %s, misses a route whose service stopped auditing; a run without the cache reports it',
    async cacheStrategy => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'compliance-cache-'));
      dirs.push(dir);
      writeFileSync(path.join(dir, 'routes.ts'), ROUTES);
      writeFileSync(path.join(dir, 'users-service.ts'), service(true));
      const cached = { cache: true, cacheStrategy } as const;

      // The route is audited through its service: no finding, and that result is cached.
      expect(await lint(dir, cached)).toEqual([]);

      // The service loses its audit call. The route file did not change, so ESLint serves its cached result.
      writeFileSync(path.join(dir, 'users-service.ts'), service(false));
      expect(await lint(dir, cached)).toEqual([]);

      // What CI should run: without the cache, the route is linted again and reported on `router.post`.
      expect(await lint(dir, { cache: false })).toEqual([5]);
    },
    60_000,
  );
});
