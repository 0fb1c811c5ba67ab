/**
 * Fastify: `Fastify()` instances and plugins (`fastify.register(plugin)`, `fp(plugin)`, `FastifyPlugin*` types),
 * shorthand `fastify.METHOD(path, [opts,] handler)` and `fastify.route({ method, url, handler })`, request hooks
 * with `addHook` (and per route); the client on `request.ip`, the user on `request.user` only where a
 * `decorateRequest` + declaration merge adds it (so typed mode only); `request.log`, `reply.log`, `fastify.log`.
 */
import type { HttpFrameworkRecord } from './types.js';

export const fastify: HttpFrameworkRecord = {
  framework: 'fastify',
  kind: 'http',
  packages: ['fastify', 'fastify-plugin', '@fastify/'],
  creations: [{ modules: ['fastify'], kind: 'call', exports: [[], ['fastify']] }],
  types: { packages: ['fastify'], names: ['FastifyInstance'] },
  routes: {
    methods: ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all'],
    chaining: [
      'route', 'register', 'addHook', 'decorate', 'decorateRequest', 'decorateReply', 'setErrorHandler',
      'setNotFoundHandler', 'withTypeProvider', 'addSchema', 'addContentTypeParser', 'after',
    ],
  },
  conventionalNames: ['fastify'],
  plugins: { registerMethod: 'register', wrapperModules: ['fastify-plugin'], typePrefix: 'FastifyPlugin' },
  middleware: {
    hooks: {
      method: 'addHook',
      before: ['onRequest', 'preParsing', 'preValidation', 'preHandler'],
      after: ['preSerialization', 'onSend', 'onResponse'],
    },
  },
  mounts: [{ method: 'register', prefix: { option: 'prefix' } }],
  responseMethods: ['code', 'status', 'send', 'header', 'headers', 'type', 'redirect', 'serialize', 'hijack'],
  requestData: [{ names: ['request', 'req'], body: [['body']], headers: [['headers']] }],
  requestContext: [
    {
      names: ['request'],
      parameter: 0,
      actor: { path: ['user', 'id'], text: (request) => `${request}.user?.id`, typedOnly: true },
      source: { path: ['ip'], text: (request) => `${request}.ip` },
    },
  ],
};
