/**
 * require-endpoint-audit with `inferReadOnly`: a POST (mutation, action, catch-all) whose handler resolves to reads only
 * is not reported; each read-only case has its look-alike that writes, or calls what the analysis cannot see. Both
 * modes, Express with its real types.
 */
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, it } from 'vitest';
import rule, { type MessageIds, type Options } from '../../rules/require-endpoint-audit.js';
import { citeControls } from '../../src/analysis/controls.js';
import { resolvePolicy } from '../../src/settings.js';
import { typedTester, untypedTester } from '../rule-tester.js';

type Valid = ValidTestCase<[Options]>;
type Invalid = InvalidTestCase<MessageIds, [Options]>;

const INFER: [Options] = [{ inferReadOnly: true }];
const lines = (...items: string[]): string => items.join('\n');

/** The app: Express, and a Prisma-like client and helpers declared so typed mode resolves them. */
const HEAD = lines(
  "import express from 'express';",
  'declare const prisma: { user: { findMany(q: object): Promise<object[]>; update(q: object): Promise<object> }; item: { createMany(q: object): Promise<object> } };',
  'declare function frobnicate(input: unknown): Promise<void>;',
  'declare function syncAccounts(): Promise<void>;',
  'declare function cache<T extends (...args: never[]) => unknown>(fn: T): T;',
  'declare const User: { scope(name: string): { findAll(): Promise<object[]>; destroy(): Promise<number> } };',
  'declare const s3: { send(command: object): Promise<unknown> };',
  'declare class GetObjectCommand { constructor(input: object) }',
  'declare class PutObjectCommand { constructor(input: object) }',
  'declare const logger: { info(message: string): void };',
  'const app = express();',
);

/** A finding on the route of `label`, on `line` (its controls are tested with the rule's other cases). */
function reported(label: string, line: number): Invalid['errors'][number] {
  return { messageId: 'missingAuditCall', line, suggestions: [], data: { label, controls: citeControls(resolvePolicy({}), { checks: ['audit'], ...(label.startsWith('PUT') ? { auditScopes: ['modification'] } : {}) }) } };
}

