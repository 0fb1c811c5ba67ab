import type { InvalidTestCase, TestCaseError, ValidTestCase } from '@typescript-eslint/rule-tester';
import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import rule, { type MessageIds, type Options } from '../../rules/no-sensitive-data-in-logs.js';
import { citeControls } from '../../src/analysis/controls.js';
import { CATEGORY_TITLES } from '../../src/regulations/defaults.js';
import { resolvePolicy } from '../../src/settings.js';
import { fixturesDir, typedTester, untypedTester } from '../rule-tester.js';
import { typeErrors } from '../typecheck.js';

type Settings = Record<string, unknown>;
type Valid = ValidTestCase<[Options]>;
type Invalid = InvalidTestCase<MessageIds, [Options]>;
type Suggestion = NonNullable<TestCaseError<MessageIds>['suggestions']>[number];

const regulations = (...ids: string[]): Settings => ({ compliance: { regulations: Object.fromEntries(ids.map(id => [id, true])) } });
const ALL = regulations('soc2', 'hipaa', 'gdpr', 'iso27001', 'pci-dss', 'nist-800-53');
const HIPAA = regulations('hipaa');
const GDPR = regulations('gdpr');

function cite(category: string, settings: Settings = {}): string {
  return citeControls(resolvePolicy(settings), { checks: ['masking'], categories: [category] });
}

/** 1-based line and column of the `nth` occurrence of `needle` in `code`. */
function loc(code: string, needle: string, nth = 1): { line: number; column: number } {
  let index = -1;
  for (let count = 0; count < nth; count++) {
    index = code.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`${JSON.stringify(needle)} (#${nth}) is not in:\n${code}`);
  }
  const lines = code.slice(0, index).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

interface Finding {
  /** The text the report starts at. */
  readonly at: string;
  readonly nth?: number;
  readonly what: string;
  /** Category key (`credentials`, `healthData`, a custom one) for the citation; the title is derived. */
  readonly category: string;
  /** Shown instead of the title (type findings: `User.passwordHash: credentials`). */
  readonly detail?: string;
  readonly sink: string;
  readonly messageId?: 'sensitiveDataInLog' | 'secretInAuditEvent';
  readonly suggestions?: Suggestion[];
}

function title(category: string): string {
  return (CATEGORY_TITLES as Record<string, string>)[category] ?? category;
}

/** A readable test name: the code without the shared preambles. */
function nameOf(code: string, settings?: Settings, options?: Options): string {
  const body = [PINO, MASK, MODELS].reduce((text, preamble) => text.replace(preamble, ''), code).replace(/\s*\n\s*/gu, ' ⏎ ');
  const extras = [settings ? JSON.stringify(settings) : '', options ? JSON.stringify(options) : ''].filter(Boolean).join(' ');
  return extras ? `${body} — ${extras}` : body;
}

function invalid(code: string, findings: Finding[], extra: { settings?: Settings; options?: Options; name?: string } = {}): Invalid {
  const settings = extra.settings ?? {};
  return {
    name: extra.name ?? nameOf(code, extra.settings, extra.options),
    code,
    ...(extra.settings ? { settings } : {}),
    ...(extra.options ? { options: [extra.options] } : {}),
    output: null,
    errors: findings.map(finding => ({
      messageId: finding.messageId ?? 'sensitiveDataInLog',
      data: { what: finding.what, category: finding.detail ?? title(finding.category), sink: finding.sink, controls: cite(finding.category, settings) },
      ...loc(code, finding.at, finding.nth),
      suggestions: finding.suggestions ?? [],
    })),
  };
}

const valid = (code: string, settings?: Settings, options?: Options): Valid => ({
  name: nameOf(code, settings, options),
  code,
  ...(settings ? { settings } : {}),
  ...(options ? { options: [options] } : {}),
});

/** `code` with the first `from` replaced by `to`. */
const edit = (code: string, from: string, to: string): string => {
  if (!code.includes(from)) throw new Error(`${JSON.stringify(from)} is not in:\n${code}`);
  return code.replace(from, () => to);
};
const drop = (code: string, from: string, to: string, property: string): Suggestion => ({
  messageId: 'suggestDropProperty',
  data: { property },
  output: edit(code, from, to),
});
const maskWith = (code: string, from: string, to: string, mask = 'mask'): Suggestion => ({
  messageId: 'suggestMask',
  data: { mask },
  output: edit(code, from, to),
});

const PINO = "import pino from 'pino';\nconst logger = pino();\n";
const MASK = "import { mask } from './logs/pii.js';\n";
const MODELS = "import type { User, Patient, Account, Visit, Integration, HttpRequest, Team, Invoice } from './logs/models.js';\nimport { Session, findUser, findUsers, publicUser } from './logs/models.js';\n";
const BRANDS = { compliance: { regulations: { hipaa: true }, sensitiveData: { brands: ['Secret'] } } };

// ---------------------------------------------------------------------------------------------------------------------
// Cases that read the same with and without types
// ---------------------------------------------------------------------------------------------------------------------

