/**
 * Interprocedural reach on a small multi-file app (tests/fixtures/reach): a probe rule reports, for every function whose
 * name starts with `handle`, the audit call it reaches (depth and path) or that it reaches none. Every case runs in both
 * modes: untyped (scope analysis + followed imports) and typed (the checker, through the project service).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import * as tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { ESLint, Linter, type Rule } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuditAnalysis } from '../../src/analysis/audit.js';
import { isDefaultAuditCall } from '../../src/analysis/matchers.js';
import { createReach, type Evidence, reachStats, resetReachStats } from '../../src/analysis/reach.js';
import { getPolicy } from '../../src/settings.js';
import { fixturesDir, typedTester, untypedTester } from '../rule-tester.js';

const PROBE_FILE = path.join(fixturesDir, 'reach/src/probe.ts');

function describeEvidence(evidence: Evidence | undefined): string {
  return evidence ? `depth ${evidence.depth} via ${evidence.path.join(' > ')}` : 'not audited';
}

/** The functions the probe looks at: declarations, const functions and methods named `handle…`. */
function probedName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.FunctionDeclaration) return node.id?.name;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if ((parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property) && parent.key.type === AST_NODE_TYPES.Identifier) {
    return parent.key.name;
  }
  return undefined;
}

function reachRule(maxDepth: number) {
  return ESLintUtils.RuleCreator.withoutDocs<[], 'probe'>({
    meta: { type: 'problem', messages: { probe: '{{name}}: {{result}}' }, schema: [] },
    create(context) {
      const analysis = createAuditAnalysis(context, getPolicy(context), { maxDepth });
      const check = (node: TSESTree.FunctionLike): void => {
        const name = probedName(node);
        if (!name?.startsWith('handle')) return;
        context.report({ node, messageId: 'probe', data: { name, result: describeEvidence(analysis.reach.auditIn(node)) } });
      };
      return { FunctionDeclaration: check, FunctionExpression: check, ArrowFunctionExpression: check };
    },
  });
}

interface ProbeCase {
  readonly name: string;
  readonly code: string;
  /** `[function name, result]` in source order. */
  readonly expected: ReadonlyArray<readonly [string, string]>;
  readonly settings?: Record<string, unknown>;
  readonly maxDepth?: number;
  /** Only in one mode (the other mode's expectation differs and has its own case). */
  readonly only?: 'typed' | 'untyped';
}

const modes: ReadonlyArray<readonly ['typed' | 'untyped', (settings?: Record<string, unknown>) => RuleTester]> = [
  ['untyped', untypedTester],
  ['typed', typedTester],
];

function runProbe(cases: readonly ProbeCase[]): void {
  for (const [mode, tester] of modes) {
    describe(mode, () => {
      for (const item of cases) {
        if (item.only && item.only !== mode) continue;
        tester(item.settings).run(item.name, reachRule(item.maxDepth ?? 4), {
          valid: [],
          invalid: [
            {
              code: item.code,
              filename: PROBE_FILE,
              errors: item.expected.map(([name, result]) => ({ messageId: 'probe' as const, data: { name, result } })),
            },
          ],
        });
      }
    });
  }
}

const NOT = 'not audited';

