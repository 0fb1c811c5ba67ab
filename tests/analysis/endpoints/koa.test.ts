/**
 * The Koa adapter on real parses, untyped and typed (real `koa` / `@koa/router` types): `@koa/router` registrations
 * with and without a route name, middleware chains, and the look-alikes (a Koa app's `use` is never an endpoint).
 */
import { describe } from 'vitest';
import { koaAdapter } from '../../../src/analysis/endpoints/koa.js';
import { runProbe, type ProbeCase } from './probe.js';

const IMPORT = `import Router, { type RouterMiddleware } from '@koa/router';\n`;
const ctx = { actor: 'ctx.state.user?.id', source: 'ctx.ip' } as const;

const cases: ProbeCase[] = [
  {
    code: `${IMPORT}const router = new Router();\nrouter.post('/users/:id/role', async (ctx) => {\n  ctx.body = ctx.ip;\n});`,
    reports: [{ at: '.post(', label: 'POST /users/:id/role', chain: 1, handler: 'fn', ...ctx }],
  },
  {
    // A route name before the path: two leading strings, the second is the path.
    code: [
      IMPORT,
      'declare const validate: RouterMiddleware;',
      'const router = new Router();',
      "router.post('create-user', '/users', validate, async (context, next) => {",
      '  await next();',
      '});',
      "router.get('by-regex', /^\\/files\\/.*/, validate);",
      "const USERS = '/users';",
      "router.put('update-user', USERS, [validate, validate]);",
      "router.patch(USERS, validate, async (c) => { c.status = 204; });",
    ].join('\n'),
    reports: [
      { at: '.post(', label: 'POST /users', chain: 2, handler: 'fn', actor: 'context.state.user?.id', source: 'context.ip' },
      { at: '.get(', label: 'GET /^\\/files\\/.*/', chain: 1, handler: '-' },
      { at: '.put(', label: 'PUT USERS', chain: 2, handler: '-' },
      { at: '.patch(', label: 'PATCH USERS', chain: 2, handler: 'fn', actor: 'c.state.user?.id', source: 'c.ip' },
    ],
  },
  {
    // Every method; del is DELETE, all is ALL; chained registrations; a handler without parameters has no context.
    code: [
      IMPORT,
      'declare const mw: RouterMiddleware;',
      "const router = new Router({ prefix: '/api' });",
      "router.get('/g', mw).head('/h', mw).options('/o', mw);",
      "router.del('/d', mw);",
      "router.delete('/d2', mw);",
      "router.all('/any', async () => {});",
      "router.get(['/a', '/b'], mw);",
    ].join('\n'),
    reports: [
      { at: '.get(', label: 'GET /g', chain: 1, handler: '-' },
      { at: '.head(', label: 'HEAD /h', chain: 1, handler: '-' },
      { at: '.options(', label: 'OPTIONS /o', chain: 1, handler: '-' },
      { at: '.del(', label: 'DELETE /d', chain: 1, handler: '-' },
      { at: '.delete(', label: 'DELETE /d2', chain: 1, handler: '-' },
      { at: '.all(', label: 'ALL /any', chain: 1, handler: 'fn' },
      { at: '.get(', nth: 1, label: 'GET /a', chain: 1, handler: '-' },
      { at: '.get(', nth: 1, label: 'GET /b', chain: 1, handler: '-' },
    ],
  },
  {
    code: "import { Router as KoaRouter } from '@koa/router';\nconst api = new KoaRouter();\napi.post('/x', async (ctx, next) => next());",
    reports: [{ at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...ctx }],
  },
  {
    code: "const Router = require('@koa/router');\nconst r = new Router();\nr.post('/x', async (ctx) => {});\nconst KoaRouter = require('koa-router');\nconst legacy = new KoaRouter();\nlegacy.put('/y', async (ctx) => {});",
    reports: [
      { at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...ctx },
      { at: '.put(', label: 'PUT /y', chain: 1, handler: 'fn', ...ctx },
    ],
    only: 'untyped',
  },
  {
    code: `${IMPORT}export function mount(router: Router) {\n  router.post('/mounted', async (ctx) => { ctx.status = 201; });\n}`,
    reports: [{ at: '.post(', label: 'POST /mounted', chain: 1, handler: 'fn', ...ctx }],
  },
  // --- actor in typed mode: dropped only when the state type is known to lack user.id ------------------------------
  {
    code: `${IMPORT}const router = new Router<{ user: { name: string } }>();\nrouter.post('/x', async (ctx) => { ctx.body = ctx.state.user.name; });`,
    reports: [{ at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...ctx }],
    typed: [{ at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', source: 'ctx.ip' }],
  },
  {
    code: `${IMPORT}const router = new Router<{ user?: { id: string } }>();\nrouter.post('/x', async (ctx) => { ctx.body = ctx.state.user?.id; });`,
    reports: [{ at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...ctx }],
  },
  // --- receivers by type only / by name only -----------------------------------------------------------------------
  {
    code: [
      "import { router } from './endpoints-http/koa-router.js';",
      "import type { RouterContext } from '@koa/router';",
      "router.post('create', '/x', async (ctx: RouterContext) => { ctx.status = 201; });",
      "router.post('/y', async (ctx: RouterContext) => { ctx.status = 201; });",
      "const path = '/z';",
      'router.post(path, async (ctx: RouterContext) => { ctx.status = 201; });',
    ].join('\n'),
    // Untyped: the conventional name `router` in a file about @koa/router, with string paths (after the route name).
    reports: [
      { at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...ctx },
      { at: '.post(', nth: 1, label: 'POST /y', chain: 1, handler: 'fn', ...ctx },
    ],
    typed: [
      { at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...ctx },
      { at: '.post(', nth: 1, label: 'POST /y', chain: 1, handler: 'fn', ...ctx },
      { at: '.post(', nth: 2, label: 'POST path', chain: 1, handler: 'fn', ...ctx },
    ],
  },
  {
    code: [
      "import type { RouterContext } from '@koa/router';",
      'class Fake {',
      '  post(path: string, fn: (ctx: RouterContext) => void) { return [path, fn]; }',
      '}',
      'const router = new Fake();',
      "router.post('/x', (ctx) => { ctx.status = 200; });",
    ].join('\n'),
    reports: [{ at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...ctx }],
    typed: [],
  },
  // --- look-alikes and half-written registrations ------------------------------------------------------------------
  {
    code: [
      "import Koa from 'koa';",
      IMPORT,
      'const app = new Koa();',
      'const router = new Router();',
      'app.use(router.routes());',
      'app.use(async (ctx, next) => { await next(); });',
      "app.on('error', (err) => { console.error(err); });",
    ].join('\n'),
  },
  { code: `${IMPORT}const router = new Router();\n// @ts-expect-error incomplete\nrouter.post();\n// @ts-expect-error incomplete\nrouter.post('/x');\n// @ts-expect-error incomplete\nrouter.post('name', '/x');` },
  { code: `${IMPORT}const router = new Router();\nrouter.use(async (ctx, next) => next());\nrouter.prefix('/v1');\nrouter.param('id', async (id, ctx, next) => next());` },
  { code: `declare function useRouter(): { push(path: string): void };\nconst router = useRouter();\nrouter.push('/x');\nconst map = new Map();\nmap.delete('/k');` },
  { code: `import express from 'express';\nconst router = express.Router();\nrouter.post('/x', (req, res) => { res.end(); });` },
];

describe('koaAdapter', () => {
  runProbe('koa', koaAdapter, cases);
});
