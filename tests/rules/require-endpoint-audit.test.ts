/**
 * require-endpoint-audit on the HTTP frameworks (Express, Fastify, Koa with @koa/router, Hono with OpenAPIHono), in
 * both modes: untyped (syntax, scope analysis, followed imports) and typed (the project service over tests/fixtures,
 * with the real framework type packages). NestJS, Next.js, tRPC, factories and the PATTERNS.md shapes are covered in
 * require-endpoint-audit.app.test.ts.
 *
 * Cross-file cases lint their code as tests/fixtures/rule-http/src/app.ts, so that `./…` imports reach the fixture app
 * there (controller → service → audit module; see its README.md).
 */
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase, RuleTester, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule, { type MessageIds, type Options } from '../../rules/require-endpoint-audit.js';
import { citeControls } from '../../src/analysis/controls.js';
import type { AuditScope } from '../../src/regulations/types.js';
import { resolvePolicy } from '../../src/settings.js';
import { fixturesDir, typedTester, untypedTester } from '../rule-tester.js';
import { typeErrors } from '../typecheck.js';

type Mode = 'untyped' | 'typed';
type Settings = Record<string, unknown>;
type Valid = ValidTestCase<[Options]> | string;
type Invalid = InvalidTestCase<MessageIds, [Options]>;

/** The linted file of cross-file cases (a placeholder on disk), and the default file of the typed tester. */
const APP_FILE = path.join(fixturesDir, 'rule-http/src/app.ts');
const DEFAULT_FILE = path.join(fixturesDir, 'file.ts');

const HIPAA: Settings = { compliance: { regulations: { hipaa: true } } };
const SOC2_HIPAA: Settings = { compliance: { regulations: { soc2: true, hipaa: true } } };
/** The team names its logger: the suggestion calls it, and only it counts as an audit call. */
const LOGGER: Settings = { compliance: { audit: { calls: ['auditLogger.log'] } } };
const ACME: Settings = { compliance: { audit: { calls: [{ import: '@acme/audit', name: 'record' }] } } };

const EXPRESS = "import express from 'express';";
const FASTIFY = "import Fastify from 'fastify';";
const KOA = "import Router from '@koa/router';";
const HONO = "import { Hono } from 'hono';";
const OPENAPI = "import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';";
/** A logger the typed mode can resolve, for the cases with `LOGGER` settings. */
const LOGGER_DECL = 'declare const auditLogger: { log(event: Record<string, unknown>): Promise<void> };';
/** The default heuristic's audit call (`audit.log`), declared so typed mode resolves it. */
const AUDIT_DECL = 'declare const audit: { log(event: Record<string, unknown>): Promise<void> };';

/** The audit event kind each method is cited for (see regulations: reads vs modifications). */
function scopeOf(label: string): AuditScope[] | undefined {
  const methods = label.split(' ')[0]?.split('|') ?? [];
  if (methods.every((method) => ['GET', 'HEAD', 'OPTIONS'].includes(method))) return ['reads'];
  if (methods.some((method) => ['PUT', 'PATCH', 'DELETE'].includes(method))) return ['modification'];
  return undefined;
}

/** The `{{controls}}` text for a finding on `label` under `settings` (starts with a space). */
function cited(label: string, settings: Settings = {}): string {
  const scopes = scopeOf(label);
  return citeControls(resolvePolicy(settings), { checks: ['audit'], ...(scopes ? { auditScopes: scopes } : {}) });
}

interface Missing {
  readonly label: string;
  readonly line: number;
  readonly column: number;
  /** The suggestion's output; omitted: no suggestion may be offered. */
  readonly output?: string;
  /** Settings the citation is computed for (those of the tester or the case). */
  readonly settings?: Settings;
}

/** One `missingAuditCall` report, with its message data and its suggestion (or none). */
function missing({ label, line, column, output, settings }: Missing): Invalid['errors'][number] {
  return {
    messageId: 'missingAuditCall',
    data: { label, controls: cited(label, settings) },
    line,
    column,
    suggestions: output === undefined ? [] : [{ messageId: 'suggestAddAudit', output }],
  };
}

/** `template` without its `@@` marker (the code), or with `insert` at the marker (a suggestion's expected output). */
function at(template: string, insert = ''): string {
  if (!template.includes('@@')) throw new Error(`no @@ in:\n${template}`);
  return template.replace('@@', insert);
}

const lines = (...items: string[]): string => items.join('\n');

// =====================================================================================================================
// Endpoints per framework: positives (with the suggestion under LOGGER) and their look-alike negatives
// =====================================================================================================================

/** Express's actor in the suggestion: plain @types/express has no `req.user`, so typed mode leaves it out. */
function expressActor(mode: Mode, request = 'req'): string {
  return mode === 'typed' ? '' : `actor: ${request}.user?.id, `;
}

function honoActor(mode: Mode, c = 'c'): string {
  return mode === 'typed' ? '' : `actor: ${c}.get('user')?.id, `;
}