describe('same file', () => {
  runProbe([
    {
      name: 'direct audit call, and its look-alikes',
      code: `
        declare const logger: { info(message: string): void };
        declare function sendAudit(event: object): Promise<void>;
        declare function createEvent(event: object): void;
        export async function handleDirect() { await sendAudit({ action: 'x' }); }
        export async function handleLogLine() { logger.info('user audited'); }
        export async function handleWebhookEvent() { createEvent({ type: 'audit' }); }
      `,
      expected: [
        ['handleDirect', 'depth 0 via sendAudit'],
        ['handleLogLine', NOT],
        ['handleWebhookEvent', NOT],
      ],
    },
    {
      name: '1, 2 and 3 hops through local functions, const arrows and object methods',
      code: `
        declare function sendAudit(event: object): Promise<void>;
        async function one() { await sendAudit({ action: 'x' }); }
        const two = async () => { await one(); };
        const svc = { async three() { await two(); }, async plain() { return 1; } };
        export async function handleOneHop() { await one(); }
        export async function handleTwoHops() { await two(); }
        export async function handleThreeHops() { await svc.three(); }
        export async function handlePlain() { await svc.plain(); }
      `,
      expected: [
        ['handleOneHop', 'depth 1 via one > sendAudit'],
        ['handleTwoHops', 'depth 2 via two > one > sendAudit'],
        ['handleThreeHops', 'depth 3 via svc.three > two > one > sendAudit'],
        ['handlePlain', NOT],
      ],
    },
    {
      name: 'class methods through this.method() and this.field.method()',
      code: `
        declare function sendAudit(event: object): Promise<void>;
        class Recorder { async note() { await sendAudit({ action: 'x' }); } async idle() {} }
        export class Controller {
          private readonly recorder = new Recorder();
          constructor(private readonly other: Recorder) {}
          async handleThis() { await this.write(); }
          async handleField() { await this.recorder.note(); }
          async handleParamProperty() { await this.other.note(); }
          async handleIdle() { await this.other.idle(); }
          private async write() { await sendAudit({ action: 'y' }); }
        }
      `,
      expected: [
        ['handleThis', 'depth 1 via this.write > sendAudit'],
        ['handleField', 'depth 1 via this.recorder.note > sendAudit'],
        ['handleParamProperty', 'depth 1 via this.other.note > sendAudit'],
        ['handleIdle', NOT],
      ],
    },
    {
      name: 'nested closures: transaction callbacks, then() callbacks, arrays of promises, callback references (PATTERNS #5)',
      code: `
        import { db } from './persistence/db';
        import { insertAuditLogs, sendAudit } from './audit/audit.service';
        async function auditOne(id: string) { await sendAudit({ action: 'x', resource: id }); }
        export async function handleTransaction() {
          return db.transaction(async (tx) => {
            const row = await tx.insert('things', {});
            await insertAuditLogs(tx, [{ action: 'thing.create', resource: row.id }]);
            return row;
          });
        }
        export async function handleTransactionNoAudit() {
          return db.transaction(async (tx) => tx.insert('things', {}));
        }
        export async function handleThen() { return db.insert('x', {}).then(async (row) => { await sendAudit({ action: 'x', resource: row.id }); }); }
        export async function handlePromiseAll() { await Promise.all([db.insert('x', {}), sendAudit({ action: 'x' })]); }
        export async function handleCallbackReference(ids: string[]) { await Promise.all(ids.map(auditOne)); }
      `,
      expected: [
        ['handleTransaction', 'depth 0 via insertAuditLogs'],
        ['handleTransactionNoAudit', NOT],
        ['handleThen', 'depth 0 via sendAudit'],
        ['handlePromiseAll', 'depth 0 via sendAudit'],
        ['handleCallbackReference', 'depth 1 via auditOne > sendAudit'],
      ],
    },
    {
      name: 'recursion and mutual recursion terminate',
      code: `
        declare function sendAudit(event: object): Promise<void>;
        function ping(n: number): void { if (n) pong(n - 1); }
        function pong(n: number): void { ping(n); }
        function again(n: number): void { if (n) again(n - 1); }
        function loop(n: number): void { if (n) back(n); }
        function back(n: number): void { loop(n - 1); void sendAudit({ action: 'x' }); }
        export function handlePingPong() { ping(3); }
        export function handleSelf() { again(3); }
        export function handleCycleThenAudit() { loop(2); }
        export function handleRecursive(n: number): void { if (n) handleRecursive(n - 1); }
      `,
      expected: [
        ['handlePingPong', NOT],
        ['handleSelf', NOT],
        ['handleCycleThenAudit', 'depth 2 via loop > back > sendAudit'],
        ['handleRecursive', NOT],
      ],
    },
  ]);
});

