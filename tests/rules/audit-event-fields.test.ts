/**
 * audit-event-fields in both modes: untyped (syntax + scope analysis: object literals, local spreads, variables bound
 * to literals, silence elsewhere) and typed (the project service over tests/fixtures: the argument's type decides —
 * a spread of a typed base object, builders and classes from tests/fixtures/fields/).
 *
 * Cases that behave alike run in both modes; the rest say which mode sees what and why.
 */
import path from 'node:path';
import type { InvalidTestCase, TestCaseError, ValidTestCase } from '@typescript-eslint/rule-tester';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import rule, { type MessageIds, type Options, requiredFields } from '../../rules/audit-event-fields.js';
import { citeControls } from '../../src/analysis/controls.js';
import { DEFAULT_FIELD_ALIASES } from '../../src/regulations/defaults.js';
import { AUDIT_FIELDS, type AuditField } from '../../src/regulations/types.js';
import { resolvePolicy } from '../../src/settings.js';
import { fixturesDir, typedTester, untypedTester } from '../rule-tester.js';
import { typeErrors } from '../typecheck.js';

type Settings = Record<string, unknown>;
type Valid = ValidTestCase<[Options]>;
type Invalid = InvalidTestCase<MessageIds, [Options]>;
type Error = TestCaseError<MessageIds>;

const regulations = (...ids: string[]): Settings => ({ compliance: { regulations: Object.fromEntries(ids.map((id) => [id, true])) } });
const NONE: Settings = {};
const SOC2 = regulations('soc2');
const HIPAA = regulations('hipaa');
const GDPR = regulations('gdpr');
/** Every field, and no failure check (that is PCI DSS's). */
const ISO = regulations('iso27001');
const NIST = regulations('nist-800-53');
const PCI = regulations('pci-dss');
const withAudit = (settings: Settings, audit: object): Settings => ({
  compliance: { ...(settings.compliance as object), audit },
});

/** One line of declarations before every case: the audited code starts on line 2. */
const DECLS =
  'declare const audit: { log(event: object): Promise<void> }; declare const logger: { info(event: object): void }; ' +
  'declare const currentUser: string; declare const ip: string; declare function work(): Promise<boolean>;';
const code = (...lines: string[]): string => [DECLS, ...lines].join('\n');

/** The placeholders the suggestion writes where the context has no value. */
const TODO = {
  actor: "undefined /* TODO: the acting user's id */",
  action: "undefined /* TODO: what happened, e.g. 'user.update' */",
  source: "undefined /* TODO: the client's address */",
  resource: 'undefined /* TODO: the affected record */',
} as const;
/** What the suggestion adds for each field at module level (no request context). */
const ADDED: Record<AuditField, string> = {
  actor: TODO.actor,
  action: TODO.action,
  timestamp: 'new Date().toISOString()',
  outcome: "'success'",
  source: TODO.source,
  resource: TODO.resource,
};

/** A value for each field in a complete event. */
const VALUES: Record<AuditField, string> = {
  actor: 'currentUser',
  action: "'user.update'",
  timestamp: 'new Date().toISOString()',
  outcome: "'success'",
  source: 'ip',
  resource: "'user:1'",
};

/** `{ actor: currentUser, … }`: every field but `except`, then `extra` (name → value text). */
function event(except: readonly AuditField[] = [], extra: Readonly<Record<string, string>> = {}): string {
  const entries = [...AUDIT_FIELDS.filter((field) => !except.includes(field)).map((field) => [field, VALUES[field]]), ...Object.entries(extra)];
  return entries.length === 0 ? '{}' : `{ ${entries.map(([key, value]) => `${key}: ${value}`).join(', ')} }`;
}

/** `, actor: …, source: …` — what the suggestion appends to a one-line literal for these fields. */
function appended(fields: readonly AuditField[], values: Partial<Record<AuditField, string>> = {}): string {
  return fields.map((field) => `, ${field}: ${values[field] ?? ADDED[field]}`).join('');
}

