/**
 * no-sensitive-data-in-logs, sources by origin (issue 9): whole request payloads and headers, `process.env` whole,
 * URLs and connection strings with credentials, HTTP request options and client errors, records loaded from a store.
 * Every positive has a look-alike negative; every case runs in both modes unless marked (typed mode never knows less).
 */
import { ORIGINS } from '../../src/analysis/flow/origins.js';
import { type FindingCase, runFindingCases } from './no-sensitive-data-in-logs.cases.js';


const PINO = "import pino from 'pino';\nconst logger = pino();\n";


const detail = (name: keyof typeof ORIGINS): string => ORIGINS[name].detail;
const logged = (what: string, name: keyof typeof ORIGINS, sink = 'logger.info'): string => `${what} (${detail(name)}) is written to a log by ${sink}`;


const handler = (body: string, params = 'req, res'): string => `${PINO}export async function handle(${params}) {\n${body}\n}\n`;

// ---------------------------------------------------------------------------------------------------------------------
// 1. Request payloads and headers
// ---------------------------------------------------------------------------------------------------------------------

const requestCases: FindingCase[] = [
  { name: 'req.body whole', code: handler('logger.info(req.body);'), expected: [logged('req.body', 'payload')] },
  { name: 'req.body under a key', code: handler("logger.info({ payload: req.body }, 'login');"), expected: [logged('req.body', 'payload')] },
  { name: 'JSON.stringify(req.body)', code: handler('logger.info(`body ${JSON.stringify(req.body)}`);'), expected: [logged('req.body', 'payload')] },
  { name: 'spread of req.body', code: handler('logger.info({ ...req.body });'), expected: [logged('req.body', 'payload')] },
  { name: 'req.body through a variable', code: handler('const input = req.body;\nlogger.info(input);'), expected: ['input from req.body (' + detail('payload') + ') is written to a log by logger.info'] },
  { name: 'const { body } = req', code: handler('const { body } = req;\nlogger.info(body);'), expected: ['body from req.body (' + detail('payload') + ') is written to a log by logger.info'] },
  { name: 'rest of req.body', code: handler('const { password, ...rest } = req.body;\nlogger.info(rest);'), expected: ['rest from req.body (' + detail('payload') + ') is written to a log by logger.info'] },
  { name: 'request.body (fastify)', code: handler('logger.info(request.body);', 'request, reply'), expected: [logged('request.body', 'payload')] },
  { name: 'ctx.request.body (koa)', code: handler('logger.info({ body: ctx.request.body });', 'ctx'), expected: [logged('ctx.request.body', 'payload')] },
  { name: 'await request.json()', code: handler('const data = await request.json();\nlogger.info({ data });', 'request'), expected: ['data from request.json() (' + detail('payload') + ') is written to a log by logger.info'] },
  { name: 'await req.formData()', code: handler('logger.info(await req.formData());'), expected: [logged('req.formData()', 'payload')] },
  { name: 'c.req.json() (hono)', code: handler('logger.info(await c.req.json());', 'c'), expected: [logged('c.req.json()', 'payload')] },
  { name: 'req.headers whole', code: handler('logger.info({ headers: req.headers });'), expected: [logged('req.headers', 'headers')], only: 'untyped' },
  { name: 'ctx.headers (koa)', code: handler('logger.info(ctx.headers);', 'ctx'), expected: [logged('ctx.headers', 'headers')] },
  { name: 'request.headers (fetch Request)', code: handler('logger.info(request.headers);', 'request: Request'), expected: [logged('request.headers', 'headers')] },
  { name: 'c.req.header() with no name', code: handler('logger.info(c.req.header());', 'c'), expected: [logged('c.req.header()', 'headers')] },
  {
    name: 'headers() of next/headers',
    code: `import { headers } from 'next/headers';\n${PINO}export async function GET() {\n  logger.info(await headers());\n}\n`,
    expected: [logged('headers()', 'headers')],
  },
  {
    name: 'NestJS @Body() body',
    code: `import { Body, Controller, Headers, Post } from '@nestjs/common';\n${PINO}@Controller('auth')\nexport class AuthController {\n  @Post('login')\n  login(@Body() body: any, @Headers() headers: Record<string, string>) {\n    logger.info({ body, headers });\n  }\n}\n`,
    expected: [logged('body', 'payload'), logged('headers', 'headers')],
  },
  {
    name: 'tRPC mutation input',
    code: `${PINO}export const router = t.router({\n  signUp: publicProcedure.mutation(({ input }) => {\n    logger.info({ input });\n  }),\n});\n`,
    expected: [logged('input', 'payload')],
    only: 'untyped',
  },
  // look-alikes
  { name: 'a field of the payload', code: handler('logger.info({ title: req.body.title });'), expected: [] },
  { name: 'a destructured field', code: handler('const { title } = req.body;\nlogger.info({ title });'), expected: [] },
  { name: 'one named header', code: handler("logger.info({ ua: req.headers['user-agent'], host: req.headers.host });"), expected: [] },
  { name: 'Koa ctx.body is the response', code: handler('logger.info(ctx.body);', 'ctx'), expected: [] },
  { name: 'an outgoing request', code: `${PINO}import https from 'node:https';\nconst req = https.request('https://example.com');\nlogger.info(req.headers);\n`, expected: [] },
  { name: 'the response body', code: handler('const response = await fetch(url);\nlogger.info(await response.json());', 'url'), expected: [] },
  { name: 'a named header by reader', code: handler("logger.info(c.req.header('user-agent'));", 'c'), expected: [] },
  {
    name: 'NestJS @Body("title")',
    code: `import { Body, Controller, Post } from '@nestjs/common';\n${PINO}@Controller('posts')\nexport class PostsController {\n  @Post()\n  create(@Body('title') title: string) {\n    logger.info({ title });\n  }\n}\n`,
    expected: [],
  },
  {
    name: 'tRPC query input',
    code: `${PINO}export const router = t.router({\n  byId: publicProcedure.query(({ input }) => {\n    logger.info({ input });\n  }),\n});\n`,
    expected: [],
  },
  // named headers are sources by their name (both modes, as before)
  { name: 'authorization header by name', code: handler('logger.info(req.headers.authorization);'), expected: ['req.headers.authorization (credentials) is written to a log by logger.info'] },
];

