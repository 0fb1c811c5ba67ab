/**
 * The Express adapter on real parses, untyped and typed (real `express` / `@types/express`): every endpoint form,
 * the look-alikes that must stay silent, and the cases where the two modes legitimately differ.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import { describe } from 'vitest';
import { expressAdapter } from '../../../src/analysis/endpoints/express.js';
import { runMode, runProbe, type ProbeCase } from './probe.js';

const IMPORT = `import express, { Router } from 'express';\n`;

/** Handler context in untyped mode, and typed mode against plain @types/express (no `user` on the request). */
const req = { actor: 'req.user?.id', source: 'req.ip' } as const;
const reqTyped = { source: 'req.ip' } as const;

const cases: ProbeCase[] = [
  // --- app.METHOD / router.METHOD on express() and routers ---------------------------------------------------------
  {
    code: `${IMPORT}const app = express();\napp.post('/users/:id/role', (req, res) => {\n  res.send(req.ip);\n});`,
    reports: [{ at: '.post(', label: 'POST /users/:id/role', chain: 1, handler: 'fn', ...req }],
    typed: [{ at: '.post(', label: 'POST /users/:id/role', chain: 1, handler: 'fn', ...reqTyped }],
  },
  {
    code: [
      IMPORT,
      'declare function auth(req: express.Request, res: express.Response, next: express.NextFunction): void;',
      'const router = express.Router();',
      'const other = Router();',
      'router.put(`/a`, auth, (request, response) => {',
      '  response.end();',
      '});',
      'other.delete(\'/b\', [auth, [auth]], handler);',
      'function handler(req: express.Request, res: express.Response) {',
      '  res.end();',
      '}',
    ].join('\n'),
    reports: [
      { at: '.put(', label: 'PUT /a', chain: 2, handler: 'fn', actor: 'request.user?.id', source: 'request.ip' },
      { at: '.delete(', label: 'DELETE /b', chain: 3, handler: '-' },
    ],
    typed: [
      { at: '.put(', label: 'PUT /a', chain: 2, handler: 'fn', source: 'request.ip' },
      { at: '.delete(', label: 'DELETE /b', chain: 3, handler: '-' },
    ],
  },
  {
    // Every method; `all` is ALL; a handler without parameters has no context.
    code: [
      IMPORT,
      'const app = express();',
      'const h = () => undefined;',
      "app.get('/g', h);",
      "app.head('/h', h);",
      "app.options('/o', h);",
      "app.patch('/p', h);",
      "app.all('/any', () => {});",
    ].join('\n'),
    reports: [
      { at: '.get(', label: 'GET /g', chain: 1, handler: '-' },
      { at: '.head(', label: 'HEAD /h', chain: 1, handler: '-' },
      { at: '.options(', label: 'OPTIONS /o', chain: 1, handler: '-' },
      { at: '.patch(', label: 'PATCH /p', chain: 1, handler: '-' },
      { at: '.all(', label: 'ALL /any', chain: 1, handler: 'fn' },
    ],
  },
  // --- app.route(path).METHOD(...) chains --------------------------------------------------------------------------
  {
    code: [
      IMPORT,
      'declare const auth: express.RequestHandler;',
      'const app = express();',
      "app.route('/books')",
      '  .get((req, res) => { res.end(); })',
      '  .post(auth, function (req, res) { res.end(); });',
      "const book = app.route('/books/:id');",
      'book.delete(auth);',
    ].join('\n'),
    reports: [
      { at: '.get(', label: 'GET /books', chain: 1, handler: 'fn', ...req },
      { at: '.post(', label: 'POST /books', chain: 2, handler: 'fn', ...req },
      { at: '.delete(', label: 'DELETE /books/:id', chain: 1, handler: '-' },
    ],
    typed: [
      { at: '.get(', label: 'GET /books', chain: 1, handler: 'fn', ...reqTyped },
      { at: '.post(', label: 'POST /books', chain: 2, handler: 'fn', ...reqTyped },
      { at: '.delete(', label: 'DELETE /books/:id', chain: 1, handler: '-' },
    ],
  },
  // --- paths -------------------------------------------------------------------------------------------------------
  {
    code: [
      IMPORT,
      'const app = express();',
      "const base = '/v1';",
      'declare const h: express.RequestHandler;',
      'app.patch(`${base}/items`, h);',
      'app.put(base, h);',
      "app.get(['/a', '/b'], h);",
      'app.get(/^\\/re/, h);',
    ].join('\n'),
    reports: [
      { at: '.patch(', label: 'PATCH `${base}/items`', chain: 1, handler: '-' },
      { at: '.put(', label: 'PUT base', chain: 1, handler: '-' },
      { at: '.get(', label: 'GET /a', chain: 1, handler: '-' },
      { at: '.get(', label: 'GET /b', chain: 1, handler: '-' },
      { at: '.get(', nth: 1, label: 'GET /^\\/re/', chain: 1, handler: '-' },
    ],
  },
  {
    // Spread middleware, chained registrations, wrapped handlers, an app from require().
    code: [
      IMPORT,
      'declare const mws: express.RequestHandler[];',
      'declare function withAudit(h: express.RequestHandler): express.RequestHandler;',
      'const app = express();',
      "app.get('/a', ...mws, (req, res) => { res.end(); }).post('/b', withAudit((req, res) => { res.end(); }));",
    ].join('\n'),
    reports: [
      { at: '.get(', label: 'GET /a', chain: 2, handler: 'fn', ...req },
      { at: '.post(', label: 'POST /b', chain: 1, handler: '-' },
    ],
    typed: [
      { at: '.get(', label: 'GET /a', chain: 2, handler: 'fn', ...reqTyped },
      { at: '.post(', label: 'POST /b', chain: 1, handler: '-' },
    ],
  },
  {
    code: "const express = require('express');\nconst app = express();\nconst { Router: R } = require('express');\nconst r = R();\napp.post('/x', function (req, res) {});\nr.delete('/y', (req) => req);",
    reports: [
      { at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...req },
      { at: '.delete(', label: 'DELETE /y', chain: 1, handler: 'fn', ...req },
    ],
    only: 'untyped',
  },
  // --- actor in typed mode: only when the request type has user.id --------------------------------------------------
  {
    code: [
      IMPORT,
      'declare global {',
      '  namespace Express {',
      '    interface Request {',
      '      user?: { id: string };',
      '    }',
      '  }',
      '}',
      'const app = express();',
      "app.post('/me', (req, res) => { res.json(req.user?.id); });",
    ].join('\n'),
    reports: [{ at: '.post(', label: 'POST /me', chain: 1, handler: 'fn', ...req }],
  },
  {
    code: `${IMPORT}const app = express();\napp.post('/me', (req: express.Request & { user: { id: number } }, res: express.Response) => { res.end(); });`,
    reports: [{ at: '.post(', label: 'POST /me', chain: 1, handler: 'fn', ...req }],
  },
  {
    code: `${IMPORT}const app = express();\napp.post('/me', ({ body }, res) => { res.json(body); });`,
    reports: [{ at: '.post(', label: 'POST /me', chain: 1, handler: 'fn' }],
  },
  // --- receivers known by annotation, by type only, or by name only ------------------------------------------------
  {
    code: `${IMPORT}export function mount(r: Router, e: express.Express) {\n  r.post('/x', (req, res) => { res.end(); });\n  e.put('/y', (req, res) => { res.end(); });\n}`,
    reports: [
      { at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...req },
      { at: '.put(', label: 'PUT /y', chain: 1, handler: 'fn', ...req },
    ],
    typed: [
      { at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...reqTyped },
      { at: '.put(', label: 'PUT /y', chain: 1, handler: 'fn', ...reqTyped },
    ],
  },
  {
    // Imported from another file: typed mode sees the Express types; untyped mode accepts the conventional name
    // `app` with a string path — but not `apiRouter`, and not a non-literal path.
    code: [
      "import { app, apiRouter } from './endpoints-http/express-app.js';",
      "import type { Request, Response } from 'express';",
      "const PATH = '/p';",
      "app.post('/x', (req: Request, res: Response) => { res.end(); });",
      "apiRouter.post('/y', (req: Request, res: Response) => { res.end(); });",
      'app.post(PATH, (req: Request, res: Response) => { res.end(); });',
    ].join('\n'),
    reports: [{ at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...req }],
    typed: [
      { at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...reqTyped },
      { at: '.post(', nth: 1, label: 'POST /y', chain: 1, handler: 'fn', ...reqTyped },
      { at: '.post(', nth: 2, label: 'POST PATH', chain: 1, handler: 'fn', ...reqTyped },
    ],
  },
  {
    code: `${IMPORT}class Api {\n  constructor(private readonly router: Router) {}\n  mount() {\n    this.router.post('/x', (req, res) => { res.end(); });\n  }\n}`,
    reports: [{ at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...req }],
    typed: [{ at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...reqTyped }],
  },
  {
    // A custom class with a `post(path, fn)` method: untyped mode can only go by the name `api` and the path shape;
    // typed mode knows it is no Express app. `client` is no conventional name: silent in both.
    code: [
      'class Client {',
      '  post(path: string, fn: () => void) { return [path, fn]; }',
      '}',
      'const api = new Client();',
      'const client = new Client();',
      "api.post('/users', () => {});",
      "client.post('/users', () => {});",
    ].join('\n'),
    reports: [{ at: '.post(', label: 'POST /users', chain: 1, handler: 'fn' }],
    typed: [],
  },
  {
    code: "import { api } from './endpoints-http/client.js';\nconst handler = () => {};\napi.post('/users', handler);\napi.delete('/users/1', handler);",
    reports: [
      { at: '.post(', label: 'POST /users', chain: 1, handler: '-' },
      { at: '.delete(', label: 'DELETE /users/1', chain: 1, handler: '-' },
    ],
    typed: [],
  },
  // --- look-alikes: never endpoints --------------------------------------------------------------------------------
  { code: `${IMPORT}const app = express();\napp.set('port', 3000);\nconst port = app.get('port');\napp.get(port);` },
  { code: `${IMPORT}const app = express();\nconst key = 'k';\napp.delete(key);\napp.use('/admin', (req, res, next) => next());\napp.listen(3000);` },
  { code: `const map = new Map<string, () => void>();\nconst cache = new Map();\nmap.delete('/x');\ncache.delete('/k');\nmap.get('/x');` },
  { code: `declare const client: { post(url: string, body: unknown): void };\nconst body = {};\nclient.post('https://api.example.com/users', body);` },
  { code: `import axios from 'axios';\nconst api = axios.create();\nconst payload = {};\naxios.post('/users', payload);\napi.post('/users', payload);` },
  { code: `import http from 'node:http';\nhttp.get('/status', (res) => res.resume());` },
  { code: `declare function useRouter(): { push(path: string): void };\nconst router = useRouter();\nrouter.push('/x');` },
  { code: `import { Hono } from 'hono';\nconst app = new Hono();\napp.post('/x', (c) => c.text('hono, not express'));` },
  { code: `const app = { get: (key: string) => key };\nconst name = 'x';\napp.get(name);` },
  // --- half-written registrations do not throw and report nothing --------------------------------------------------
  { code: `${IMPORT}const app = express();\n// @ts-expect-error incomplete\napp.post();\n// @ts-expect-error incomplete\napp.post('/x');\napp.route('/r');\napp[\`post\`];` },
  { code: `${IMPORT}const app = express();\n// @ts-expect-error incomplete\napp.post(...[]);\n// @ts-expect-error incomplete\napp.route().get();` },
];

describe('expressAdapter', () => {
  runProbe('express', expressAdapter, cases);

  describe('plain JavaScript (espree): no parser services, no throw', () => {
    runMode(new RuleTester({ languageOptions: { parser: espree } }), 'express-espree', expressAdapter, 'untyped', [
      {
        code: "const express = require('express');\nconst app = express();\napp.post('/x', function (req, res) {});\nnew Map().delete('/x', () => {});",
        reports: [{ at: '.post(', label: 'POST /x', chain: 1, handler: 'fn', ...req }],
      },
    ]);
  });
});