/** 1-based line and column of the `nth` occurrence of `needle` after the shared declarations. */
function loc(text: string, needle: string, nth = 1): { line: number; column: number } {
  let index = (text.startsWith(DECLS) ? DECLS.length : 0) - 1;
  for (let count = 0; count < nth; count++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new globalThis.Error(`${JSON.stringify(needle)} (#${nth}) is not in:\n${text}`);
  }
  const lines = text.slice(0, index).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** A readable test name: the code without the shared declarations, one line, and the regulations and options. */
function nameOf(text: string, settings?: Settings, options?: readonly Options[]): string {
  const body = text.replace(`${DECLS}\n`, '').replace(/\s*\n\s*/gu, ' ⏎ ');
  const compliance = (settings?.compliance ?? {}) as { regulations?: object; audit?: object };
  const extras = [
    Object.keys(compliance.regulations ?? {}).join('+') || 'no regulation',
    compliance.audit ? JSON.stringify(compliance.audit) : '',
    options?.length ? JSON.stringify(options[0]) : '',
  ].filter(Boolean);
  return `${body} — ${extras.join(' ')}`;
}

/** Names every case that has no name. */
function named<T extends Valid | Invalid>(cases: readonly T[]): T[] {
  return cases.map((item) => (item.name ? item : { ...item, name: nameOf(item.code, item.settings, item.options) }));
}

function runNamed(tester: RuleTester, title: string, tests: { valid: Valid[]; invalid: Invalid[] }): void {
  tester.run(title, rule, { valid: named(tests.valid), invalid: named(tests.invalid) });
}

function fieldsCited(settings: Settings, fields: readonly AuditField[]): string {
  return citeControls(resolvePolicy(settings), { checks: ['fields'], fields });
}

interface Lacks {
  readonly settings: Settings;
  /** Where the report starts (the event argument). */
  readonly at: string;
  readonly nth?: number;
  readonly fields: readonly AuditField[];
  /** Reason shown after a field: `(undefined)`, `(null)`, `('')`, `(optional)`. */
  readonly reasons?: Partial<Record<AuditField, string>>;
  readonly callee?: string;
  /** The code after the suggestion; null when there is nothing to suggest. */
  readonly output: string | null;
}

function lacks(text: string, expected: Lacks): Error {
  return {
    messageId: 'missingFields',
    data: {
      callee: expected.callee ?? 'audit.log',
      fields: expected.fields.map((field) => `${field}${expected.reasons?.[field] ? ` ${expected.reasons[field]}` : ''}`).join(', '),
      controls: fieldsCited(expected.settings, expected.fields),
    },
    ...loc(text, expected.at, expected.nth),
    suggestions: expected.output === null ? [] : [{ messageId: 'suggestAddFields', data: { fields: expected.fields.join(', ') }, output: expected.output }],
  };
}

/** An invalid case with one missingFields report. */
function invalid(text: string, expected: Lacks, options?: Options): Invalid {
  return { code: text, settings: expected.settings, ...(options ? { options: [options] } : {}), errors: [lacks(text, expected)] };
}

function hardCoded(text: string, settings: Settings, at: string, output: string | undefined): Error {
  return {
    messageId: 'hardCodedTimestamp',
    data: { callee: 'audit.log', controls: fieldsCited(settings, ['timestamp']) },
    ...loc(text, at),
    suggestions: output === undefined ? [] : [{ messageId: 'suggestCurrentTime', output }],
  };
}

function failures(text: string, settings: Settings, at: string, nth = 1): Error {
  return {
    messageId: 'failuresNotAudited',
    data: { callee: 'audit.log', controls: citeControls(resolvePolicy(settings), { checks: ['audit'], auditScopes: ['failures'] }) },
    ...loc(text, at, nth),
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Both modes
// ---------------------------------------------------------------------------------------------------------------------

/** Every alias of every field satisfies it: the event is complete with the field under that alias. */
const aliasValid: Valid[] = AUDIT_FIELDS.flatMap((field) =>
  DEFAULT_FIELD_ALIASES[field].map((alias) => ({
    name: `${field} as ${alias}`,
    code: code(`audit.log(${event([field], { [alias]: VALUES[field] })});`),
    settings: ISO,
  })),
);

/** A missing field is reported, whichever it is, and the suggestion appends it. */
const eachFieldMissing: Invalid[] = AUDIT_FIELDS.map((field) => {
  const text = code(`audit.log(${event([field])});`);
  return invalid(text, {
    settings: ISO,
    at: '{ ',
    fields: [field],
    output: code(`audit.log(${event([field]).slice(0, -2)}${appended([field])} });`),
  });
});

/** `undefined`, `null` and `''` count as missing; the suggestion replaces the value. */
const eachMissingValue: Invalid[] = AUDIT_FIELDS.flatMap((field) =>
  (
    [
      ['undefined', '(undefined)'],
      ['null', '(null)'],
      ["''", "('')"],
      ['void 0', '(undefined)'],
    ] as const
  ).map(([value, reason]) => {
    const text = code(`audit.log(${event([field], { [field]: value })});`);
    return invalid(text, {
      settings: ISO,
      at: '{ ',
      fields: [field],
      reasons: { [field]: reason },
      output: code(`audit.log(${event([field], { [field]: ADDED[field] })});`),
    });
  }),
);

const sharedValid: Valid[] = [
  ...aliasValid,
  // Every field under an alias at once.
  {
    code: code("audit.log({ principal: currentUser, eventType: 'user.update', occurredAt: new Date(), result: 'success', remoteAddress: ip, entityId: 'user:1' });"),
    settings: ISO,
  },
  // One alias given a missing value, another alias a real one.
  { code: code(`audit.log(${event(['actor'], { actor: 'null', userId: 'currentUser' })});`), settings: ISO },
  // Configured aliases extend the defaults.
  { code: code(`audit.log(${event(['actor'], { operator: 'currentUser' })});`), settings: withAudit(ISO, { fieldAliases: { actor: ['operator'] } }) },

  // No regulation, or one without record fields: nothing is required.
  { code: code('audit.log({});'), settings: NONE },
  { code: code("audit.log({ action: 'user.update' });"), settings: GDPR },
  { code: code('audit.log({ actor: null });'), settings: GDPR },

  // Fields the logger adds itself (providedFields), and `ignore`.
  { code: code(`audit.log(${event(['timestamp', 'source'])});`), settings: withAudit(ISO, { providedFields: ['timestamp', 'source'] }) },
  { code: code(`audit.log(${event(['timestamp'])});`), settings: withAudit(ISO, { providedFields: ['timestamp'] }), options: [{ require: ['timestamp'] }] },
  { code: code(`audit.log(${event(['source', 'resource'])});`), settings: ISO, options: [{ ignore: ['source', 'resource'] }] },
  { code: code(`audit.log(${event(['source'])});`), settings: SOC2 },
  { code: code(`audit.log(${event(['source', 'outcome'])});`), settings: HIPAA },

  // Spreads of literals in the same module or function.
  {
    code: code(
      'const base = { actor: currentUser, source: ip, timestamp: new Date().toISOString() };',
      "audit.log({ ...base, action: 'user.update', outcome: 'success', resource: 'user:1' });",
    ),
    settings: ISO,
  },
  {
    code: code(
      'function handler() {',
      "  const base = { ...{ actor: currentUser }, source: ip, timestamp: new Date().toISOString() };",
      "  return audit.log({ ...base, action: 'user.update', outcome: 'success', resource: 'user:1' });",
      '}',
    ),
    settings: ISO,
  },
  // A conditional spread may set the field: not reported.
  { code: code(`audit.log({ ...(currentUser ? { actor: currentUser } : {}), ${event(['actor']).slice(2)});`), settings: ISO },
  { code: code(`audit.log({ ...(currentUser && { actor: currentUser }), ${event(['actor']).slice(2)});`), settings: ISO },
  // An object the analysis cannot see: silent.
  { code: code('declare function getContext(): any;', "audit.log({ ...getContext(), action: 'user.update' });"), settings: ISO },
  { code: code("function handler(context) { return audit.log({ ...context, action: 'user.update' }); }"), settings: ISO },
  { code: code("declare const k: string;", "audit.log({ [k]: currentUser, action: 'user.update' });"), settings: ISO },
  // A value set before an unseen spread may be overridden by it; after it, another alias may come from the spread.
  { code: code('declare function getContext(): any;', "audit.log({ actor: null, ...getContext() });"), settings: ISO },
  { code: code('declare function getContext(): any;', "audit.log({ ...getContext(), actor: null });"), settings: ISO },
  // An event variable the analysis cannot see: a parameter, an `any`.
  { code: code('function handler(event) { return audit.log(event); }'), settings: ISO },
  { code: code('declare const event: any;', 'audit.log(event);'), settings: ISO },
  // A variable mutated or handed to another function before the call: unseen.
  {
    code: code("const event: Record<string, unknown> = { action: 'user.update' };", 'event.actor = currentUser;', 'audit.log(event);'),
    settings: ISO,
  },
  {
    code: code(
      'declare function enrich(event: object): void;',
      "const event: Record<string, unknown> = { action: 'user.update' };",
      'enrich(event);',
      'audit.log(event);',
    ),
    settings: ISO,
  },
  // Imports are not followed without types, and are complete with them.
  {
    code: code(
      "import { requestContext } from './fields/events.js';",
      "audit.log({ ...requestContext, action: 'user.update', outcome: 'success', resource: 'user:1' });",
    ),
    settings: ISO,
  },
  { code: code("import { buildEvent } from './fields/events.js';", "audit.log(buildEvent('user.update', 'user:1'));"), settings: ISO },
  { code: code("import { LoginEvent } from './fields/events.js';", 'audit.log(new LoginEvent(currentUser, ip));'), settings: ISO },
  { code: code("import { legacyEvent } from './fields/events.js';", 'audit.log(legacyEvent);'), settings: ISO },
  {
    code: code("import type { LegacyAuditEvent } from './fields/events.js';", 'function handler(event: LegacyAuditEvent) { return audit.log(event); }'),
    settings: ISO,
  },

  // Timestamps that are the time of the event.
  { code: code(`audit.log(${event(['timestamp'], { timestamp: 'Date.now()' })});`), settings: ISO },
  { code: code(`audit.log(${event(['timestamp'], { at: 'new Date()' })});`), settings: ISO },
  { code: code('declare const now: string;', `audit.log(${event(['timestamp'], { timestamp: 'now' })});`), settings: ISO },
  { code: code('declare const year: number;', `audit.log(${event(['timestamp'], { timestamp: '`${year}-01-01`' })});`), settings: ISO },
  // A hard-coded time on a field that is not required is not this rule's business.
  { code: code("audit.log({ timestamp: '2024-01-01T00:00:00Z' });"), settings: GDPR },
  { code: code(`audit.log(${event(['timestamp'], { timestamp: "'2024-01-01T00:00:00Z'" })});`), settings: withAudit(ISO, { providedFields: ['timestamp'] }) },

  // Look-alikes: not audit calls.
  { code: code("logger.info({ action: 'user.update' });"), settings: SOC2 },
  { code: code('declare function track(event: object): void;', "track({ action: 'user.update' });"), settings: SOC2 },
  { code: code('declare function createEvent(event: object): void;', "createEvent({ type: 'experiment.updated' });"), settings: SOC2 },
  { code: code('declare function getAuditLogs(filter: object): void;', "getAuditLogs({ action: 'user.update' });"), settings: SOC2 },
  { code: code('declare function audited(event: object): void;', "audited({ action: 'user.update' });"), settings: SOC2 },
  // Audit calls without an object argument.
  { code: code("audit.log('user.update');"), settings: SOC2 },
  { code: code("declare function sendAudit(...args: unknown[]): void;", "sendAudit(currentUser, 'user.update');"), settings: SOC2 },
  { code: code('audit.log();'), settings: SOC2 },
  // Configured audit calls replace the default heuristic.
  { code: code('audit.log({});'), settings: withAudit(SOC2, { calls: ['auditLogger.log'] }) },
  // `eventArgument`: the event is the second argument; out of range or after a spread, unknown.
  {
    code: code("declare const auditLogger: { log(...args: unknown[]): void };", `auditLogger.log({ note: 'x' }, ${event()});`),
    settings: withAudit(ISO, { calls: ['auditLogger.log'], eventArgument: 1 }),
  },
  {
    code: code("declare const auditLogger: { log(...args: unknown[]): void };", `auditLogger.log(${event()});`),
    settings: withAudit(ISO, { calls: ['auditLogger.log'], eventArgument: 1 }),
  },
  {
    code: code("declare const auditLogger: { log(...args: unknown[]): void };", 'declare const args: object[];', 'auditLogger.log(...args, {});'),
    settings: withAudit(ISO, { calls: ['auditLogger.log'], eventArgument: 1 }),
  },
  // Several object arguments: the one with fields is the event.
  {
    code: code('declare function insertAuditLogs(tx: object, event: object): Promise<void>;', 'declare const tx: { insert(row: object): void };', `insertAuditLogs(tx, ${event()});`),
    settings: ISO,
  },

  // Calls that configure auditing, not events: decorators, wrappers (configured, or `with…` by default), middleware.
  {
    code: code(
      'declare function Audit(options: object): MethodDecorator;',
      'class UsersController {',
      "  @Audit({ action: 'user.delete' })",
      '  remove() {}',
      '}',
    ),
    settings: SOC2,
  },
  { code: code('declare function withAuditLogging(options: object): unknown;', 'declare function handler(): void;', "export const DELETE = withAuditLogging({ action: 'survey.delete', handler });"), settings: SOC2 },
  {
    code: code('declare function withApiWrapper(options: object): unknown;', 'declare function handler(): void;', "export const DELETE = withApiWrapper({ action: 'deleted', targetType: 'survey', handler });"),
    settings: withAudit(SOC2, { calls: ['withApiWrapper'], wrappers: ['withApiWrapper'] }),
  },
  {
    code: code('declare const app: { use(mw: unknown): void };', 'declare function auditTrail(options: object): unknown;', "app.use(auditTrail({ action: 'admin' }));"),
    settings: withAudit(SOC2, { calls: ['auditTrail'], middleware: ['auditTrail'] }),
  },
  // A string literal before the event names the action.
  {
    code: code('declare const auditLogger: { info(message: string, event: object): void };', `auditLogger.info('user.update', ${event(['action'])});`),
    settings: ISO,
  },
  // Look-alikes of a hard-coded time and of an event variable: not audit calls.
  { code: code("logger.info({ timestamp: '2024-01-01T00:00:00Z' });"), settings: SOC2 },
  { code: code('declare function track(event: object): void;', "const event = { action: 'user.update' };", 'track(event);'), settings: SOC2 },

  // With the default heuristic, an object naming none of the fields is not an event (the logger's own sink).
  { code: code('declare const auditSink: { info(payload: object, message: string): void };', "declare const record: object;", "auditSink.info({ audit: record }, 'user.update');"), settings: SOC2 },
  { code: code('declare function insertAuditLogs(tx: object, event: object): Promise<void>;', 'declare const tx: { insert(row: object): void };', "insertAuditLogs(tx, { note: 'x' });"), settings: HIPAA },

  // Parseable odd code never throws.
  { code: code('audit.log({ get actor() { return currentUser; }, action() {}, ...null, ...undefined, ...false });'), settings: SOC2, options: [{ ignore: ['timestamp', 'outcome', 'resource'] }] },
  { code: code('const a = { ...b }; const b = { ...a };', 'audit.log({ ...a });'), settings: NONE },
];

/** Values from the request context of the enclosing function (both modes; the typed fixtures type-check them). */
const contextCases: Invalid[] = (
    [
      [
        'function handler(req: { user?: { id: string }; ip: string }) {',
        '  return @@;',
        { actor: 'req.user?.id', source: 'req.ip' },
      ],
      [
        'async function handler(request: { user?: { id: string }; ip: string }) {',
        '  await @@;',
        { actor: 'request.user?.id', source: 'request.ip' },
      ],
      [
        'async function handler(ctx: { state: { user?: { id: string } }; ip: string; status: number }) {\n  ctx.status = 204;',
        '  await @@;',
        { actor: 'ctx.state.user?.id', source: 'ctx.ip' },
      ],
      [
        'declare function getSession(): Promise<{ user: { id: string } }>;\nasync function action() {\n  const session = await getSession();',
        '  await @@;',
        { actor: 'session.user.id' },
      ],
      [
        'async function handler(c: { req: { header(name: string): string | undefined; json(): Promise<unknown> } }) {\n  await c.req.json();',
        '  await @@;',
        { source: "c.req.header('x-forwarded-for')" },
      ],
      // tRPC's ctx is not Koa's: no `ctx.state`.
      ['const procedure = async ({ ctx }: { ctx: { user: { id: string } } }) => {', '  await @@;', {}],
      // In a catch block the outcome is a failure.
      [
        'async function handler(req: { user?: { id: string }; ip: string }) {\n  try {\n    await work();\n  } catch (error) {',
        '    await @@;\n    throw error;\n  }',
        { actor: 'req.user?.id', source: 'req.ip', outcome: "'failure'" },
      ],
    ] as const
  ).map(([head, line, values]) => {
    const call = (added: string) => `audit.log({ action: 'user.update', resource: 'user:1'${added} })`;
    const text = code(head, line.replace('@@', call('')), '}');
    const fields = ['actor', 'timestamp', 'outcome', 'source'] as const;
    return invalid(text, { settings: ISO, at: "{ action: 'user.update'", fields, output: code(head, line.replace('@@', call(appended(fields, values))), '}') });
  });

const sharedInvalid: Invalid[] = [
  ...eachFieldMissing,
  ...eachMissingValue,

  // Regulations decide the fields: SOC 2, HIPAA, PCI DSS, NIST, combinations, options.
  ...(
    [
      [SOC2, undefined, ['actor', 'timestamp', 'outcome', 'resource']],
      [HIPAA, undefined, ['actor', 'timestamp', 'resource']],
      [PCI, undefined, ['actor', 'timestamp', 'outcome', 'source', 'resource']],
      [NIST, undefined, ['actor', 'timestamp', 'outcome', 'source', 'resource']],
      [regulations('soc2', 'hipaa'), undefined, ['actor', 'timestamp', 'outcome', 'resource']],
      [regulations('hipaa', 'gdpr'), undefined, ['actor', 'timestamp', 'resource']],
      [NONE, { require: ['actor'] }, ['actor']],
      [HIPAA, { require: ['source'] }, ['actor', 'timestamp', 'source', 'resource']],
      [ISO, { ignore: ['source', 'resource'] }, ['actor', 'timestamp', 'outcome']],
      [withAudit(ISO, { providedFields: ['timestamp', 'source'] }), undefined, ['actor', 'outcome', 'resource']],
    ] as const
  ).map(([settings, options, fields]) => {
    const text = code("audit.log({ action: 'user.update' });");
    return invalid(
      text,
      { settings, at: '{ ', fields, output: code(`audit.log({ action: 'user.update'${appended(fields)} });`) },
      options as Options | undefined,
    );
  }),

  // Suggestion layouts: empty literal, one per line with and without trailing comma, a comment-only literal.
  invalid(code('audit.log({});'), {
    settings: SOC2,
    at: '{}',
    fields: ['actor', 'action', 'timestamp', 'outcome', 'resource'],
    output: code(`audit.log({ actor: ${TODO.actor}, action: ${TODO.action}, timestamp: new Date().toISOString(), outcome: 'success', resource: ${TODO.resource} });`),
  }),
  invalid(code('audit.log({ /* filled later */ });'), {
    settings: HIPAA,
    at: '{ /*',
    fields: ['actor', 'action', 'timestamp', 'resource'],
    output: code(
      `audit.log({ actor: ${TODO.actor}, action: ${TODO.action}, timestamp: new Date().toISOString(), resource: ${TODO.resource}, /* filled later */ });`,
    ),
  }),
  invalid(code('audit.log({', "  action: 'user.update',", "  resource: 'user:1'", '});'), {
    settings: SOC2,
    at: '{\n',
    fields: ['actor', 'timestamp', 'outcome'],
    output: code(
      'audit.log({',
      "  action: 'user.update',",
      "  resource: 'user:1',",
      `  actor: ${TODO.actor},`,
      '  timestamp: new Date().toISOString(),',
      "  outcome: 'success'",
      '});',
    ),
  }),
  invalid(code('audit.log({', "  action: 'user.update',", "  resource: 'user:1', // the user", '});'), {
    settings: SOC2,
    at: '{\n',
    fields: ['actor', 'timestamp', 'outcome'],
    output: code(
      'audit.log({',
      "  action: 'user.update',",
      "  resource: 'user:1',",
      `  actor: ${TODO.actor},`,
      '  timestamp: new Date().toISOString(),',
      "  outcome: 'success', // the user",
      '});',
    ),
  }),
  invalid(code("audit.log({ action: 'user.update', resource: 'user:1', });"), {
    settings: SOC2,
    at: '{ ',
    fields: ['actor', 'timestamp', 'outcome'],
    output: code(`audit.log({ action: 'user.update', resource: 'user:1', actor: ${TODO.actor}, timestamp: new Date().toISOString(), outcome: 'success', });`),
  }),
  // A missing value under an alias: replaced in place, the alias kept; a shorthand property is written out.
  invalid(code(`audit.log(${event(['actor'], { userId: 'null' })});`), {
    settings: ISO,
    at: '{ ',
    fields: ['actor'],
    reasons: { actor: '(null)' },
    output: code(`audit.log(${event(['actor'], { userId: TODO.actor })});`),
  }),
  invalid(code('const actor = undefined;', `audit.log({ actor, ${event(['actor']).slice(2)});`), {
    settings: ISO,
    at: '{ actor',
    fields: ['actor'],
    reasons: { actor: '(undefined)' },
    output: code('const actor = undefined;', `audit.log({ actor: ${TODO.actor}, ${event(['actor']).slice(2)});`),
  }),
  // The suggestion's own placeholders are reported until replaced (nothing more to suggest), and replaced, comment
  // and all, where the context has a value.
  invalid(code(`audit.log(${event(['action'], { action: TODO.action })});`), {
    settings: ISO,
    at: '{ ',
    fields: ['action'],
    reasons: { action: '(undefined)' },
    output: null,
  }),
  invalid(code('function handler(req: { user?: { id: string } }) {', `  return audit.log(${event(['actor'], { actor: TODO.actor })});`, '}'), {
    settings: ISO,
    at: '{ action',
    fields: ['actor'],
    reasons: { actor: '(undefined)' },
    output: code('function handler(req: { user?: { id: string } }) {', `  return audit.log(${event(['actor'], { actor: 'req.user?.id' })});`, '}'),
  }),
  invalid(code('function handler(req: { user?: { id: string } }) {', `  return audit.log({ action: 'user.update', actor: ${TODO.actor} });`, '}'), {
    settings: HIPAA,
    at: '{ action',
    fields: ['actor', 'timestamp', 'resource'],
    reasons: { actor: '(undefined)' },
    output: code(
      'function handler(req: { user?: { id: string } }) {',
      `  return audit.log({ action: 'user.update', actor: req.user?.id, timestamp: new Date().toISOString(), resource: ${TODO.resource} });`,
      '}',
    ),
  }),
  // Several fields missing in different ways, in the order of the normalized fields.
  invalid(code("audit.log({ actor: '', action: 'user.update', timestamp: null });"), {
    settings: ISO,
    at: '{ ',
    fields: ['actor', 'timestamp', 'outcome', 'source', 'resource'],
    reasons: { actor: "('')", timestamp: '(null)' },
    output: code(
      `audit.log({ actor: ${TODO.actor}, action: 'user.update', timestamp: new Date().toISOString(), outcome: 'success', source: ${TODO.source}, resource: ${TODO.resource} });`,
    ),
  }),

  // Spreads of literals: the spread's fields count, the rest is reported.
  invalid(
    code(
      'const base = { actor: currentUser, timestamp: new Date().toISOString() };',
      "audit.log({ ...base, action: 'user.update', outcome: 'success', resource: 'user:1' });",
    ),
    {
      settings: ISO,
      at: '{ ...base',
      fields: ['source'],
      output: code(
        'const base = { actor: currentUser, timestamp: new Date().toISOString() };',
        `audit.log({ ...base, action: 'user.update', outcome: 'success', resource: 'user:1', source: ${TODO.source} });`,
      ),
    },
  ),
  // A spread's missing value is overridden by an added property.
  invalid(code('const base = { actor: null };', `audit.log({ ...base, ${event(['actor']).slice(2)});`), {
    settings: ISO,
    at: '{ ...base',
    fields: ['actor'],
    reasons: { actor: '(null)' },
    output: code('const base = { actor: null };', `audit.log({ ...base, ${event(['actor']).slice(2, -2)}, actor: ${TODO.actor} });`),
  }),
  // A value set after an unseen spread is what the event holds.
  (() => {
    const text = code('declare function getContext(): any;', "audit.log({ ...getContext(), timestamp: '2024-01-01' });");
    return {
      code: text,
      settings: ISO,
      errors: [hardCoded(text, ISO, "'2024-01-01'", code('declare function getContext(): any;', 'audit.log({ ...getContext(), timestamp: new Date().toISOString() });'))],
    };
  })(),
  // A variable bound to a literal: the suggestion wraps it.
  invalid(code("const event = { action: 'user.update', resource: 'user:1' };", 'audit.log(event);'), {
    settings: SOC2,
    at: 'event);',
    fields: ['actor', 'timestamp', 'outcome'],
    output: code(
      "const event = { action: 'user.update', resource: 'user:1' };",
      `audit.log({ ...event, actor: ${TODO.actor}, timestamp: new Date().toISOString(), outcome: 'success' });`,
    ),
  }),
  invalid(code("const event = { action: 'user.update', resource: 'user:1' } as const;", 'audit.log(event as object);'), {
    settings: SOC2,
    at: 'event as object',
    fields: ['actor', 'timestamp', 'outcome'],
    output: code(
      "const event = { action: 'user.update', resource: 'user:1' } as const;",
      `audit.log({ ...(event as object), actor: ${TODO.actor}, timestamp: new Date().toISOString(), outcome: 'success' });`,
    ),
  }),
  // Several object arguments: the one with fields is the event.
  invalid(
    code('declare function insertAuditLogs(tx: object, event: object): Promise<void>;', 'declare const tx: { insert(row: object): void };', "insertAuditLogs(tx, { action: 'user.update' });"),
    {
      settings: HIPAA,
      at: '{ action',
      fields: ['actor', 'timestamp', 'resource'],
      callee: 'insertAuditLogs',
      output: code(
        'declare function insertAuditLogs(tx: object, event: object): Promise<void>;',
        'declare const tx: { insert(row: object): void };',
        `insertAuditLogs(tx, { action: 'user.update'${appended(['actor', 'timestamp', 'resource'])} });`,
      ),
    },
  ),
  // A string literal before the event is the action; the other fields are still required.
  invalid(code('declare const auditLogger: { info(message: string, event: object): void };', "auditLogger.info('user.update', { actor: currentUser });"), {
    settings: SOC2,
    at: '{ actor',
    fields: ['timestamp', 'outcome', 'resource'],
    callee: 'auditLogger.info',
    output: code(
      'declare const auditLogger: { info(message: string, event: object): void };',
      `auditLogger.info('user.update', { actor: currentUser${appended(['timestamp', 'outcome', 'resource'])} });`,
    ),
  }),
  // Configured, the same call is an audit call whatever its object holds.
  invalid(code('declare const auditSink: { info(payload: object): void };', 'declare const record: object;', 'auditSink.info({ audit: record });'), {
    settings: withAudit(HIPAA, { calls: ['auditSink.info'] }),
    at: '{ audit',
    fields: ['actor', 'action', 'timestamp', 'resource'],
    callee: 'auditSink.info',
    output: code(
      'declare const auditSink: { info(payload: object): void };',
      'declare const record: object;',
      `auditSink.info({ audit: record${appended(['actor', 'action', 'timestamp', 'resource'])} });`,
    ),
  }),
  // A constructor configured as the audit call.
  invalid(code('declare class AuditEntry { constructor(event: object); }', "new AuditEntry({ action: 'user.update' });"), {
    settings: withAudit(HIPAA, { calls: ['AuditEntry'] }),
    at: '{ action',
    fields: ['actor', 'timestamp', 'resource'],
    callee: 'AuditEntry',
    output: code('declare class AuditEntry { constructor(event: object); }', `new AuditEntry({ action: 'user.update'${appended(['actor', 'timestamp', 'resource'])} });`),
  }),
  // The callee is named on one line.
  invalid(code('audit', "  .log({ action: 'user.update' });"), {
    settings: HIPAA,
    at: '{ action',
    fields: ['actor', 'timestamp', 'resource'],
    output: code('audit', `  .log({ action: 'user.update'${appended(['actor', 'timestamp', 'resource'])} });`),
  }),
  // Not a decorator: an audit call in a method body.
  invalid(code('class UsersController {', '  remove() {', "    return audit.log({ action: 'user.delete' });", '  }', '}'), {
    settings: HIPAA,
    at: '{ action',
    fields: ['actor', 'timestamp', 'resource'],
    output: code('class UsersController {', '  remove() {', `    return audit.log({ action: 'user.delete'${appended(['actor', 'timestamp', 'resource'])} });`, '  }', '}'),
  }),
  // Configured calls and `eventArgument`.
  invalid(code('declare const auditLogger: { log(event: object): void };', "auditLogger.log({ action: 'user.update' });"), {
    settings: withAudit(HIPAA, { calls: ['auditLogger.log'] }),
    at: '{ action',
    fields: ['actor', 'timestamp', 'resource'],
    callee: 'auditLogger.log',
    output: code('declare const auditLogger: { log(event: object): void };', `auditLogger.log({ action: 'user.update'${appended(['actor', 'timestamp', 'resource'])} });`),
  }),
  invalid(code('declare const auditLogger: { log(...args: unknown[]): void };', `auditLogger.log(${event()}, { note: 'x' });`), {
    settings: withAudit(HIPAA, { calls: ['auditLogger.log'], eventArgument: 1 }),
    at: "{ note: 'x' }",
    fields: ['actor', 'action', 'timestamp', 'resource'],
    callee: 'auditLogger.log',
    output: code(
      'declare const auditLogger: { log(...args: unknown[]): void };',
      `auditLogger.log(${event()}, { note: 'x'${appended(['actor', 'action', 'timestamp', 'resource'])} });`,
    ),
  }),

  // Values from the request context of the enclosing function.
  ...contextCases,

  // Hard-coded timestamps: string and number literals, fixed dates, constants.
  ...(
    [
      ['timestamp', "'2024-01-01T00:00:00Z'", "'2024-01-01T00:00:00Z'"],
      ['at', '1700000000000', '1700000000000'],
      ['occurredAt', "new Date('2024-01-01')", "new Date('2024-01-01')"],
      ['timestamp', 'new Date(0).toISOString()', 'new Date(0).toISOString()'],
      ['time', '`2024-01-01`', '`2024-01-01`'],
    ] as const
  ).map(([alias, value, at]): Invalid => {
    const text = code(`audit.log(${event(['timestamp'], { [alias]: value })});`);
    return {
      code: text,
      settings: ISO,
      errors: [hardCoded(text, ISO, at, code(`audit.log(${event(['timestamp'], { [alias]: 'new Date().toISOString()' })});`))],
    };
  }),
  (() => {
    const text = code("const STAMP = '2024-01-01';", `audit.log(${event(['timestamp'], { timestamp: 'STAMP' })});`);
    return {
      code: text,
      settings: SOC2,
      errors: [hardCoded(text, SOC2, 'STAMP }', code("const STAMP = '2024-01-01';", `audit.log(${event(['timestamp'], { timestamp: 'new Date().toISOString()' })});`))],
    };
  })(),
  // In a spread base: reported on the argument, fixed where it is written.
  (() => {
    const text = code("const base = { timestamp: '2024-01-01' };", `audit.log({ ...base, ${event(['timestamp']).slice(2)});`);
    return {
      code: text,
      settings: SOC2,
      errors: [hardCoded(text, SOC2, '{ ...base', code('const base = { timestamp: new Date().toISOString() };', `audit.log({ ...base, ${event(['timestamp']).slice(2)});`))],
    };
  })(),
];

for (const [mode, tester] of [
  ['untyped', untypedTester()],
  ['typed', typedTester()],
] as const) {
  tester.run(`audit-event-fields (${mode})`, rule, { valid: named(sharedValid), invalid: named(sharedInvalid) });
}

// ---------------------------------------------------------------------------------------------------------------------
// Failures are not audited (PCI DSS 10.2.1.4) — both modes
// ---------------------------------------------------------------------------------------------------------------------

const COMPLETE_SUCCESS = `audit.log(${event()})`;
const COMPLETE_FAILURE = `audit.log(${event(['outcome'], { outcome: "'failure'" })})`;

const failureValid: Valid[] = [
  // A catch block audits the failure.
  { code: code('async function login() {', '  try {', '    await work();', `    await ${COMPLETE_SUCCESS};`, '  } catch (error) {', `    await ${COMPLETE_FAILURE};`, '    throw error;', '  }', '}'), settings: PCI },
  // The outcome is computed, or another call records a failure.
  { code: code('async function login() {', '  const ok = await work();', `  await audit.log(${event(['outcome'], { outcome: "ok ? 'success' : 'failure'" })});`, '}'), settings: PCI },
  { code: code('async function login() {', '  if (!(await work())) {', `    await ${COMPLETE_FAILURE};`, '    return;', '  }', `  await ${COMPLETE_SUCCESS};`, '}'), settings: PCI },
  // A `.catch()` handler audits the failure.
  { code: code('function login() {', `  return work().then(() => ${COMPLETE_SUCCESS}).catch(() => ${COMPLETE_FAILURE});`, '}'), settings: PCI },
  { code: code('function login() {', `  return work().then(() => ${COMPLETE_SUCCESS}, () => ${COMPLETE_FAILURE});`, '}'), settings: PCI },
  // Callbacks belong to the function they are written in: the outer catch covers the transaction.
  {
    code: code(
      'declare const db: { transaction(fn: () => Promise<void>): Promise<void> };',
      'async function login() {',
      '  try {',
      `    await db.transaction(async () => { await ${COMPLETE_SUCCESS}; });`,
      '  } catch (error) {',
      `    await ${COMPLETE_FAILURE};`,
      '  }',
      '}',
    ),
    settings: PCI,
  },
  // An event the analysis cannot see may record a failure.
  { code: code('async function login(failure) {', `  await ${COMPLETE_SUCCESS};`, '  await audit.log(failure);', '}'), settings: PCI },
  // Module-level code is not a function.
  { code: code(`await ${COMPLETE_SUCCESS};`), settings: PCI },
  // Only under PCI DSS by default; the option decides both ways.
  { code: code('async function login() {', `  await ${COMPLETE_SUCCESS};`, '}'), settings: ISO },
  { code: code('async function login() {', `  await ${COMPLETE_SUCCESS};`, '}'), settings: PCI, options: [{ requireFailureEvents: false }] },
  // Look-alike: a log line with an outcome is not an audit event.
  { code: code('function login() {', "  logger.info({ outcome: 'success' });", '}'), settings: PCI },
];

const failureInvalid: Invalid[] = [
  (() => {
    const text = code('async function login() {', '  await work();', `  await ${COMPLETE_SUCCESS};`, '}');
    return { code: text, settings: PCI, errors: [failures(text, PCI, "'success'")] };
  })(),
  // A catch block that audits nothing.
  (() => {
    const text = code('async function login() {', '  try {', '    await work();', `    await ${COMPLETE_SUCCESS};`, '  } catch (error) {', '    throw error;', '  }', '}');
    return { code: text, settings: PCI, errors: [failures(text, PCI, "'success'")] };
  })(),
  // `success: true` and `status: 'ok'` are successes too; one report per function, on its first audit call.
  (() => {
    const text = code(
      'async function login() {',
      `  await audit.log(${event(['outcome'], { success: 'true' })});`,
      `  await audit.log(${event(['outcome'], { status: "'ok'" })});`,
      '}',
    );
    return { code: text, settings: PCI, errors: [failures(text, PCI, 'true')] };
  })(),
  // Each function on its own.
  (() => {
    const text = code('async function login() {', `  await ${COMPLETE_SUCCESS};`, '}', 'const logout = async () => {', `  await ${COMPLETE_SUCCESS};`, '};');
    return { code: text, settings: PCI, errors: [failures(text, PCI, "'success'", 1), failures(text, PCI, "'success'", 2)] };
  })(),
  // On without PCI DSS when asked.
  (() => {
    const text = code('async function login() {', `  await ${COMPLETE_SUCCESS};`, '}');
    return { code: text, settings: ISO, options: [{ requireFailureEvents: true }], errors: [failures(text, ISO, "'success'")] };
  })(),
  // Missing fields and failures are reported side by side.
  (() => {
    const text = code('async function login() {', `  await audit.log(${event(['resource'])});`, '}');
    return {
      code: text,
      settings: PCI,
      errors: [
        lacks(text, {
          settings: PCI,
          at: '{ actor',
          fields: ['resource'],
          output: code('async function login() {', `  await audit.log(${event(['resource']).slice(0, -2)}${appended(['resource'])} });`, '}'),
        }),
        failures(text, PCI, "'success'"),
      ],
    };
  })(),
];

for (const [mode, tester] of [
  ['untyped', untypedTester()],
  ['typed', typedTester()],
] as const) {
  tester.run(`audit-event-fields (${mode}): failures are audited`, rule, { valid: named(failureValid), invalid: named(failureInvalid) });
}

// ---------------------------------------------------------------------------------------------------------------------
// Where the modes differ
// ---------------------------------------------------------------------------------------------------------------------

const EVENTS = "import { actionOnly, buildPartialEvent, FixedTimeEvent, LoginEvent, SystemEvent } from './fields/events.js';";
const EVENT_TYPES = "import type { HollowEvent, NullableContextEvent, OptionalContextEvent, PartialEvent } from './fields/events.js';";

/** What typed mode reports and untyped mode cannot see. */
const unseenWithoutTypes: { code: string; settings: Settings; options?: Options; errors: Error[] }[] = [
  // A spread of a typed base object from another file.
  (() => {
    const text = code(EVENTS, "audit.log({ ...actionOnly, resource: 'user:1' });");
    return {
      code: text,
      settings: SOC2,
      errors: [
        lacks(text, {
          settings: SOC2,
          at: '{ ...actionOnly',
          fields: ['actor', 'timestamp', 'outcome'],
          output: code(EVENTS, `audit.log({ ...actionOnly, resource: 'user:1'${appended(['actor', 'timestamp', 'outcome'])} });`),
        }),
      ],
    };
  })(),
  // A builder in another file whose return type lacks fields.
  (() => {
    const text = code(EVENTS, "audit.log(buildPartialEvent('user.update', 'user:1'));");
    return {
      code: text,
      settings: ISO,
      errors: [
        lacks(text, {
          settings: ISO,
          at: 'buildPartialEvent(',
          fields: ['actor', 'source'],
          output: code(EVENTS, `audit.log({ ...buildPartialEvent('user.update', 'user:1'), actor: ${TODO.actor}, source: ${TODO.source} });`),
        }),
      ],
    };
  })(),
  // A class instance, directly and through a variable.
  (() => {
    const text = code(EVENTS, "audit.log(new SystemEvent('user.update', 'user:1'));");
    return {
      code: text,
      settings: ISO,
      errors: [
        lacks(text, {
          settings: ISO,
          at: 'new SystemEvent',
          fields: ['actor', 'source'],
          output: code(EVENTS, `audit.log({ ...(new SystemEvent('user.update', 'user:1')), actor: ${TODO.actor}, source: ${TODO.source} });`),
        }),
      ],
    };
  })(),
  (() => {
    const lines = (call: string) => code(EVENTS, 'function handler(req: { ip: string }) {', "  const entry = new SystemEvent('user.update', 'user:1');", `  return ${call};`, '}');
    const text = lines('audit.log(entry)');
    return {
      code: text,
      settings: ISO,
      errors: [lacks(text, { settings: ISO, at: 'entry)', fields: ['actor', 'source'], output: lines(`audit.log({ ...entry, actor: ${TODO.actor}, source: req.ip })`) })],
    };
  })(),
  // A typed parameter.
  (() => {
    const lines = (call: string) => code(EVENT_TYPES, `function handler(event: PartialEvent) { return ${call}; }`);
    const text = lines('audit.log(event)');
    return {
      code: text,
      settings: SOC2,
      errors: [
        lacks(text, {
          settings: SOC2,
          at: 'event)',
          fields: ['actor', 'timestamp', 'outcome'],
          output: lines(`audit.log({ ...event, actor: ${TODO.actor}, timestamp: new Date().toISOString(), outcome: 'success' })`),
        }),
      ],
    };
  })(),
  // Properties typed `undefined`, `null`, `''`.
  (() => {
    const lines = (call: string) => code(EVENT_TYPES, `function handler(event: HollowEvent) { return ${call}; }`);
    const text = lines('audit.log(event)');
    return {
      code: text,
      settings: ISO,
      errors: [
        lacks(text, {
          settings: ISO,
          at: 'event)',
          fields: ['actor', 'source', 'resource'],
          reasons: { actor: '(undefined)', source: '(null)', resource: "('')" },
          output: lines(`audit.log({ ...event, actor: ${TODO.actor}, source: ${TODO.source}, resource: ${TODO.resource} })`),
        }),
      ],
    };
  })(),
  // Optional properties, when they do not count; nullable properties do not guarantee the field either.
  ...['OptionalContextEvent', 'NullableContextEvent'].map(eventType => {
    const lines = (call: string) => code(EVENT_TYPES, `function handler(event: ${eventType}) { return ${call}; }`);
    const text = lines('audit.log(event)');
    return {
      code: text,
      settings: ISO,
      options: { allowOptional: false },
      errors: [
        lacks(text, {
          settings: ISO,
          at: 'event)',
          fields: ['actor', 'source'],
          reasons: { actor: '(optional)', source: '(optional)' },
          output: lines(`audit.log({ ...event, actor: ${TODO.actor}, source: ${TODO.source} })`),
        }),
      ],
    };
  }),
  // A configured call with several object arguments, none with fields: the object literal is the event (typed mode
  // sees that `tx` is an object; untyped, `tx` might be the event).
  (() => {
    const decl = 'declare function insertAuditLogs(tx: object, event: object): Promise<void>;\ndeclare const tx: { insert(row: object): void };';
    const text = code(decl, "insertAuditLogs(tx, { note: 'x' });");
    const settings = withAudit(HIPAA, { calls: ['insertAuditLogs'] });
    return {
      code: text,
      settings,
      errors: [
        lacks(text, {
          settings,
          at: "{ note: 'x' }",
          fields: ['actor', 'action', 'timestamp', 'resource'],
          callee: 'insertAuditLogs',
          output: code(decl, `insertAuditLogs(tx, { note: 'x'${appended(['actor', 'action', 'timestamp', 'resource'])} });`),
        }),
      ],
    };
  })(),
  // A `let` the types still describe.
  (() => {
    const lines = (call: string) => code("let event = { action: 'user.update', resource: 'user:1' };", "event = { action: 'user.delete', resource: 'user:2' };", `${call};`);
    const text = lines('audit.log(event)');
    return {
      code: text,
      settings: HIPAA,
      errors: [
        lacks(text, {
          settings: HIPAA,
          at: 'event)',
          fields: ['actor', 'timestamp'],
          output: lines(`audit.log({ ...event, actor: ${TODO.actor}, timestamp: new Date().toISOString() })`),
        }),
      ],
    };
  })(),
  // A hard-coded timestamp in a class of another file: reported on the argument, nothing to fix here.
  (() => {
    const text = code(EVENTS, 'audit.log(new FixedTimeEvent(currentUser, ip));');
    return { code: text, settings: ISO, errors: [hardCoded(text, ISO, 'new FixedTimeEvent', undefined)] };
  })(),
  // A class whose outcome is the literal type 'success', in a function without a failure audit.
  (() => {
    const text = code(EVENTS, 'async function login() {', '  await audit.log(new LoginEvent(currentUser, ip));', '}');
    return { code: text, settings: PCI, errors: [failures(text, PCI, 'new LoginEvent')] };
  })(),
];

/** Typed mode: the suggestion names what the types offer (their outputs type-check, see below). */
const typedContextCases: Invalid[] = [
  // The parameter's type names the aliases: added properties use them, so the call type-checks.
  (() => {
    const decl = 'declare const legacyAudit: { log(event: { userId?: string; eventType?: string; [key: string]: unknown }): Promise<void> };';
    const text = code(decl, "legacyAudit.log({ action: 'user.update', resource: 'user:1' });");
    return {
      code: text,
      settings: SOC2,
      errors: [
        lacks(text, {
          settings: SOC2,
          at: '{ action',
          fields: ['actor', 'timestamp', 'outcome'],
          callee: 'legacyAudit.log',
          output: code(decl, `legacyAudit.log({ action: 'user.update', resource: 'user:1', userId: ${TODO.actor}, timestamp: new Date().toISOString(), outcome: 'success' });`),
        }),
      ],
    };
  })(),
  // Express's Request has `ip` but no `user` without Passport: only the source comes from context.
  (() => {
    const lines = (added: string) =>
      code("import type { Request } from 'express';", 'export function handler(req: Request) {', `  return audit.log({ action: 'user.update', resource: 'user:1'${added} });`, '}');
    const text = lines('');
    const fields = ['actor', 'timestamp', 'outcome', 'source'] as const;
    return invalid(text, { settings: ISO, at: '{ action', fields, output: lines(appended(fields, { source: 'req.ip' })) });
  })(),
];

runNamed(typedTester(), 'audit-event-fields (typed): the type decides', {
  valid: [
    // Optional and nullable properties count by default.
    { code: code(EVENT_TYPES, 'function handler(event: OptionalContextEvent) { return audit.log(event); }'), settings: ISO },
    { code: code(EVENT_TYPES, 'function handler(event: NullableContextEvent) { return audit.log(event); }'), settings: ISO },
    // An optional property the literal visibly sets is there.
    {
      code: code(EVENT_TYPES, `const entry: OptionalContextEvent = ${event()};`, 'audit.log(entry);'),
      settings: ISO,
      options: [{ allowOptional: false }],
    },
    // A typed variable: its declared type decides, not the literal it was given.
    {
      code: code(
        EVENT_TYPES,
        "const entry: OptionalContextEvent = { action: 'user.update', timestamp: new Date().toISOString(), outcome: 'success', resource: 'user:1' };",
        'audit.log(entry);',
      ),
      settings: ISO,
    },
  ],
  invalid: [
    ...unseenWithoutTypes.map(({ code: text, settings, options, errors }): Invalid => ({ code: text, settings, ...(options ? { options: [options] } : {}), errors })),
    // The literal's `undefined` still counts as missing under an optional type.
    (() => {
      const lines = (value: string) =>
        code(EVENT_TYPES, `const entry: OptionalContextEvent = { actor: ${value}, action: 'user.update', timestamp: new Date().toISOString(), outcome: 'success', resource: 'user:1' };`, 'audit.log(entry);');
      const text = lines('undefined');
      return {
        code: text,
        settings: ISO,
        errors: [
          lacks(text, {
            settings: ISO,
            at: 'entry);',
            fields: ['actor'],
            reasons: { actor: '(undefined)' },
            output: code(
              EVENT_TYPES,
              "const entry: OptionalContextEvent = { actor: undefined, action: 'user.update', timestamp: new Date().toISOString(), outcome: 'success', resource: 'user:1' };",
              `audit.log({ ...entry, actor: ${TODO.actor} });`,
            ),
          }),
        ],
      };
    })(),
    ...typedContextCases,
  ],
});

runNamed(untypedTester(), 'audit-event-fields (untyped): only what the syntax shows', {
  valid: unseenWithoutTypes.map(({ code: text, settings, options }): Valid => ({ code: text, settings, ...(options ? { options: [options] } : {}) })),
  invalid: [
    // Without types the literal is what the event holds.
    (() => {
      const lines = (call: string) =>
        code(
          EVENT_TYPES,
          "const entry: OptionalContextEvent = { action: 'user.update', timestamp: new Date().toISOString(), outcome: 'success', resource: 'user:1' };",
          `${call};`,
        );
      const text = lines('audit.log(entry)');
      return invalid(text, { settings: ISO, at: 'entry)', fields: ['actor', 'source'], output: lines(`audit.log({ ...entry, actor: ${TODO.actor}, source: ${TODO.source} })`) });
    })(),
    // The conventional names give the context.
    (() => {
      const lines = (added: string) => code("import type { Request } from 'express';", 'export function handler(req: Request) {', `  return audit.log({ action: 'user.update', resource: 'user:1'${added} });`, '}');
      const fields = ['actor', 'timestamp', 'outcome', 'source'] as const;
      return invalid(lines(''), { settings: ISO, at: '{ action', fields, output: lines(appended(fields, { actor: 'req.user?.id', source: 'req.ip' })) });
    })(),
    (() => {
      const lines = (added: string) => ['app.post("/users", (req, res) => {', `  audit.log({ action: 'user.create', resource: 'user'${added} });`, '  res.end();', '});'].join('\n');
      const fields = ['actor', 'timestamp', 'outcome', 'source'] as const;
      return invalid(lines(''), { settings: ISO, at: '{ action', fields, output: lines(appended(fields, { actor: 'req.user?.id', source: 'req.ip' })) });
    })(),
    // Koa: `ctx` read like Koa's; Hono: `c.req`.
    (() => {
      const lines = (added: string) => ['router.post("/users", async (ctx) => {', `  await audit.log({ action: 'user.create', resource: 'user'${added} });`, '  ctx.status = 201;', '});'].join('\n');
      const fields = ['actor', 'timestamp', 'outcome', 'source'] as const;
      return invalid(lines(''), { settings: ISO, at: '{ action', fields, output: lines(appended(fields, { actor: 'ctx.state.user?.id', source: 'ctx.ip' })) });
    })(),
    (() => {
      const lines = (added: string) => ['app.post("/users", async (c) => {', '  const body = await c.req.json();', `  await audit.log({ action: 'user.create', resource: body.id${added} });`, '});'].join('\n');
      const fields = ['actor', 'timestamp', 'outcome', 'source'] as const;
      return invalid(lines(''), { settings: ISO, at: '{ action', fields, output: lines(appended(fields, { source: "c.req.header('x-forwarded-for')" })) });
    })(),
    // A `c` or `ctx` that is not a request context gives nothing.
    (() => {
      const lines = (added: string) => ['items.forEach((c) => {', `  audit.log({ action: 'item.check', resource: c${added} });`, '});'].join('\n');
      const fields = ['actor', 'timestamp', 'outcome', 'source'] as const;
      return invalid(lines(''), { settings: ISO, at: '{ action', fields, output: lines(appended(fields)) });
    })(),
  ],
});

/** Plain JavaScript (espree): the same rule, and suggestions that parse as JavaScript. */
runNamed(new RuleTester({ languageOptions: { parser: espree } }), 'audit-event-fields (JavaScript)', {
  valid: [{ code: `audit.log(${event()});`, settings: ISO }],
  invalid: [
    (() => {
      const text = "async function handler(req, res) {\n  await audit.log({ action: 'user.update' });\n}";
      const fields = ['actor', 'timestamp', 'outcome', 'source', 'resource'] as const;
      return invalid(text, {
        settings: ISO,
        at: '{ action',
        fields,
        output: text.replace("'user.update'", `'user.update'${appended(fields, { actor: 'req.user?.id', source: 'req.ip' })}`),
      });
    })(),
    (() => {
      const text = "const event = { action: 'user.update' };\naudit.log(event);";
      return invalid(text, {
        settings: HIPAA,
        at: 'event);',
        fields: ['actor', 'timestamp', 'resource'],
        output: `const event = { action: 'user.update' };\naudit.log({ ...event, actor: ${TODO.actor}, timestamp: new Date().toISOString(), resource: ${TODO.resource} });`,
      });
    })(),
  ],
});

// ---------------------------------------------------------------------------------------------------------------------
// Options and settings
// ---------------------------------------------------------------------------------------------------------------------

const RULE_ID = 'compliance/audit-event-fields';

function lint(text: string, options: { settings?: Settings; ruleOptions?: object } = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(text, {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser },
    plugins: { compliance: { rules: { 'audit-event-fields': rule } } as never },
    rules: { [RULE_ID]: options.ruleOptions ? ['error', options.ruleOptions] : 'error' },
    ...(options.settings ? { settings: options.settings } : {}),
  }, 'file.ts');
}

describe('options', () => {
  it.each([
    [{ require: ['who'] }, 'should be equal to one of the allowed values'],
    [{ require: 'actor' }, 'should be array'],
    [{ ignore: ['actor', 'actor'] }, 'should NOT have duplicate items'],
    [{ allowOptional: 'yes' }, 'should be boolean'],
    [{ requireFailureEvents: 1 }, 'should be boolean'],
    [{ fields: ['actor'] }, 'Unexpected property "fields"'],
  ])('rejects %j by the schema', (ruleOptions, expected) => {
    expect(() => lint('audit.log({});', { ruleOptions })).toThrow(expected);
    expect(() => lint('audit.log({});', { ruleOptions })).toThrow(RULE_ID);
  });

  it('throws a settings error naming the path for bad settings', () => {
    expect(() => lint('audit.log({});', { settings: withAudit(SOC2, { providedFields: ['who'] }) })).toThrow('settings.compliance.audit.providedFields[0]');
    expect(() => lint('audit.log({});', { settings: withAudit(SOC2, { eventArgument: -1 }) })).toThrow('settings.compliance.audit.eventArgument');
  });

  it('requires the union of the regulations, plus `require`, minus `ignore` and the provided fields', () => {
    expect(requiredFields(resolvePolicy(NONE), {})).toEqual([]);
    expect(requiredFields(resolvePolicy(GDPR), {})).toEqual([]);
    expect(requiredFields(resolvePolicy(SOC2), {})).toEqual(['actor', 'action', 'timestamp', 'outcome', 'resource']);
    expect(requiredFields(resolvePolicy(HIPAA), {})).toEqual(['actor', 'action', 'timestamp', 'resource']);
    expect(requiredFields(resolvePolicy(PCI), {})).toEqual([...AUDIT_FIELDS]);
    expect(requiredFields(resolvePolicy(regulations('hipaa', 'soc2')), {})).toEqual(['actor', 'action', 'timestamp', 'outcome', 'resource']);
    expect(requiredFields(resolvePolicy(HIPAA), { require: ['source'], ignore: ['resource'] })).toEqual(['actor', 'action', 'timestamp', 'source']);
    expect(requiredFields(resolvePolicy(withAudit(NONE, { providedFields: ['actor'] })), { require: ['actor', 'action'] })).toEqual(['action']);
  });

  it('names each missing field and the controls that require it', () => {
    const [message] = lint("audit.log({ action: 'user.update', actor: null });", { settings: PCI });
    expect(message?.message).toBe(
      `Audit event of audit.log lacks actor (null), timestamp, outcome, source, resource${fieldsCited(PCI, ['actor', 'timestamp', 'outcome', 'source', 'resource'])}`,
    );
    expect(message?.message).toContain('PCI DSS 10.2.2');
    expect(message?.message).toContain('8.2.1');
  });

  it('cites PCI DSS 10.2.1.4 when failures are not audited', () => {
    const messages = lint(`async function login() { await audit.log(${event()}); }`, { settings: PCI });
    expect(messages.map((message) => message.messageId)).toEqual(['failuresNotAudited']);
    expect(messages[0]?.message).toContain('10.2.1.4');
  });
});

describe('suggested code type-checks', () => {
  const outputs: string[] = [];
  for (const item of [...contextCases, ...typedContextCases]) {
    for (const error of item.errors) {
      const suggestions = error.suggestions;
      if (suggestions && typeof suggestions !== 'number') outputs.push(...suggestions.map((suggestion) => suggestion.output));
    }
  }

  it('has outputs to check', () => {
    expect(outputs.length).toBeGreaterThan(5);
  });

  it.each(outputs)('%s', (output) => {
    expect(typeErrors(output, path.join(fixturesDir, 'fields/suggested.ts'))).toEqual([]);
  });
});