const sinkCases: Invalid[] = [
  invalid('console.log(user.password);', [{ at: 'user.password', what: 'user.password', category: 'credentials', sink: 'console.log' }]),
  invalid("console.error('login failed', body.password);", [{ at: 'body.password', what: 'body.password', category: 'credentials', sink: 'console.error' }]),
  invalid(`${PINO}logger.info({ userId: user.id, password: user.password }, 'login');`, [
    {
      at: 'user.password',
      what: 'user.password',
      category: 'credentials',
      sink: 'logger.info',
      suggestions: [drop(`${PINO}logger.info({ userId: user.id, password: user.password }, 'login');`, ', password: user.password', '', 'password')],
    },
  ]),
  invalid(`${PINO}const child = logger.child({ module: 'auth' });\nchild.warn(\`token \${session.token}\`);`, [
    { at: 'session.token', what: 'session.token', category: 'credentials', sink: 'child.warn' },
  ]),
  invalid(`${PINO}logger.child({ module: 'auth' }).info(session.token);`, [
    { at: 'session.token', what: 'session.token', category: 'credentials', sink: "logger.child({ module: 'auth' }).info" },
  ]),
  invalid(
    "import Fastify from 'fastify';\nconst app = Fastify({ logger: true });\napp.post('/login', async (request) => {\n  request.log.info(request.headers.authorization);\n});",
    [{ at: 'request.headers.authorization', what: 'request.headers.authorization', category: 'credentials', sink: 'request.log.info' }],
  ),
  invalid('export function handler(req, res) {\n  req.log.info(`password ${req.body.password}`);\n}', [
    { at: 'req.body.password', what: 'req.body.password', category: 'credentials', sink: 'req.log.info' },
  ]),
  invalid("import winston from 'winston';\nwinston.warn('reset', body.resetToken);", [
    { at: 'body.resetToken', what: 'body.resetToken', category: 'credentials', sink: 'winston.warn' },
  ]),
  invalid("import winston from 'winston';\nconst appLogger = winston.createLogger({ level: 'info' });\nappLogger.error('declined', payment.cardNumber);", [
    { at: 'payment.cardNumber', what: 'payment.cardNumber', category: 'cardData', sink: 'appLogger.error' },
  ]),
  invalid("import { Logger } from '@nestjs/common';\nLogger.log(`api key ${config.apiKey}`, 'Bootstrap');", [
    { at: 'config.apiKey', what: 'config.apiKey', category: 'credentials', sink: 'Logger.log' },
  ]),
  invalid(
    "import { Injectable, Logger } from '@nestjs/common';\n@Injectable()\nexport class AuthService {\n  private readonly logger = new Logger(AuthService.name);\n  login(dto: { email: string; password: string }) {\n    this.logger.debug(`login ${dto.email} with ${dto.password}`);\n  }\n}",
    [{ at: 'dto.password', what: 'dto.password', category: 'credentials', sink: 'this.logger.debug' }],
  ),
  invalid("import createDebug from 'debug';\nconst trace = createDebug('app:auth');\ntrace('token %s', session.accessToken);", [
    { at: 'session.accessToken', what: 'session.accessToken', category: 'credentials', sink: 'trace' },
  ]),
  invalid("await audit.log({ action: 'user.login', actor: user.id, password: body.password });", [
    {
      at: 'body.password',
      what: 'body.password',
      category: 'credentials',
      sink: 'audit.log',
      suggestions: [
        drop("await audit.log({ action: 'user.login', actor: user.id, password: body.password });", ', password: body.password', '', 'password'),
      ],
    },
  ]),
  invalid(
    "telemetry.track('signup', { plan: account.plan, email: user.email });",
    [
      {
        at: 'user.email',
        what: 'user.email',
        category: 'contactData',
        sink: 'telemetry.track',
        suggestions: [drop("telemetry.track('signup', { plan: account.plan, email: user.email });", ', email: user.email', '', 'email')],
      },
    ],
    { settings: { compliance: { regulations: { gdpr: true }, logging: { sinks: ['telemetry.track'] } } } },
  ),
];

/** One name per category, with the regulation that activates it and one that does not. */
const CATEGORY_TABLE: ReadonlyArray<readonly [category: string, expression: string, active: Settings, inactive: Settings]> = [
  ['credentials', 'process.env.DB_PASSWORD', {}, {}],
  ['credentials', "headers['x-api-key']", {}, {}],
  ['cardData', 'req.body.cardNumber', {}, {}],
  ['cardData', 'payment.cvv', regulations('soc2'), {}],
  ['governmentIds', 'applicant.ssn', regulations('nist-800-53'), regulations('soc2')],
  ['contactData', 'user.email', GDPR, regulations('soc2')],
  ['contactData', 'customer.phoneNumber', HIPAA, regulations('pci-dss')],
  ['onlineIdentifiers', 'device.deviceId', HIPAA, regulations('pci-dss')],
  ['personalDates', 'patient.dateOfBirth', HIPAA, regulations('soc2')],
  ['healthData', 'patient.diagnosis', HIPAA, regulations('pci-dss')],
  ['specialCategories', 'profile.religion', GDPR, HIPAA],
  ['financialAccounts', 'payout.iban', regulations('pci-dss'), HIPAA],
  ['financialAccounts', 'employee.salary', regulations('soc2'), regulations('iso27001')],
];

const categoryCases: Invalid[] = CATEGORY_TABLE.map(([category, expression, settings]) =>
  invalid(`${PINO}logger.info(${expression});`, [{ at: expression, what: expression, category, sink: 'logger.info' }], { settings }),
);
categoryCases.push(
  invalid(
    `${PINO}logger.info({ badge: employee.badgeNumber });`,
    [{ at: 'employee.badgeNumber', what: 'employee.badgeNumber', category: 'employeeData', sink: 'logger.info', suggestions: [drop(`${PINO}logger.info({ badge: employee.badgeNumber });`, ' badge: employee.badgeNumber ', '', 'badge')] }],
    { settings: { compliance: { sensitiveData: { add: { employeeData: ['badgeNumber'] } } } } },
  ),
);
const inactiveCategoryCases: Valid[] = CATEGORY_TABLE.filter(([category]) => category !== 'credentials' && category !== 'cardData').map(
  ([, expression, , inactive]) => valid(`${PINO}logger.info(${expression});`, inactive),
);