function endpointCases(mode: Mode): { valid: Valid[]; invalid: Invalid[] } {
  const express = {
    post: lines(
      EXPRESS,
      LOGGER_DECL,
      'const app = express();',
      "app.post('/users/:id/role', async (req, res) => {",
      '  @@res.json({ ok: true });',
      '});',
    ),
    mutations: lines(
      EXPRESS,
      LOGGER_DECL,
      'const app = express();',
      "app.put('/users/:id', (req, res) => {",
      '  @@res.end();',
      '});',
      "app.patch('/users/:id', (req, res) => {",
      '  @@res.end();',
      '});',
      "app.delete('/users/:id', (req, res) => {",
      '  @@res.end();',
      '});',
    ),
    all: lines(EXPRESS, LOGGER_DECL, 'const app = express();', "app.all('/admin/*', (req, res) => {", '  @@res.end();', '});'),
    route: lines(
      EXPRESS,
      LOGGER_DECL,
      'const app = express();',
      "app.route('/books')",
      '  .get((req, res) => { res.json([]); })',
      '  .post((req, res) => { @@res.status(201).end(); });',
    ),
    router: lines(
      "import express, { Router } from 'express';",
      LOGGER_DECL,
      'const router = express.Router();',
      'const admin = Router();',
      "router.delete('/sessions/:id', (request, response) => {",
      '  @@response.sendStatus(204);',
      '});',
      "admin.post('/flags', function (req, res) {",
      '  @@res.end();',
      '});',
    ),
  };
  const fastify = {
    post: lines(
      FASTIFY,
      LOGGER_DECL,
      'const fastify = Fastify();',
      "fastify.post('/items', async (request, reply) => {",
      '  @@return reply.code(201).send();',
      '});',
    ),
    route: lines(
      FASTIFY,
      LOGGER_DECL,
      'const server = Fastify();',
      'server.route({',
      "  method: ['PUT', 'PATCH'],",
      "  url: '/settings',",
      '  handler: async (request, reply) => {',
      '    @@return reply.send({ ok: true });',
      '  },',
      '});',
    ),
    plugin: lines(
      FASTIFY,
      LOGGER_DECL,
      'const server = Fastify();',
      'server.register(async (instance) => {',
      "  instance.delete('/tokens/:id', async (request, reply) => {",
      '    @@return reply.code(204).send();',
      '  });',
      '});',
    ),
  };
  const koa = lines(
    KOA,
    LOGGER_DECL,
    'const router = new Router();',
    "router.post('create-user', '/users', async (ctx) => {",
    '  @@ctx.status = 201;',
    '});',
  );
  const koaDel = lines(KOA, LOGGER_DECL, 'const router = new Router();', "router.del('/users/:id', async (ctx, next) => {", '  @@await next();', '});');
  const hono = {
    post: lines(HONO, LOGGER_DECL, 'const app = new Hono();', "app.post('/posts', async (c) => {", '  @@return c.json({ ok: true }, 201);', '});'),
    on: lines(HONO, LOGGER_DECL, 'const app = new Hono();', "app.on(['PUT', 'DELETE'], '/posts/:id', async (c) => {", '  @@return c.body(null, 204);', '});'),
    openapi: lines(
      OPENAPI,
      LOGGER_DECL,
      'const app = new OpenAPIHono();',
      'const route = createRoute({',
      "  method: 'post',",
      "  path: '/monitors',",
      "  request: { body: { content: { 'application/json': { schema: z.object({ url: z.string() }) } } } },",
      "  responses: { 201: { description: 'created' } },",
      '});',
      'app.openapi(route, async (c) => {',
      '  @@return c.body(null, 201);',
      '});',
    ),
  };

  const valid: Valid[] = [
    // --- reads are not required without a regulation that logs read access ----------------------------------------
    lines(EXPRESS, 'const app = express();', "app.get('/users/:id', (req, res) => { res.json({}); });", "app.head('/users/:id', (req, res) => { res.end(); });"),
    lines(FASTIFY, 'const fastify = Fastify();', "fastify.get('/items', async () => []);", "fastify.route({ method: 'GET', url: '/items/:id', handler: async () => ({}) });"),
    lines(KOA, 'const router = new Router();', "router.get('user', '/users/:id', async (ctx) => { ctx.body = {}; });"),
    lines(HONO, 'const app = new Hono();', "app.get('/posts', (c) => c.json([]));", "app.on('GET', '/posts/:id', (c) => c.json({}));"),
    lines(OPENAPI, 'const app = new OpenAPIHono();', "app.openapi(createRoute({ method: 'get', path: '/monitors', responses: {} }), (c) => c.json([], 200));"),
    // --- Express's settings getter and half-written registrations are no endpoints --------------------------------
    lines(EXPRESS, 'const app = express();', "app.set('port', 3000);", "const port: number = app.get('port');", 'app.listen(port);'),
    // --- a Koa application's `use` is middleware, not an endpoint ---------------------------------------------------
    lines("import Koa from 'koa';", 'const app = new Koa();', 'app.use(async (ctx) => { ctx.body = ctx.method; });'),
    // --- look-alikes: collections, outgoing HTTP calls, navigation -------------------------------------------------
    lines(
      'const map = new Map<string, unknown>();',
      'const cache = new Map<string, unknown>();',
      "const key = '/users/1';",
      'const x = () => undefined;',
      '// @ts-expect-error Map#delete takes one argument: a look-alike of `router.delete(path, handler)`',
      'map.delete(key, x);',
      "cache.delete('/sessions/abc');",
    ),
    lines(
      'declare const client: { post(url: string, body: unknown): Promise<unknown> };',
      'const body = { name: "x" };',
      "void client.post('https://api.example.com/users', body);",
      "void client.post('/users', body);",
    ),
    lines(
      "import axios from 'axios';",
      'const api = axios.create();',
      'const payload = { name: "x" };',
      "void axios.post('/users', payload);",
      "void api.post('/users', payload);",
      "void api.delete('/users/1', { data: payload });",
    ),
    {
      // A client from another file under a conventional name: the body argument is visibly no handler.
      code: lines(
        "import { createClient } from './http-client.js';",
        'const api = createClient();',
        "const payload = { name: 'x' };",
        'export async function sync(): Promise<void> {',
        "  await api.post('/users', payload);",
        "  await api.delete('/users/1', payload);",
        '}',
      ),
      filename: APP_FILE,
    },
    lines("import http from 'node:http';", "http.get('/status', (res) => res.resume());"),
    lines('declare function useRouter(): { push(path: string): void };', 'const router = useRouter();', "router.push('/users/new');"),
    // Built-in collections, even under a conventional receiver name.
    lines(
      'const router = new Map<string, () => void>();',
      'const app = new Set<unknown>();',
      "router.delete('/users/1', () => {});",
      "router.get('/users/1');",
      "app.delete('/users/1', () => {});",
    ),
    // An object with a settings-like `get`: no path, no handler.
    lines('const app = { get: (key: string) => key };', "const name = 'x';", 'app.get(name);'),
  ];

  const invalid: Invalid[] = [
    // --- Express ----------------------------------------------------------------------------------------------------
    {
      code: at(express.post),
      settings: LOGGER,
      errors: [
        missing({
          label: 'POST /users/:id/role',
          line: 4,
          column: 5,
          output: at(express.post, `await auditLogger.log({ action: 'users.role.create', ${expressActor(mode)}resource: '/users/:id/role', source: req.ip });\n  `),
        }),
      ],
    },
    {
      // PUT, PATCH and DELETE: one report each, each with its own suggestion.
      code: at(at(at(express.mutations))),
      settings: LOGGER,
      errors: (['put', 'patch', 'delete'] as const).map((method, index) => {
        const inserts = ['', '', ''];
        inserts[index] = `auditLogger.log({ action: 'users.${method === 'delete' ? 'delete' : 'update'}', ${expressActor(mode)}resource: '/users/:id', source: req.ip });\n  `;
        return missing({
          label: `${method.toUpperCase()} /users/:id`,
          line: 4 + 3 * index,
          column: 5,
          output: at(at(at(express.mutations, inserts[0]), inserts[1]), inserts[2]),
        });
      }),
    },
    {
      code: at(express.all),
      settings: LOGGER,
      errors: [
        missing({
          label: 'ALL /admin/*',
          line: 4,
          column: 5,
          output: at(express.all, `auditLogger.log({ action: 'admin.access', ${expressActor(mode)}resource: '/admin/*', source: req.ip });\n  `),
        }),
      ],
    },
    {
      // `app.route(p).post(...)`: the POST is reported at `.post`, the GET is a read.
      code: at(express.route),
      settings: LOGGER,
      errors: [
        missing({
          label: 'POST /books',
          line: 6,
          column: 4,
          output: at(express.route, `auditLogger.log({ action: 'books.create', ${expressActor(mode)}resource: '/books', source: req.ip }); `),
        }),
      ],
    },
    {
      // Routers from `express.Router()` and `Router()`; a function expression handler.
      code: at(at(express.router)),
      settings: LOGGER,
      errors: [
        missing({
          label: 'DELETE /sessions/:id',
          line: 5,
          column: 8,
          output: at(
            at(express.router, `auditLogger.log({ action: 'sessions.delete', ${expressActor(mode, 'request')}resource: '/sessions/:id', source: request.ip });\n  `),
          ),
        }),
        missing({
          label: 'POST /flags',
          line: 8,
          column: 7,
          output: at(at(express.router), `auditLogger.log({ action: 'flags.create', ${expressActor(mode)}resource: '/flags', source: req.ip });\n  `),
        }),
      ],
    },
    // --- Fastify ----------------------------------------------------------------------------------------------------
    {
      // Fastify has no standard user: no actor, in either mode.
      code: at(fastify.post),
      settings: LOGGER,
      errors: [
        missing({
          label: 'POST /items',
          line: 4,
          column: 9,
          output: at(fastify.post, "await auditLogger.log({ action: 'items.create', resource: '/items', source: request.ip });\n  "),
        }),
      ],
    },
    {
      // `route({ method: [...] })`: one endpoint answering both methods; the action takes the first.
      code: at(fastify.route),
      settings: LOGGER,
      errors: [
        missing({
          label: 'PUT|PATCH /settings',
          line: 4,
          column: 8,
          output: at(fastify.route, "await auditLogger.log({ action: 'settings.update', resource: '/settings', source: request.ip });\n    "),
        }),
      ],
    },
    {
      // A route answering a read and a write: the action names the write.
      code: lines(FASTIFY, LOGGER_DECL, 'const fastify = Fastify();', "fastify.route({ method: ['GET', 'POST'], url: '/items', handler: async (request) => { return []; } });"),
      settings: LOGGER,
      errors: [
        missing({
          label: 'GET|POST /items',
          line: 4,
          column: 9,
          output: lines(
            FASTIFY,
            LOGGER_DECL,
            'const fastify = Fastify();',
            "fastify.route({ method: ['GET', 'POST'], url: '/items', handler: async (request) => { await auditLogger.log({ action: 'items.create', resource: '/items', source: request.ip }); return []; } });",
          ),
        }),
      ],
    },
    {
      // A route registered inside a plugin passed to `register`.
      code: at(fastify.plugin),
      settings: LOGGER,
      errors: [
        missing({
          label: 'DELETE /tokens/:id',
          line: 5,
          column: 12,
          output: at(fastify.plugin, "await auditLogger.log({ action: 'tokens.delete', resource: '/tokens/:id', source: request.ip });\n    "),
        }),
      ],
    },
    // --- Koa (@koa/router) ------------------------------------------------------------------------------------------
    {
      // A named route: `router.post(name, path, ...middleware)`.
      code: at(koa),
      settings: LOGGER,
      errors: [
        missing({
          label: 'POST /users',
          line: 4,
          column: 8,
          output: at(koa, "await auditLogger.log({ action: 'users.create', actor: ctx.state.user?.id, resource: '/users', source: ctx.ip });\n  "),
        }),
      ],
    },
    {
      code: at(koaDel),
      settings: LOGGER,
      errors: [
        missing({
          label: 'DELETE /users/:id',
          line: 4,
          column: 8,
          output: at(koaDel, "await auditLogger.log({ action: 'users.delete', actor: ctx.state.user?.id, resource: '/users/:id', source: ctx.ip });\n  "),
        }),
      ],
    },
    // --- Hono -------------------------------------------------------------------------------------------------------
    {
      code: at(hono.post),
      settings: LOGGER,
      errors: [
        missing({
          label: 'POST /posts',
          line: 4,
          column: 5,
          output: at(hono.post, `await auditLogger.log({ action: 'posts.create', ${honoActor(mode)}resource: '/posts', source: c.req.header('x-forwarded-for') });\n  `),
        }),
      ],
    },
    {
      // `app.on([methods], path, handler)`.
      code: at(hono.on),
      settings: LOGGER,
      errors: [
        missing({
          label: 'PUT|DELETE /posts/:id',
          line: 4,
          column: 5,
          output: at(hono.on, `await auditLogger.log({ action: 'posts.update', ${honoActor(mode)}resource: '/posts/:id', source: c.req.header('x-forwarded-for') });\n  `),
        }),
      ],
    },
    {
      // OpenAPIHono: the method and path come from the `createRoute` const.
      code: at(hono.openapi),
      settings: LOGGER,
      errors: [
        missing({
          label: 'POST /monitors',
          line: 10,
          column: 5,
          output: at(hono.openapi, `await auditLogger.log({ action: 'monitors.create', ${honoActor(mode)}resource: '/monitors', source: c.req.header('x-forwarded-for') });\n  `),
        }),
      ],
    },
    {
      // Inline `createRoute`, a concise handler (wrapped into a block by the suggestion).
      code: lines(OPENAPI, LOGGER_DECL, 'const app = new OpenAPIHono();', "app.openapi(createRoute({ method: 'delete', path: '/monitors/{id}', responses: {} }), (c) => c.body(null, 204));"),
      settings: LOGGER,
      errors: [
        missing({
          label: 'DELETE /monitors/{id}',
          line: 4,
          column: 5,
          output: lines(
            OPENAPI,
            LOGGER_DECL,
            'const app = new OpenAPIHono();',
            "app.openapi(createRoute({ method: 'delete', path: '/monitors/{id}', responses: {} }), (c) => {",
            `  auditLogger.log({ action: 'monitors.delete', ${honoActor(mode)}resource: '/monitors/{id}', source: c.req.header('x-forwarded-for') });`,
            '  return c.body(null, 204);',
            '});',
          ),
        }),
      ],
    },
  ];

  // --- receivers of unknown origin: a custom class with a `post(path, fn)` method --------------------------------------
  const customClass = lines(
    'class Client {',
    '  post(path: string, fn: () => void) { return [path, fn]; }',
    '}',
    'const api = new Client();',
    'const client = new Client();',
    "api.post('/users', () => {});",
    "client.post('/users', () => {});",
  );
  if (mode === 'typed') {
    // The checker knows `Client` is no framework: silent.
    valid.push(customClass);
  } else {
    // Untyped mode cannot see what `Client` is: a conventional receiver name (`api`, `app`, `router`, `server`,
    // `fastify`) with a string path and a handler is reported; any other name (`client`) is not.
    invalid.push({ code: customClass, errors: [missing({ label: 'POST /users', line: 6, column: 5 })] });
  }

  return { valid, invalid };
}

