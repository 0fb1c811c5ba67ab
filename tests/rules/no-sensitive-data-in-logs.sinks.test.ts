/**
 * no-sensitive-data-in-logs: sinks that are real (issue 9). An audit call writes its event, not the request context
 * beside it; helpers named like audit calls are not sinks; `logger.child(bindings)` logs its bindings; browser-only
 * modules are skipped. Both modes; each positive sits beside a look-alike negative.
 */
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-sensitive-data-in-logs.js';
import { fixturesDir, typedTester, untypedTester } from '../rule-tester.js';
import { moduleStats } from '../../src/analysis/modules.js';
import { caseBuilders, ruleConfig } from './no-sensitive-data-in-logs.cases.js';

const { invalid, valid } = caseBuilders('credentials');

const CTX = `interface AppContext { auth: { token: string; user: { id: string } }; ip: string }
declare const model: { saveWithCtx(ctx: AppContext): Promise<void> };
declare const Event: { createFromContext(ctx: AppContext, event: object): Promise<void> };
`;
const CONFIGURED_CREATE = { compliance: { audit: { calls: ['*.createWithCtx'] } } };
const CONFIGURED = { compliance: { audit: { calls: ['Event.createFromContext', '*.saveWithCtx'] } } };

const shared = {
  valid: [
    valid('the context beside an audit event is not logged', `${CTX}export async function f(ctx: AppContext) { await model.saveWithCtx(ctx); await Event.createFromContext(ctx, { name: 'x' }); }`, CONFIGURED),
    valid('an audit call with a request as context and an event', `declare const auditService: { record(req: unknown, e: unknown): void };
export function f(req: { headers: { authorization: string } }, event: { action: string }) { auditService.record(req, event); }`),
    valid('a pure helper named like an audit call is not a sink', `declare function diffAuditTrackedFields(a: unknown, b: unknown): unknown;
declare function auditFilter(a: unknown): unknown;
export function f(user: { password: string }, next: { password: string }) { diffAuditTrackedFields(user.password, next.password); auditFilter(user.password); }`),
    valid('logger.child of something that is not a logger', `export function f(tree: { child(x: unknown): void }, user: { password: string }) { tree.child({ password: user.password }); }`),
    valid('a wrapper that logs only a member of its parameter: the wrapper call is not a sink', `function logIp(request: { ip: string; password: string }) { console.log(request.ip); }
export function f(request: { ip: string; password: string }) { logIp(request); }`),
    valid('a wrapper that writes a member of its options: an object literal whose other members are sensitive', `function logIp(o: { ip: string; password: string }) { console.log(o.ip); }
export function f(user: { password: string }) { logIp({ ip: '1', password: user.password }); }`),
    valid("an association an ORM write's options include is another row, not the audited record's values", `${CTX}declare const User: { createWithCtx(ctx: unknown, values: unknown, a?: unknown, o?: unknown): Promise<unknown> };
export async function f(ctx: AppContext, auth: { accessToken: string }) { await User.createWithCtx(ctx, { role: 'member', authentications: [auth] }, undefined, { include: 'authentications' }); }`, CONFIGURED_CREATE),
    valid('a method no logger has, on a class imported from a module without custom levels', `import { Account } from './sinks/account-model.js';
export function f(user: { password: string }) { Account.attach(user.password); }`),
    valid("'use client' modules write no server log", `'use client';\nexport function f(user: { password: string }) { console.log(user.password); }`),
    valid('clientFiles globs', `export function f(user: { password: string }) { console.log(user.password); }`, { compliance: { logging: { clientFiles: ['**/tests/fixtures/*.ts'] } } }),
  ],
  invalid: [
    invalid('the event beside the context is logged', `${CTX}export async function f(ctx: AppContext) { await Event.createFromContext(ctx, { name: 'x', token: ctx.auth.token }); }`, [
      { what: 'ctx.auth.token', sink: 'Event.createFromContext', drop: [", token: ctx.auth.token", '', 'token'] },
    ], CONFIGURED),
    invalid('the real audit write beside the helper is a sink', `declare function diffAuditTrackedFields(a: unknown, b: unknown): unknown;
declare const auditLog: { create(e: unknown): void };
export function f(user: { password: string }) { diffAuditTrackedFields(user, user); auditLog.create({ action: 'x', password: user.password }); }`, [
      { what: 'user.password', sink: 'auditLog.create', drop: [', password: user.password', '', 'password'] },
    ]),
    invalid('logger.child(bindings) logs its bindings', `import pino from 'pino';\nconst logger = pino();
export function f(session: { token: string }) { const log = logger.child({ token: session.token }); log.info('hello'); }`, [
      { what: 'session.token', sink: 'logger.child', drop: ['{ token: session.token }', '{}', 'token'] },
    ]),
    invalid('a custom level of a pino logger re-exported by a barrel', `import { appMetrics } from './sinks/barrel.js';
export function f(user: { password: string }) { appMetrics.metric(user.password); }`, [
      { what: 'user.password', sink: 'appMetrics.metric' },
    ]),
    invalid('a custom level of a pino logger imported from another module', `import { metrics } from './sinks/metrics-logger.js';
export function f(user: { password: string }) { metrics.metric(user.password); }`, [
      { what: 'user.password', sink: 'metrics.metric' },
    ]),
    invalid('a log wrapper is a sink named after itself, across files', `import { logData } from './sinks/wrappers.js';
export function f(user: { password: string }) { logData('login', user.password); }`, [
      { what: 'user.password', sink: 'logData' },
    ]),
    invalid('a wrapper that writes a member of its options: that member of an object literal is checked', `declare const activity: { createOne(e: unknown): void };
class Grants { private record(opts: { userId: string; comment: string }) { activity.createOne({ user: opts.userId, comment: opts.comment }); }
  grant(user: { id: string; email: string }) { this.record({ userId: user.id, comment: \`granted to \${user.email}\` }); } }`, [
      { what: 'user.email', sink: 'this.record', category: 'contactData' },
    ], { compliance: { regulations: { gdpr: true }, audit: { calls: ['activity.createOne'] } } }),
    invalid('the other values of that write are still the event, under their keys', `${CTX}declare const User: { createWithCtx(ctx: unknown, values: unknown, a?: unknown, o?: unknown): Promise<unknown> };
export async function f(ctx: AppContext, auth: { accessToken: string }, secret: string) { await User.createWithCtx(ctx, { apiToken: secret, authentications: [auth], token: auth.accessToken }, undefined, { include: ['authentications'] }); }`, [
      { what: 'secret', sink: 'User.createWithCtx', drop: ['apiToken: secret, ', '', 'apiToken'] },
      { what: 'auth.accessToken', sink: 'User.createWithCtx', drop: [', token: auth.accessToken', '', 'token'] },
    ], CONFIGURED_CREATE),
    invalid("a 'use client' string that is not the directive", `import pino from 'pino';\n'use client';\nexport function f(user: { password: string }) { console.log(user.password); }`, [
      { what: 'user.password', sink: 'console.log' },
    ]),
    invalid('a clientFiles glob that does not match', `export function f(user: { password: string }) { console.log(user.password); }`, [
      { what: 'user.password', sink: 'console.log' },
    ], { compliance: { logging: { clientFiles: ['**/tests/fixtures/web/**'] } } }),
  ],
};