describe('across files', () => {
  runProbe([
    {
      name: '1, 2 and 3 hops: .js for .ts, tsconfig paths, index files, export * barrels',
      code: `
        import { stepOne } from './services/chain-a.js';
        import { stepTwo } from '@app/services/chain-b';
        import { stepThree } from './services/chain-c';
        export async function handleThreeHops() { await stepOne(); }
        export async function handleTwoHops() { await stepTwo(); }
        export async function handleOneHop() { await stepThree(); }
      `,
      expected: [
        ['handleThreeHops', 'depth 3 via stepOne > stepTwo > stepThree > sendAudit'],
        ['handleTwoHops', 'depth 2 via stepTwo > stepThree > sendAudit'],
        ['handleOneHop', 'depth 1 via stepThree > sendAudit'],
      ],
    },
    {
      name: 'NestJS: controller → this.userService.x() → this.auditService.log() (PATTERNS #2)',
      code: `
        import { Controller, Delete, Param, Patch, Post, Body } from '@nestjs/common';
        import { UserService } from './services/user.service';
        @Controller('users')
        export class UsersController {
          constructor(private readonly userService: UserService) {}
          @Post() handleCreate(@Body() body: { name: string }) { return this.userService.create(body.name); }
          @Patch(':id') handleRename(@Param('id') id: string, @Body() body: { name: string }) { return this.userService.rename(id, body.name); }
          @Delete(':id') handleRemove(@Param('id') id: string) { return this.userService.remove(id); }
          @Post(':id/suspend') handleSuspend(@Param('id') id: string) { return this.userService.suspend(id); }
        }
      `,
      expected: [
        ['handleCreate', 'depth 1 via this.userService.create > this.auditService.log'],
        ['handleRename', NOT],
        ['handleRemove', 'depth 2 via this.userService.remove > this.record > this.auditService.log'],
        ['handleSuspend', NOT],
      ],
    },
    {
      name: 'a service reaching the audit through another service (class property, constructor assignment, new X())',
      code: `
        import { AccountService } from './services/account.service';
        export class AccountsController {
          constructor(private readonly accounts: AccountService) {}
          handleOpen() { return this.accounts.open('x'); }
          handleClose() { return this.accounts.close('x'); }
        }
      `,
      expected: [
        ['handleOpen', 'depth 2 via this.accounts.open > this.users.create > this.auditService.log'],
        ['handleClose', NOT],
      ],
    },
    {
      name: 'imported object methods, default exports, namespaces and re-exports',
      code: `
        import { userRepo } from './services/objects';
        import removeUser from './services/remove-user';
        import * as services from './services/index';
        import { makeMonitor, removeUser as reexportedRemove, userRepo as reexportedRepo } from './services';
        export async function handleObjectMethod() { await userRepo.create('x'); }
        export async function handleObjectArrow() { await userRepo.remove('x'); }
        export async function handleObjectPlain() { await userRepo.save('x'); }
        export async function handleDefault() { await removeUser('x'); }
        export async function handleNamespace() { await services.makeMonitor({ name: 'x' }); }
        export async function handleRenamedReexport() { await makeMonitor({ name: 'x' }); }
        export async function handleDefaultReexport() { await reexportedRemove('x'); }
        export async function handleStarReexport() { await reexportedRepo.save('x'); }
      `,
      expected: [
        ['handleObjectMethod', 'depth 1 via userRepo.create > sendAudit'],
        ['handleObjectArrow', 'depth 1 via userRepo.remove > emitAudit'],
        ['handleObjectPlain', NOT],
        ['handleDefault', 'depth 1 via removeUser > sendAudit'],
        ['handleNamespace', 'depth 1 via services.makeMonitor > emitAudit'],
        ['handleRenamedReexport', 'depth 1 via makeMonitor > emitAudit'],
        ['handleDefaultReexport', 'depth 1 via reexportedRemove > sendAudit'],
        ['handleStarReexport', NOT],
      ],
    },
    {
      name: 'the function actually imported, not one with the same name elsewhere; look-alikes in other files',
      code: `
        import { createUser } from './services/users-plain';
        import { createUser as createAudited } from './services/users-audited';
        import { notifyUser } from './services/lookalike';
        export async function handlePlain() { await createUser('x'); }
        export async function handleAudited() { await createAudited('x'); }
        export async function handleLookalike() { await notifyUser(); }
      `,
      expected: [
        ['handlePlain', NOT],
        ['handleAudited', 'depth 1 via createAudited > sendAudit'],
        ['handleLookalike', NOT],
      ],
    },
    {
      name: 'services layer shared by some routes only (PATTERNS #6)',
      code: `
        import { createMonitor } from './services/monitor.service';
        import { db } from './persistence/db';
        export async function handleRpcCreate(input: { name: string }) { await createMonitor(input); }
        export async function handleRestUpdate(id: string, input: { name: string }) { await db.update('monitors', id, input); }
      `,
      expected: [
        ['handleRpcCreate', 'depth 1 via createMonitor > emitAudit'],
        ['handleRestUpdate', NOT],
      ],
    },
    {
      name: 'package functions are not followed',
      code: `
        import { createRecord } from 'some-package';
        import { Logger } from '@nestjs/common';
        export async function handlePackage() { await createRecord({ type: 'x' }); }
        export async function handleNestLogger() { new Logger('x').log('user updated'); }
      `,
      expected: [
        ['handlePackage', NOT],
        ['handleNestLogger', NOT],
      ],
    },
    {
      name: 'cycles across files terminate',
      code: `
        import { countdown, loopThenRecord, ping } from './services/cycle';
        export function handlePing() { ping(2); }
        export function handleCountdown() { countdown(2); }
        export function handleLoop() { loopThenRecord(2); }
      `,
      expected: [
        ['handlePing', NOT],
        ['handleCountdown', NOT],
        ['handleLoop', 'depth 2 via loopThenRecord > loopBack > sendAudit'],
      ],
    },
  ]);
});