// =====================================================================================================================
// What counts as audited (default heuristic: a callee named with the word "audit")
// =====================================================================================================================

function auditedCases(mode: Mode): { valid: Valid[]; invalid: Invalid[] } {
  const valid: Valid[] = [
    // Inline, in every framework.
    lines(EXPRESS, AUDIT_DECL, 'const app = express();', "app.post('/users', async (req, res) => {", "  await audit.log({ action: 'user.create' });", '  res.end();', '});'),
    lines(FASTIFY, AUDIT_DECL, 'const fastify = Fastify();', "fastify.route({ method: ['POST', 'PUT'], url: '/items', handler: async () => { await audit.log({ action: 'item.save' }); } });"),
    lines(KOA, AUDIT_DECL, 'const router = new Router();', "router.post('create-user', '/users', async (ctx) => { await audit.log({ action: 'user.create' }); ctx.status = 201; });"),
    lines(HONO, AUDIT_DECL, 'const app = new Hono();', "app.on(['PUT', 'DELETE'], '/posts/:id', async (c) => { await audit.log({ action: 'post.change' }); return c.body(null, 204); });"),
    lines(
      OPENAPI,
      AUDIT_DECL,
      'const app = new OpenAPIHono();',
      "app.openapi(createRoute({ method: 'post', path: '/monitors', responses: {} }), async (c) => {",
      "  await audit.log({ action: 'monitor.create' });",
      '  return c.body(null, 201);',
      '});',
    ),
    // Inside a nested callback of the handler (a transaction, a promise chain).
    lines(
      EXPRESS,
      AUDIT_DECL,
      'declare const db: { transaction<T>(fn: () => Promise<T>): Promise<T> };',
      'const app = express();',
      "app.delete('/users/:id', async (req, res) => {",
      "  await db.transaction(async () => { await audit.log({ action: 'user.delete' }); });",
      '  res.end();',
      '});',
    ),
    // A named handler function.
    lines(
      EXPRESS,
      AUDIT_DECL,
      'const app = express();',
      'async function updateUser(req: express.Request, res: express.Response) {',
      "  await audit.log({ action: 'user.update' });",
      '  res.end();',
      '}',
      "app.put('/users/:id', updateUser);",
    ),
    // 1, 2 and 3 hops deep in the same file.
    lines(
      EXPRESS,
      AUDIT_DECL,
      'async function persistEvent(action: string) {',
      '  await audit.log({ action });',
      '}',
      'async function saveUser() {',
      "  await persistEvent('user.save');",
      '}',
      'async function createUser() {',
      '  await saveUser();',
      '}',
      'const app = express();',
      "app.post('/one', async (req, res) => { await persistEvent('one'); res.end(); });",
      "app.post('/two', async (req, res) => { await saveUser(); res.end(); });",
      "app.post('/three', async (req, res) => { await createUser(); res.end(); });",
    ),
    // Middleware in the route's own chain, and a wrapper around the handler, by the default heuristic's names.
    lines(
      EXPRESS,
      'declare const auditTrail: express.RequestHandler;',
      'declare function withAuditLogging(handler: express.RequestHandler): express.RequestHandler;',
      'const app = express();',
      "app.patch('/users/:id', auditTrail, (req, res) => { res.end(); });",
      "app.delete('/users/:id', withAuditLogging((req, res) => { res.end(); }));",
    ),
  ];
  const invalid: Invalid[] = [
    {
      // Look-alike of "inline": a log line that mentions auditing is no audit record.
      code: lines(
        EXPRESS,
        'declare const logger: { info(message: string): void };',
        'const app = express();',
        "app.post('/users', (req, res) => {",
        "  logger.info('user audited');",
        '  res.end();',
        '});',
      ),
      errors: [missing({ label: 'POST /users', line: 4, column: 5 })],
    },
    {
      // Look-alike: a webhook event whose payload says "audit" is no audit call.
      code: lines(
        HONO,
        'declare function createEvent(event: { type: string }): Promise<void>;',
        'const app = new Hono();',
        "app.post('/experiments', async (c) => {",
        "  await createEvent({ type: 'audit' });",
        '  return c.body(null, 201);',
        '});',
      ),
      errors: [missing({ label: 'POST /experiments', line: 4, column: 5 })],
    },
    {
      // Look-alike of the named handler: it does not audit. No inline handler to insert into: no suggestion.
      code: lines(
        EXPRESS,
        AUDIT_DECL,
        'const app = express();',
        'async function updateUser(req: express.Request, res: express.Response) {',
        "  await audit.log({ action: 'user.update' });",
        '  res.end();',
        '}',
        'async function updateUserQuietly(req: express.Request, res: express.Response) {',
        '  res.end();',
        '}',
        "app.put('/users/:id', updateUser);",
        "app.put('/users/:id/quiet', updateUserQuietly);",
      ),
      errors: [missing({ label: 'PUT /users/:id/quiet', line: 12, column: 5 })],
    },
  ];

  // Look-alike of the hops: a helper chain that never reaches the audit call. The file has an audit call, so the
  // suggestion reuses its callee (`audit.log`).
  const hops = lines(
    EXPRESS,
    AUDIT_DECL,
    'async function persistEvent(action: string) {',
    '  await audit.log({ action });',
    '}',
    'async function saveDraft() {',
    '  return Promise.resolve();',
    '}',
    'async function createDraft() {',
    '  await saveDraft();',
    '}',
    'const app = express();',
    "app.post('/drafts', async (req, res) => { @@await createDraft(); res.end(); });",
    "app.post('/events', async (req, res) => { await persistEvent('event'); res.end(); });",
  );
  invalid.push({
    code: at(hops),
    errors: [
      missing({
        label: 'POST /drafts',
        line: 13,
        column: 5,
        output: at(hops, `await audit.log({ action: 'drafts.create', ${expressActor(mode)}resource: '/drafts', source: req.ip }); `),
      }),
    ],
  });
  return { valid, invalid };
}

