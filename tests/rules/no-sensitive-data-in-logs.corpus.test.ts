/**
 * The precision check of no-sensitive-data-in-logs, on ordinary logging code (untyped, every regulation
 * active so every category counts):
 *
 * - CLEAN: log statements with no sensitive data (ids, counts, statuses, durations, routes, error
 *   messages, flags, cache keys, queue names, and the names that only talk about the data) → no finding;
 * - LEAKS: log statements that write exactly one sensitive value, across categories, sinks and flows →
 *   exactly one finding each.
 *
 * Each snippet runs inside a function of a module that imports and creates the usual loggers; an entry
 * `{ module }` is module-level code instead. Failures are listed with their code and findings.
 */
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-sensitive-data-in-logs.js';

type Snippet = string | { readonly module: string };

const PREAMBLE = [
  "import pino from 'pino';",
  "import winston from 'winston';",
  "import { Logger } from '@nestjs/common';",
  "import createDebug from 'debug';",
  "import { mask, hash } from './pii.js';",
  'const logger = pino();',
  "const log = winston.createLogger({ level: 'info' });",
  "const debug = createDebug('app:orders');",
  "const childLogger = logger.child({ module: 'billing' });",
].join('\n');

const PARAMS = 'req, res, user, order, job, err, start, ctx, fastify, cache, queue, payment, patient, config, body, request, account';

function moduleText(snippet: Snippet): string {
  if (typeof snippet !== 'string') return `${PREAMBLE}\n${snippet.module}\n`;
  return `${PREAMBLE}\nexport async function run(${PARAMS}) {\n${snippet}\n}\n`;
}

const SETTINGS = {
  compliance: {
    regulations: { soc2: true, hipaa: true, gdpr: true, iso27001: true, 'pci-dss': true, 'nist-800-53': true },
    logging: { sinks: ['telemetry.track'] },
  },
};

const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { compliance: { rules: { 'no-sensitive-data-in-logs': rule as never } } },
    rules: { 'compliance/no-sensitive-data-in-logs': 'error' },
    settings: SETTINGS,
  },
];

function findings(snippet: Snippet): Linter.LintMessage[] {
  return linter.verify(moduleText(snippet), config, { filename: 'corpus.ts' });
}

