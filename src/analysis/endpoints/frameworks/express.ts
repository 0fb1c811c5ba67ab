/**
 * Express: `express()` apps and `express.Router()` routers, `app.METHOD(path, ...handlers)`,
 * `app.route(path).get(...)`, middleware with `app.use([prefix,] ...)`; the user on `req.user` (Passport or a
 * declaration merge), the client on `req.ip`; pino-http's `req.log`.
 */
import type { HttpFrameworkRecord } from './types.js';

export const express: HttpFrameworkRecord = {
  framework: 'express',
  kind: 'http',
  packages: ['express'],
  creations: [{ modules: ['express'], kind: 'call', exports: [[], ['Router']] }],
  types: {
    packages: ['express', 'express-serve-static-core', '@types/express', '@types/express-serve-static-core'],
    names: ['Express', 'Application', 'Router', 'IRouter'],
    routeNames: ['IRoute'],
  },
  routes: {
    methods: ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all'],
    chaining: ['use', 'param', 'engine', 'enable', 'disable'],
    routeObject: 'route',
    minArguments: 2,
  },
  // `app.METHOD(path, handler)` is the generic shape: the guess for a conventional name when the file says nothing.
  conventionalNames: ['app', 'router', 'api', 'server'],
  conventionalDefault: true,
  middleware: { use: ['use'] },
  mounts: [{ method: 'use', prefix: 'first-argument' }],
  responseMethods: ['status', 'json', 'jsonp', 'send', 'end', 'redirect', 'cookie', 'clearCookie', 'header', 'setHeader', 'type', 'sendStatus', 'render', 'location', 'vary', 'format'],
  requestData: [{ names: ['req', 'request'], body: [['body']], headers: [['headers']] }],
  requestContext: [
    {
      names: ['req'],
      parameter: 0,
      actor: { path: ['user', 'id'], text: (req) => `${req}.user?.id` },
      source: { path: ['ip'], text: (req) => `${req}.ip` },
    },
  ],
};