describe('configured audit calls', () => {
  const persistence = { compliance: { audit: { calls: ['*.destroyWithCtx', 'sendAudit'] } } };
  runProbe([
    {
      name: 'persistence helper configured as an audit call; plain save() is not (PATTERNS #3)',
      settings: persistence,
      code: `
        import { ApiKey, type Ctx } from './persistence/base-model';
        export async function handleDestroy(id: string, ctx: Ctx) { const key = await ApiKey.findById(id); await key.destroyWithCtx(ctx); }
        export async function handleSave(id: string) { const key = await ApiKey.findById(id); await key.save(); }
      `,
      expected: [
        ['handleDestroy', 'depth 0 via key.destroyWithCtx'],
        ['handleSave', NOT],
      ],
    },
    {
      name: 'a configured list replaces the default heuristic, in other files too',
      settings: { compliance: { audit: { calls: ['recordEvent'] } } },
      code: `
        import { stepThree } from './services/chain-c';
        import { recordEvent } from './audit';
        async function viaRecord() { await recordEvent({ action: 'x' }); }
        export async function handleNotConfigured() { await stepThree(); }
        export async function handleConfigured() { await viaRecord(); }
      `,
      expected: [
        ['handleNotConfigured', NOT],
        ['handleConfigured', 'depth 1 via viaRecord > recordEvent'],
      ],
    },
    {
      name: '{ import, name } matchers in another file follow that file’s imports',
      settings: { compliance: { audit: { calls: [{ import: '../audit/audit.service', name: 'sendAudit' }] } } },
      code: `
        import { stepOne } from './services/chain-a';
        import { createUser } from './services/users-audited';
        import { sendAudit } from './audit/audit.service';
        export async function handleOtherFileImport() { await createUser('x'); }
        export async function handleThroughBarrel() { await stepOne(); }
        export async function handleLocalSpecifierDiffers() { await sendAudit({ action: 'x' }); }
      `,
      expected: [
        ['handleOtherFileImport', 'depth 1 via createUser > sendAudit'],
        // chain-c.ts imports sendAudit from '../audit', not '../audit/audit.service'.
        ['handleThroughBarrel', NOT],
        ['handleLocalSpecifierDiffers', NOT],
      ],
    },
  ]);
});