const CLEAN: Snippet[] = [
  // ids, counts, statuses
  "logger.info({ orderId: order.id }, 'order created');",
  "logger.info({ userId: user.id, role: user.role }, 'user signed in');",
  "logger.info(`order ${order.id} shipped`);",
  "logger.debug({ count: items.length }, 'items loaded');",
  "logger.info({ status: res.statusCode }, 'response sent');",
  "logger.warn({ attempts: job.attemptsMade, jobId: job.id }, 'retrying job');",
  "logger.info({ tenantId: ctx.tenantId, plan: account.plan }, 'plan changed');",
  "logger.info('server listening on port %d', config.port);",
  "logger.info({ port: config.port, env: process.env.NODE_ENV }, 'started');",
  "logger.info({ version: process.env.APP_VERSION }, 'boot');",
  "logger.error({ code: err.code }, 'database unavailable');",
  'logger.error(err);',
  "logger.error({ err }, 'payment provider failed');",
  'logger.error(err.message);',
  "logger.error(`failed to process job ${job.id}: ${err.message}`);",
  "logger.fatal({ signal: 'SIGTERM' }, 'shutting down');",
  "logger.trace({ cacheKey: `user:${user.id}` }, 'cache miss');",
  "logger.info({ queue: 'emails', size: await queue.count() }, 'queue depth');",
  "logger.info({ durationMs: Date.now() - start }, 'request handled');",
  "logger.info({ method: req.method, url: req.url, status: res.statusCode }, 'http');",
  "logger.info({ route: req.route?.path, method: req.method }, 'matched route');",
  "logger.info({ requestId: req.id, traceId: ctx.traceId }, 'incoming');",
  "logger.info({ feature: 'new-checkout', enabled: flags.newCheckout }, 'feature flag');",
  "logger.info({ correlationId: req.headers['x-correlation-id'] }, 'correlated');",
  "logger.info({ userAgent: req.headers['user-agent'] }, 'client');",
  "logger.info({ contentType: req.headers['content-type'] }, 'body type');",
  "logger.info({ total: order.total, currency: order.currency }, 'order total');",
  "logger.info({ items: order.items.length, orderId: order.id }, 'checkout');",
  "logger.info({ retryIn: 30, jobId: job.id }, 'rescheduled');",
  "logger.info({ page: req.query.page, limit: req.query.limit }, 'listing');",
  "logger.info({ region: config.region, bucket: config.bucket }, 'upload target');",
  "logger.info({ migration: '2024_add_index' }, 'migration applied');",
  "logger.info({ hits: stats.hits, misses: stats.misses }, 'cache stats');",
  "logger.info({ workers: os.cpus().length }, 'cluster size');",
  "logger.info({ memory: process.memoryUsage().rss }, 'memory');",
  "logger.info({ uptime: process.uptime() }, 'uptime');",
  "logger.info({ event: 'order.paid', orderId: order.id }, 'event published');",
  "logger.info({ topic: 'invoices', partition: 3, offset: message.offset }, 'consumed');",
  "logger.info({ webhookId: hook.id, deliveryStatus: hook.status }, 'webhook delivered');",
  "logger.info({ productId: product.id, stock: product.stock }, 'stock updated');",
  "childLogger.info({ invoiceId: invoice.id }, 'invoice issued');",
  "childLogger.warn({ invoiceId: invoice.id, daysOverdue: 12 }, 'invoice overdue');",
  "logger.child({ jobId: job.id }).info('job started');",
  "req.log.info({ userId: req.user?.id }, 'authorized');",
  "req.log.info('handled %s %s', req.method, req.url);",
  "request.log.info({ params: request.params.id }, 'lookup');",
  "fastify.log.info({ plugins: 12 }, 'plugins registered');",
  "fastify.log.warn('rate limit reached for route %s', request.routeOptions.url);",
  // the names that only talk about the data
  "logger.info({ passwordLength: body.password.length }, 'password received');",
  "logger.info({ passwordLength: user.passwordLength }, 'policy check');",
  "logger.warn({ passwordPolicy: config.passwordPolicy }, 'policy loaded');",
  "logger.info({ isTokenValid: result.valid }, 'token checked');",
  "logger.info({ tokenType: auth.tokenType }, 'token issued');",
  "logger.info({ tokenCount: tokens.length }, 'tokens listed');",
  "logger.info({ resetPasswordUrl: links.resetPasswordUrl }, 'reset link generated');",
  "logger.info({ hasSsn: Boolean(profile.ssn) }, 'profile completeness');",
  "logger.info({ emailVerified: user.emailVerified }, 'verification state');",
  "logger.info({ cardBrand: payment.cardBrand, last4: payment.last4 }, 'charge created');",
  "logger.info(`charged card ending in ${payment.last4}`);",
  "logger.info({ hasPassword: !!user.password }, 'account state');",
  "logger.info({ tokenPresent: typeof req.headers.authorization === 'string' }, 'auth header');",
  "logger.info({ secretConfigured: process.env.JWT_SECRET ? 'set' : 'unset' }, 'config');",
  "logger.info({ matches: body.password === body.passwordConfirmation }, 'confirmation');",
  "logger.info({ bearer: req.headers.authorization?.startsWith('Bearer ') }, 'scheme');",
  "logger.info({ hasApiKey: req.headers['x-api-key'] != null }, 'api key header');",
  // masked
  "logger.info({ email: mask(user.email) }, 'invite sent');",
  "logger.info({ tokenHash: hash(token) }, 'token stored');",
  "logger.info(`login for ${mask(body.email)}`);",
  "logger.info({ card: mask(payment.cardNumber) }, 'card tokenized');",
  "const maskedEmail = mask(user.email);\nlogger.info({ maskedEmail }, 'email masked');",
  "const fingerprint = hash(req.headers.authorization);\nlogger.info({ fingerprint }, 'caller');",
  "logger.info({ digest: crypto.createHash('sha256').update(apiKey).digest('hex') }, 'key rotated');",
  // winston
  "log.info('order created', { orderId: order.id });",
  "log.warn('slow query', { durationMs: 1200, table: 'orders' });",
  "log.error('upstream failed', { status: err.status, service: 'billing' });",
  "log.log('info', 'cache warmed', { keys: 1200 });",
  "log.info(`job ${job.name} finished in ${Date.now() - start} ms`);",
  "log.debug('feature flags', { flags: Object.keys(flags) });",
  "log.info('login attempt', { userId: user.id, success: true });",
  "log.info('password reset requested', { userId: user.id });",
  "log.info('session created', { userId: user.id, expiresIn: 3600 });",
  "log.info('token refreshed', { userId: user.id, tokenType: 'refresh' });",
  "winston.info('worker started', { pid: process.pid });",
  "winston.warn('disk usage high', { percent: 91 });",
  // console
  "console.log('server started');",
  'console.log(`listening on ${config.port}`);',
  "console.error('failed to connect', err.message);",
  'console.error(err);',
  "console.warn('deprecated option', option.name);",
  "console.info('seeded %d rows', rows.length);",
  "console.debug('cache key', cacheKey);",
  "console.log('queue', queue.name, 'size', queue.size);",
  "console.table([{ route: '/health', status: 200 }]);",
  "console.log(JSON.stringify({ orderId: order.id, status: order.status }));",
  "console.log({ items: order.items.map(item => item.sku) });",
  "console.log('users', users.map(u => u.id).join(','));",
  "console.log('processed', results.filter(r => r.ok).length, 'of', results.length);",
  'console.time(label);',
  'console.timeEnd(label);',
  "console.log('%s %s %d', req.method, req.path, res.statusCode);",
  "console.log('password reset email sent');",
  "console.log('token expired for user', user.id);",
  "console.log('invalid password for user', user.id);",
  "console.log(`email verification pending for ${user.id}`);",
  // debug
  "debug('loading order %s', order.id);",
  "debug('cache hit for %s', cacheKey);",
  "debug('retry %d of %d', attempt, maxAttempts);",
  "debug('payload size %d', Buffer.byteLength(payload));",
  "debug('route %o', { path: req.path, method: req.method });",
  // configured sink
  "telemetry.track('checkout_completed', { orderId: order.id, total: order.total });",
  "telemetry.track('signup', { plan: account.plan, referrer: req.query.ref });",
  // audit events: the actor and source they need, no secrets
  "await audit.log({ action: 'user.login', actor: user.id, outcome: 'success' });",
  "await audit.log({ action: 'order.refund', actor: req.user.id, ip: req.ip, resource: order.id });",
  "await audit.log({ action: 'user.update', actorId: user.id, ipAddress: req.ip, target: user.id });",
  "await audit.log({ action: 'export', userId: user.id, sourceIp: req.socket.remoteAddress });",
  "await audit.log({ action: 'password.change', actor: user.id, outcome: 'success' });",
  "await audit.log({ action: 'session.revoke', actor: user.id, resource: session.id });",
  // variables and flow
  "const orderId = order.id;\nlogger.info({ orderId }, 'order loaded');",
  "const { id, status } = order;\nlogger.info({ id, status }, 'order state');",
  "const summary = { id: order.id, items: order.items.length };\nlogger.info(summary, 'summary');",
  "const message = `processed ${job.id} in ${Date.now() - start} ms`;\nlogger.info(message);",
  "const meta = { route: req.path, status: res.statusCode };\nlog.info('request', meta);",
  "const tags = ['billing', 'retry'];\nlogger.info({ tags }, 'tagged');",
  "const payload = { ...order.summary, status: 'paid' };\nlogger.info(payload, 'paid');",
  "const context = Object.assign({}, { jobId: job.id }, { attempt: 2 });\nlogger.info(context, 'attempt');",
  "const text = 'order ' + order.id + ' cancelled';\nlogger.info(text);",
  "const elapsed = process.hrtime.bigint() - start;\nlogger.info({ elapsed: String(elapsed) }, 'timing');",
  "let state = 'pending';\nstate = 'done';\nlogger.info({ state }, 'state');",
  "const { password, ...profile } = body;\nlogger.info({ profileKeys: Object.keys(profile) }, 'profile');",
  "const passwordValid = await verify(body.password, user.passwordHash);\nlogger.info({ passwordValid }, 'login');",
  "const tokenExpired = Date.now() > claims.exp * 1000;\nlogger.info({ tokenExpired }, 'claims');",
  "try {\n  await db.query(sql);\n} catch (error) {\n  logger.error({ error }, 'query failed');\n}",
  "try {\n  throw new Error(`order ${order.id} not found`);\n} catch (error) {\n  logger.warn(error);\n}",
  "for (const item of order.items) {\n  logger.debug({ sku: item.sku, qty: item.quantity }, 'line');\n}",
  "const name = queue.name;\nlogger.info(`queue ${name} drained`);",
  "const key = `rate:${req.ip}`;\nlogger.debug({ key }, 'rate limit key');",
  "const status = user.password ? 'set' : 'unset';\nlogger.info({ status }, 'password status');",
  // module-level: NestJS and classes
  {
    module:
      "export class OrdersService {\n  private readonly logger = new Logger(OrdersService.name);\n  create(order) {\n    this.logger.log(`creating order ${order.id}`);\n    this.logger.debug({ items: order.items.length });\n  }\n}",
  },
  {
    module:
      "export class UsersService {\n  private readonly logger = new Logger('UsersService');\n  async remove(id) {\n    this.logger.warn(`removing user ${id}`);\n  }\n}",
  },
  { module: "Logger.log('Nest application started', 'Bootstrap');" },
  { module: "Logger.error('Migration failed', 'Database');" },
  {
    module:
      "export class AuthService {\n  private readonly logger = new Logger(AuthService.name);\n  login(user, passwordOk) {\n    this.logger.log({ userId: user.id, passwordOk }, 'login');\n  }\n}",
  },
  {
    module:
      "export class PaymentsService {\n  private readonly logger = new Logger(PaymentsService.name);\n  charge(payment) {\n    this.logger.log(`charged ${payment.amount} ${payment.currency} on card ending ${payment.last4}`);\n  }\n}",
  },
  { module: "const redacted = pino({ redact: ['user.password'] });\nredacted.info({ user: { id: 1, password: secretValue } }, 'redacted');" },
  { module: "const redacted = pino({ redact: { paths: ['req.headers.authorization'] } });\nredacted.info({ req: { headers: { authorization: header } } });" },
  { module: "const redacted = pino({ redact: ['*.token'] });\nredacted.info({ session: { token: sessionToken } }, 'session');" },
  { module: "export const handler = async (event) => {\n  console.log('received', event.Records.length, 'records');\n};" },
  { module: "process.on('unhandledRejection', (reason) => {\n  logger.fatal({ reason }, 'unhandled rejection');\n});" },
  { module: "const interval = setInterval(() => logger.debug({ heapUsed: process.memoryUsage().heapUsed }), 60_000);" },
  { module: "export function logResponse(res, ms) {\n  logger.info({ status: res.statusCode, ms }, 'done');\n}" },
  { module: "export function logUserAction(userId, action) {\n  log.info('user action', { userId, action });\n}" },
  { module: "export function onTokenRefresh(userId, expiresAt) {\n  logger.info({ userId, expiresAt }, 'token refreshed');\n}" },
  { module: "export function onLogin(user, ip) {\n  logger.info({ userId: user.id, ip }, 'login');\n}" },
  { module: "export function reportCard(cardBrand, last4, expMonth) {\n  logger.info({ cardBrand, last4, expMonth }, 'card');\n}" },
  { module: "export function trackRetry(jobName, attempt) {\n  debug('%s attempt %d', jobName, attempt);\n}" },
  // other libraries
  { module: "import bunyan from 'bunyan';\nconst blog = bunyan.createLogger({ name: 'api' });\nblog.info({ requestId: req.id }, 'request');" },
  { module: "import log4js from 'log4js';\nconst l4 = log4js.getLogger('payments');\nl4.info('charge %s settled', charge.id);" },
  { module: "import loglevel from 'loglevel';\nloglevel.warn('slow render', { ms: 220 });" },
  { module: "import { consola } from 'consola';\nconsola.success('build finished in', elapsed, 'ms');" },
  { module: "import signale from 'signale';\nsignale.pending('migrating', migration.name);" },
  { module: "import npmlog from 'npmlog';\nnpmlog.info('install', 'fetched %d packages', count);" },
  { module: "const redacted = pino({ redact: { paths: ['password', '*.password'] } });\nredacted.info({ credentials: { password: body.password } }, 'login');" },
];

