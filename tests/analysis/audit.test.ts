/**
 * The audit decision for endpoints (`createAuditAnalysis(...).chainAudits`), on the fixture app in tests/fixtures/reach.
 * A probe rule builds minimal endpoints — `x.METHOD('/path', ...chain)` calls, NestJS-style decorated methods, App Router
 * `export const METHOD = …`, and `switch (req.method)` branches — and reports why each is audited (`kind depth N via
 * path`) or `missing`. Every case runs untyped and typed; each positive sits beside a look-alike negative.
 */
import type { RuleTester } from '@typescript-eslint/rule-tester';
import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type AuditEvidence, createAuditAnalysis } from '../../src/analysis/audit.js';
import type { Endpoint, EndpointMethod } from '../../src/analysis/endpoints/types.js';
import { getPolicy } from '../../src/settings.js';
import path from 'node:path';
import { fixturesDir, typedTester, untypedTester } from '../rule-tester.js';

/** Two Koa routers: one behind `auditLogMiddleware`, one behind a body parser only. */
const KOA_AUDITED_AND_OPEN_ROUTERS = `
        import Router from '@koa/router';
        import { auditLogMiddleware, bodyParser } from './middleware/koa';
        const queries = { async insert(_row: object) {} };
        const router = new Router();
        const open = new Router();
        router.use(auditLogMiddleware(queries));
        open.use(bodyParser());
        router.post('/items', async (ctx) => { ctx.body = 1; });
        open.post('/items', async (ctx) => { ctx.body = 1; });
      `;


const PROBE_FILE = path.join(fixturesDir, 'reach/src/probe.ts');

const HTTP = new Set(['get', 'post', 'put', 'patch', 'delete', 'all']);
const NEST = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All']);
const EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

function describeAudit(evidence: AuditEvidence | undefined): string {
  return evidence ? `${evidence.kind} depth ${evidence.depth} via ${evidence.path.join(' > ')}` : 'missing';
}