// =====================================================================================================================
// Across files: controller → service → audit module (tests/fixtures/rule-http)
// =====================================================================================================================

const CROSS_IMPORTS = lines(
  EXPRESS,
  "import { recordChange } from './audit/logger.js';",
  "import { changeRole, changeRoleSilently } from './services/role.service.js';",
  "import { createUserHandler, createUserHandlerSilently, updateUserRole, updateUserRoleSilently } from './controllers/users.controller.js';",
  'const app = express();',
);

/** Handlers 1, 2 and 3 hops from the audit call in another file (line 6, 7, 8). */
const CROSS_AUDITED = lines(
  CROSS_IMPORTS,
  "app.put('/users/:id/one', async (req, res) => { await recordChange('user.update', req.ip); res.end(); });",
  "app.put('/users/:id/two', async (req, res) => { await changeRole(req.params.id, 'admin'); res.end(); });",
  "app.put('/users/:id/three', async (req, res) => { await updateUserRole(req.params.id, 'admin'); res.end(); });",
);

/** Handlers calling methods of the fixture's object and class services (`@@`: the method called, line 5, 6, 7). */
const SERVICES = lines(
  EXPRESS,
  "import { AccountService, accounts, roleService } from './services/objects.js';",
  'const app = express();',
  'const service = new AccountService();',
  "app.post('/roles', async (req, res) => { await @@('1'); res.end(); });",
  "app.delete('/accounts/:id', async (req, res) => { await @@(req.params.id); res.end(); });",
  "app.patch('/accounts/:id', async (req, res) => { await @@(req.params.id); res.end(); });",
);

function crossFileCases(): { valid: Valid[]; invalid: Invalid[] } {
  const valid: Valid[] = [
    { code: CROSS_AUDITED, filename: APP_FILE },
    // The same with the configured logger: matched in the audit module by its callee path.
    { code: CROSS_AUDITED, filename: APP_FILE, settings: LOGGER },
    // maxDepth bounds the search: 3 hops are within 3 (and within the default, 4).
    { code: CROSS_AUDITED, filename: APP_FILE, options: [{ maxDepth: 3 }] },
    // A named handler imported from another file, which audits.
    { code: lines(CROSS_IMPORTS, "app.post('/users', createUserHandler);"), filename: APP_FILE },
    // Object-literal and class services in another file.
    { code: SERVICES.replace('@@', 'roleService.change').replace('@@', 'accounts.close').replace('@@', 'service.close'), filename: APP_FILE },
  ];
  const invalid: Invalid[] = [
    {
      // maxDepth 2: the 3-hop handler is reported, the others are not.
      code: CROSS_AUDITED,
      filename: APP_FILE,
      options: [{ maxDepth: 2 }],
      errors: [missing({ label: 'PUT /users/:id/three', line: 8, column: 5 })],
    },
    {
      // maxDepth 1: the 2- and 3-hop handlers are reported.
      code: CROSS_AUDITED,
      filename: APP_FILE,
      options: [{ maxDepth: 1 }],
      errors: [missing({ label: 'PUT /users/:id/two', line: 7, column: 5 }), missing({ label: 'PUT /users/:id/three', line: 8, column: 5 })],
    },
    {
      // maxDepth 0: only an audit call in the handler itself counts.
      code: CROSS_AUDITED,
      filename: APP_FILE,
      options: [{ maxDepth: 0 }],
      errors: [
        missing({ label: 'PUT /users/:id/one', line: 6, column: 5 }),
        missing({ label: 'PUT /users/:id/two', line: 7, column: 5 }),
        missing({ label: 'PUT /users/:id/three', line: 8, column: 5 }),
      ],
    },
    {
      // Look-alikes: the services' methods that do not audit.
      code: SERVICES.replace('@@', 'roleService.peek').replace('@@', 'accounts.touch').replace('@@', 'service.touch'),
      filename: APP_FILE,
      errors: [
        missing({ label: 'POST /roles', line: 5, column: 5 }),
        missing({ label: 'DELETE /accounts/:id', line: 6, column: 5 }),
        missing({ label: 'PATCH /accounts/:id', line: 7, column: 5 }),
      ],
    },
    {
      // Look-alikes: the same service and controller layers without the audit call.
      code: lines(
        CROSS_IMPORTS,
        "app.put('/users/:id/two', async (req, res) => { await changeRoleSilently(req.params.id, 'admin'); res.end(); });",
        "app.put('/users/:id/three', async (req, res) => { await updateUserRoleSilently(req.params.id, 'admin'); res.end(); });",
        "app.post('/users', createUserHandlerSilently);",
      ),
      filename: APP_FILE,
      errors: [
        missing({ label: 'PUT /users/:id/two', line: 6, column: 5 }),
        missing({ label: 'PUT /users/:id/three', line: 7, column: 5 }),
        missing({ label: 'POST /users', line: 8, column: 5 }),
      ],
    },
  ];
  return { valid, invalid };
}

/** The same in the same file, 3 hops deep, against maxDepth. */
const SAME_FILE_THREE_HOPS = lines(
  EXPRESS,
  AUDIT_DECL,
  'async function persistEvent(action: string) {',
  '  await audit.log({ action });',
  '}',
  'async function saveUser() {',
  "  await persistEvent('user.save');",
  '}',
  'async function createUser() {',
  '  await saveUser();',
  '}',
  'const app = express();',
  "app.post('/three', async (req, res) => { @@await createUser(); res.end(); });",
);

// =====================================================================================================================
// Reads under HIPAA, options (methods, ignoreRoutes), middleware and wrappers
// =====================================================================================================================