const flowCases: Invalid[] = [
  invalid(`${PINO}const { password } = req.body;\nlogger.info(password);`, [{ at: 'password);', what: 'password', category: 'credentials', sink: 'logger.info' }]),
  invalid(`${PINO}const { password: pw } = req.body;\nlogger.info(pw);`, [{ at: 'pw);', what: 'pw from req.body.password', category: 'credentials', sink: 'logger.info' }]),
  invalid(`${PINO}const { body: { cardNumber: pan } } = req;\nlogger.info({ pan });`, [
    {
      at: 'pan });',
      what: 'pan',
      category: 'cardData',
      sink: 'logger.info',
      suggestions: [drop(`${PINO}const { body: { cardNumber: pan } } = req;\nlogger.info({ pan });`, '{ pan }', '{}', 'pan')],
    },
  ]),
  invalid(`${PINO}const p = user.password;\nlogger.info(p);`, [{ at: 'p);', what: 'p from user.password', category: 'credentials', sink: 'logger.info' }]),
  invalid(`${PINO}const p = user.password;\nconst q = p;\nlogger.info(q);`, [{ at: 'q);', what: 'q from user.password', category: 'credentials', sink: 'logger.info' }]),
  invalid(`${PINO}logger.info(\`token=\${session.token}\`);`, [{ at: 'session.token', what: 'session.token', category: 'credentials', sink: 'logger.info' }]),
  invalid(`${PINO}logger.info('Authorization: ' + req.headers.authorization);`, [
    { at: 'req.headers.authorization', what: 'req.headers.authorization', category: 'credentials', sink: 'logger.info' },
  ]),
  invalid(`${PINO}const line = 'auth ' + req.headers.authorization;\nlogger.info(line);`, [
    { at: 'line);', what: 'line from req.headers.authorization', category: 'credentials', sink: 'logger.info' },
  ]),
  invalid(`${PINO}logger.info(JSON.stringify(body.password));`, [{ at: 'body.password', what: 'body.password', category: 'credentials', sink: 'logger.info' }]),
  invalid(`${PINO}import util from 'node:util';\nlogger.info(util.inspect(user.password));`, [
    { at: 'user.password', what: 'user.password', category: 'credentials', sink: 'logger.info' },
  ]),
  invalid(`${PINO}import { inspect } from 'node:util';\nlogger.info(inspect(user.password));`, [
    { at: 'user.password', what: 'user.password', category: 'credentials', sink: 'logger.info' },
  ]),
  invalid(
    `${PINO}const record = { ward: patient.ward, diagnosis: patient.diagnosis };\nlogger.info(record);`,
    [{ at: 'record);', what: 'record from patient.diagnosis', category: 'healthData', sink: 'logger.info' }],
    { settings: HIPAA },
  ),
  invalid(
    `${PINO}const record = { diagnosis: patient.diagnosis };\nlogger.info({ ...record });`,
    [
      {
        at: 'record }',
        what: 'record from patient.diagnosis',
        category: 'healthData',
        sink: 'logger.info',
        suggestions: [drop(`${PINO}const record = { diagnosis: patient.diagnosis };\nlogger.info({ ...record });`, '{ ...record }', '{}', '...record')],
      },
    ],
    { settings: HIPAA },
  ),
  invalid(`${PINO}const meta = Object.assign({}, { pin: body.pin });\nlogger.info(meta);`, [
    { at: 'meta);', what: 'meta from body.pin', category: 'cardData', sink: 'logger.info' },
  ]),
  invalid(`${PINO}logger.info([user.id, user.password]);`, [{ at: 'user.password', what: 'user.password', category: 'credentials', sink: 'logger.info' }]),
  invalid(`${PINO}const config = { db: { password: process.env.DB_PASSWORD } };\nlogger.info(config.db);`, [
    { at: 'config.db', what: 'config.db from process.env.DB_PASSWORD', category: 'credentials', sink: 'logger.info' },
  ]),
  invalid(`${PINO}const config = { db: { password: process.env.DB_PASS } };\nlogger.info(config.db);`, [
    { at: 'config.db', what: 'config.db from { password: process.env.DB_PASS }', category: 'credentials', sink: 'logger.info' },
  ]),
  invalid(`${PINO}logger.info({ emails: users.map(u => u.email) });`, [{ at: 'u.email', what: 'u.email', category: 'contactData', sink: 'logger.info' }], {
    settings: GDPR,
  }),
  invalid(`${PINO}${MASK}logger.info({ emails: users.map(u => u.email) });`, [
    {
      at: 'u.email',
      what: 'u.email',
      category: 'contactData',
      sink: 'logger.info',
      suggestions: [maskWith(`${PINO}${MASK}logger.info({ emails: users.map(u => u.email) });`, 'u => u.email', 'u => mask(u.email)')],
    },
  ], { settings: GDPR }),
  invalid(`${PINO}const prefix = session.token.slice(0, 8);\nlogger.info(prefix);`, [
    { at: 'prefix);', what: 'prefix from session.token', category: 'credentials', sink: 'logger.info' },
  ]),
  invalid(`${PINO}let secret = 'none';\nsecret = config.clientSecret;\nlogger.info({ value: secret });`, [
    {
      at: 'secret }',
      what: 'secret',
      category: 'credentials',
      sink: 'logger.info',
      suggestions: [drop(`${PINO}let secret = 'none';\nsecret = config.clientSecret;\nlogger.info({ value: secret });`, '{ value: secret }', '{}', 'value')],
    },
  ]),
  invalid(`${PINO}let note = 'none';\nnote = user.email;\nlogger.info(note);`, [{ at: 'note);', what: 'note from user.email', category: 'contactData', sink: 'logger.info' }], {
    settings: GDPR,
  }),
  invalid(`${PINO}try {\n  throw new Error(\`invalid token \${session.token}\`);\n} catch (err) {\n  logger.error(err);\n}`, [
    { at: 'err);', what: 'err from session.token', category: 'credentials', sink: 'logger.error' },
  ]),
  invalid(`${PINO}try {\n  throw new Error('card ' + payment.cardNumber);\n} catch (e) {\n  logger.error(e.message);\n}`, [
    { at: 'e.message', what: 'e.message from payment.cardNumber', category: 'cardData', sink: 'logger.error' },
  ]),
  invalid(`${PINO}const failure = new Error('bad token ' + session.token);\nlogger.warn(failure.message);`, [
    { at: 'failure.message', what: 'failure.message from session.token', category: 'credentials', sink: 'logger.warn' },
  ]),
  invalid(`${PINO}logger.info({ token: headerValue });`, [
    { at: 'token: headerValue', what: 'token: headerValue', category: 'credentials', sink: 'logger.info', suggestions: [drop(`${PINO}logger.info({ token: headerValue });`, '{ token: headerValue }', '{}', 'token')] },
  ]),
  invalid(`${PINO}logger.info('signing with %s', config.get('JWT_SECRET'));`, [
    { at: "config.get('JWT_SECRET')", what: "config.get('JWT_SECRET')", category: 'credentials', sink: 'logger.info' },
  ]),
  invalid(`${PINO}logger.info(getApiKey());`, [{ at: 'getApiKey()', what: 'getApiKey()', category: 'credentials', sink: 'logger.info' }]),
  invalid(`${PINO}export function login(password) {\n  logger.info({ password });\n}`, [
    { at: 'password }', what: 'password', category: 'credentials', sink: 'logger.info', suggestions: [drop(`${PINO}export function login(password) {\n  logger.info({ password });\n}`, '{ password }', '{}', 'password')] },
  ]),
  invalid(`${PINO}for (const email of [user.email]) {\n  logger.info(email);\n}`, [{ at: 'email);', what: 'email', category: 'contactData', sink: 'logger.info' }], { settings: GDPR }),
  invalid(`${PINO}logger.info(user.password || 'none');`, [{ at: 'user.password', what: 'user.password', category: 'credentials', sink: 'logger.info' }]),
  invalid(`${PINO}logger.info(user.password.toUpperCase());`, [{ at: 'user.password', what: 'user.password', category: 'credentials', sink: 'logger.info' }]),
  invalid(`${PINO}logger.info(new Error(\`bad pin \${body.pin}\`));`, [{ at: 'body.pin', what: 'body.pin', category: 'cardData', sink: 'logger.info' }]),
];