function isFunction(node: TSESTree.Node): node is TSESTree.FunctionLike {
  return (
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

function endpoint(fields: Omit<Endpoint, 'framework' | 'methods' | 'route'> & { method: string; route?: string }): Endpoint {
  const { method, route, ...rest } = fields;
  return { framework: 'express', methods: [method.toUpperCase() as EndpointMethod], route, ...rest };
}

function auditRule(maxDepth: number) {
  return ESLintUtils.RuleCreator.withoutDocs<[], 'probe'>({
    meta: { type: 'problem', messages: { probe: '{{label}}: {{result}}' }, schema: [] },
    create(context) {
      const analysis = createAuditAnalysis(context, getPolicy(context), { maxDepth });
      const report = (found: Endpoint): void => {
        context.report({ node: found.reportNode, messageId: 'probe', data: { label: found.label, result: describeAudit(analysis.chainAudits(found)) } });
      };
      return {
        // `app.post('/x', ...chain)`
        CallExpression(node) {
          const callee = node.callee;
          if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier) return;
          const method = callee.property.name;
          if (!HTTP.has(method)) return;
          // `app.route('/x').post(handler)`: the path comes from route(), every argument is the chain.
          const route =
            callee.object.type === AST_NODE_TYPES.CallExpression &&
            callee.object.callee.type === AST_NODE_TYPES.MemberExpression &&
            callee.object.callee.property.type === AST_NODE_TYPES.Identifier &&
            callee.object.callee.property.name === 'route'
              ? callee.object.arguments[0]
              : undefined;
          const path = route ?? node.arguments[0];
          if (path?.type !== AST_NODE_TYPES.Literal || typeof path.value !== 'string') return;
          const chain = route ? node.arguments : node.arguments.slice(1);
          if (chain.length === 0) return;
          const last = chain[chain.length - 1];
          report(
            endpoint({
              method,
              route: path.value,
              label: `${method.toUpperCase()} ${path.value}`,
              reportNode: callee.property,
              chain,
              handler: last && isFunction(last) ? last : undefined,
              receiver: callee.object,
            }),
          );
        },
        // NestJS: `@Post() create() {}` in a class
        MethodDefinition(node) {
          const verb = node.decorators
            .map((decorator) => decorator.expression)
            .map((expression) => (expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression))
            .find((callee): callee is TSESTree.Identifier => callee.type === AST_NODE_TYPES.Identifier && NEST.has(callee.name));
          if (!verb || node.key.type !== AST_NODE_TYPES.Identifier || node.value.type !== AST_NODE_TYPES.FunctionExpression) return;
          const cls = node.parent.parent;
          report(
            endpoint({
              method: verb.name,
              label: `${verb.name.toUpperCase()} ${node.key.name}`,
              reportNode: node.key,
              chain: [node.value],
              handler: node.value,
              decorators: [...node.decorators, ...cls.decorators],
            }),
          );
        },
        // App Router: `export const POST = wrapper(…)`
        'ExportNamedDeclaration > VariableDeclaration > VariableDeclarator'(node: TSESTree.VariableDeclarator) {
          if (node.id.type !== AST_NODE_TYPES.Identifier || !EXPORTS.has(node.id.name) || !node.init) return;
          report(endpoint({ method: node.id.name, label: `${node.id.name} route`, reportNode: node.id, chain: [node.init], handler: undefined }));
        },
        // pages/api: one endpoint per `case` of `switch (req.method)`
        SwitchCase(node) {
          const discriminant = node.parent.discriminant;
          if (discriminant.type !== AST_NODE_TYPES.MemberExpression || discriminant.property.type !== AST_NODE_TYPES.Identifier) return;
          if (discriminant.property.name !== 'method' || node.test?.type !== AST_NODE_TYPES.Literal || typeof node.test.value !== 'string') return;
          let handler: TSESTree.Node | undefined = node.parent;
          while (handler && !isFunction(handler)) handler = handler.parent;
          if (!handler || !isFunction(handler)) return;
          const wrapper = handler.parent?.type === AST_NODE_TYPES.CallExpression ? handler.parent : undefined;
          report(
            endpoint({
              method: node.test.value,
              label: `${node.test.value} /api`,
              reportNode: node.test,
              chain: [wrapper ?? handler],
              handler,
              branch: node,
            }),
          );
        },
      };
    },
  });
}

interface AuditCase {
  readonly name: string;
  readonly code: string;
  /** `[label, result]` in source order. */
  readonly expected: ReadonlyArray<readonly [string, string]>;
  readonly settings?: Record<string, unknown>;
  readonly maxDepth?: number;
}

const modes: ReadonlyArray<readonly [string, (settings?: Record<string, unknown>) => RuleTester]> = [
  ['untyped', untypedTester],
  ['typed', typedTester],
];

function runAudit(cases: readonly AuditCase[]): void {
  for (const [mode, tester] of modes) {
    describe(mode, () => {
      for (const item of cases) {
        tester(item.settings).run(item.name, auditRule(item.maxDepth ?? 4), {
          valid: [],
          invalid: [
            {
              code: item.code,
              filename: PROBE_FILE,
              errors: item.expected.map(([label, result]) => ({ messageId: 'probe' as const, data: { label, result } })),
            },
          ],
        });
      }
    });
  }
}

const MISSING = 'missing';

describe('the handler chain', () => {
  runAudit([
    {
      name: 'inline handlers, named and auditing middleware, handler references, look-alikes',
      code: `
        import express from 'express';
        import { auditTrail, rateLimit, recordRequest } from './middleware/audit-trail';
        import { sendAudit } from './audit';
        import { updateThing } from './controllers/things';
        import { createMonitor } from './services/monitor.service';
        declare const logger: { info(message: string): void };
        declare function createEvent(event: object): void;
        const app = express();
        async function createHandler() { await createMonitor({ name: 'x' }); }
        app.post('/inline', async (_req, res) => { await sendAudit({ action: 'x' }); res.end(); });
        app.post('/log-line', async (_req, res) => { logger.info('user audited'); res.end(); });
        app.post('/webhook-event', async (_req, res) => { createEvent({ type: 'audit' }); res.end(); });
        app.post('/named-middleware', auditTrail, async (_req, res) => { res.end(); });
        app.post('/auditing-middleware', recordRequest, async (_req, res) => { res.end(); });
        app.post('/other-middleware', rateLimit, async (_req, res) => { res.end(); });
        app.put('/imported-handler', updateThing);
        app.post('/local-handler', createHandler);
      `,
      expected: [
        ['POST /inline', 'call depth 0 via sendAudit'],
        ['POST /log-line', MISSING],
        ['POST /webhook-event', MISSING],
        ['POST /named-middleware', 'middleware depth 0 via auditTrail'],
        ['POST /auditing-middleware', 'call depth 0 via emitAudit'],
        ['POST /other-middleware', MISSING],
        ['PUT /imported-handler', MISSING],
        ['POST /local-handler', 'call depth 1 via createMonitor > emitAudit'],
      ],
    },
    {
      name: 'a handler named like an audit is not audit middleware by that name alone',
      code: `
        import express from 'express';
        const app = express();
        async function auditLogsHandler(_req: unknown, res: { json(value: unknown): void }) { res.json([]); }
        app.get('/audit-logs', auditLogsHandler);
      `,
      expected: [['GET /audit-logs', MISSING]],
    },
    {
      name: 'NestJS controller → service in another file (PATTERNS #2)',
      code: `
        import { Controller, Patch, Post } from '@nestjs/common';
        import { UserService } from './services/user.service';
        @Controller('users')
        export class UsersController {
          constructor(private readonly userService: UserService) {}
          @Post() create() { return this.userService.create('x'); }
          @Patch(':id') rename() { return this.userService.rename('1', 'x'); }
        }
      `,
      expected: [
        ['POST create', 'call depth 1 via this.userService.create > this.auditService.log'],
        ['PATCH rename', MISSING],
      ],
    },
    {
      name: 'maxDepth is respected (5 hops)',
      maxDepth: 4,
      code: `
        import express from 'express';
        import { deep1, deep2 } from './services/deep';
        const app = express();
        app.post('/five', async () => { await deep1(); });
        app.post('/four', async () => { await deep2(); });
      `,
      expected: [
        ['POST /five', MISSING],
        ['POST /four', 'call depth 4 via deep2 > deep3 > deep4 > deep5 > sendAudit'],
      ],
    },
    {
      name: 'maxDepth 5 reaches 5 hops',
      maxDepth: 5,
      code: `
        import express from 'express';
        import { deep1 } from './services/deep';
        const app = express();
        app.post('/five', async () => { await deep1(); });
      `,
      expected: [['POST /five', 'call depth 5 via deep1 > deep2 > deep3 > deep4 > deep5 > sendAudit']],
    },
  ]);
});

describe('wrappers (PATTERNS #7, #12)', () => {
  runAudit([
    {
      name: 'configured wrapper, auditing wrapper body, non-audit wrapper with auditing argument, definitions in other files',
      settings: { compliance: { audit: { wrappers: ['withApiWrapper'] } } },
      code: `
        import express from 'express';
        import { withActivity, withApiWrapper, withWorkspace } from './lib/wrappers';
        import { archiveThing, deleteThing, touchThing } from './controllers/things';
        import { sendAudit } from './audit';
        import { db } from './persistence/db';
        export const DELETE = withApiWrapper({ action: 'deleted', handler: async () => null });
        export const PATCH = withWorkspace(async () => { await sendAudit({ action: 'x' }); });
        export const PUT = withWorkspace(async () => { await db.update('x', '1', {}); });
        export const POST = withActivity('created', async () => null);
        const app = express();
        app.delete('/things/:id', deleteThing);
        app.post('/things/:id/archive', archiveThing);
        app.post('/things/:id/touch', touchThing);
      `,
      expected: [
        ['DELETE route', 'wrapper depth 0 via withApiWrapper'],
        ['PATCH route', 'call depth 0 via sendAudit'],
        ['PUT route', MISSING],
        ['POST route', 'wrapper depth 1 via withActivity > sendAudit'],
        ['DELETE /things/:id', 'wrapper depth 0 via withApiWrapper'],
        ['POST /things/:id/archive', 'call depth 0 via sendAudit'],
        ['POST /things/:id/touch', MISSING],
      ],
    },
    {
      name: 'without configuration, a wrapper named like an audit counts (default heuristic); others do not',
      code: `
        import { withApiWrapper } from './lib/wrappers';
        declare function withAuditLogging<T>(action: string, fn: T): T;
        export const DELETE = withAuditLogging('deleted', async () => null);
        export const PATCH = withApiWrapper({ action: 'updated', handler: async () => null });
      `,
      expected: [
        ['DELETE route', 'wrapper depth 0 via withAuditLogging'],
        ['PATCH route', MISSING],
      ],
    },
  ]);
});

describe('decorators and interceptors (PATTERNS #9)', () => {
  const nest = `
    import { Controller, Delete, Post, UseInterceptors } from '@nestjs/common';
    class AuditInterceptor {}
    class LoggingInterceptor {}
    declare function Audit(action: string): MethodDecorator;
    @Controller('a')
    @UseInterceptors(AuditInterceptor)
    export class AController {
      @Post() create() { return 1; }
    }
    @Controller('b')
    @UseInterceptors(LoggingInterceptor)
    export class BController {
      @Post() create() { return 1; }
      @Delete(':id') @Audit('b.delete') remove() { return 1; }
    }
  `;
  runAudit([
    {
      name: 'configured decorators',
      settings: { compliance: { audit: { calls: ['recordEvent'], decorators: ['Audit', 'UseInterceptors(AuditInterceptor)'] } } },
      code: nest,
      expected: [
        ['POST create', 'decorator depth 0 via @UseInterceptors(AuditInterceptor)'],
        ['POST create', MISSING],
        ['DELETE remove', 'decorator depth 0 via @Audit'],
      ],
    },
    {
      name: 'default heuristic when nothing is configured',
      code: nest,
      expected: [
        ['POST create', 'decorator depth 0 via @UseInterceptors(AuditInterceptor)'],
        ['POST create', MISSING],
        ['DELETE remove', "decorator depth 0 via @Audit('b.delete')"],
      ],
    },
    {
      name: 'configured calls without configured decorators: decorators do not count by name',
      settings: { compliance: { audit: { calls: ['recordEvent'] } } },
      code: nest,
      expected: [
        ['POST create', MISSING],
        ['POST create', MISSING],
        ['DELETE remove', MISSING],
      ],
    },
  ]);
});

describe('middleware registered on the receiver (PATTERNS #8)', () => {
  runAudit([
    {
      name: 'before the route counts, after does not; same receiver only; path prefixes',
      code: `
        import express from 'express';
        import { auditTrail, recordRequest } from './middleware/audit-trail';
        const app = express();
        const other = express();
        function handler(_req: unknown, res: { end(): void }) { res.end(); }
        app.post('/before-use', handler);
        app.use(auditTrail);
        app.post('/after-use', handler);
        app.route('/chained').post(handler);
        other.post('/other-receiver', handler);
        other.use('/admin', recordRequest);
        other.post('/admin/users', handler);
        other.post('/administrators', handler);
      `,
      expected: [
        ['POST /before-use', MISSING],
        ['POST /after-use', 'middleware depth 0 via auditTrail'],
        ['POST /chained', 'middleware depth 0 via auditTrail'],
        ['POST /other-receiver', MISSING],
        ['POST /admin/users', 'middleware depth 0 via emitAudit'],
        ['POST /administrators', MISSING],
      ],
    },
    {
      name: 'mounted routers: audit middleware in the mount call, or registered on the app before the mount',
      code: `
        import express, { Router } from 'express';
        import { auditTrail, rateLimit } from './middleware/audit-trail';
        const app = express();
        const adminRouter = Router();
        const apiRouter = Router();
        const lateRouter = Router();
        const v2 = Router();
        function handler(_req: unknown, res: { end(): void }) { res.end(); }
        adminRouter.post('/users', handler);
        apiRouter.post('/keys', handler);
        lateRouter.post('/things', handler);
        v2.post('/things', handler);
        app.use('/admin', auditTrail, adminRouter);
        app.use('/api', rateLimit, apiRouter);
        app.use('/late', lateRouter);
        app.use(auditTrail);
        app.use('/v2', v2);
      `,
      expected: [
        ['POST /users', 'middleware depth 0 via auditTrail'],
        ['POST /keys', MISSING],
        ['POST /things', MISSING],
        ['POST /things', 'middleware depth 0 via auditTrail'],
      ],
    },
    {
      name: 'Koa: router.use(auditLogMiddleware(queries)) by name (default heuristic)',
      code: KOA_AUDITED_AND_OPEN_ROUTERS,
      expected: [
        ['POST /items', 'middleware depth 0 via auditLogMiddleware'],
        ['POST /items', MISSING],
      ],
    },
    {
      name: 'Koa: configured calls — the middleware factory audits through its returned closure',
      settings: { compliance: { audit: { calls: ['sendAudit'] } } },
      code: KOA_AUDITED_AND_OPEN_ROUTERS,
      expected: [
        ['POST /items', 'middleware depth 1 via auditLogMiddleware > sendAudit'],
        ['POST /items', MISSING],
      ],
    },
    {
      name: 'Koa: configured middleware',
      settings: { compliance: { audit: { calls: ['recordEvent'], middleware: ['auditLogMiddleware'] } } },
      code: `
        import Router from '@koa/router';
        import { auditLogMiddleware } from './middleware/koa';
        const router = new Router();
        router.use(auditLogMiddleware({ async insert() {} }));
        router.post('/items', async (ctx) => { ctx.body = 1; });
      `,
      expected: [['POST /items', 'middleware depth 0 via auditLogMiddleware']],
    },
  ]);
});

describe('branch endpoints (PATTERNS #1)', () => {
  runAudit([
    {
      name: 'only the branch counts, not the rest of the handler',
      code: `
        import { sendAudit } from './audit';
        import { db } from './persistence/db';
        async function handlePUT() { await sendAudit({ action: 'member.update' }); }
        export default async function handler(req: { method?: string }, res: { end(): void }) {
          switch (req.method) {
            case 'PUT': await handlePUT(); break;
            case 'POST': await db.insert('members', {}); await sendAudit({ action: 'member.add' }); break;
            case 'DELETE': await db.remove('members', '1'); break;
          }
          res.end();
        }
      `,
      expected: [
        ['PUT /api', 'call depth 1 via handlePUT > sendAudit'],
        ['POST /api', 'call depth 0 via sendAudit'],
        ['DELETE /api', MISSING],
      ],
    },
    {
      name: 'a wrapper around the branching handler audits every branch; a plain wrapper does not',
      settings: { compliance: { audit: { wrappers: ['withAuditLogging'] } } },
      code: `
        import { sendAudit } from './audit';
        import { db } from './persistence/db';
        import { withWorkspace } from './lib/wrappers';
        declare function withAuditLogging<T>(fn: T): T;
        export const audited = withAuditLogging(async (req: { method?: string }) => {
          switch (req.method) {
            case 'DELETE': await db.remove('members', '1'); break;
          }
        });
        export const plain = withWorkspace(async function (req: { method?: string }) {
          switch (req.method) {
            case 'POST': await sendAudit({ action: 'x' }); break;
            case 'DELETE': await db.remove('members', '1'); break;
          }
        });
      `,
      expected: [
        ['DELETE /api', 'wrapper depth 0 via withAuditLogging'],
        ['POST /api', 'call depth 0 via sendAudit'],
        ['DELETE /api', MISSING],
      ],
    },
  ]);
});

describe('API pieces', () => {
  it('exports the evidence kinds', () => {
    const kinds: ReadonlyArray<AuditEvidence['kind']> = ['call', 'wrapper', 'decorator', 'middleware'];
    expect(kinds).toHaveLength(4);
  });
});