function hipaaCases(): { valid: Valid[]; invalid: Invalid[] } {
  const code = lines(
    EXPRESS,
    'const app = express();',
    "app.get('/patients/:id', (req, res) => { res.json({}); });",
    "app.get('/health', (req, res) => { res.end(); });",
    "const port: number = app.get('port');",
  );
  return {
    valid: [
      // The settings getter is still no endpoint; an ignored route needs no audit.
      { code: lines(EXPRESS, 'const app = express();', "const port: number = app.get('port');", 'app.listen(port);') },
      { code, options: [{ ignoreRoutes: ['/health', '/patients/*'] }] },
      // `methods` replaces the regulation-derived default.
      { code, options: [{ methods: ['POST'] }] },
    ],
    invalid: [
      {
        code,
        errors: [missing({ label: 'GET /patients/:id', line: 3, column: 5, settings: HIPAA }), missing({ label: 'GET /health', line: 4, column: 5, settings: HIPAA })],
      },
      {
        code: lines(FASTIFY, 'const fastify = Fastify();', "fastify.get('/patients/:id', async () => ({}));"),
        errors: [missing({ label: 'GET /patients/:id', line: 3, column: 9, settings: HIPAA })],
      },
      {
        code: lines(KOA, 'const router = new Router();', "router.get('/patients/:id', async (ctx) => { ctx.body = {}; });"),
        errors: [missing({ label: 'GET /patients/:id', line: 3, column: 8, settings: HIPAA })],
      },
      {
        code: lines(HONO, 'const app = new Hono();', "app.get('/patients/:id', (c) => c.json({}));"),
        errors: [missing({ label: 'GET /patients/:id', line: 3, column: 5, settings: HIPAA })],
      },
    ],
  };
}

const MIXED_METHODS = lines(
  EXPRESS,
  'const app = express();',
  "app.get('/users', (req, res) => { res.json([]); });",
  "app.post('/users', (req, res) => { res.end(); });",
  "app.delete('/users/:id', (req, res) => { res.end(); });",
);

const ROUTES = lines(
  EXPRESS,
  'const app = express();',
  "app.post('/health', (req, res) => { res.end(); });",
  "app.post('/health/', (req, res) => { res.end(); });",
  "app.post('/internal/jobs/run', (req, res) => { res.end(); });",
  "app.post('/internal', (req, res) => { res.end(); });",
  "app.post('/healthz', (req, res) => { res.end(); });",
  "app.post('/internals/run', (req, res) => { res.end(); });",
  "app.post('/api/internal/x', (req, res) => { res.end(); });",
);

const MIDDLEWARE: Settings = { compliance: { audit: { middleware: ['auditMiddleware'] } } };
const WRAPPERS: Settings = { compliance: { audit: { wrappers: ['withAudit'] } } };

function optionCases(): { valid: Valid[]; invalid: Invalid[] } {
  return {
    valid: [
      // `methods`: only DELETE, or only GET (lower case accepted).
      { code: lines(EXPRESS, 'const app = express();', "app.post('/users', (req, res) => { res.end(); });"), options: [{ methods: ['DELETE'] }] },
      { code: lines(HONO, 'const app = new Hono();', "app.post('/users', (c) => c.body(null, 201));"), options: [{ methods: ['get'] }] },
      // Middleware from `audit.middleware` registered before the routes, on the same app or on a path prefix.
      {
        code: lines(
          EXPRESS,
          'declare function auditMiddleware(req: express.Request, res: express.Response, next: express.NextFunction): void;',
          'const app = express();',
          'app.use(auditMiddleware);',
          "app.post('/users', (req, res) => { res.end(); });",
        ),
        settings: MIDDLEWARE,
      },
      {
        code: lines(
          EXPRESS,
          'declare function auditMiddleware(req: express.Request, res: express.Response, next: express.NextFunction): void;',
          'const router = express.Router();',
          "router.use('/admin', auditMiddleware);",
          "router.delete('/admin/users/:id', (req, res) => { res.end(); });",
        ),
        settings: MIDDLEWARE,
      },
      // A wrapper from `audit.wrappers` around the handler.
      {
        code: lines(
          EXPRESS,
          'declare function withAudit(handler: express.RequestHandler): express.RequestHandler;',
          'const app = express();',
          "app.post('/users', withAudit((req, res) => { res.end(); }));",
        ),
        settings: WRAPPERS,
      },
      // The fixture's middleware and wrapper, imported (APP_FILE).
      {
        code: lines(
          EXPRESS,
          "import { auditMiddleware, withAudit } from './middleware/audit.js';",
          'const app = express();',
          "app.post('/a', auditMiddleware, (req, res) => { res.end(); });",
          "app.post('/b', withAudit((req, res) => { res.end(); }));",
        ),
        filename: APP_FILE,
        settings: { compliance: { audit: { middleware: ['auditMiddleware'], wrappers: ['withAudit'] } } },
      },
    ],
    invalid: [
      {
        code: MIXED_METHODS,
        options: [{ methods: ['DELETE'] }],
        errors: [missing({ label: 'DELETE /users/:id', line: 5, column: 5 })],
      },
      {
        code: MIXED_METHODS,
        options: [{ methods: ['get', 'POST'] }],
        errors: [missing({ label: 'GET /users', line: 3, column: 5 }), missing({ label: 'POST /users', line: 4, column: 5 })],
      },
      {
        // `/health` matches exactly (a trailing slash aside), `/internal/**` the prefix and everything under it.
        code: ROUTES,
        options: [{ ignoreRoutes: ['/health', '/internal/**'] }],
        errors: [
          missing({ label: 'POST /healthz', line: 7, column: 5 }),
          missing({ label: 'POST /internals/run', line: 8, column: 5 }),
          missing({ label: 'POST /api/internal/x', line: 9, column: 5 }),
        ],
      },
      {
        // The middleware is registered after the route: it does not run for it.
        code: lines(
          EXPRESS,
          'declare function auditMiddleware(req: express.Request, res: express.Response, next: express.NextFunction): void;',
          'const app = express();',
          "app.post('/users', (req, res) => { res.end(); });",
          'app.use(auditMiddleware);',
          "app.post('/roles', (req, res) => { res.end(); });",
        ),
        settings: MIDDLEWARE,
        errors: [missing({ label: 'POST /users', line: 4, column: 5 })],
      },
      {
        // Registered on another router, or under another prefix: not this route's.
        code: lines(
          EXPRESS,
          'declare function auditMiddleware(req: express.Request, res: express.Response, next: express.NextFunction): void;',
          'const app = express();',
          'const other = express.Router();',
          'other.use(auditMiddleware);',
          "app.use('/admin', auditMiddleware);",
          "app.post('/users', (req, res) => { res.end(); });",
        ),
        settings: MIDDLEWARE,
        errors: [missing({ label: 'POST /users', line: 7, column: 5 })],
      },
      {
        // A wrapper that is not configured (and has no "audit" in its name) does not audit.
        code: lines(
          EXPRESS,
          'declare function withAudit(handler: express.RequestHandler): express.RequestHandler;',
          'declare function withTiming(handler: express.RequestHandler): express.RequestHandler;',
          'const app = express();',
          "app.post('/users', withAudit((req, res) => { res.end(); }));",
          "app.post('/roles', withTiming((req, res) => { res.end(); }));",
        ),
        settings: WRAPPERS,
        errors: [missing({ label: 'POST /roles', line: 6, column: 5 })],
      },
    ],
  };
}

// =====================================================================================================================
// Suggestions: naming the logger, imports, concise bodies
// =====================================================================================================================

/** Typed suggestion cases whose code and output must also type-check (see the `typeErrors` tests below). */
interface TypedSuggestion {
  readonly name: string;
  readonly code: string;
  readonly filename: string;
  readonly settings: Settings;
  readonly label: string;
  readonly line: number;
  readonly column: number;
  readonly output: string;
}

const PASSPORT_USER = lines(
  'declare global {',
  '  namespace Express {',
  '    interface User {',
  '      id: string;',
  '    }',
  '    interface Request {',
  '      user?: User;',
  '    }',
  '  }',
  '}',
);

const EXPRESS_TYPED = lines(
  EXPRESS,
  "import { auditLogger } from './audit/logger.js';",
  PASSPORT_USER,
  'const app = express();',
  'app.use(express.json());',
  "app.post('/users/:id/role', async (req, res) => {",
  '  @@const { role } = req.body as { role: string };',
  '  res.json({ id: req.params.id, role });',
  '});',
);