const maskingValid: Valid[] = [
  valid(`${PINO}${MASK}logger.info({ email: mask(user.email) });`, GDPR),
  valid(`${PINO}${MASK}logger.info(\`login for \${mask(user.email)}\`);`, GDPR),
  valid(`${PINO}${MASK}const safe = mask(user.password);\nlogger.info(safe);`),
  valid(`${PINO}${MASK}const password = mask(body.password);\nlogger.info({ password });`),
  valid(`${PINO}import { hash } from './logs/pii.js';\nlogger.info({ tokenHash: hash(session.token) });`),
  valid(`${PINO}import { maskEmail } from './logs/pii.js';\nlogger.info({ email: maskEmail(user.email) });`, GDPR),
  valid(`${PINO}import bcrypt from 'bcrypt';\nlogger.info({ stored: await bcrypt.hash(body.password, 10) });`),
  valid(`${PINO}import { createHash } from 'node:crypto';\nlogger.info({ key: createHash('sha256').update(config.apiKey).digest('hex') });`),
  valid(`${PINO}import { scrub as clean } from '@acme/pii';\nlogger.info({ ssn: clean(applicant.ssn) });`, {
    compliance: { regulations: { hipaa: true }, masking: { functions: [{ import: '@acme/pii', name: 'scrub' }] } },
  }),
  valid(`${PINO}logger.info({ ssn: anonymise(applicant.ssn) });`, { compliance: { regulations: { hipaa: true }, masking: { functions: ['anonymise'] } } }),
  // reductions
  valid(`${PINO}logger.info({ passwordLength: body.password.length });`),
  valid(`${PINO}logger.info({ hasPassword: !!user.password });`),
  valid(`${PINO}logger.info({ hasPassword: Boolean(user.password) });`),
  valid(`${PINO}logger.info({ kind: typeof user.password });`),
  valid(`${PINO}logger.info({ same: body.password === body.passwordConfirmation });`),
  valid(`${PINO}logger.info({ present: req.headers.authorization != null });`),
  valid(`${PINO}logger.info({ secret: process.env.JWT_SECRET ? 'set' : 'unset' });`),
  valid(`${PINO}logger.info({ bearer: req.headers.authorization?.startsWith('Bearer ') });`),
  valid(`${PINO}logger.info({ gmail: user.email.includes('@gmail.') }, 'domain');`, GDPR),
  valid(`${PINO}logger.info({ positive: Number(account.salary) > 0 });`, regulations('soc2')),
  valid(`${PINO}const status = user.password ? 'set' : 'unset';\nlogger.info({ status });`),
  valid(`${PINO}logger.info({ password: '[redacted]' });`),
  valid(`${PINO}logger.info({ password: undefined });`),
];

const lookAlikes: Valid[] = [
  valid(`${PINO}logger.info({ passwordLength: user.passwordLength });`, ALL),
  valid(`${PINO}logger.info({ isTokenValid: result.isTokenValid });`, ALL),
  valid(`${PINO}logger.info({ tokenType: auth.tokenType });`, ALL),
  valid(`${PINO}logger.info({ tokenCount: tokens.length });`, ALL),
  valid(`${PINO}logger.info({ resetPasswordUrl: links.resetPasswordUrl });`, ALL),
  valid(`${PINO}logger.info({ hasSsn: profile.hasSsn });`, ALL),
  valid(`${PINO}logger.info({ emailVerified: user.emailVerified });`, ALL),
  valid(`${PINO}logger.info({ cardBrand: payment.cardBrand, last4: payment.last4 });`, ALL),
  valid(`${PINO}logger.info({ passwordPolicy: config.passwordPolicy });`, ALL),
  valid(`${PINO}logger.info({ nextPageToken: page.nextPageToken });`, ALL),
  valid(`${PINO}const isTokenValid = verify(token);\nlogger.info({ isTokenValid });`, ALL),
  valid(`${PINO}const { passwordLength } = stats;\nlogger.info(passwordLength);`, ALL),
  valid(`${PINO}logger.info(\`card ending \${payment.last4} (\${payment.cardBrand})\`);`, ALL),
  valid(`${PINO}logger.info({ emailVerified: Boolean(user.emailVerifiedAt) });`, ALL),
  valid("console.log('password reset link sent to user', user.id);", ALL),
  valid(`${PINO}export function login(user, passwordOk, passwordMatches) {\n  logger.info({ userId: user.id, passwordOk, passwordMatches });\n}`, ALL),
];

const otherValid: Valid[] = [
  // Unknown objects stay silent without types.
  valid(`${PINO}logger.info(user);`, ALL),
  valid(`${PINO}logger.info({ user, patient }, 'loaded');`, ALL),
  valid(`${PINO}logger.info({ ...patient });`, ALL),
  valid(`${PINO}const { password, ...rest } = body;\nlogger.info(rest);`, ALL),
  valid(`${PINO}logger.error(err);`, ALL),
  valid(`${PINO}try {\n  await save(user);\n} catch (err) {\n  logger.error(err);\n}`, ALL),
  valid(`${PINO}try {\n  throw new Error(\`order \${order.id} missing\`);\n} catch (err) {\n  logger.error(err);\n}`, ALL),
  // A password written to a non-sink.
  valid('store.save({ password: user.password });'),
  valid('const copy = { password: user.password };'),
  valid("res.json({ token: session.token });"),
  // Functions and classes are code.
  valid(`${PINO}function password() {}\nlogger.info(password);`),
  // Redaction covers the value at its path.
  valid("import pino from 'pino';\nconst logger = pino({ redact: ['user.password'] });\nlogger.info({ user: { id: user.id, password: user.password } });"),
  valid("import pino from 'pino';\nconst logger = pino({ redact: { paths: ['*.token'], censor: '***' } });\nlogger.info({ session: { token: session.token } });"),
  valid("import pino from 'pino';\nconst logger = pino({ redact: ['password'] });\nlogger.info({ password: body.password }, 'login');"),
  valid("import pino from 'pino';\nconst logger = pino({ redact: ['creds.password'] });\nconst creds = { password: body.password };\nlogger.info({ creds });"),
  // The audit record's actor and source are no leak; ignored sinks, audit calls off.
  valid("await audit.log({ action: 'login', actor: user.email, ipAddress: req.ipAddress, outcome: 'success' });", ALL),
  valid("await audit.log({ action: 'login', userId: user.id, source: { ipAddress: req.ipAddress } });", ALL),
  valid("await audit.log({ action: 'password.change', password: body.password });", {}, { checkAuditCalls: false }),
  valid("console.log(`Your temporary password is ${password}`);", {}, { ignoreSinks: ['console.*'] }),
  valid("console.log(`Your temporary password is ${password}`);", {}, { ignoreSinks: ['console.log'] }),
  valid(`${PINO}logger.debug(user.password);`, {}, { ignoreSinks: ['*.debug'] }),
];

