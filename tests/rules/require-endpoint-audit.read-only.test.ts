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

const HEAD_LINES = HEAD.split('\n').length;

/** A finding on the route of `label`, on `line`: no suggestion without a configured logger (controls tested elsewhere). */
function reported(label: string, line: number): Invalid['errors'][number] {
  return { messageId: 'missingAuditCall', line, suggestions: [], data: { label, controls: citeControls(resolvePolicy({}), { checks: ['audit'], ...(label.startsWith('PUT') ? { auditScopes: ['modification'] } : {}) }) } };
}

/** A handler: declarations before the route, then its body. */
interface Handler {
  readonly name: string;
  readonly before?: readonly string[];
  readonly body: readonly string[];
}

/** `app.<method>(route, async (req, res) => { body })` after HEAD and `before`; the line of its registration. */
function route(method: string, path: string, handler: Handler): { code: string; line: number } {
  const before = handler.before ?? [];
  const code = lines(HEAD, ...before, `app.${method}('${path}', async (req, res) => {`, ...handler.body.map((line) => `  ${line}`), '});');
  return { code, line: HEAD_LINES + before.length + 1 };
}

/** A read-only POST (valid) and its look-alike that writes or calls what cannot be seen (reported). */
const PAIRS: readonly { readonly path: string; readonly read: Handler; readonly write: Handler }[] = [
  {
    path: '/users/search',
    read: { name: 'only reads through the data client and answers with JSON', body: ['const users = await prisma.user.findMany({ where: { name: req.body.q } });', 'res.status(200).json(users);'] },
    write: { name: 'the same handler updates', body: ['const user = await prisma.user.update({ where: { id: req.body.id }, data: { name: req.body.q } });', 'res.json(user);'] },
  },
  {
    path: '/preview',
    read: {
      name: 'computes through a local helper and builtins',
      before: ['function summarize(items: string[]): string { return items.map((item) => item.trim()).filter(Boolean).join(", "); }'],
      body: ['res.json({ text: summarize(req.body.items), at: new Date().toISOString(), size: JSON.stringify(req.body).length });'],
    },
    write: {
      name: 'the local helper writes',
      before: ['function store(items: string[]) { return prisma.item.createMany({ data: items.map((name) => ({ name })) }); }'],
      body: ['await store(req.body.items);', 'res.json({ ok: true });'],
    },
  },
  {
    path: '/proxy',
    read: { name: 'fetches with GET', body: ["const response = await fetch('https://api.example.com/rates', { method: 'GET' });", 'res.json(await response.json());'] },
    write: { name: 'fetches with POST', body: ["await fetch('https://api.example.com/rates', { method: 'POST', body: JSON.stringify(req.body) });", 'res.end();'] },
  },
  {
    path: '/users/list',
    read: { name: 'reads through a cached loader (the function a wrapper constant is given is followed)', before: ['const loadUsers = cache(async () => prisma.user.findMany({}));'], body: ['res.json(await loadUsers());'] },
    write: { name: 'the cached loader writes', before: ['const loadUsers = cache(async () => prisma.user.update({ where: {}, data: {} }));'], body: ['res.json(await loadUsers());'] },
  },
  {
    path: '/admins',
    read: { name: 'a model scope then a read; a response chain and a log line', body: ["const admins = await User.scope('admins').findAll();", "logger.info('listed admins');", 'res.status(200).json(admins);'] },
    write: { name: 'the scoped model is destroyed', body: ["await User.scope('admins').destroy();", 'res.status(204).end();'] },
  },
  {
    path: '/files/get',
    read: { name: 'a command that reads, handed to a client', body: ['res.json(await s3.send(new GetObjectCommand({ Key: req.body.key })));'] },
    write: { name: 'a command that writes', body: ['res.json(await s3.send(new PutObjectCommand({ Key: req.body.key })));'] },
  },
  {
    path: '/authorize',
    read: { name: "a library's function computes", before: ["import { compact } from 'lodash-example';"], body: ['res.json(compact(req.body.scopes));'] },
    write: {
      name: 'a client the app made from a package may run app code (the model it was given): unseen',
      before: ["import OAuthServer from 'oauth-server-example';", 'const oauth = new OAuthServer({ model: {} });'],
      body: ['res.json(await oauth.authorize(req.body));'],
    },
  },
  {
    path: '/run',
    read: { name: 'an app function that does not resolve but whose name reads', before: ['declare function findAccounts(): Promise<object[]>;'], body: ['res.json(await findAccounts());'] },
    write: { name: 'an app function that does not resolve and whose name does not say it reads', body: ['await frobnicate(req.body);', 'res.end();'] },
  },
  {
    // Found on real code: `signFieldWithToken` (a monorepo package's function that writes the signature) was taken for
    // a read because a token library's `sign` is one.
    path: '/fields/sign',
    read: { name: "a token library's sign computes", before: ["import jwt from 'jsonwebtoken-example';"], body: ["res.json({ token: jwt.sign(req.body, 'key') });"] },
    write: { name: 'an app function named sign… that does not resolve is unseen', before: ['declare function signFieldWithToken(input: unknown): Promise<void>;'], body: ['await signFieldWithToken(req.body);', 'res.end();'] },
  },
  {
    path: '/sync',
    read: { name: 'an app function that does not resolve but whose name reads (get)', before: ['declare function getAccounts(): Promise<object[]>;'], body: ['res.json(await getAccounts());'] },
    write: { name: 'an app function that does not resolve and whose name writes', body: ['await syncAccounts();', 'res.end();'] },
  },
];

function cases(): { valid: Valid[]; invalid: Invalid[] } {
  const valid: Valid[] = PAIRS.map(({ path, read }) => ({ name: `POST ${path}: ${read.name}`, code: route('post', path, read).code, options: INFER }));
  const invalid: Invalid[] = PAIRS.map(({ path, write }) => {
    const { code, line } = route('post', path, write);
    return { name: `POST ${path} look-alike: ${write.name}`, code, options: INFER, errors: [reported(`POST ${path}`, line)] };
  });
  const readOnly = PAIRS[0]?.read as Handler;
  const put = route('put', '/users/search', readOnly);
  invalid.push(
    { name: 'PUT changes state by its method, whatever its handler does', code: put.code, options: INFER, errors: [reported('PUT /users/search', put.line)] },
    { name: 'without the option, a read-only POST is reported as before', code: route('post', '/users/search', readOnly).code, errors: [reported('POST /users/search', put.line)] },
  );
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