const LEAKS: Snippet[] = [
  // credentials by name
  "logger.info({ password: body.password }, 'login');",
  "logger.info(`login with ${body.password}`);",
  "logger.info({ user: { password: user.password } }, 'user');",
  'logger.debug(req.headers.authorization);',
  "logger.info({ auth: req.headers['authorization'] }, 'header');",
  "logger.info({ cookie: req.headers.cookie }, 'cookies');",
  "logger.info({ dsn: process.env.DATABASE_PASSWORD }, 'db');",
  "logger.info('api key %s', process.env.STRIPE_API_KEY);",
  "logger.info({ secret: config.jwtSecret }, 'jwt');",
  "logger.info({ token: session.accessToken }, 'session');",
  "logger.info({ refresh: tokens.refreshToken }, 'refreshed');",
  "logger.warn({ key: credentials.privateKey }, 'key loaded');",
  "logger.info({ sid: req.sessionId }, 'session');",
  "logger.info({ db: config.connectionString }, 'connecting');",
  "logger.info({ code: body.otp }, 'otp');",
  "logger.info({ clientSecret: oauth.clientSecret }, 'oauth');",
  "logger.info('signing with', config.get('JWT_SECRET'));",
  "logger.info({ key: configService.get('STRIPE_SECRET_KEY') }, 'stripe');",
  "logger.info({ apiKey: getApiKey() }, 'key');",
  "logger.info({ header: req.header('authorization') }, 'auth');",
  // card data
  "logger.info({ pan: payment.cardNumber }, 'charge');",
  "logger.info(`card ${payment.cardNumber} declined`);",
  "logger.info({ cvv: body.cvv }, 'card verification');",
  "logger.info({ card: { cvc: payment.cvc } }, 'card');",
  "log.info('charge', { creditCard: order.creditCard });",
  "logger.info({ pin: body.pin }, 'pin entered');",
  "logger.info({ expiry: payment.cardExpiry }, 'expiry');",
  // government ids
  "logger.info({ ssn: patient.ssn }, 'patient');",
  "logger.info(`verifying ${applicant.socialSecurityNumber}`);",
  "logger.info({ passport: traveller.passportNumber }, 'checkin');",
  "logger.info({ license: driver.driversLicense }, 'driver');",
  "logger.info({ tax: vendor.taxId }, 'vendor');",
  // contact data
  "logger.info({ email: user.email }, 'invite');",
  "logger.info(`sending mail to ${user.email}`);",
  "logger.info({ phone: body.phoneNumber }, 'sms');",
  "logger.info({ to: customer.address }, 'shipping');",
  "logger.info({ zip: customer.zipCode }, 'tax region');",
  "logger.info({ who: user.firstName }, 'greeting');",
  "logger.info({ surname: user.lastName }, 'lookup');",
  // online identifiers, dates
  "logger.info({ client: req.ipAddress }, 'client');",
  "logger.info({ device: body.deviceId }, 'device');",
  "logger.info({ born: patient.dateOfBirth }, 'age check');",
  "logger.info({ dob: user.dob }, 'age');",
  // health data
  "logger.info({ diagnosis: patient.diagnosis }, 'visit');",
  "logger.info(`prescribing ${visit.prescription}`);",
  "logger.info({ mrn: patient.mrn }, 'chart opened');",
  "logger.info({ insurance: patient.insuranceId }, 'claim');",
  "logger.info({ blood: donor.bloodType }, 'donation');",
  // special categories
  "logger.info({ religion: profile.religion }, 'profile');",
  "logger.info({ ethnicity: survey.ethnicity }, 'survey');",
  "logger.info({ orientation: profile.sexualOrientation }, 'profile');",
  // financial accounts
  "logger.info({ iban: payout.iban }, 'payout');",
  "logger.info({ account: transfer.accountNumber }, 'transfer');",
  "logger.info({ salary: employee.salary }, 'payroll');",
  // winston, console, debug, nest, child, req.log, fastify, configured sink
  "log.info('user signed up', { email: user.email });",
  "log.error('login failed', { password: body.password });",
  "log.log('info', `token ${session.token}`);",
  "winston.info('reset', { resetToken: body.resetToken });",
  "console.log('password:', body.password);",
  'console.log(`Authorization: ${req.headers.authorization}`);',
  "console.error('card', payment.cardNumber);",
  'console.log(user.password);',
  "debug('token %s', session.token);",
  "debug('patient %o', { diagnosis: patient.diagnosis });",
  "childLogger.info({ iban: payout.iban }, 'payout');",
  "req.log.info({ password: req.body.password }, 'login');",
  "request.log.info(`auth ${request.headers.authorization}`);",
  "fastify.log.info({ secret: config.sessionSecret }, 'boot');",
  "telemetry.track('signup', { email: user.email });",
  // flow
  "const { password } = req.body;\nlogger.info({ password }, 'login');",
  "const { password: pw } = req.body;\nlogger.info(`pw=${pw}`);",
  "const p = user.password;\nlogger.info(p);",
  "const header = req.headers.authorization;\nconst msg = 'auth ' + header;\nlogger.info(msg);",
  "const details = { ssn: patient.ssn, ward: patient.ward };\nlogger.info(details, 'admit');",
  "const dump = JSON.stringify({ token: session.token });\nlogger.info(dump);",
  "logger.info(JSON.stringify(body.password));",
  "logger.info(util.inspect({ password: body.password }));",
  "const copy = Object.assign({}, { card: payment.cardNumber });\nlogger.info(copy, 'copy');",
  "const list = [user.email];\nlogger.info({ list }, 'recipients');",
  "logger.info({ emails: users.map(u => u.email) }, 'batch');",
  "const upper = body.password.toUpperCase();\nlogger.info(upper);",
  "const prefix = session.token.slice(0, 8);\nlogger.info({ prefix }, 'token prefix');",
  "let secret = '';\nsecret = config.clientSecret;\nlogger.info({ value: secret }, 'oauth');",
  "const all = { ...patient.record, diagnosis: patient.diagnosis };\nlogger.info(all, 'record');",
  "const value = user.email || 'none';\nlogger.info({ value }, 'email');",
  "try {\n  throw new Error(`bad token ${session.token}`);\n} catch (error) {\n  logger.error(error);\n}",
  "try {\n  throw new Error('invalid card ' + payment.cardNumber);\n} catch (e) {\n  logger.error(e.message);\n}",
  "const { headers } = req;\nlogger.info({ auth: headers.authorization }, 'auth');",
  "for (const email of [user.email]) {\n  logger.info({ to: email }, 'send');\n}",
  "const token = await issueToken(user.id);\nlogger.info({ token }, 'issued');",
  "const apiKey = crypto.randomBytes(32).toString('hex');\nlogger.info(`generated ${apiKey}`);",
  // audit events
  "await audit.log({ action: 'user.login', actor: user.id, password: body.password });",
  "await audit.log({ action: 'card.add', actor: user.id, card: hash(payment.cardNumber) });",
  "await audit.log({ action: 'profile.update', actor: user.id, email: user.email });",
  // modules: NestJS, redaction not covering, interpolation not covered
  {
    module:
      "export class AuthService {\n  private readonly logger = new Logger(AuthService.name);\n  login(dto) {\n    this.logger.log(`login ${dto.password}`);\n  }\n}",
  },
  { module: "Logger.warn({ ssn: applicant.ssn }, 'Applicants');" },
  { module: "const redacted = pino({ redact: ['user.password'] });\nredacted.info({ user: { token: sessionToken } }, 'session');" },
  { module: "const redacted = pino({ redact: ['user.password'] });\nredacted.info(`password ${user.password}`);" },
  { module: "export function onLogin(password) {\n  logger.info({ password }, 'login');\n}" },
  // other libraries
  { module: "import bunyan from 'bunyan';\nconst blog = bunyan.createLogger({ name: 'api' });\nblog.info({ ssn: applicant.ssn }, 'applicant');" },
  { module: "import log4js from 'log4js';\nconst l4 = log4js.getLogger('payments');\nl4.info('card', payment.cardNumber);" },
  { module: "import loglevel from 'loglevel';\nloglevel.warn('token', session.refreshToken);" },
  { module: "import { consola } from 'consola';\nconsola.info(`reset link for ${user.email}`);" },
  { module: "import signale from 'signale';\nsignale.success('password changed to', body.newPassword);" },
  { module: "import npmlog from 'npmlog';\nnpmlog.info('auth', 'token %s', process.env.NPM_TOKEN);" },
  { module: "const redacted = pino({ redact: { paths: ['password'] } });\nredacted.info({ credentials: { password: body.password } }, 'login');" },
  { module: "export class PatientsController {\n  private readonly logger = new Logger(PatientsController.name);\n  show(patient) {\n    this.logger.verbose(`opened chart of ${patient.mrn}`);\n  }\n}" },
];