const redactionInvalid: Invalid[] = [
  invalid("import pino from 'pino';\nconst logger = pino({ redact: ['user.password'] });\nlogger.info({ user: { token: session.token } });", [
    {
      at: 'session.token',
      what: 'session.token',
      category: 'credentials',
      sink: 'logger.info',
      suggestions: [drop("import pino from 'pino';\nconst logger = pino({ redact: ['user.password'] });\nlogger.info({ user: { token: session.token } });", '{ token: session.token }', '{}', 'token')],
    },
  ]),
  invalid("import pino from 'pino';\nconst logger = pino({ redact: ['user.password'] });\nlogger.info(`password ${user.password}`);", [
    { at: 'user.password}', what: 'user.password', category: 'credentials', sink: 'logger.info' },
  ]),
  invalid("import pino from 'pino';\nconst logger = pino({ redact: ['user.password'] });\nlogger.info({ user: { id: 1 } }, 'login %s', user.password);", [
    { at: 'user.password)', what: 'user.password', category: 'credentials', sink: 'logger.info' },
  ]),
  invalid("import pino from 'pino';\nconst logger = pino({ redact: ['password'] });\nlogger.info({ line: `pw ${body.password}` });", [
    {
      at: 'body.password',
      what: 'body.password',
      category: 'credentials',
      sink: 'logger.info',
    },
  ]),
];

const auditInvalid: Invalid[] = [
  invalid(
    "import { hash } from './logs/pii.js';\nawait audit.log({ action: 'card.add', actor: user.id, card: hash(payment.cardNumber) });",
    [
      {
        at: 'hash(payment.cardNumber)',
        what: 'hash(payment.cardNumber)',
        category: 'cardData',
        sink: 'audit.log',
        messageId: 'secretInAuditEvent',
        suggestions: [
          drop(
            "import { hash } from './logs/pii.js';\nawait audit.log({ action: 'card.add', actor: user.id, card: hash(payment.cardNumber) });",
            ', card: hash(payment.cardNumber)',
            '',
            'card',
          ),
        ],
      },
    ],
  ),
  invalid(
    "await audit.log({ action: 'profile.update', actor: user.id, email: user.email });",
    [
      {
        at: 'user.email',
        what: 'user.email',
        category: 'contactData',
        sink: 'audit.log',
        suggestions: [drop("await audit.log({ action: 'profile.update', actor: user.id, email: user.email });", ', email: user.email', '', 'email')],
      },
    ],
    { settings: GDPR },
  ),
  invalid("await audit.log({ action: 'login', actor: user.password });", [
    {
      at: 'user.password',
      what: 'user.password',
      category: 'credentials',
      sink: 'audit.log',
      suggestions: [drop("await audit.log({ action: 'login', actor: user.password });", ', actor: user.password', '', 'actor')],
    },
  ]),
];

const suggestionCases: Invalid[] = (() => {
  const shorthand = `${PINO}${MASK}export function login(password) {\n  logger.info({ password });\n}`;
  const member = `${PINO}${MASK}logger.info({ id: user.id, email: user.email, role: user.role });`;
  const last = `${PINO}${MASK}logger.info({\n  id: user.id,\n  email: user.email,\n});`;
  const template = `${PINO}${MASK}logger.info(\`invite sent to \${user.email}\`);`;
  const configured = `${PINO}logger.info({ ssn: applicant.ssn });`;
  const configuredImported = `${PINO}import { scrub as clean } from '@acme/pii';\nlogger.warn(applicant.ssn);`;
  const scrub = { compliance: { regulations: { hipaa: true }, masking: { functions: [{ import: '@acme/pii', name: 'scrub' }] } } };
  const commonjs = "'use strict';\nconst pino = require('pino');\nconst logger = pino();\nlogger.info(applicant.ssn);";
  return [
    invalid(shorthand, [
      {
        at: 'password }',
        what: 'password',
        category: 'credentials',
        sink: 'logger.info',
        suggestions: [maskWith(shorthand, '{ password }', '{ password: mask(password) }'), drop(shorthand, '{ password }', '{}', 'password')],
      },
    ]),
    invalid(
      member,
      [
        {
          at: 'user.email',
          what: 'user.email',
          category: 'contactData',
          sink: 'logger.info',
          suggestions: [maskWith(member, 'email: user.email', 'email: mask(user.email)'), drop(member, 'email: user.email, ', '', 'email')],
        },
      ],
      { settings: GDPR },
    ),
    invalid(
      last,
      [
        {
          at: 'user.email',
          what: 'user.email',
          category: 'contactData',
          sink: 'logger.info',
          suggestions: [maskWith(last, 'email: user.email', 'email: mask(user.email)'), drop(last, ',\n  email: user.email', '', 'email')],
        },
      ],
      { settings: GDPR },
    ),
    invalid(
      template,
      [{ at: 'user.email', what: 'user.email', category: 'contactData', sink: 'logger.info', suggestions: [maskWith(template, '${user.email}', '${mask(user.email)}')] }],
      { settings: GDPR },
    ),
    invalid(
      configured,
      [
        {
          at: 'applicant.ssn',
          what: 'applicant.ssn',
          category: 'governmentIds',
          sink: 'logger.info',
          suggestions: [
            {
              messageId: 'suggestMask',
              data: { mask: 'scrub' },
              output: "import pino from 'pino';\nimport { scrub } from '@acme/pii';\nconst logger = pino();\nlogger.info({ ssn: scrub(applicant.ssn) });",
            },
            drop(configured, '{ ssn: applicant.ssn }', '{}', 'ssn'),
          ],
        },
      ],
      { settings: scrub },
    ),
    invalid(
      configuredImported,
      [{ at: 'applicant.ssn', what: 'applicant.ssn', category: 'governmentIds', sink: 'logger.warn', suggestions: [maskWith(configuredImported, 'warn(applicant.ssn)', 'warn(clean(applicant.ssn))', 'clean')] }],
      { settings: scrub },
    ),
    invalid(
      commonjs,
      [
        {
          at: 'applicant.ssn',
          what: 'applicant.ssn',
          category: 'governmentIds',
          sink: 'logger.info',
          suggestions: [
            {
              messageId: 'suggestMask',
              data: { mask: 'scrub' },
              output: "'use strict';\nconst { scrub } = require('@acme/pii');\nconst pino = require('pino');\nconst logger = pino();\nlogger.info(scrub(applicant.ssn));",
            },
          ],
        },
      ],
      { settings: scrub, name: 'a script gets a require' },
    ),
    // No masking function in scope and none importable: only the drop suggestion.
    invalid(`${PINO}logger.info({ email: user.email });`, [
      { at: 'user.email', what: 'user.email', category: 'contactData', sink: 'logger.info', suggestions: [drop(`${PINO}logger.info({ email: user.email });`, '{ email: user.email }', '{}', 'email')] },
    ], { settings: GDPR }),
  ];
})();

