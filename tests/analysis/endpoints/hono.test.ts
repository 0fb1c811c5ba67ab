/**
 * The Hono adapter on real parses, untyped and typed (real `hono` / `@hono/zod-openapi` types): method
 * registrations, `on` with method and path lists, OpenAPI routes (inline, const, imported), and the look-alikes.
 */
import { describe } from 'vitest';
import { honoAdapter } from '../../../src/analysis/endpoints/hono.js';
import { runProbe, type ProbeCase } from './probe.js';

const IMPORT = `import { Hono, type MiddlewareHandler } from 'hono';\n`;
const OPENAPI = `import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';\n`;
const SOURCE = "c.req.header('x-forwarded-for')";
/** Untyped mode suggests `c.get('user')`; typed mode only when the app's Variables declare `user.id`. */
const c = { actor: "c.get('user')?.id", source: SOURCE } as const;
const cTyped = { source: SOURCE } as const;

const cases: ProbeCase[] = [
  {
    code: `${IMPORT}const app = new Hono();\napp.post('/users/:id/role', async (c) => {\n  return c.text('ok');\n});`,
    reports: [{ at: '.post(', label: 'POST /users/:id/role', chain: 1, handler: 'fn', ...c }],
    typed: [{ at: '.post(', label: 'POST /users/:id/role', chain: 1, handler: 'fn', ...cTyped }],
  },
  {
    code: `${IMPORT}type Env = { Variables: { user: { id: string } } };\nconst app = new Hono<Env>();\napp.put('/me', (ctx) => ctx.text(ctx.get('user').id));`,
    reports: [{ at: '.put(', label: 'PUT /me', chain: 1, handler: 'fn', actor: "ctx.get('user')?.id", source: "ctx.req.header('x-forwarded-for')" }],
  },
  {
    // Every method; all is ALL; middleware chains; a chained registration without a path takes the previous path.
    code: [
      IMPORT,
      'declare const auth: MiddlewareHandler;',
      "const app = new Hono().basePath('/api');",
      "app.get('/items', auth, (c) => c.json([])).post(auth, async (c) => c.json({}, 201));",
      "app.patch('/items/:id', auth);",
      "app.delete('/items/:id', ...[auth, auth], (c) => c.body(null, 204));",
      "app.options('/o', auth);",
      "app.all('/any', () => new Response());",
    ].join('\n'),
    reports: [
      { at: '.get(', label: 'GET /items', chain: 2, handler: 'fn', ...c },
      { at: '.post(', label: 'POST /items', chain: 2, handler: 'fn', ...c },
      { at: '.patch(', label: 'PATCH /items/:id', chain: 1, handler: '-' },
      { at: '.delete(', label: 'DELETE /items/:id', chain: 3, handler: 'fn', ...c },
      { at: '.options(', label: 'OPTIONS /o', chain: 1, handler: '-' },
      { at: '.all(', label: 'ALL /any', chain: 1, handler: 'fn' },
    ],
    typed: [
      { at: '.get(', label: 'GET /items', chain: 2, handler: 'fn', ...cTyped },
      { at: '.post(', label: 'POST /items', chain: 2, handler: 'fn', ...cTyped },
      { at: '.patch(', label: 'PATCH /items/:id', chain: 1, handler: '-' },
      { at: '.delete(', label: 'DELETE /items/:id', chain: 3, handler: 'fn', ...cTyped },
      { at: '.options(', label: 'OPTIONS /o', chain: 1, handler: '-' },
      { at: '.all(', label: 'ALL /any', chain: 1, handler: 'fn' },
    ],
  },
  // --- app.on ------------------------------------------------------------------------------------------------------
  {
    code: [
      IMPORT,
      'declare const auth: MiddlewareHandler;',
      'const app = new Hono();',
      "app.on('POST', '/a', auth, (c) => c.text('a'));",
      "app.on(['PUT', 'delete'], ['/b', '/c'], auth);",
      "const METHODS = ['PATCH', 'POST'] as const;",
      "app.on(METHODS, '/m', auth);",
      "app.on('PURGE', '/cache', auth);",
      'declare const verb: string;',
      "app.on(verb, '/dyn', auth);",
    ].join('\n'),
    reports: [
      { at: '.on(', label: 'POST /a', chain: 2, handler: 'fn', ...c },
      { at: '.on(', nth: 1, label: 'PUT|DELETE /b', chain: 1, handler: '-' },
      { at: '.on(', nth: 1, label: 'PUT|DELETE /c', chain: 1, handler: '-' },
      { at: '.on(', nth: 2, label: 'PATCH|POST /m', chain: 1, handler: '-' },
      { at: '.on(', nth: 4, label: 'ALL /dyn', chain: 1, handler: '-' },
    ],
    typed: [
      { at: '.on(', label: 'POST /a', chain: 2, handler: 'fn', ...cTyped },
      { at: '.on(', nth: 1, label: 'PUT|DELETE /b', chain: 1, handler: '-' },
      { at: '.on(', nth: 1, label: 'PUT|DELETE /c', chain: 1, handler: '-' },
      { at: '.on(', nth: 2, label: 'PATCH|POST /m', chain: 1, handler: '-' },
      { at: '.on(', nth: 4, label: 'ALL /dyn', chain: 1, handler: '-' },
    ],
  },
  // --- OpenAPIHono -------------------------------------------------------------------------------------------------
  {
    code: [
      OPENAPI,
      'const app = new OpenAPIHono();',
      "app.openapi(createRoute({ method: 'post', path: '/users', responses: {} }), (c) => c.json({}, 201));",
      'const auth = async (_c: unknown, next: () => Promise<void>) => next();',
      'const remove = createRoute({',
      "  method: 'delete',",
      "  path: '/users/{id}',",
      '  middleware: [auth] as const,',
      '  request: { params: z.object({ id: z.string() }) },',
      '  responses: {},',
      '});',
      'app.openapi(remove, async (c) => c.body(null, 204), (result) => { if (!result.success) return undefined; });',
      "app.post('/plain', (c) => c.text('plain'));",
    ].join('\n'),
    reports: [
      { at: '.openapi(', label: 'POST /users', chain: 1, handler: 'fn', ...c },
      { at: '.openapi(', nth: 1, label: 'DELETE /users/{id}', chain: 2, handler: 'fn', ...c },
      { at: '.post(', label: 'POST /plain', chain: 1, handler: 'fn', ...c },
    ],
    typed: [
      { at: '.openapi(', label: 'POST /users', chain: 1, handler: 'fn', ...cTyped },
      { at: '.openapi(', nth: 1, label: 'DELETE /users/{id}', chain: 2, handler: 'fn', ...cTyped },
      { at: '.post(', label: 'POST /plain', chain: 1, handler: 'fn', ...cTyped },
    ],
  },
  {
    // A route object from another file: typed mode reads the literal method and path from its type; untyped mode
    // knows only that this is an endpoint (ALL, path unknown) — on a confirmed app, never on a conventional name.
    code: [
      "import { OpenAPIHono } from '@hono/zod-openapi';",
      "import { createUserRoute } from './endpoints-http/routes.js';",
      'const app = new OpenAPIHono();',
      "app.openapi(createUserRoute, (c) => c.json({ id: '1' }, 201));",
    ].join('\n'),
    reports: [{ at: '.openapi(', label: 'ALL createUserRoute', chain: 1, handler: 'fn', ...c }],
    typed: [{ at: '.openapi(', label: 'POST /users', chain: 1, handler: 'fn', ...cTyped }],
  },
  {
    code: [
      "import { createUserRoute } from './endpoints-http/routes.js';",
      "import type { Context } from 'hono';",
      'declare const app: { openapi(route: unknown, handler: (c: Context) => unknown): void };',
      "app.openapi(createUserRoute, (c) => c.json({ id: '1' }, 201));",
      "app.openapi({ method: 'post', path: '/inline' }, (c) => c.text('x'));",
    ].join('\n'),
    reports: [{ at: '.openapi(', nth: 1, label: 'POST /inline', chain: 1, handler: 'fn', ...c }],
    typed: [],
  },
  // --- receivers by type only / by name only -----------------------------------------------------------------------
  {
    code: [
      "import { app } from './endpoints-http/hono-app.js';",
      "import type { Context } from 'hono';",
      "app.post('/x', (c: Context) => c.text('x'));",
      "const path = '/y';",
      "app.post(path, (c: Context) => c.text('y'));",
    ].join('\n'),
    // `c: Context` has `Env = any`, so `c.get('user')` type-checks: typed mode keeps the actor.
    reports: [{ at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...c }],
    typed: [
      { at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...c },
      { at: '.post(', nth: 1, label: 'POST path', chain: 1, handler: 'fn', ...c },
    ],
  },
  {
    code: [
      "import type { Context } from 'hono';",
      'class Fake {',
      '  post(path: string, fn: (c: Context) => unknown) { return [path, fn]; }',
      '  on(event: string, path: string, fn: () => void) { return [event, path, fn]; }',
      '}',
      'const app = new Fake();',
      "app.post('/x', (c) => c.text('x'));",
      "app.on('GET', '/y', () => {});",
      "app.on('ready', '/z', () => {});",
    ].join('\n'),
    reports: [
      { at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...c },
      { at: '.on(', label: 'GET /y', chain: 1, handler: 'fn' },
    ],
    typed: [],
  },
  {
    code: `${IMPORT}export function mount(api: Hono) {\n  api.delete('/x', (c) => c.body(null, 204));\n}`,
    reports: [{ at: '.delete(', label: 'DELETE /x', chain: 1, handler: 'fn', ...c }],
    typed: [{ at: '.delete(', label: 'DELETE /x', chain: 1, handler: 'fn', ...cTyped }],
  },
  // --- look-alikes and half-written registrations ------------------------------------------------------------------
  {
    code: `${IMPORT}const app = new Hono();\nconst sub = new Hono();\napp.route('/sub', sub);\napp.use('/x', async (c, next) => next());\napp.notFound((c) => c.text('404'));\napp.get('/x', (c) => c.text(c.req.header('x') ?? ''));`,
    reports: [{ at: '.get(', label: 'GET /x', chain: 1, handler: 'fn', ...c }],
    typed: [{ at: '.get(', label: 'GET /x', chain: 1, handler: 'fn', ...cTyped }],
  },
  { code: `${IMPORT}const app = new Hono();\n// @ts-expect-error incomplete\napp.post();\n// @ts-expect-error incomplete\napp.post('/x');\n// @ts-expect-error incomplete\napp.on('POST');\n// @ts-expect-error incomplete\napp.on('POST', '/x');` },
  { code: `${OPENAPI}const app = new OpenAPIHono();\n// @ts-expect-error incomplete\napp.openapi();\n// @ts-expect-error incomplete\napp.openapi(createRoute({ method: 'post', path: '/x', responses: {} }));` },
  { code: `declare const app: any;\napp.on('ready', () => {});\napp.on('request', '/x', () => {});\nconst server = { on: (event: string, fn: () => void) => [event, fn] };\nserver.on('close', () => {});` },
  { code: `import express from 'express';\nconst app = express();\napp.post('/x', (req, res) => { res.end(); });` },
  { code: `const map = new Map();\nmap.delete('/k');\ndeclare const client: { post(url: string, body: unknown): void };\nclient.post('https://example.com', {});` },
];

describe('honoAdapter', () => {
  runProbe('hono', honoAdapter, cases);
});
