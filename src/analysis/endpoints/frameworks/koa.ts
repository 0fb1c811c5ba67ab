/**
 * Koa with `@koa/router` (or `koa-router`): `new Router()`, `router.METHOD([name,] path, ...middleware)` (`del` is
 * `DELETE`), `router.use([prefix,] ...)`, `router.prefix('/x')`. A Koa application's `app.use(...)` is middleware,
 * never an endpoint. The user on `ctx.state.user` (koa-passport and most auth middleware), the client on `ctx.ip`.
 */
import type { HttpFrameworkRecord } from './types.js';

export const koa: HttpFrameworkRecord = {
  framework: 'koa',
  kind: 'http',
  packages: ['koa', '@koa/router', 'koa-router'],
  creations: [{ modules: ['@koa/router', 'koa-router'], kind: 'any', exports: [[], ['Router']] }],
  types: {
    packages: ['@koa/router', '@types/koa__router', 'koa-router', '@types/koa-router'],
    names: ['Router', 'RouterImplementation', 'RouterInstance', 'RouterWithMethods', 'KoaRouter'],
  },
  routes: {
    methods: ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all'],
    aliases: { del: 'DELETE' },
    chaining: ['use', 'prefix', 'param', 'redirect'],
  },
  middleware: { use: ['use'] },
  mounts: [
    { method: 'use', prefix: 'first-argument' },
    { method: 'prefix', prefix: 'first-argument' },
  ],
  // `ctx.body` is the response's body (`ctx.response.body`), not the request's.
  responseMethods: ['throw', 'assert', 'redirect', 'is', 'accepts', 'vary', 'type'],
  requestData: [
    {
      names: ['ctx', 'context'],
      body: [['request', 'body']],
      headers: [['headers'], ['header'], ['request', 'headers'], ['request', 'header']],
    },
  ],
  requestContext: [
    {
      names: ['ctx'],
      parameter: 0,
      actor: { path: ['state', 'user', 'id'], text: (ctx) => `${ctx}.state.user?.id` },
      source: { path: ['ip'], text: (ctx) => `${ctx}.ip` },
      // A Koa-shaped `ctx` (not tRPC's) is read as `ctx.state`, `ctx.request`, `ctx.body`, …
      evidence: ['state', 'request', 'body', 'status', 'params', 'ip', 'throw', 'set', 'query'],
    },
  ],
};