const sharedValid: Valid[] = [...inactiveCategoryCases, ...maskingValid, ...lookAlikes, ...otherValid];
const sharedInvalid: Invalid[] = [
  ...sinkCases,
  ...categoryCases,
  ...flowCases,
  ...redactionInvalid,
  ...auditInvalid,
  ...suggestionCases,
  invalid(`${PINO}logger.info({ email: user.email, ssn: user.ssn });`, [
    { at: 'user.email', what: 'user.email', category: 'contactData', sink: 'logger.info', suggestions: [drop(`${PINO}logger.info({ email: user.email, ssn: user.ssn });`, 'email: user.email, ', '', 'email')] },
    { at: 'user.ssn', what: 'user.ssn', category: 'governmentIds', sink: 'logger.info', suggestions: [drop(`${PINO}logger.info({ email: user.email, ssn: user.ssn });`, ', ssn: user.ssn', '', 'ssn')] },
  ], { settings: GDPR, name: 'one finding per value' }),
];

for (const [mode, tester] of [
  ['untyped', untypedTester()],
  ['typed', typedTester()],
] as const) {
  tester.run(`no-sensitive-data-in-logs (${mode})`, rule, { valid: sharedValid, invalid: sharedInvalid });
}

// ---------------------------------------------------------------------------------------------------------------------
// Types: what an object really holds (typed mode), and silence without types
// ---------------------------------------------------------------------------------------------------------------------