/** Typed mode: a declared payload type decides. */
const typedRequestCases: FindingCase[] = [
  {
    name: 'typed: a declared body type with nothing sensitive',
    code: `import type { Request } from 'express';\n${PINO}interface NewPost { title: string; tags: string[] }\nexport function create(req: Request<{}, {}, NewPost>) {\n  logger.info(req.body);\n}\n`,
    expected: [],
    only: 'typed',
  },
  {
    name: 'untyped: the same body is the payload',
    code: `import type { Request } from 'express';\n${PINO}interface NewPost { title: string; tags: string[] }\nexport function create(req: Request<{}, {}, NewPost>) {\n  logger.info(req.body);\n}\n`,
    expected: [logged('req.body', 'payload')],
    only: 'untyped',
  },
  {
    name: 'typed: a declared body type with a password',
    code: `import type { Request } from 'express';\n${PINO}interface Login { email: string; password: string }\nexport function login(req: Request<{}, {}, Login>) {\n  logger.info(req.body);\n}\n`,
    expected: ['req.body (Login.password: credentials) is written to a log by logger.info'],
    only: 'typed',
  },
  {
    name: 'typed: express req.body is any',
    code: `import type { Request } from 'express';\n${PINO}export function login(req: Request) {\n  logger.info({ payload: req.body });\n}\n`,
    expected: [logged('req.body', 'payload')],
  },
  {
    name: 'typed: Record<string, unknown> body shows nothing',
    code: `${PINO}export function login(req: { body: Record<string, unknown> }) {\n  logger.info(req.body);\n}\n`,
    expected: [logged('req.body', 'payload')],
  },
  {
    name: 'typed: express req.headers (the type names authorization)',
    code: `import type { Request } from 'express';\n${PINO}export function h(req: Request) {\n  logger.info({ headers: req.headers });\n}\n`,
    expected: ['req.headers (IncomingHttpHeaders.authorization: credentials) is written to a log by logger.info'],
    only: 'typed',
  },
];

// ---------------------------------------------------------------------------------------------------------------------
// 2. process.env
// ---------------------------------------------------------------------------------------------------------------------