describe('no-sensitive-data-in-logs corpus', () => {
  it('has the corpus sizes of the precision check', () => {
    expect(CLEAN.length).toBeGreaterThanOrEqual(150);
    expect(LEAKS.length).toBeGreaterThanOrEqual(100);
  });

  it('finds nothing in logging code without sensitive data', () => {
    const failures = CLEAN.flatMap(snippet => {
      const messages = findings(snippet);
      return messages.length === 0 ? [] : [`${typeof snippet === 'string' ? snippet : snippet.module}\n  → ${messages.map(m => m.message).join('\n  → ')}`];
    });
    expect(failures, `false positives:\n${failures.join('\n\n')}`).toEqual([]);
  });

  it('finds exactly one finding in each statement that logs sensitive data', () => {
    const failures = LEAKS.flatMap(snippet => {
      const messages = findings(snippet);
      const text = typeof snippet === 'string' ? snippet : snippet.module;
      if (messages.length === 1 && messages[0]?.ruleId === 'compliance/no-sensitive-data-in-logs') return [];
      return [`${text}\n  → ${messages.length === 0 ? '(no finding)' : messages.map(m => `${m.ruleId ?? 'fatal'}: ${m.message}`).join('\n  → ')}`];
    });
    expect(failures, `missed or doubled:\n${failures.join('\n\n')}`).toEqual([]);
  });
});