const typedOnly: Array<{ code: string; findings: Finding[]; settings?: Settings }> = (() => {
  const user = `${PINO}${MODELS}export function f(user: User) {\n  logger.info(user);\n}`;
  const spread = `${PINO}${MODELS}export function f(patient: Patient) {\n  logger.info({ ...patient });\n}`;
  const nested = `${PINO}${MODELS}export function f(user: User) {\n  logger.info({ user }, 'loaded');\n}`;
  return [
    {
      code: user,
      findings: [
        {
          at: 'user);',
          what: 'user',
          category: 'credentials',
          detail: 'User.passwordHash: credentials',
          sink: 'logger.info',
          suggestions: [
            {
              messageId: 'suggestPickFields',
              data: { fields: 'user.id, user.name, user.role, user.createdAt' },
              output: edit(user, 'logger.info(user)', 'logger.info({ id: user.id, name: user.name, role: user.role, createdAt: user.createdAt })'),
            },
          ],
        },
      ],
    },
    {
      code: spread,
      settings: HIPAA,
      findings: [
        {
          at: 'patient }',
          what: 'patient',
          category: 'healthData',
          detail: 'Patient.diagnosis: health data',
          sink: 'logger.info',
          suggestions: [
            { messageId: 'suggestPickFields', data: { fields: 'patient.id, patient.ward' }, output: edit(spread, '{ ...patient }', '{ id: patient.id, ward: patient.ward }') },
            drop(spread, '{ ...patient }', '{}', '...patient'),
          ],
        },
      ],
    },
    {
      code: nested,
      findings: [
        {
          at: 'user }',
          what: 'user',
          category: 'credentials',
          detail: 'User.passwordHash: credentials',
          sink: 'logger.info',
          suggestions: [
            {
              messageId: 'suggestPickFields',
              data: { fields: 'user.id, user.name, user.role, user.createdAt' },
              output: edit(nested, '{ user }', '{ user: { id: user.id, name: user.name, role: user.role, createdAt: user.createdAt } }'),
            },
            drop(nested, '{ user }', '{}', 'user'),
          ],
        },
      ],
    },
    {
      code: `${PINO}${MODELS}export async function f(id: string) {\n  logger.info(await findUser(id));\n}`,
      findings: [{ at: 'findUser(id))', what: 'findUser(id)', category: 'credentials', detail: 'User.passwordHash: credentials', sink: 'logger.info' }],
    },
    {
      code: `${PINO}${MODELS}export async function f() {\n  const users = await findUsers();\n  logger.info({ users });\n}`,
      findings: [
        {
          at: 'users }',
          what: 'users',
          category: 'credentials',
          detail: 'User[].passwordHash: credentials',
          sink: 'logger.info',
          suggestions: [drop(`${PINO}${MODELS}export async function f() {\n  const users = await findUsers();\n  logger.info({ users });\n}`, '{ users }', '{}', 'users')],
        },
      ],
    },
    {
      code: `${PINO}${MODELS}export function f(team: Team) {\n  logger.info(team.owner);\n}`,
      findings: [
        {
          at: 'team.owner',
          what: 'team.owner',
          category: 'credentials',
          detail: 'User.passwordHash: credentials',
          sink: 'logger.info',
          suggestions: [
            {
              messageId: 'suggestPickFields',
              data: { fields: 'team.owner.id, team.owner.name, team.owner.role, team.owner.createdAt' },
              output: `${PINO}${MODELS}export function f(team: Team) {\n  logger.info({ id: team.owner.id, name: team.owner.name, role: team.owner.role, createdAt: team.owner.createdAt });\n}`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}${MODELS}export function f(session: Session) {\n  console.log(session);\n}`,
      findings: [
        {
          at: 'session);',
          what: 'session',
          category: 'credentials',
          detail: 'Session.token: credentials',
          sink: 'console.log',
          suggestions: [
            { messageId: 'suggestPickFields', data: { fields: 'session.id' }, output: `${PINO}${MODELS}export function f(session: Session) {\n  console.log({ id: session.id });\n}` },
          ],
        },
      ],
    },
    {
      code: `${PINO}${MODELS}export function f(account: Account) {\n  logger.info(account);\n}`,
      findings: [
        {
          at: 'account);',
          what: 'account',
          category: 'tagged',
          detail: 'Account.recoveryPhrase: sensitive data',
          sink: 'logger.info',
          suggestions: [
            { messageId: 'suggestPickFields', data: { fields: 'account.id, account.plan' }, output: `${PINO}${MODELS}export function f(account: Account) {\n  logger.info({ id: account.id, plan: account.plan });\n}` },
          ],
        },
      ],
    },
    {
      code: `${PINO}${MODELS}export function f(visit: Visit) {\n  logger.info(visit.notes);\n}`,
      findings: [{ at: 'visit.notes', what: 'visit.notes', category: 'healthData', detail: 'Visit.notes: health data', sink: 'logger.info' }],
    },
    {
      code: `${PINO}${MODELS}export function f(integration: Integration) {\n  logger.info(integration.credential);\n}`,
      settings: BRANDS,
      findings: [{ at: 'integration.credential', what: 'integration.credential', category: 'credentials', detail: 'Secret: credentials', sink: 'logger.info' }],
    },
    {
      code: `${PINO}${MODELS}export function f(integration: Integration) {\n  logger.info(integration);\n}`,
      settings: BRANDS,
      findings: [
        {
          at: 'integration);',
          what: 'integration',
          category: 'credentials',
          detail: 'Integration.credential: credentials',
          sink: 'logger.info',
          suggestions: [
            {
              messageId: 'suggestPickFields',
              data: { fields: 'integration.id, integration.vendor' },
              output: `${PINO}${MODELS}export function f(integration: Integration) {\n  logger.info({ id: integration.id, vendor: integration.vendor });\n}`,
            },
          ],
        },
      ],
    },
    {
      code: `${PINO}${MODELS}export function f(req: HttpRequest) {\n  logger.info({ req }, 'request');\n}`,
      findings: [
        {
          at: 'req }',
          what: 'req',
          category: 'credentials',
          detail: 'HttpRequest.headers.authorization: credentials',
          sink: 'logger.info',
          suggestions: [
            {
              messageId: 'suggestPickFields',
              data: { fields: 'req.method, req.url' },
              output: `${PINO}${MODELS}export function f(req: HttpRequest) {\n  logger.info({ req: { method: req.method, url: req.url } }, 'request');\n}`,
            },
            drop(`${PINO}${MODELS}export function f(req: HttpRequest) {\n  logger.info({ req }, 'request');\n}`, '{ req }', '{}', 'req'),
          ],
        },
      ],
    },
    {
      code: `${PINO}${MODELS}export function f(ctx: { user: User }) {\n  logger.info(ctx);\n}`,
      findings: [{ at: 'ctx);', what: 'ctx', category: 'credentials', detail: 'user.passwordHash in User: credentials', sink: 'logger.info' }],
    },
    {
      code: `${PINO}${MODELS}export function f(user: User) {\n  const data = { user };\n  logger.info(data);\n}`,
      findings: [{ at: 'data);', what: 'data', category: 'credentials', detail: 'user.passwordHash in User: credentials', sink: 'logger.info' }],
    },
    {
      code: `import { Injectable, Logger } from '@nestjs/common';\n${MODELS}@Injectable()\nexport class UsersService {\n  private readonly logger = new Logger(UsersService.name);\n  create(user: User) {\n    this.logger.log(user);\n  }\n}`,
      findings: [
        {
          at: 'user);',
          what: 'user',
          category: 'credentials',
          detail: 'User.passwordHash: credentials',
          sink: 'this.logger.log',
          suggestions: [
            {
              messageId: 'suggestPickFields',
              data: { fields: 'user.id, user.name, user.role, user.createdAt' },
              output: `import { Injectable, Logger } from '@nestjs/common';\n${MODELS}@Injectable()\nexport class UsersService {\n  private readonly logger = new Logger(UsersService.name);\n  create(user: User) {\n    this.logger.log({ id: user.id, name: user.name, role: user.role, createdAt: user.createdAt });\n  }\n}`,
            },
          ],
        },
      ],
    },
  ];
})();

typedOnly.push(
  {
    code: `${PINO}${MODELS}export function f(user?: User) {\n  logger.info(user);\n}`,
    findings: [
      {
        at: 'user);',
        what: 'user',
        category: 'credentials',
        detail: 'User.passwordHash: credentials',
        sink: 'logger.info',
        suggestions: [
          {
            messageId: 'suggestPickFields',
            data: { fields: 'user.id, user.name, user.role, user.createdAt' },
            output: `${PINO}${MODELS}export function f(user?: User) {\n  logger.info({ id: user?.id, name: user?.name, role: user?.role, createdAt: user?.createdAt });\n}`,
          },
        ],
      },
    ],
  },
  {
    code: `${PINO}${MODELS}export function f(invoice: Invoice) {\n  logger.info(invoice);\n}`,
    settings: regulations('soc2'),
    findings: [
      {
        at: 'invoice);',
        what: 'invoice',
        category: 'financialAccounts',
        detail: 'Invoice.iban: financial account data',
        sink: 'logger.info',
        suggestions: [
          {
            messageId: 'suggestPickFields',
            data: { fields: 'invoice.id, invoice.number, invoice.status, invoice.total, invoice.currency, invoice.issuedOn, …' },
            output: `${PINO}${MODELS}export function f(invoice: Invoice) {\n  logger.info({ id: invoice.id, number: invoice.number, status: invoice.status, total: invoice.total, currency: invoice.currency, issuedOn: invoice.issuedOn });\n}`,
          },
        ],
      },
    ],
  },
  {
    code: `${PINO}${MODELS}export function f(user: User) {\n  logger.info(Object.assign({}, user));\n}`,
    findings: [
      {
        at: 'user));',
        what: 'user',
        category: 'credentials',
        detail: 'User.passwordHash: credentials',
        sink: 'logger.info',
        suggestions: [
          {
            messageId: 'suggestPickFields',
            data: { fields: 'user.id, user.name, user.role, user.createdAt' },
            output: `${PINO}${MODELS}export function f(user: User) {\n  logger.info(Object.assign({}, { id: user.id, name: user.name, role: user.role, createdAt: user.createdAt }));\n}`,
          },
        ],
      },
    ],
  },
  {
    code: `${PINO}${MODELS}export function f(user: User) {\n  logger.info(\`user \${JSON.stringify(user)}\`);\n}`,
    findings: [
      {
        at: 'user)}',
        what: 'user',
        category: 'credentials',
        detail: 'User.passwordHash: credentials',
        sink: 'logger.info',
        suggestions: [
          {
            messageId: 'suggestPickFields',
            data: { fields: 'user.id, user.name, user.role, user.createdAt' },
            output: `${PINO}${MODELS}export function f(user: User) {\n  logger.info(\`user \${JSON.stringify({ id: user.id, name: user.name, role: user.role, createdAt: user.createdAt })}\`);\n}`,
          },
        ],
      },
    ],
  },
  {
    code: `${PINO}${MODELS}export function f(users: User[]) {\n  for (const user of users) {\n    logger.debug(user);\n  }\n}`,
    findings: [
      {
        at: 'user);',
        what: 'user',
        category: 'credentials',
        detail: 'User.passwordHash: credentials',
        sink: 'logger.debug',
        suggestions: [
          {
            messageId: 'suggestPickFields',
            data: { fields: 'user.id, user.name, user.role, user.createdAt' },
            output: `${PINO}${MODELS}export function f(users: User[]) {\n  for (const user of users) {\n    logger.debug({ id: user.id, name: user.name, role: user.role, createdAt: user.createdAt });\n  }\n}`,
          },
        ],
      },
    ],
  },
);

const typedValid: Valid[] = [
  valid(`${PINO}${MODELS}export function f(user: User) {\n  const { passwordHash, ...rest } = user;\n  logger.info(rest);\n}`),
  valid(`${PINO}${MODELS}export function f(user: User) {\n  logger.info(publicUser(user));\n}`),
  valid(`${PINO}${MODELS}export function f(user: User) {\n  logger.info({ id: user.id, name: user.name });\n}`),
  valid(`${PINO}${MODELS}export function f(patient: Patient) {\n  logger.info(patient);\n}`, regulations('pci-dss')),
  valid(`${PINO}export function f(notification: { message: string; email: string }) {\n  logger.info(notification.message);\n}`, GDPR),
  valid(`${PINO}${MODELS}export function f(isValid: boolean) {\n  logger.info({ password: isValid });\n}`),
  valid("import pino from 'pino';\nconst logger = pino({ redact: ['req.headers.authorization'] });\n" + `${MODELS}export function f(req: HttpRequest) {\n  logger.info({ req }, 'request');\n}`),
  valid("import pino from 'pino';\nconst logger = pino({ redact: ['user.passwordHash'] });\n" + `${MODELS}export function f(user: User) {\n  logger.info({ user });\n}`),
  valid(`${PINO}${MODELS}export function f(integration: Integration) {\n  logger.info(integration.credential);\n}`, HIPAA),
];

typedTester().run('no-sensitive-data-in-logs (typed only)', rule, {
  valid: typedValid,
  invalid: typedOnly.map(({ code, findings, settings }) => invalid(code, findings, settings ? { settings } : {})),
});

describe('typed suggestions type-check', () => {
  const file = path.join(fixturesDir, 'file.ts');
  const outputs = typedOnly.flatMap(({ code, findings }) =>
    findings.flatMap(finding => (finding.suggestions ?? []).map(suggestion => [code, suggestion.output] as const)),
  );

  it('has pick suggestions to check', () => {
    expect(outputs.length).toBeGreaterThan(5);
  });

  it.each(outputs)('%s', (code, output) => {
    expect(typeErrors(code, file)).toEqual([]);
    expect(typeErrors(output, file)).toEqual([]);
  });
});

// The same code without types: the objects cannot be seen, so nothing is reported.
untypedTester().run('no-sensitive-data-in-logs (untyped: unseen objects stay silent)', rule, {
  valid: typedOnly.map(({ code, settings }) => valid(code, settings)),
  invalid: [],
});

// ---------------------------------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------------------------------

describe('options', () => {
  const linter = new Linter({ configType: 'flat' });
  const lint = (options: unknown): Linter.LintMessage[] =>
    linter.verify('console.log(user.password);', {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { compliance: { rules: { 'no-sensitive-data-in-logs': rule as never } } },
      rules: { 'compliance/no-sensitive-data-in-logs': ['error', options] },
    }, { filename: 'file.ts' });

  it.each([
    [{ checkAuditCalls: 'yes' }, 'should be boolean'],
    [{ ignoreSinks: 'console.log' }, 'should be array'],
    [{ ignoreSinks: ['console..log'] }, 'should match pattern'],
    [{ ignoreSinks: [''] }, 'should match pattern'],
    [{ ignoreSinks: ['console.log', 'console.log'] }, 'duplicate items'],
    [{ depth: 3 }, 'Unexpected property "depth"'],
  ])('rejects %j by the schema', (options, expected) => {
    expect(() => lint(options)).toThrow(expected);
    expect(() => lint(options)).toThrow('compliance/no-sensitive-data-in-logs');
  });

  it('accepts the defaults and reports with them', () => {
    expect(lint({}).map(message => message.messageId)).toEqual(['sensitiveDataInLog']);
    expect(lint(rule.meta.defaultOptions?.[0]).map(message => message.messageId)).toEqual(['sensitiveDataInLog']);
  });

  it('throws a settings error for bad settings', () => {
    expect(() =>
      linter.verify('console.log(x);', {
        plugins: { compliance: { rules: { 'no-sensitive-data-in-logs': rule as never } } },
        rules: { 'compliance/no-sensitive-data-in-logs': 'error' },
        settings: { compliance: { masking: { functions: [42] } } },
      }),
    ).toThrow('settings.compliance.masking.functions[0]');
  });
});