const envCases: FindingCase[] = [
  { name: 'console.log(process.env)', code: 'console.log(process.env);', expected: [`process.env (${detail('env')}) is written to a log by console.log`] },
  { name: 'JSON.stringify(process.env)', code: 'console.log(JSON.stringify(process.env));', expected: [`process.env (${detail('env')}) is written to a log by console.log`] },
  { name: '{ env: process.env }', code: `${PINO}logger.info({ env: process.env });`, expected: [logged('process.env', 'env')] },
  { name: '{ ...process.env }', code: `${PINO}logger.info({ ...process.env, extra: 1 });`, expected: [logged('process.env', 'env')] },
  { name: 'env imported from node:process', code: `import { env } from 'node:process';\n${PINO}logger.info(env);`, expected: [logged('env', 'env')] },
  { name: 'process.env through a variable', code: `${PINO}const settings = process.env;\nlogger.debug(settings);`, expected: [`settings from process.env (${detail('env')}) is written to a log by logger.debug`] },
  // look-alikes
  { name: 'process.env.NODE_ENV', code: `${PINO}logger.info({ env: process.env.NODE_ENV, port: process.env.PORT });`, expected: [] },
  { name: 'a local process object', code: `${PINO}export function run(process: { env: string }) {\n  logger.info(process.env);\n}\n`, expected: [] },
  { name: 'process.env.DB_PASSWORD by name', code: `${PINO}logger.info(process.env.DB_PASSWORD);`, expected: ['process.env.DB_PASSWORD (credentials) is written to a log by logger.info'] },
  { name: 'process.env.DATABASE_URL', code: `${PINO}logger.fatal(\`cannot connect to \${process.env.DATABASE_URL}\`);`, expected: [logged('process.env.DATABASE_URL', 'connectionUrl', 'logger.fatal')] },
];

// ---------------------------------------------------------------------------------------------------------------------
// 3. URLs and connection strings
// ---------------------------------------------------------------------------------------------------------------------

const urlCases: FindingCase[] = [
  { name: 'DATABASE_URL', code: `${PINO}logger.info({ url: config.DATABASE_URL });`, expected: [logged('config.DATABASE_URL', 'connectionUrl')] },
  { name: 'redisUrl', code: `${PINO}export function f(redisUrl: string) {\n  logger.info(\`redis at \${redisUrl}\`);\n}`, expected: [logged('redisUrl', 'connectionUrl')] },
  { name: 'MONGO_URI', code: `${PINO}logger.info(env.MONGO_URI);`, expected: [logged('env.MONGO_URI', 'connectionUrl')] },
  { name: 'dsn', code: `${PINO}logger.info({ dsn: options.dsn });`, expected: [logged('options.dsn', 'connectionUrl')] },
  { name: 'connectionString (by name)', code: `${PINO}logger.info(db.connectionString);`, expected: ['db.connectionString (credentials) is written to a log by logger.info'] },
  { name: 'slackWebhookUrl', code: `${PINO}logger.warn('posting to', settings.slackWebhookUrl);`, expected: [logged('settings.slackWebhookUrl', 'webhookUrl', 'logger.warn')] },
  { name: 'hook.url of a webhook record', code: `${PINO}export function deliver(hook: any) {\n  logger.info(\`delivering to \${hook.url}\`);\n}`, expected: [logged('hook.url', 'webhookUrl')] },
  { name: 'URL literal with userinfo', code: `${PINO}const url = 'postgres://app:s3cret@db.internal:5432/app';\nlogger.info({ url });`, expected: [`url from 'postgres://app:s3cret@db.internal:5432/app' (${detail('urlUserinfo')}) is written to a log by logger.info`] },
  { name: 'URL template with a key parameter', code: `${PINO}export function f(k: string) {\n  const endpoint = \`https://api.example.com/v1?api_key=\${k}\`;\n  logger.debug(endpoint);\n}`, expected: [`endpoint from \`https://api.example.com/v1?api_key=\${k}\` (${detail('urlKey')}) is written to a log by logger.debug`] },
  { name: 'concatenated &token=', code: `${PINO}export function f(base: string, t: string) {\n  logger.info(base + '&token=' + t);\n}`, expected: [`base + '&token=' + t (${detail('urlKey')}) is written to a log by logger.info`] },
  { name: 'new URL of a connection URL', code: `${PINO}const target = new URL(process.env.DATABASE_URL ?? '');\nlogger.info({ target });`, expected: [`target from process.env.DATABASE_URL (${detail('connectionUrl')}) is written to a log by logger.info`] },
  // look-alikes
  { name: 'plain urls', code: `${PINO}export function f(url: string, callbackUrl: string, resetPasswordUrl: string, baseUrl: string, redirectUrl: string) {\n  logger.info({ url, callbackUrl, resetPasswordUrl, baseUrl, redirectUrl });\n}`, expected: [] },
  { name: 'a URL literal without credentials', code: `${PINO}const databaseHost = 'postgres://db.internal:5432/app';\nlogger.info({ databaseHost, docs: 'https://example.com/a?page=2' });`, expected: [] },
  { name: 'a predicate about the URL', code: `${PINO}export function f(isDatabaseUrlSet: boolean, sentryDsn: string) {\n  logger.info({ isDatabaseUrlSet, sentryDsn });\n}`, expected: [] },
  { name: 'the url of a page', code: `${PINO}export function f(page: { url: string }) {\n  logger.info(page.url);\n}`, expected: [] },
];