const KOA_TYPED = lines(
  "import Koa from 'koa';",
  KOA,
  "import { auditLogger } from './audit/logger.js';",
  'const app = new Koa();',
  'const router = new Router();',
  "router.patch('update-user', '/users/:id', async (ctx) => {",
  '  @@ctx.body = { id: ctx.params.id };',
  '});',
  'app.use(router.routes());',
);

const HONO_TYPED = lines(
  HONO,
  "import { auditLogger } from './audit/logger.js';",
  'type Env = { Variables: { user: { id: string } } };',
  'const app = new Hono<Env>();',
  "app.delete('/posts/:id', async (c) => {",
  "  @@return c.json({ deleted: c.req.param('id'), by: c.get('user').id });",
  '});',
);

const FASTIFY_TYPED = lines(
  FASTIFY,
  "import { auditLogger } from './audit/logger.js';",
  "declare module 'fastify' {",
  '  interface FastifyRequest {',
  '    user?: { id: string };',
  '  }',
  '}',
  'const fastify = Fastify();',
  'fastify.route({',
  "  method: ['PUT', 'PATCH'],",
  "  url: '/settings',",
  '  handler: async (request, reply) => {',
  '    @@return reply.send({ ok: true });',
  '  },',
  '});',
);

const EXPRESS_CONCISE_TYPED = lines(
  EXPRESS,
  "import { auditLogger } from './audit/logger.js';",
  PASSPORT_USER,
  'const app = express();',
  "app.put('/profile', (req, res) => res.json({ id: req.user?.id }));",
);

const TYPED_SUGGESTIONS: readonly TypedSuggestion[] = [
  {
    name: 'Express with a passport-style user (actor req.user?.id)',
    code: at(EXPRESS_TYPED),
    filename: APP_FILE,
    settings: LOGGER,
    label: 'POST /users/:id/role',
    line: 15,
    column: 5,
    output: at(EXPRESS_TYPED, "await auditLogger.log({ action: 'users.role.create', actor: req.user?.id, resource: '/users/:id/role', source: req.ip });\n  "),
  },
  {
    name: 'Express, concise arrow body wrapped into a block',
    code: EXPRESS_CONCISE_TYPED,
    filename: APP_FILE,
    settings: LOGGER,
    label: 'PUT /profile',
    line: 14,
    column: 5,
    output: lines(
      EXPRESS,
      "import { auditLogger } from './audit/logger.js';",
      PASSPORT_USER,
      'const app = express();',
      "app.put('/profile', (req, res) => {",
      "  auditLogger.log({ action: 'profile.update', actor: req.user?.id, resource: '/profile', source: req.ip });",
      '  return res.json({ id: req.user?.id });',
      '});',
    ),
  },
  {
    name: 'Koa (@koa/router)',
    code: at(KOA_TYPED),
    filename: APP_FILE,
    settings: LOGGER,
    label: 'PATCH /users/:id',
    line: 6,
    column: 8,
    output: at(KOA_TYPED, "await auditLogger.log({ action: 'users.update', actor: ctx.state.user?.id, resource: '/users/:id', source: ctx.ip });\n  "),
  },
  {
    name: 'Hono with a typed user variable',
    code: at(HONO_TYPED),
    filename: APP_FILE,
    settings: LOGGER,
    label: 'DELETE /posts/:id',
    line: 5,
    column: 5,
    output: at(HONO_TYPED, "await auditLogger.log({ action: 'posts.delete', actor: c.get('user')?.id, resource: '/posts/:id', source: c.req.header('x-forwarded-for') });\n  "),
  },
  {
    name: 'Fastify with a declared request user',
    code: at(FASTIFY_TYPED),
    filename: APP_FILE,
    settings: LOGGER,
    label: 'PUT|PATCH /settings',
    line: 9,
    column: 9,
    output: at(FASTIFY_TYPED, "await auditLogger.log({ action: 'settings.update', actor: request.user?.id, resource: '/settings', source: request.ip });\n    "),
  },
  {
    name: 'Express under SOC 2 + HIPAA (outcome and timestamp required)',
    code: at(EXPRESS_TYPED),
    filename: APP_FILE,
    settings: { compliance: { regulations: { soc2: true, hipaa: true }, audit: { calls: ['auditLogger.log'] } } },
    label: 'POST /users/:id/role',
    line: 15,
    column: 5,
    output: at(
      EXPRESS_TYPED,
      "await auditLogger.log({ action: 'users.role.create', actor: req.user?.id, resource: '/users/:id/role', source: req.ip, outcome: 'success', timestamp: new Date().toISOString() });\n  ",
    ),
  },
];

function typedSuggestionCases(): Invalid[] {
  return TYPED_SUGGESTIONS.map(({ name, code, filename, settings, label, line, column, output }) => ({
    name,
    code,
    filename,
    settings,
    errors: [missing({ label, line, column, output, settings })],
  }));
}