describe('typed only: interface receivers and type matchers in other files', () => {
  runProbe([
    {
      name: '{ type, method } matcher on a call in another file',
      only: 'typed',
      settings: { compliance: { audit: { calls: [{ type: 'AuditSink', method: 'log' }] } } },
      code: `
        import { UserService } from './services/user.service';
        export class C {
          constructor(private readonly users: UserService) {}
          handleSuspend() { return this.users.suspend('x'); }
          handleCreate() { return this.users.create('x'); }
        }
      `,
      expected: [
        ['handleSuspend', 'depth 1 via this.users.suspend > this.sink.log'],
        ['handleCreate', NOT],
      ],
    },
    {
      name: 'the checker resolves what syntax cannot: an injected service obtained from a factory',
      only: 'typed',
      code: `
        import { UserService } from './services/user.service';
        declare function inject<T>(token: new (...args: never[]) => T): T;
        const users = inject(UserService);
        export async function handleInjected() { await users.create('x'); }
      `,
      expected: [['handleInjected', 'depth 1 via users.create > this.auditService.log']],
    },
    {
      name: 'without types, a service obtained from a factory is not followed',
      only: 'untyped',
      code: `
        import { UserService } from './services/user.service';
        declare function inject<T>(token: new (...args: never[]) => T): T;
        const users = inject(UserService);
        export async function handleInjected() { await users.create('x'); }
      `,
      expected: [['handleInjected', NOT]],
    },
  ]);
});

describe('depth bound', () => {
  const code = `
    import { deep1, deep2 } from './services/deep';
    export async function handleFive() { await deep1(); }
    export async function handleFour() { await deep2(); }
  `;
  runProbe([
    {
      name: 'maxDepth 4: 5 hops is too far, 4 is not',
      code,
      expected: [
        ['handleFive', NOT],
        ['handleFour', 'depth 4 via deep2 > deep3 > deep4 > deep5 > sendAudit'],
      ],
    },
    {
      name: 'maxDepth 5 finds both',
      maxDepth: 5,
      code,
      expected: [
        ['handleFive', 'depth 5 via deep1 > deep2 > deep3 > deep4 > deep5 > sendAudit'],
        ['handleFour', 'depth 4 via deep2 > deep3 > deep4 > deep5 > sendAudit'],
      ],
    },
    {
      name: 'maxDepth 0: only audit calls in the handler itself',
      maxDepth: 0,
      code: `
        import { sendAudit } from './audit';
        import { stepThree } from './services/chain-c';
        export async function handleDirect() { await sendAudit({ action: 'x' }); }
        export async function handleOneHop() { await stepThree(); }
      `,
      expected: [
        ['handleDirect', 'depth 0 via sendAudit'],
        ['handleOneHop', NOT],
      ],
    },
  ]);
});