// ---------------------------------------------------------------------------------------------------------------------
// 4. HTTP request options and HTTP client errors
// ---------------------------------------------------------------------------------------------------------------------

const AXIOS = "import axios from 'axios';\n";

const httpCases: FindingCase[] = [
  {
    name: 'fetch options with an Authorization header',
    code: `${PINO}export async function call(url: string, key: string) {\n  const options = { method: 'POST', headers: { Authorization: \`Bearer \${key}\` } };\n  logger.debug('request', { url, options });\n  return fetch(url, options);\n}`,
    expected: ["options from { Authorization: `Bearer ${key}` } (credentials) is written to a log by logger.debug"],
  },
  {
    name: 'inline headers with an X-Api-Key',
    code: `${PINO}export function call(cfg: { key: string }) {\n  logger.info({ headers: { 'X-Api-Key': cfg.key } });\n}`,
    expected: ["'X-Api-Key': cfg.key (credentials) is written to a log by logger.info"],
  },
  {
    name: 'catch of an axios call, logged whole',
    code: `${AXIOS}${PINO}export async function sync() {\n  try {\n    await axios.post('https://api.example.com/sync', {});\n  } catch (err) {\n    logger.error(err);\n  }\n}`,
    expected: [logged('err', 'httpError', 'logger.error')],
  },
  {
    name: 'catch of an axios instance call, under a key',
    code: `${AXIOS}${PINO}const api = axios.create({ baseURL: 'https://api.example.com' });\nexport async function sync() {\n  try {\n    await api.get('/items');\n  } catch (error) {\n    logger.error({ error }, 'sync failed');\n  }\n}`,
    expected: [logged('error', 'httpError', 'logger.error')],
  },
  {
    name: 'an axios error by its guard',
    code: `${AXIOS}${PINO}export function report(err: unknown) {\n  if (axios.isAxiosError(err)) {\n    logger.warn('upstream failed', err);\n  }\n}`,
    expected: [logged('err', 'httpError', 'logger.warn')],
  },
  {
    name: 'the request config of an axios error',
    code: `${AXIOS}${PINO}export function report(err: unknown) {\n  if (axios.isAxiosError(err)) {\n    logger.warn({ config: err.config, again: err.response?.config });\n  }\n}`,
    expected: [logged('err.config', 'httpRequest', 'logger.warn'), logged('err.response?.config', 'httpRequest', 'logger.warn')],
  },
  {
    name: 'a got HTTPError by instanceof',
    code: `import got, { HTTPError } from 'got';\n${PINO}export async function f(e: unknown) {\n  if (e instanceof HTTPError) console.error(e);\n  await got('https://example.com');\n}`,
    expected: [`e (${detail('httpError')}) is written to a log by console.error`],
  },
  // look-alikes
  {
    name: 'the message of an axios error',
    code: `${AXIOS}${PINO}export async function sync() {\n  try {\n    await axios.post('https://api.example.com/sync', {});\n  } catch (err) {\n    logger.error(err.message, err.response?.status, err.response?.data);\n  }\n}`,
    expected: [],
  },
  {
    name: 'a catch whose try calls no HTTP client',
    code: `${PINO}export async function save(db: { save(): Promise<void> }) {\n  try {\n    await db.save();\n  } catch (err) {\n    logger.error(err);\n  }\n}`,
    expected: [],
  },
  {
    name: 'an axios call in a nested callback does not make the outer catch an HTTP error',
    code: `${AXIOS}${PINO}export function later() {\n  try {\n    setTimeout(() => axios.get('https://example.com'), 10);\n  } catch (err) {\n    logger.error(err);\n  }\n}`,
    expected: [],
  },
  {
    name: 'outside the guard',
    code: `${AXIOS}${PINO}export function report(err: unknown) {\n  if (axios.isAxiosError(err)) return;\n  logger.warn('failed', err);\n}`,
    expected: [],
  },
  {
    name: 'options without credentials',
    code: `${PINO}export function call(url: string) {\n  const options = { method: 'GET', headers: { Accept: 'application/json' } };\n  logger.debug('request', { url, options });\n}`,
    expected: [],
  },
];