function suggestionCases(mode: Mode): Invalid[] {
  const actor = expressActor(mode);
  const declared = lines(EXPRESS, LOGGER_DECL, 'const app = express();', "app.post('/orders', async (req, res) => {", '  @@res.status(201).end();', '});');
  const notInScope = lines(EXPRESS, 'const app = express();', "app.post('/orders', async (req, res) => {", '  res.status(201).end();', '});');
  const concise = lines(EXPRESS, AUDIT_DECL, 'const app = express();', "app.patch('/orders/:id', (req, res) => res.json({ id: req.params.id }));", "void audit.log({ action: 'boot' });");
  const nested = lines(
    EXPRESS,
    LOGGER_DECL,
    'export function mount(app: express.Express) {',
    "  app.delete('/orders/:id', (req, res) => {",
    '    @@res.end();',
    '  });',
    '}',
  );
  const cases: Invalid[] = [
    {
      // `audit.calls` path whose root is declared in the file; an async handler gets `await`.
      code: at(declared),
      settings: LOGGER,
      errors: [
        missing({
          label: 'POST /orders',
          line: 4,
          column: 5,
          output: at(declared, `await auditLogger.log({ action: 'orders.create', ${actor}resource: '/orders', source: req.ip });\n  `),
        }),
      ],
    },
    {
      // The same logger imported from the fixture's audit module.
      code: lines(EXPRESS, "import { auditLogger } from './audit/logger.js';", 'const app = express();', "app.post('/orders', (req, res) => {", '  res.status(201).end();', '});'),
      filename: APP_FILE,
      settings: LOGGER,
      errors: [
        missing({
          label: 'POST /orders',
          line: 4,
          column: 5,
          output: lines(
            EXPRESS,
            "import { auditLogger } from './audit/logger.js';",
            'const app = express();',
            "app.post('/orders', (req, res) => {",
            `  auditLogger.log({ action: 'orders.create', ${actor}resource: '/orders', source: req.ip });`,
            '  res.status(201).end();',
            '});',
          ),
        }),
      ],
    },
    {
      // The indentation follows the handler's first statement.
      code: at(nested),
      settings: LOGGER,
      errors: [
        missing({
          label: 'DELETE /orders/:id',
          line: 4,
          column: 7,
          output: at(nested, `auditLogger.log({ action: 'orders.delete', ${actor}resource: '/orders/:id', source: req.ip });\n    `),
        }),
      ],
    },
    {
      // An empty body gets the call as its statement; a concise body nested in a function is wrapped at its indentation;
      // directives stay first; comments stay after the call.
      code: lines(
        EXPRESS,
        LOGGER_DECL,
        'export function mount(app: express.Express) {',
        "  app.post('/a', (req, res) => {});",
        "  app.put('/b', (req, res) => res.json(1));",
        "  app.patch('/c', function (req, res) { 'use strict'; });",
        "  app.delete('/d', (req, res) => {",
        '    // TODO',
        '  });',
        '}',
      ),
      settings: LOGGER,
      errors: [
        missing({
          label: 'POST /a',
          line: 4,
          column: 7,
          output: lines(
            EXPRESS,
            LOGGER_DECL,
            'export function mount(app: express.Express) {',
            "  app.post('/a', (req, res) => {",
            `    auditLogger.log({ action: 'a.create', ${actor}resource: '/a', source: req.ip });`,
            '  });',
            "  app.put('/b', (req, res) => res.json(1));",
            "  app.patch('/c', function (req, res) { 'use strict'; });",
            "  app.delete('/d', (req, res) => {",
            '    // TODO',
            '  });',
            '}',
          ),
        }),
        missing({
          label: 'PUT /b',
          line: 5,
          column: 7,
          output: lines(
            EXPRESS,
            LOGGER_DECL,
            'export function mount(app: express.Express) {',
            "  app.post('/a', (req, res) => {});",
            "  app.put('/b', (req, res) => {",
            `    auditLogger.log({ action: 'b.update', ${actor}resource: '/b', source: req.ip });`,
            '    return res.json(1);',
            '  });',
            "  app.patch('/c', function (req, res) { 'use strict'; });",
            "  app.delete('/d', (req, res) => {",
            '    // TODO',
            '  });',
            '}',
          ),
        }),
        missing({
          label: 'PATCH /c',
          line: 6,
          column: 7,
          output: lines(
            EXPRESS,
            LOGGER_DECL,
            'export function mount(app: express.Express) {',
            "  app.post('/a', (req, res) => {});",
            "  app.put('/b', (req, res) => res.json(1));",
            `  app.patch('/c', function (req, res) { 'use strict'; auditLogger.log({ action: 'c.update', ${actor}resource: '/c', source: req.ip }); });`,
            "  app.delete('/d', (req, res) => {",
            '    // TODO',
            '  });',
            '}',
          ),
        }),
        missing({
          label: 'DELETE /d',
          line: 7,
          column: 7,
          output: lines(
            EXPRESS,
            LOGGER_DECL,
            'export function mount(app: express.Express) {',
            "  app.post('/a', (req, res) => {});",
            "  app.put('/b', (req, res) => res.json(1));",
            "  app.patch('/c', function (req, res) { 'use strict'; });",
            "  app.delete('/d', (req, res) => {",
            `    auditLogger.log({ action: 'd.delete', ${actor}resource: '/d', source: req.ip });`,
            '    // TODO',
            '  });',
            '}',
          ),
        }),
      ],
    },
    {
      // A quote in the route is escaped in the `resource` literal (and dropped from the action).
      code: lines(EXPRESS, LOGGER_DECL, 'const app = express();', 'app.post("/o\'reilly/books", (req, res) => {', '  res.end();', '});'),
      settings: LOGGER,
      errors: [
        missing({
          label: "POST /o'reilly/books",
          line: 4,
          column: 5,
          output: lines(
            EXPRESS,
            LOGGER_DECL,
            'const app = express();',
            'app.post("/o\'reilly/books", (req, res) => {',
            `  auditLogger.log({ action: 'o_reilly.books.create', ${actor}resource: '/o\\'reilly/books', source: req.ip });`,
            '  res.end();',
            '});',
          ),
        }),
      ],
    },
    {
      // A configured path whose root is not in scope: no logger can be named, no suggestion.
      code: notInScope,
      settings: LOGGER,
      errors: [missing({ label: 'POST /orders', line: 3, column: 5 })],
    },
    {
      // `{ import, name }` not imported yet: the import is added after the last one.
      code: lines(EXPRESS, "import helmet from 'helmet';", 'const app = express();', 'app.use(helmet());', "app.put('/orders/:id', (req, res) => {", '  res.end();', '});'),
      settings: ACME,
      errors: [
        missing({
          label: 'PUT /orders/:id',
          line: 5,
          column: 5,
          output: lines(
            EXPRESS,
            "import helmet from 'helmet';",
            "import { record } from '@acme/audit';",
            'const app = express();',
            'app.use(helmet());',
            "app.put('/orders/:id', (req, res) => {",
            `  record({ action: 'orders.update', ${actor}resource: '/orders/:id', source: req.ip });`,
            '  res.end();',
            '});',
          ),
        }),
      ],
    },
    {
      // …at the top of a file without imports.
      code: lines("const express = require('express');", 'const app = express();', "app.post('/orders', (req, res) => {", '  res.end();', '});'),
      settings: ACME,
      errors: [
        missing({
          label: 'POST /orders',
          line: 3,
          column: 5,
          output: lines(
            "import { record } from '@acme/audit';",
            "const express = require('express');",
            'const app = express();',
            "app.post('/orders', (req, res) => {",
            // Untyped `require`, or typed mode without a type for it: the actor is kept.
            "  record({ action: 'orders.create', actor: req.user?.id, resource: '/orders', source: req.ip });",
            '  res.end();',
            '});',
          ),
        }),
      ],
    },
    {
      // …after the directive prologue, below a shebang and a header comment.
      code: lines('#!/usr/bin/env node', '// Orders API.', "'use strict';", "const express = require('express');", 'const app = express();', "app.post('/orders', (req, res) => {", '  res.end();', '});'),
      settings: ACME,
      errors: [
        missing({
          label: 'POST /orders',
          line: 6,
          column: 5,
          output: lines(
            '#!/usr/bin/env node',
            '// Orders API.',
            "'use strict';",
            "import { record } from '@acme/audit';",
            "const express = require('express');",
            'const app = express();',
            "app.post('/orders', (req, res) => {",
            "  record({ action: 'orders.create', actor: req.user?.id, resource: '/orders', source: req.ip });",
            '  res.end();',
            '});',
          ),
        }),
      ],
    },
    {
      // Already imported under an alias: the alias is used, no import added.
      code: lines(EXPRESS, "import { record as writeAudit } from '@acme/audit';", 'const app = express();', "app.delete('/orders/:id', async (req, res) => {", '  res.end();', '});'),
      settings: ACME,
      errors: [
        missing({
          label: 'DELETE /orders/:id',
          line: 4,
          column: 5,
          output: lines(
            EXPRESS,
            "import { record as writeAudit } from '@acme/audit';",
            'const app = express();',
            "app.delete('/orders/:id', async (req, res) => {",
            `  await writeAudit({ action: 'orders.delete', ${actor}resource: '/orders/:id', source: req.ip });`,
            '  res.end();',
            '});',
          ),
        }),
      ],
    },
    {
      // A namespace import: `acme.record`.
      code: lines(HONO, "import * as acme from '@acme/audit';", 'const app = new Hono();', "app.post('/orders', (c) => {", '  return c.body(null, 201);', '});'),
      settings: ACME,
      errors: [
        missing({
          label: 'POST /orders',
          line: 4,
          column: 5,
          output: lines(
            HONO,
            "import * as acme from '@acme/audit';",
            'const app = new Hono();',
            "app.post('/orders', (c) => {",
            `  acme.record({ action: 'orders.create', ${honoActor(mode)}resource: '/orders', source: c.req.header('x-forwarded-for') });`,
            '  return c.body(null, 201);',
            '});',
          ),
        }),
      ],
    },
    {
      // The import's name is taken by a local binding: importing it would clash, so no suggestion.
      code: lines(EXPRESS, 'const record = (event: object) => event;', 'const app = express();', "app.post('/orders', (req, res) => {", '  res.end(record({}));', '});'),
      settings: ACME,
      errors: [missing({ label: 'POST /orders', line: 4, column: 5 })],
    },
    {
      // Default heuristic: an audit call elsewhere in the file names the logger; a concise body is wrapped.
      code: concise,
      errors: [
        missing({
          label: 'PATCH /orders/:id',
          line: 4,
          column: 5,
          output: lines(
            EXPRESS,
            AUDIT_DECL,
            'const app = express();',
            "app.patch('/orders/:id', (req, res) => {",
            `  audit.log({ action: 'orders.update', ${actor}resource: '/orders/:id', source: req.ip });`,
            '  return res.json({ id: req.params.id });',
            '});',
            "void audit.log({ action: 'boot' });",
          ),
        }),
      ],
    },
    {
      // A concise body that is an object literal keeps its parentheses.
      code: lines(HONO, AUDIT_DECL, "void audit.log({ action: 'boot' });", 'const app = new Hono();', "app.post('/orders', (c) => ({ status: 201 }) as never);"),
      errors: [
        missing({
          label: 'POST /orders',
          line: 5,
          column: 5,
          output: lines(
            HONO,
            AUDIT_DECL,
            "void audit.log({ action: 'boot' });",
            'const app = new Hono();',
            "app.post('/orders', (c) => {",
            `  audit.log({ action: 'orders.create', ${honoActor(mode)}resource: '/orders', source: c.req.header('x-forwarded-for') });`,
            '  return ({ status: 201 }) as never;',
            '});',
          ),
        }),
      ],
    },
    {
      // Default heuristic and no audit call in the file: no logger can be named.
      code: lines(KOA, 'const router = new Router();', "router.post('/orders', async (ctx) => {", '  ctx.status = 201;', '});'),
      errors: [missing({ label: 'POST /orders', line: 3, column: 8 })],
    },
  ];
  if (mode === 'typed') cases.push(...typedSuggestionCases());
  else {
    // A CommonJS script cannot import: the logger is required (untyped only: the typed project has no .cjs files).
    cases.push({
      code: lines("'use strict';", "const express = require('express');", 'const app = express();', "app.post('/orders', (req, res) => {", '  res.end();', '});'),
      filename: path.join(fixturesDir, 'rule-http/src/server.cjs'),
      languageOptions: { parserOptions: { sourceType: 'script' } },
      settings: ACME,
      errors: [
        missing({
          label: 'POST /orders',
          line: 4,
          column: 5,
          output: lines(
            "'use strict';",
            "const { record } = require('@acme/audit');",
            "const express = require('express');",
            'const app = express();',
            "app.post('/orders', (req, res) => {",
            "  record({ action: 'orders.create', actor: req.user?.id, resource: '/orders', source: req.ip });",
            '  res.end();',
            '});',
          ),
        }),
      ],
    });
  }
  return cases;
}

