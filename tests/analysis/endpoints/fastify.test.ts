/**
 * The Fastify adapter on real parses, untyped and typed (real `fastify` types): shorthand routes with and without
 * options, `route({...})`, plugins, hooks in the chain, and the look-alikes.
 */
import { describe } from 'vitest';
import { fastifyAdapter } from '../../../src/analysis/endpoints/fastify.js';
import { runProbe, type ProbeCase } from './probe.js';

const IMPORT = `import Fastify, { type FastifyInstance, type FastifyPluginAsync, type preHandlerHookHandler } from 'fastify';\n`;
const HOOKS = 'declare const auth: preHandlerHookHandler;\ndeclare const check: preHandlerHookHandler;\n';

const request = { source: 'request.ip' } as const;

const cases: ProbeCase[] = [
  // --- shorthand --------------------------------------------------------------------------------------------------
  {
    code: `${IMPORT}const fastify = Fastify({ logger: true });\nfastify.post('/users', async (request, reply) => {\n  return reply.send(request.ip);\n});`,
    reports: [{ at: '.post(', label: 'POST /users', chain: 1, handler: 'fn', ...request }],
  },
  {
    // Options with hooks, then the handler: lifecycle order onRequest, preHandler, handler, onResponse.
    code: [
      IMPORT + HOOKS,
      'const app = Fastify();',
      "app.put('/users/:id', { preHandler: [auth], onRequest: check, onResponse: [check], schema: {} }, async (req) => req.ip);",
    ].join('\n'),
    reports: [{ at: '.put(', label: 'PUT /users/:id', chain: 4, handler: 'fn', source: 'req.ip' }],
  },
  {
    // Options object carrying the handler, inline (also as a method) or as a const of this file.
    code: [
      IMPORT + HOOKS,
      'const app = Fastify();',
      "app.delete('/users/:id', { preHandler: auth, handler: async (req) => req.id });",
      "app.patch('/users/:id', { async handler(request, reply) { return reply.send(); } });",
      "const options = { preValidation: [auth, check], handler: (request: unknown) => request };",
      "app.get('/users', options);",
    ].join('\n'),
    reports: [
      { at: '.delete(', label: 'DELETE /users/:id', chain: 2, handler: 'fn', source: 'req.ip' },
      { at: '.patch(', label: 'PATCH /users/:id', chain: 1, handler: 'fn', ...request },
      { at: '.get(', label: 'GET /users', chain: 3, handler: 'fn', ...request },
    ],
  },
  {
    code: [
      IMPORT,
      'const app = Fastify();',
      'async function handler() { return 1; }',
      "app.head('/h', handler);",
      "app.options('/o', handler);",
      "app.all('/any', handler);",
      'app.post(`/t`, {}, handler);',
    ].join('\n'),
    reports: [
      { at: '.head(', label: 'HEAD /h', chain: 1, handler: '-' },
      { at: '.options(', label: 'OPTIONS /o', chain: 1, handler: '-' },
      { at: '.all(', label: 'ALL /any', chain: 1, handler: '-' },
      { at: '.post(', label: 'POST /t', chain: 1, handler: '-' },
    ],
  },
  // --- route({...}) ------------------------------------------------------------------------------------------------
  {
    code: [
      IMPORT + HOOKS,
      'const app = Fastify();',
      "app.route({ method: ['POST', 'put'], url: '/items', preHandler: auth, handler: async (request) => request.ip });",
      "const shape = { method: 'PATCH', url: '/items/:id', onRequest: [check], handler: async () => 'ok' } as const;",
      'app.route(shape);',
      "declare const verb: 'GET' | 'DELETE';",
      "app.route({ method: verb, path: '/dynamic', handler: async () => 'ok' });",
    ].join('\n'),
    reports: [
      { at: '.route(', label: 'POST|PUT /items', chain: 2, handler: 'fn', ...request },
      { at: '.route(', nth: 1, label: 'PATCH /items/:id', chain: 2, handler: 'fn' },
      { at: '.route(', nth: 2, label: 'ALL /dynamic', chain: 1, handler: 'fn' },
    ],
  },
  {
    // Methods the model has no name for are dropped; nothing left, nothing reported.
    code: `${IMPORT}const app = Fastify();\napp.route({ method: ['PROPFIND', 'GET'], url: '/dav', handler: async () => 'x' });\napp.route({ method: 'PROPFIND', url: '/dav2', handler: async () => 'x' });`,
    reports: [{ at: '.route(', label: 'GET /dav', chain: 1, handler: 'fn' }],
  },
  // --- plugins -----------------------------------------------------------------------------------------------------
  {
    code: [
      IMPORT,
      'const server = Fastify();',
      'server.register(async (instance, opts) => {',
      "  instance.post('/p', async (request) => request.ip);",
      '});',
      'server.register(function (app, opts, done) {',
      "  app.delete('/d', async () => 'gone');",
      '  done();',
      '});',
    ].join('\n'),
    reports: [
      { at: '.post(', label: 'POST /p', chain: 1, handler: 'fn', ...request },
      { at: '.delete(', label: 'DELETE /d', chain: 1, handler: 'fn' },
    ],
  },
  {
    code: [
      IMPORT,
      'const plugin: FastifyPluginAsync = async (server) => {',
      "  server.post('/typed', async (request) => request.ip);",
      '};',
      'export default plugin;',
      'export async function annotated(instance: FastifyInstance) {',
      "  instance.put('/annotated', async () => 'ok');",
      '}',
      '// @ts-expect-error untyped plugin parameter',
      'async function userRoutes(routes, _opts) {',
      "  routes.patch('/named', async () => 'ok');",
      '}',
      'Fastify().register(userRoutes);',
    ].join('\n'),
    reports: [
      { at: '.post(', label: 'POST /typed', chain: 1, handler: 'fn', ...request },
      { at: '.put(', label: 'PUT /annotated', chain: 1, handler: 'fn' },
      { at: '.patch(', label: 'PATCH /named', chain: 1, handler: 'fn' },
    ],
  },
  {
    // An autoloaded plugin file: the conventional name `fastify`, a string path and a handler.
    code: `// @ts-expect-error untyped plugin parameter\nexport default async function (fastify, opts) {\n  fastify.post('/auto', async (request, reply) => reply.send());\n  fastify.get(opts.prefix, async () => 'x');\n}`,
    reports: [{ at: '.post(', label: 'POST /auto', chain: 1, handler: 'fn', ...request }],
  },
  // --- actor: only with a typed `user` on the request --------------------------------------------------------------
  {
    code: [
      IMPORT,
      "declare module 'fastify' {",
      '  interface FastifyRequest {',
      '    user?: { id: string };',
      '  }',
      '}',
      'const app = Fastify();',
      "app.post('/me', async (request) => request.user?.id);",
    ].join('\n'),
    reports: [{ at: '.post(', label: 'POST /me', chain: 1, handler: 'fn', ...request }],
    typed: [{ at: '.post(', label: 'POST /me', chain: 1, handler: 'fn', actor: 'request.user?.id', ...request }],
  },
  // --- receivers by type only / by name only -----------------------------------------------------------------------
  {
    code: [
      "import { server } from './endpoints-http/fastify-app.js';",
      "import type { FastifyRequest } from 'fastify';",
      "server.post('/x', async (request: FastifyRequest) => request.ip);",
      "server.route({ method: 'DELETE', url: '/y', handler: async () => 'ok' });",
      "const url = '/z';",
      'server.post(url, async () => 1);',
    ].join('\n'),
    reports: [
      { at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...request },
      { at: '.route(', label: 'DELETE /y', chain: 1, handler: 'fn' },
    ],
    typed: [
      { at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...request },
      { at: '.route(', label: 'DELETE /y', chain: 1, handler: 'fn' },
      { at: '.post(', nth: 1, label: 'POST url', chain: 1, handler: 'fn' },
    ],
  },
  {
    // A custom class with `post`/`route` methods under the conventional name `fastify`.
    code: [
      'class Fake {',
      '  post(path: string, fn: () => void) { return [path, fn]; }',
      '  route(options: object) { return options; }',
      '}',
      'const fastify = new Fake();',
      "fastify.post('/x', () => {});",
      "fastify.route({ method: 'POST', url: '/y', handler: () => {} });",
    ].join('\n'),
    reports: [
      { at: '.post(', label: 'POST /x', chain: 1, handler: 'fn' },
      { at: '.route(', label: 'POST /y', chain: 1, handler: 'fn' },
    ],
    typed: [],
  },
  // --- look-alikes and half-written registrations ------------------------------------------------------------------
  { code: `${IMPORT}const app = Fastify();\n// @ts-expect-error incomplete\napp.post();\n// @ts-expect-error incomplete\napp.post('/x');\n// @ts-expect-error incomplete\napp.route();` },
  { code: `${IMPORT}const app = Fastify();\n// @ts-expect-error incomplete\napp.route({ url: '/x' });\n// @ts-expect-error incomplete\napp.route({ method: 'POST', handler: async () => 1 });\n// @ts-expect-error incomplete\napp.get('/x', {});` },
  { code: `${IMPORT}const app = Fastify();\napp.decorate('post', () => 1);\napp.addHook('onRequest', async () => undefined);\napp.register(async () => undefined);` },
  { code: `declare const client: { post(url: string, body: unknown): void };\nconst body = {};\nclient.post('https://api.example.com/users', body);\nconst map = new Map();\nmap.delete('/k');` },
  { code: `const fastify = { route: (o: object) => o };\nconst options = {};\nfastify.route(options);` },
  { code: `import express from 'express';\nconst app = express();\napp.post('/x', (req, res) => { res.end(); });` },
];

describe('fastifyAdapter', () => {
  runProbe('fastify', fastifyAdapter, cases);
});