// ---------------------------------------------------------------------------------------------------------------------
// 5. Records read from a store, written whole
// ---------------------------------------------------------------------------------------------------------------------

const GDPR = { regulations: { gdpr: true } };
const PRISMA = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n";
const GENERATED = "import { PrismaClient } from './data-access/prisma/generated/client.mjs';\nconst prisma = new PrismaClient({} as never);\n";
const userRecord = (what: string, sink = 'logger.info'): string => `${what} (user record: personal data) is written to a log by ${sink}`;

const recordCases: FindingCase[] = [
  {
    name: 'a user row written whole into a log',
    code: `${PRISMA}${PINO}export async function update(id: number) {\n  const existing = await prisma.user.findUnique({ where: { id } });\n  logger.info({ before: existing }, 'updating');\n}`,
    expected: [userRecord('existing from prisma.user.findUnique({ where: { id } })')],
    settings: GDPR,
  },
  {
    name: 'a user row in an audit event',
    code: `${PRISMA}export async function update(id: number, audit: { log(event: object): Promise<void> }) {\n  const existingUser = await prisma.user.findUnique({ where: { id } });\n  await audit.log({ action: 'user.update', actor: 'admin', before: existingUser });\n}`,
    expected: ['existingUser from prisma.user.findUnique({ where: { id } }) (user record: personal data) is written to a log by audit.log'],
    settings: GDPR,
  },
  {
    name: 'a Sequelize model read',
    code: `import { Model } from 'sequelize';\n${PINO}class Customer extends Model {}\nexport async function f(id: string) {\n  const customer = await Customer.findByPk(id);\n  logger.info(customer);\n}`,
    expected: ['customer from Customer.findByPk(id) (Customer record: personal data) is written to a log by logger.info'],
    settings: GDPR,
  },
  {
    name: 'a selected sensitive column',
    code: `${PRISMA}${PINO}export async function f(id: number) {\n  const row = await prisma.post.findFirst({ select: { id: true, authorEmail: true } });\n  logger.info(row);\n}`,
    expected: ['row from prisma.post.findFirst({ select: { id: true, aut… (post record with authorEmail: contact data) is written to a log by logger.info'],
    settings: GDPR,
  },
  // look-alikes
  { name: 'fields of the row', code: `${PRISMA}${PINO}export async function f(id: number) {\n  const existing = await prisma.user.findUnique({ where: { id } });\n  logger.info({ before: { id: existing?.id, role: existing?.role } });\n}`, expected: [], settings: GDPR },
  { name: 'a row of a model that is not a person', code: `${PRISMA}${PINO}export async function f(id: number) {\n  const post = await prisma.post.findUnique({ where: { id } });\n  logger.info({ before: post });\n}`, expected: [], settings: GDPR },
  { name: 'a user row with only safe columns selected', code: `${PRISMA}${PINO}export async function f(id: number) {\n  const user = await prisma.user.findUnique({ where: { id }, select: { id: true, role: true } });\n  logger.info({ user });\n}`, expected: [], settings: GDPR },
  { name: 'a user row without personal data active (SOC 2 only)', code: `${PRISMA}${PINO}export async function f(id: number) {\n  const existing = await prisma.user.findUnique({ where: { id } });\n  logger.info({ before: existing });\n}`, expected: [], settings: { regulations: { soc2: true } } },
  { name: 'a write is not a read', code: `${PRISMA}${PINO}export async function f(id: number) {\n  const count = await prisma.user.deleteMany({ where: { id } });\n  logger.info({ count });\n}`, expected: [], settings: GDPR },
  // typed: the generated client's type decides
  {
    name: 'typed: the generated User type names the password',
    code: `${GENERATED}${PINO}export async function f(id: number) {\n  const existing = await prisma.user.findUnique({ where: { id } });\n  logger.info({ before: existing });\n}`,
    expected: ['existing (password: credentials) is written to a log by logger.info'],
    settings: GDPR,
    only: 'typed',
  },
];

// ---------------------------------------------------------------------------------------------------------------------


runFindingCases('request payloads and headers', [...requestCases, ...typedRequestCases]);
runFindingCases('process.env', envCases);
runFindingCases('URLs and connection strings', urlCases);
runFindingCases('HTTP request options and client errors', httpCases);
runFindingCases('records read from a store', recordCases);
