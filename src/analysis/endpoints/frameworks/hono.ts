/**
 * Hono: `new Hono()` / `new OpenAPIHono()` (`@hono/zod-openapi`), `app.METHOD(path, ...handlers)` (chained
 * registrations without a path take the previous one's), `app.on(methods, paths, ...)`, `app.openapi(route, handler)`,
 * middleware with `app.use([path,] ...)`, sub-apps with `app.route('/x', sub)` and `basePath`. The user on
 * `c.get('user')` (the app's Variables), the client on the `x-forwarded-for` header.
 */
import type { HttpFrameworkRecord } from './types.js';

export const hono: HttpFrameworkRecord = {
  framework: 'hono',
  kind: 'http',
  packages: ['hono', 'hono/', '@hono/'],
  creations: [
    { modules: ['hono', 'hono/'], kind: 'new', exports: [['Hono']] },
    { modules: ['@hono/zod-openapi'], kind: 'new', exports: [['OpenAPIHono']] },
  ],
  types: { packages: ['hono', '@hono/'], names: ['Hono', 'HonoBase', 'OpenAPIHono'] },
  routes: {
    methods: ['get', 'post', 'put', 'patch', 'delete', 'options', 'all'],
    chaining: ['on', 'use', 'basePath', 'route', 'openapi', 'doc', 'doc31', 'notFound', 'onError', 'mount'],
  },
  middleware: { use: ['use'] },
  mounts: [
    { method: 'route', prefix: 'first-argument' },
    { method: 'basePath', prefix: 'first-argument' },
  ],
  responseMethods: ['json', 'text', 'html', 'body', 'redirect', 'header', 'status', 'notFound', 'valid', 'newResponse'],
  requestData: [
    {
      names: ['c'],
      bodyReaders: [['req', 'json'], ['req', 'parseBody'], ['req', 'formData'], ['req', 'text']],
      headerReaders: [['req', 'header']],
    },
  ],
  requestContext: [
    {
      names: ['c'],
      parameter: 0,
      // Drift kept: `audit-event-fields` has never suggested Hono's actor (its tests expect the placeholder), while
      // `require-endpoint-audit` does. Dropping this flag changes those suggestions: a decision for a later issue.
      actor: { path: ['var', 'user', 'id'], text: (c) => `${c}.get('user')?.id`, inFieldSuggestions: false },
      source: { path: ['req', 'header'], text: (c) => `${c}.req.header('x-forwarded-for')` },
      evidence: ['req'],
    },
  ],
};