// =====================================================================================================================
// Runs
// =====================================================================================================================

const modes: ReadonlyArray<readonly [Mode, (settings?: Settings) => RuleTester]> = [
  ['untyped', untypedTester],
  ['typed', typedTester],
];

/** The rule only suggests, never fixes: every invalid case also asserts that there is no autofix. */
function noAutofix(cases: { valid: Valid[]; invalid: Invalid[] }): { valid: Valid[]; invalid: Invalid[] } {
  return { valid: cases.valid, invalid: cases.invalid.map((item) => ({ ...item, output: null })) };
}

for (const [mode, tester] of modes) {
  describe(mode, () => {
    tester().run('require-endpoint-audit: endpoints', rule, noAutofix(endpointCases(mode)));
    tester().run('require-endpoint-audit: audited', rule, noAutofix(auditedCases(mode)));
    tester().run('require-endpoint-audit: across files', rule, noAutofix(crossFileCases()));
    tester().run('require-endpoint-audit: maxDepth in the same file', rule, noAutofix({
      valid: [at(SAME_FILE_THREE_HOPS), { code: at(SAME_FILE_THREE_HOPS), options: [{ maxDepth: 3 }] }],
      invalid: [
        {
          code: at(SAME_FILE_THREE_HOPS),
          options: [{ maxDepth: 2 }],
          errors: [
            missing({
              label: 'POST /three',
              line: 13,
              column: 5,
              output: at(SAME_FILE_THREE_HOPS, `await audit.log({ action: 'three.create', ${expressActor(mode)}resource: '/three', source: req.ip }); `),
            }),
          ],
        },
      ],
    }));
    tester(HIPAA).run('require-endpoint-audit: reads under HIPAA', rule, noAutofix(hipaaCases()));
    tester().run('require-endpoint-audit: options and middleware', rule, noAutofix(optionCases()));
    tester().run('require-endpoint-audit: suggestions', rule, noAutofix({ valid: [], invalid: suggestionCases(mode) }));
  });
}

// =====================================================================================================================
// Messages, type-correct suggestions, bad options
// =====================================================================================================================

const RULE_ID = 'compliance/require-endpoint-audit';

function lint(code: string, options: { settings?: Settings; ruleOptions?: object; filename?: string } = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config = {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser },
    plugins: { compliance: { rules: { 'require-endpoint-audit': rule } } } as never,
    rules: { [RULE_ID]: options.ruleOptions ? ['error', options.ruleOptions] : 'error' },
    ...(options.settings ? { settings: options.settings } : {}),
  };
  return linter.verify(code, config, options.filename ?? DEFAULT_FILE).filter((message) => message.ruleId === RULE_ID || message.fatal);
}

const ROLE_ROUTE = lines(EXPRESS, 'const router = express.Router();', "router.post('/users/:id/role', (req, res) => {", '  res.end();', '});');

describe('message text', () => {
  it('names the method and route and cites the controls (pinned in full once)', () => {
    expect(lint(ROLE_ROUTE, { settings: SOC2_HIPAA }).map((message) => message.message)).toEqual([
      'POST /users/:id/role emits no audit event (SOC 2 CC7.2, CC7.3; HIPAA 164.312(b), 164.308(a)(1)(ii)(D); OWASP)',
    ]);
  });

  it('cites what citeControls computes for the active regulations', () => {
    for (const settings of [{}, HIPAA, SOC2_HIPAA, { compliance: { regulations: { 'pci-dss': true, gdpr: true } } }]) {
      expect(lint(ROLE_ROUTE, { settings }).map((message) => message.message)).toEqual([`POST /users/:id/role emits no audit event${cited('POST /users/:id/role', settings)}`]);
    }
  });

  it('cites only OWASP without a regulation', () => {
    expect(lint(ROLE_ROUTE).map((message) => message.message)).toEqual(['POST /users/:id/role emits no audit event (OWASP)']);
  });

  it('cites HIPAA 164.312(b) for a read under HIPAA', () => {
    const [message, ...rest] = lint(lines(EXPRESS, 'const app = express();', "app.get('/patients/:id', (req, res) => { res.json({}); });"), { settings: HIPAA });
    expect(rest).toEqual([]);
    expect(message?.message).toMatch(/^GET \/patients\/:id emits no audit event \(HIPAA [^;]*164\.312\(b\)/u);
    expect(message?.message).toBe(`GET /patients/:id emits no audit event${cited('GET /patients/:id', HIPAA)}`);
  });

  it('labels several methods and a non-literal path as written', () => {
    const code = lines(FASTIFY, 'const fastify = Fastify();', "const base = '/v1';", 'fastify.route({ method: [\'POST\', \'DELETE\'], url: `${base}/items`, handler: async () => ({}) });');
    expect(lint(code).map((message) => message.message)).toEqual([`POST|DELETE \`\${base}/items\` emits no audit event${cited('POST|DELETE /x')}`]);
  });
});

describe('suggested code type-checks (typed fixtures)', () => {
  it.each(TYPED_SUGGESTIONS.map((item) => [item.name, item] as const))('%s', (_name, item) => {
    // The original is type-correct, so any error in the output would come from the insertion.
    expect(typeErrors(item.code, item.filename)).toEqual([]);
    expect(typeErrors(item.output, item.filename)).toEqual([]);
  });

  it('detects a type error (the check is not vacuous)', () => {
    const broken = at(EXPRESS_TYPED, 'auditLogger.log({ actor: req.user?.id });\n  ');
    expect(typeErrors(broken, APP_FILE)).toEqual([expect.stringMatching(/TS2345: .*'action'/su)]);
  });
});

describe('options', () => {
  it.each([
    [{ maxDepth: -1 }, 'Value -1 should be >= 0'],
    [{ maxDepth: 1.5 }, 'Value 1.5 should be integer'],
    [{ methods: ['FETCH'] }, 'should be equal to one of the allowed values'],
    [{ ignoreRoutes: [''] }, 'should NOT be shorter than 1 characters'],
    [{ method: ['POST'] }, 'Unexpected property "method"'],
  ])('rejects %j by the schema', (ruleOptions, expected) => {
    expect(() => lint('foo();', { ruleOptions })).toThrow(expected);
    expect(() => lint('foo();', { ruleOptions })).toThrow(RULE_ID);
  });

  it('throws a settings error naming the path for bad settings', () => {
    expect(() => lint(ROLE_ROUTE, { settings: { compliance: { audit: { middleware: [42] } } } })).toThrow('settings.compliance.audit.middleware[0]');
  });
});