const filename = path.join(fixturesDir, 'file.ts');
for (const [mode, tester] of [['untyped', untypedTester()], ['typed', typedTester()]] as const) {
  tester.run(`no-sensitive-data-in-logs sinks (${mode})`, rule, {
    valid: shared.valid.map((test) => ({ filename, ...test })),
    invalid: shared.invalid.map((test) => ({ filename, ...test })),
  });
}

describe('receivers not worth identifying', () => {
  it.todo(
    'a pino logger with custom levels that reaches a file without `customLevels` in its text as a parameter, a field or a ' +
      "variable built from an import (`function f(log: Logger) { log.metric(x) }`), or a bound log function kept under a name no " +
      'logger has (`const out = { emit: console.log.bind(console) }`): such receivers are not identified, so that a method no ' +
      'logger has does not load the modules its receiver comes from',
  );

  it('untyped: a model imported for a method no logger has is not loaded to learn whether it is a logger', () => {
    const linter = new Linter({ configType: 'flat' });
    const loaded = (): number => moduleStats.parsed + moduleStats.declaredByText;
    const before = loaded();
    const messages = linter.verify(
      "import { Account } from './sinks/account-model.js';\nexport function f(user: { password: string }) { Account.findOne({ id: 1 }); Account.attach(user.password); }",
      ruleConfig(false),
      { filename },
    );
    // the module's text is read (it declares no custom levels), but neither parsed nor its declaration read
    expect({ messages: messages.length, loaded: loaded() - before }).toEqual({ messages: 0, loaded: 0 });
  });

  it('untyped: the same model through a barrel: the barrel and the model are read as text only', () => {
    const linter = new Linter({ configType: 'flat' });
    const before = moduleStats.parsed + moduleStats.declaredByText;
    const messages = linter.verify(
      "import { Accounts } from './sinks/barrel.js';\nexport function f(user: { password: string }) { Accounts.attach(user.password); }",
      ruleConfig(false),
      { filename },
    );
    expect({ messages: messages.length, loaded: moduleStats.parsed + moduleStats.declaredByText - before }).toEqual({ messages: 0, loaded: 0 });
  });
});