function cases(): { valid: Valid[]; invalid: Invalid[] } {
  const valid: Valid[] = [
    {
      name: 'a POST that only reads through the data client and answers with JSON',
      code: lines(HEAD, "app.post('/users/search', async (req, res) => {", '  const users = await prisma.user.findMany({ where: { name: req.body.q } });', '  res.status(200).json(users);', '});'),
      options: INFER,
    },
    {
      name: 'a POST that computes through a local helper and builtins',
      code: lines(
        HEAD,
        'function summarize(items: string[]): string { return items.map((item) => item.trim()).filter(Boolean).join(", "); }',
        "app.post('/preview', (req, res) => {",
        '  res.json({ text: summarize(req.body.items), at: new Date().toISOString(), size: JSON.stringify(req.body).length });',
        '});',
      ),
      options: INFER,
    },
    {
      name: 'a POST that fetches with GET (the default method)',
      code: lines(HEAD, "app.post('/proxy', async (req, res) => {", "  const response = await fetch('https://api.example.com/rates', { method: 'GET' });", '  res.json(await response.json());', '});'),
      options: INFER,
    },
    {
      name: 'a POST that reads through a cached loader (the function the wrapper constant is given is followed)',
      code: lines(HEAD, 'const loadUsers = cache(async () => prisma.user.findMany({}));', "app.post('/users/list', async (req, res) => {", '  res.json(await loadUsers());', '});'),
      options: INFER,
    },
    {
      name: 'a model scope then a read; a response chain and a log line',
      code: lines(HEAD, "app.post('/admins', async (req, res) => {", "  const admins = await User.scope('admins').findAll();", "  logger.info('listed admins');", '  res.status(200).json(admins);', '});'),
      options: INFER,
    },
    {
      name: 'a command that reads, handed to a client',
      code: lines(HEAD, "app.post('/files/get', async (req, res) => {", "  res.json(await s3.send(new GetObjectCommand({ Key: req.body.key })));", '});'),
      options: INFER,
    },
  ];
  const invalid: Invalid[] = [
    {
      name: 'look-alike: the cached loader writes',
      code: lines(HEAD, 'const loadUsers = cache(async () => prisma.user.update({ where: {}, data: {} }));', "app.post('/users/list', async (req, res) => {", '  res.json(await loadUsers());', '});'),
      options: INFER,
      errors: [reported('POST /users/list', 13)],
    },
    {
      name: 'look-alike: the scoped model is destroyed',
      code: lines(HEAD, "app.post('/admins', async (req, res) => {", "  await User.scope('admins').destroy();", '  res.status(204).end();', '});'),
      options: INFER,
      errors: [reported('POST /admins', 12)],
    },
    {
      name: 'look-alike: a command that writes',
      code: lines(HEAD, "app.post('/files/get', async (req, res) => {", "  res.json(await s3.send(new PutObjectCommand({ Key: req.body.key })));", '});'),
      options: INFER,
      errors: [reported('POST /files/get', 12)],
    },
    {
      name: 'a client the app made from a package: its methods may run app code (the model it was given), unseen',
      code: lines(
        "import OAuthServer from 'oauth-server-example';",
        HEAD,
        'const oauth = new OAuthServer({ model: {} });',
        "app.post('/authorize', async (req, res) => {",
        '  res.json(await oauth.authorize(req.body));',
        '});',
      ),
      options: INFER,
      errors: [reported('POST /authorize', 14)],
    },
    {
      name: 'look-alike: the same POST updates',
      code: lines(HEAD, "app.post('/users/search', async (req, res) => {", '  const user = await prisma.user.update({ where: { id: req.body.id }, data: { name: req.body.q } });', '  res.json(user);', '});'),
      options: INFER,
      errors: [reported('POST /users/search', 12)],
    },
    {
      name: 'look-alike: the local helper writes',
      code: lines(
        HEAD,
        'function store(items: string[]) { return prisma.item.createMany({ data: items.map((name) => ({ name })) }); }',
        "app.post('/preview', async (req, res) => {",
        '  await store(req.body.items);',
        '  res.json({ ok: true });',
        '});',
      ),
      options: INFER,
      errors: [reported('POST /preview', 13)],
    },
    {
      name: 'look-alike: fetch with POST',
      code: lines(HEAD, "app.post('/proxy', async (req, res) => {", "  await fetch('https://api.example.com/rates', { method: 'POST', body: JSON.stringify(req.body) });", '  res.end();', '});'),
      options: INFER,
      errors: [reported('POST /proxy', 12)],
    },
    // A function the analysis cannot see: its name decides, and a name that does not say it reads is a change.
    ...[
      { route: '/run', call: 'frobnicate(req.body)', why: 'whose name does not say it reads counts as a state change' },
      { route: '/sync', call: 'syncAccounts()', why: 'whose name writes' },
    ].map(({ route, call, why }): Invalid => ({
      name: `a function the analysis cannot see ${why}`,
      code: lines(HEAD, `app.post('${route}', async (req, res) => {`, `  await ${call};`, '  res.end();', '});'),
      options: INFER,
      errors: [reported(`POST ${route}`, 12)],
    })),
    {
      name: 'PUT changes state by its method, whatever its handler does',
      code: lines(HEAD, "app.put('/users/search', async (req, res) => {", '  res.json(await prisma.user.findMany({}));', '});'),
      options: INFER,
      errors: [reported('PUT /users/search', 12)],
    },
    {
      name: 'without the option, a read-only POST is reported as before',
      code: lines(HEAD, "app.post('/users/search', async (req, res) => {", '  res.json(await prisma.user.findMany({}));', '});'),
      errors: [reported('POST /users/search', 12)],
    },
  ];
  return { valid, invalid };
}

describe('require-endpoint-audit: read-only inference (untyped)', () => {
  untypedTester().run('require-endpoint-audit', rule, cases());
});

describe('require-endpoint-audit: read-only inference (typed)', () => {
  typedTester().run('require-endpoint-audit', rule, cases());
});

describe('require-endpoint-audit: read-only inference, classes not handled yet', () => {
  it.todo('untyped: a model instance method (`user.collectionIds()` on `ctx.state.auth.user`) is resolved through the model class it came from (Outline list routes)');
  it.todo('a read-only route whose presenter calls a library method with an unknown name on an app value is proven read-only only when that value resolves');
  it.todo('a library client configured with app callbacks (`new OAuth2Server({ model })`): its calls run the app model, which may write');
  it.todo('inferReadOnly becomes the default: the rule tests whose POST handlers only compute must show a write first');
});