describe('createReach with its own predicate', () => {
  const rule = ESLintUtils.RuleCreator.withoutDocs<[], 'probe'>({
    meta: { type: 'problem', messages: { probe: '{{name}}: {{result}}' }, schema: [] },
    create(context) {
      const reach = createReach(context, (call) => call.type === AST_NODE_TYPES.CallExpression && isDefaultAuditCall(call), { maxDepth: 1 });
      return {
        FunctionDeclaration(node) {
          if (node.id?.name.startsWith('handle')) {
            context.report({ node, messageId: 'probe', data: { name: node.id.name, result: describeEvidence(reach.auditIn(node)) } });
          }
        },
        'SwitchCase > BlockStatement'(node: TSESTree.BlockStatement) {
          context.report({ node, messageId: 'probe', data: { name: 'branch', result: describeEvidence(reach.auditIn(node)) } });
        },
      };
    },
  });
  for (const [mode, tester] of modes) {
    tester().run(`${mode}: branches and the handler`, rule, {
      valid: [],
      invalid: [
        {
          code: `
            import { stepThree } from './services/chain-c';
            import { stepTwo } from './services/chain-b';
            export async function handleMethods(method: string) {
              switch (method) {
                case 'PUT': { await stepThree(); break; }
                case 'DELETE': { await stepTwo(); break; }
              }
            }
          `,
          filename: PROBE_FILE,
          errors: [
            { messageId: 'probe', data: { name: 'handleMethods', result: 'depth 1 via stepThree > sendAudit' } },
            { messageId: 'probe', data: { name: 'branch', result: 'depth 1 via stepThree > sendAudit' } },
            { messageId: 'probe', data: { name: 'branch', result: NOT } },
          ],
        },
      ],
    });
  }

  it('never throws on odd input', () => {
    expect(describeEvidence(undefined)).toBe(NOT);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// The summary cache, measured on real ESLint runs over a generated app
// ---------------------------------------------------------------------------------------------------------------------

const CONTROLLERS = 20;

function writeApp(dir: string): void {
  const write = (relative: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), text);
  };
  write(
    'tsconfig.json',
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', strict: true, skipLibCheck: true, noEmit: true, types: [] },
      include: ['src'],
    }),
  );
  write('src/audit.service.ts', 'export class AuditService {\n  async log(_event: object): Promise<void> {}\n}\n');
  write(
    'src/user.service.ts',
    [
      "import { AuditService } from './audit.service';",
      'export class UserService {',
      '  constructor(private readonly auditService: AuditService) {}',
      "  async create(name: string) { await this.auditService.log({ action: 'user.create', name }); }",
      '  async rename(name: string) { await this.store(name); }',
      '  private async store(_name: string) {}',
      '}',
      '',
    ].join('\n'),
  );
  for (let index = 0; index < CONTROLLERS; index++) {
    write(
      `src/controllers/c${index}.ts`,
      [
        "import { UserService } from '../user.service';",
        `export class C${index} {`,
        '  constructor(private readonly users: UserService) {}',
        "  async handleCreate() { await this.users.create('x'); }",
        "  async handleRename() { await this.users.rename('x'); }",
        '}',
        '',
      ].join('\n'),
    );
  }
}

function eslintFor(dir: string, typed: boolean): ESLint {
  return new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: {
          parser: tsParser,
          parserOptions: typed ? { projectService: true, tsconfigRootDir: dir } : {},
        },
        plugins: { probe: { rules: { reach: reachRule(4) as unknown as Rule.RuleModule } } },
        rules: { 'probe/reach': 'error' },
      },
    ],
  });
}

async function lintMessages(eslint: ESLint): Promise<string[]> {
  const results = await eslint.lintFiles(['src/controllers/*.ts']);
  return results.flatMap((result) => result.messages.map((message) => message.message));
}

describe('summary cache', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  const makeApp = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-reach-'));
    dirs.push(dir);
    writeApp(dir);
    return dir;
  };

  it.each([
    ['untyped', false],
    ['typed', true],
  ])(`%s: ${CONTROLLERS} controllers calling one service — each declaration is summarized once`, async (_mode, typed) => {
    const dir = makeApp();
    resetReachStats({ trace: true });
    const messages = await lintMessages(eslintFor(dir, typed));
    expect(messages.filter((message) => message === 'handleCreate: depth 1 via this.users.create > this.auditService.log')).toHaveLength(CONTROLLERS);
    expect(messages.filter((message) => message === 'handleRename: not audited')).toHaveLength(CONTROLLERS);
    const trace = reachStats.trace ?? new Map<string, number>();
    const service = [...trace].filter(([key]) => key.includes('user.service.ts'));
    // create, rename and store: once each, for 20 files.
    expect(service.map(([, count]) => count)).toEqual([1, 1, 1]);
    // 40 handlers + 3 service methods; AuditService.log is never entered (the call to it is the audit).
    expect(reachStats.summarized).toBe(2 * CONTROLLERS + 3);
    expect(Math.max(...trace.values())).toBe(1);
  });

  it('untyped: an edit to a followed file invalidates the summaries that depend on it (mtime + size)', async () => {
    const dir = makeApp();
    const eslint = eslintFor(dir, false);
    resetReachStats({ trace: true });
    expect(await lintMessages(eslint)).toContain('handleCreate: depth 1 via this.users.create > this.auditService.log');
    const servicePath = path.join(dir, 'src/user.service.ts');
    fs.writeFileSync(servicePath, fs.readFileSync(servicePath, 'utf8').replace("await this.auditService.log({ action: 'user.create', name });", 'void name;'));
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(servicePath, later, later);
    const after = await lintMessages(eslint);
    expect(after.filter((message) => message === 'handleCreate: not audited')).toHaveLength(CONTROLLERS);
    const createKey = [...(reachStats.trace ?? new Map<string, number>()).keys()].filter((key) => key.includes('user.service.ts'));
    // create re-summarized once after the edit (new range, new key) — not once per controller.
    expect(createKey.map((key) => reachStats.trace?.get(key))).toEqual([1, 1, 1, 1, 1, 1]);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Robustness: truncated, mid-edit code never makes the analysis throw
// ---------------------------------------------------------------------------------------------------------------------

const everythingRule = ESLintUtils.RuleCreator.withoutDocs<[], 'probe'>({
  meta: { type: 'problem', messages: { probe: '{{result}}' }, schema: [] },
  create(context) {
    const analysis = createAuditAnalysis(context, getPolicy(context), { maxDepth: 4 });
    const functions: TSESTree.FunctionLike[] = [];
    const calls: TSESTree.CallExpression[] = [];
    return {
      FunctionDeclaration: (node) => void functions.push(node),
      FunctionExpression: (node) => void functions.push(node),
      ArrowFunctionExpression: (node) => void functions.push(node),
      CallExpression: (node) => void calls.push(node),
      'Program:exit'() {
        for (const fn of functions) analysis.reach.auditIn(fn);
        for (const call of calls) {
          analysis.isMiddleware(call);
          analysis.chainAudits({
            framework: 'express',
            methods: ['POST'],
            route: '/x',
            label: 'POST /x',
            reportNode: call,
            chain: call.arguments,
            handler: undefined,
            ...(call.callee.type === AST_NODE_TYPES.MemberExpression ? { receiver: call.callee.object } : {}),
            branch: call.arguments[0],
          });
        }
      },
    };
  },
});

describe('plain JavaScript (espree)', () => {
  it('follows imports from a .js file parsed by espree into TypeScript modules', () => {
    const linter = new Linter({ configType: 'flat', cwd: fixturesDir });
    const messages = linter.verify(
      [
        "import { userRepo } from './services/objects';",
        "import { createUser } from './services/users-plain';",
        "export async function handleCreate() { await userRepo.create('x'); }",
        "export async function handlePlain() { await createUser('x'); }",
      ].join('\n'),
      [
        {
          files: ['**/*.js'],
          languageOptions: { sourceType: 'module' as const },
          plugins: { probe: { rules: { reach: reachRule(4) as unknown as Rule.RuleModule } } },
          rules: { 'probe/reach': 'error' as const },
        },
      ],
      path.join(fixturesDir, 'reach/src/probe.js'),
    );
    expect(messages.map((message) => message.message)).toEqual(['handleCreate: depth 1 via userRepo.create > sendAudit', 'handlePlain: not audited']);
  });
});

describe('robustness', () => {
  const sources = ['services/user.service.ts', 'services/account.service.ts', 'controllers/things.ts', 'middleware/koa.ts', 'lib/wrappers.ts'].map(
    (file) => fs.readFileSync(path.join(fixturesDir, 'reach/src', file), 'utf8'),
  );
  it('lints every 40th-character truncation of the fixture app without throwing', () => {
    const linter = new Linter({ configType: 'flat', cwd: fixturesDir });
    const config = [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { probe: { rules: { everything: everythingRule as unknown as Rule.RuleModule } } },
        rules: { 'probe/everything': 'error' as const },
      },
    ];
    let linted = 0;
    for (const source of sources) {
      for (let end = 0; end <= source.length; end += 40) {
        expect(() => linter.verify(source.slice(0, end), config, PROBE_FILE)).not.toThrow();
        linted++;
      }
    }
    expect(linted).toBeGreaterThan(50);
  });
});
