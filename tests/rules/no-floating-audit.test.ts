/**
 * no-floating-audit in both modes. Typed cases lint tests/fixtures/file.ts, which imports the fixture logger from
 * tests/fixtures/floating/audit-logger.ts: `audit` returns Promise<void>, `auditThenable` a thenable that is no Promise,
 * `auditSync` void, `auditService.log` (a class instance) Promise<void>.
 *
 * - Swallowed failures (`.catch(() => {})`, `.then(ok, noop)`, an empty or log-only `catch` around the call) are
 *   reported in both modes, identically.
 * - Floating writes are reported only with type information; the same code is valid without it.
 */
import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule, { type MessageIds, type Options } from '../../rules/no-floating-audit.js';
import { citeControls } from '../../src/analysis/controls.js';
import { resolvePolicy } from '../../src/settings.js';
import { fixturesDir, typedTester, untypedTester } from '../rule-tester.js';
import { typeErrors } from '../typecheck.js';

type Settings = Record<string, unknown>;
type Valid = ValidTestCase<[Options]>;
type Invalid = InvalidTestCase<MessageIds, [Options]>;
type Report = Invalid['errors'][number];

const IMPORTS =
  "import { audit, auditThenable, auditSync, auditService, recorder, queueForRetry, handle, noop, waitUntil, logger, _, AuditWriteError } from './floating/audit-logger.js';";

/** The code of a case: the fixture import, then the lines. */
const code = (...lines: string[]): string => [IMPORTS, ...lines].join('\n');

const RECORDER: Settings = { compliance: { audit: { calls: ['recorder.write'] } } };
const SERVICE_TYPE: Settings = { compliance: { audit: { calls: [{ type: 'AuditService', method: 'log' }] } } };
const PCI: Settings = { compliance: { regulations: { 'pci-dss': true } } };

const cited = (settings: Settings = {}): string => citeControls(resolvePolicy(settings), { checks: ['audit', 'protection'] });

/** Line and column (1-based) of the `nth` occurrence of `needle` in `text`. */
function position(text: string, needle: string, nth = 0): { line: number; column: number } {
  let index = -1;
  for (let seen = 0; seen <= nth; seen++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`${needle} #${nth} not in:\n${text}`);
  }
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

interface Where {
  /** The text the report starts at. */
  readonly at: string;
  readonly nth?: number;
  /** The audit call named in the message. */
  readonly call?: string;
  readonly settings?: Settings;
}

function swallowed(text: string, { at, nth, call = 'audit', settings }: Where): Report {
  return { messageId: 'swallowedAuditFailure', data: { call, controls: cited(settings) }, ...position(text, at, nth) };
}

/** A floating write; `output` is the suggestion's, omitted when no suggestion may be offered. */
function floating(text: string, { at, nth, call = 'audit', settings }: Where, output?: string): Report {
  return {
    messageId: 'floatingAudit',
    data: { call, controls: cited(settings) },
    ...position(text, at, nth),
    suggestions: output === undefined ? [] : [{ messageId: 'suggestAwait', output }],
  };
}

// =====================================================================================================================
// Floating writes: typed mode reports them; without types the same code is valid
// =====================================================================================================================

interface FloatingCase {
  readonly name: string;
  readonly code: string;
  readonly errors: (text: string) => Report[];
  readonly settings?: Settings;
}

const FLOATING: FloatingCase[] = [
  {
    name: 'expression statement in an async function: suggestion adds await',
    code: code('async function save() {', "  audit({ action: 'user.update' });", '}'),
    errors: text => [floating(text, { at: 'audit({' }, code('async function save() {', "  await audit({ action: 'user.update' });", '}'))],
  },
  {
    name: 'expression statement in a non-async function: no suggestion',
    code: code('function save() {', "  audit({ action: 'user.update' });", '}'),
    errors: text => [floating(text, { at: 'audit({' })],
  },
  {
    name: 'at the top level: no suggestion',
    code: code("audit({ action: 'boot' });"),
    errors: text => [floating(text, { at: 'audit({' })],
  },
  {
    name: 'in a non-async callback inside an async function: no suggestion',
    code: code('async function saveAll(ids: string[]) {', '  ids.forEach(id => {', '    audit({ action: id });', '  });', '}'),
    errors: text => [floating(text, { at: 'audit({' })],
  },
  {
    name: 'a thenable that is no Promise',
    code: code('const save = async () => {', "  auditThenable({ action: 'x' });", '};'),
    errors: text => [floating(text, { at: 'auditThenable(', call: 'auditThenable' }, code('const save = async () => {', "  await auditThenable({ action: 'x' });", '};'))],
  },
  {
    name: 'a method of an audit service instance',
    code: code('class Users {', '  async remove() {', "    auditService.log({ action: 'user.delete' });", '  }', '}'),
    errors: text => [
      floating(
        text,
        { at: 'auditService.log(', call: 'auditService.log' },
        code('class Users {', '  async remove() {', "    await auditService.log({ action: 'user.delete' });", '  }', '}'),
      ),
    ],
  },
  {
    name: 'void without a rejection handler',
    code: code('async function save() {', "  void audit({ action: 'x' });", '}'),
    errors: text => [floating(text, { at: 'audit({' }, code('async function save() {', "  await audit({ action: 'x' });", '}'))],
  },
  {
    name: 'void of a parenthesized call',
    code: code('async function save() {', "  void (audit({ action: 'x' }));", '}'),
    errors: text => [floating(text, { at: 'audit({' }, code('async function save() {', "  await audit({ action: 'x' });", '}'))],
  },
  {
    name: '.then(onFulfilled) attaches no rejection handler: await goes before the chain',
    code: code('async function save(done: () => void) {', "  audit({ action: 'x' }).then(done);", '}'),
    errors: text => [floating(text, { at: 'audit({' }, code('async function save(done: () => void) {', "  await audit({ action: 'x' }).then(done);", '}'))],
  },
  {
    name: '.finally() and .catch() without an argument handle nothing',
    code: code('async function save(done: () => void) {', "  audit({ action: 'a' }).finally(done);", "  audit({ action: 'b' }).catch();", '}'),
    errors: text => [
      floating(text, { at: 'audit({' }, code('async function save(done: () => void) {', "  await audit({ action: 'a' }).finally(done);", "  audit({ action: 'b' }).catch();", '}')),
      floating(text, { at: 'audit({', nth: 1 }, code('async function save(done: () => void) {', "  audit({ action: 'a' }).finally(done);", "  await audit({ action: 'b' }).catch();", '}')),
    ],
  },
  {
    name: 'Promise.all([…]) that floats: await goes before Promise.all',
    code: code('async function save() {', "  Promise.all([audit({ action: 'a' }), audit({ action: 'b' })]);", '}'),
    errors: text => {
      const output = code('async function save() {', "  await Promise.all([audit({ action: 'a' }), audit({ action: 'b' })]);", '}');
      return [floating(text, { at: 'audit({' }, output), floating(text, { at: 'audit({', nth: 1 }, output)];
    },
  },
  {
    name: 'a branch of a conditional statement',
    code: code('async function save(enabled: boolean) {', "  enabled ? audit({ action: 'x' }) : undefined;", '}'),
    errors: text => [floating(text, { at: 'audit({' }, code('async function save(enabled: boolean) {', "  enabled ? await audit({ action: 'x' }) : undefined;", '}'))],
  },
  {
    name: 'a logical expression statement',
    code: code('async function save(enabled: boolean) {', "  enabled && audit({ action: 'x' });", '}'),
    errors: text => [floating(text, { at: 'audit({' }, code('async function save(enabled: boolean) {', "  enabled && await audit({ action: 'x' });", '}'))],
  },
  {
    name: 'a non-last element of a sequence',
    code: code('async function save() {', "  let n = 0;", "  n = (audit({ action: 'x' }), 1);", '  return n;', '}'),
    errors: text => [floating(text, { at: 'audit({' }, code('async function save() {', "  let n = 0;", "  n = (await audit({ action: 'x' }), 1);", '  return n;', '}'))],
  },
  {
    name: 'a type assertion: the suggestion parenthesizes it',
    code: code('async function save() {', "  audit({ action: 'x' }) as Promise<void>;", '}'),
    errors: text => [floating(text, { at: 'audit({' }, code('async function save() {', "  await (audit({ action: 'x' }) as Promise<void>);", '}'))],
  },
  {
    name: 'configured audit.calls',
    settings: RECORDER,
    code: code('async function save() {', "  recorder.write({ action: 'x' });", "  audit({ action: 'not an audit call here' });", '}'),
    errors: text => [
      floating(
        text,
        { at: 'recorder.write(', call: 'recorder.write', settings: RECORDER },
        code('async function save() {', "  await recorder.write({ action: 'x' });", "  audit({ action: 'not an audit call here' });", '}'),
      ),
    ],
  },
  {
    name: 'a { type, method } audit call',
    settings: SERVICE_TYPE,
    code: code('function save(service: typeof auditService) {', "  service.log({ action: 'x' });", '}'),
    errors: text => [floating(text, { at: 'service.log(', call: 'service.log', settings: SERVICE_TYPE })],
  },
];

/** Handled, awaited, returned or passed-on writes, and what is no audit write: valid in both modes. */
const HANDLED: Valid[] = [
  { code: code('async function save() {', "  await audit({ action: 'x' });", '}') },
  { code: code('function save() {', "  return audit({ action: 'x' });", '}') },
  { code: code("const save = () => audit({ action: 'x' });") },
  { code: code("const save = async () => auditThenable({ action: 'x' });") },
  { code: code('function save() {', "  void audit({ action: 'x' }).catch(handle);", '}') },
  { code: code('function save() {', "  audit({ action: 'x' }).catch(handle);", '}') },
  { code: code('function save() {', "  audit({ action: 'x' }).catch(err => queueForRetry(err));", '}') },
  { code: code('function save(ok: () => void) {', "  audit({ action: 'x' }).then(ok, handle);", '}') },
  { code: code('function save(ok: () => void) {', "  audit({ action: 'x' }).then(ok).catch(handle);", '}') },
  { code: code('function save(ok: () => void) {', "  void audit({ action: 'x' }).then(ok, error => queueForRetry(error));", '}') },
  { code: code('async function save() {', "  await Promise.all([audit({ action: 'a' }), audit({ action: 'b' })]);", '}') },
  { code: code('function save() {', "  return Promise.all([audit({ action: 'a' })]);", '}') },
  { code: code('function save() {', "  Promise.all([audit({ action: 'a' })]).catch(handle);", '}') },
  { code: code('async function save() {', "  const pending = audit({ action: 'x' });", '  await pending;', '}') },
  { code: code('function save() {', "  const pending = audit({ action: 'x' });", '  return pending;', '}') },
  { code: code('function save() {', "  waitUntil(audit({ action: 'x' }));", '}') },
  { code: code('function* save() {', "  yield audit({ action: 'x' });", '}') },
  { code: code('function save() {', "  auditSync({ action: 'x' });", '}') },
  { code: code('async function save() {', "  await audit({ action: 'x' }).catch(e => Promise.reject(new AuditWriteError(e)));", '}') },
  // Not audit writes.
  { code: code('async function load(url: string) {', '  fetch(url);', "  logger.info('saved');", "  fetch(url).catch(() => {});", "  logger.info('x').catch(noop);", '}') },
  { code: code('declare const legacy: any;', "legacy.auditLog({ action: 'x' }).catch(handle);") },
  // Reading the audit trail is no write.
  { code: code('declare function getAuditLogs(): Promise<string[]>;', 'getAuditLogs();') },
];

// =====================================================================================================================
// Swallowed failures: reported in both modes
// =====================================================================================================================

interface SwallowCase {
  readonly name: string;
  readonly code: string;
  /** The texts the reports start at (the handler, or `catch`), and the audit call each names. */
  readonly at: readonly (string | Where)[];
  readonly settings?: Settings;
  readonly options?: Options;
}

const SWALLOWED: SwallowCase[] = [
  { name: '.catch(() => {})', code: code("void audit({ action: 'x' }).catch(() => {});"), at: ['() => {}'] },
  { name: '.catch(() => {}) awaited', code: code('async function save() {', "  await audit({ action: 'x' }).catch(() => {});", '}'), at: ['() => {}'] },
  { name: '.catch(() => {}) with only a comment', code: code("audit({ action: 'x' }).catch(() => {", '  // best effort', '});'), at: ['() => {'] },
  { name: '.catch(() => undefined)', code: code("audit({ action: 'x' }).catch(() => undefined);"), at: ['() => undefined'] },
  { name: '.catch(() => null)', code: code("audit({ action: 'x' }).catch(() => null);"), at: ['() => null'] },
  { name: '.catch(e => e) resolves with the error', code: code("audit({ action: 'x' }).catch(e => e);"), at: ['e => e'] },
  { name: '.catch(function () {})', code: code("audit({ action: 'x' }).catch(function () {});"), at: ['function () {}'] },
  { name: '.catch(noop)', code: code("audit({ action: 'x' }).catch(noop);"), at: ['noop)'] },
  { name: '.catch(_.noop)', code: code("audit({ action: 'x' }).catch(_.noop);"), at: ['_.noop'] },
  { name: '.catch(Function.prototype)', code: code("audit({ action: 'x' }).catch(Function.prototype);"), at: ['Function.prototype'] },
  { name: '.catch(console.log)', code: code("audit({ action: 'x' }).catch(console.log);"), at: ['console.log'] },
  { name: '.catch(console.error.bind(console))', code: code("audit({ action: 'x' }).catch(console.error.bind(console));"), at: ['console.error.bind'] },
  { name: '.catch(err => logger.error(err)) only logs', code: code("audit({ action: 'x' }).catch(err => logger.error(err));"), at: ['err => logger'] },
  {
    name: 'a block handler that only logs',
    code: code("audit({ action: 'x' }).catch((err: Error) => {", "  console.error('audit failed', err.message);", '  return;', '});'),
    at: ['(err: Error) =>'],
  },
  { name: 'a local no-op function', code: code('const ignore = () => {};', "audit({ action: 'x' }).catch(ignore);"), at: ['ignore)'] },
  {
    name: 'a local function declaration that only logs',
    code: code('function report(error: unknown) {', "  logger.error('audit', `${String(error)}`);", '}', "audit({ action: 'x' }).catch(report);"),
    at: ['report)'],
  },
  { name: '.then(ok, () => {})', code: code('declare const ok: () => void;', "audit({ action: 'x' }).then(ok, () => {});"), at: ['() => {}'] },
  { name: 'a thenable', code: code("auditThenable({ action: 'x' }).then(undefined, noop);"), at: [{ at: 'noop)', call: 'auditThenable' }] },
  {
    name: 'after .then(ok): the first rejection handler counts',
    code: code('declare const ok: () => void;', "audit({ action: 'x' }).then(ok).catch(() => {}).catch(handle);"),
    at: ['() => {}'],
  },
  {
    name: 'Promise.all([…]).catch(noop): one report for both writes',
    code: code("Promise.all([audit({ action: 'a' }), audit({ action: 'b' })]).catch(noop);"),
    at: ['noop)'],
  },
  {
    name: 'empty catch around an awaited write',
    code: code('async function save() {', '  try {', "    await audit({ action: 'x' });", '  } catch {}', '}'),
    at: ['catch {}'],
  },
  {
    name: 'catch with only a comment, around a direct call',
    code: code('function save() {', '  try {', "    auditSync({ action: 'x' });", '  } catch (error) {', '    // best effort', '  }', '}'),
    at: [{ at: 'catch (error)', call: 'auditSync' }],
  },
  {
    name: 'catch that only logs',
    code: code('async function save() {', '  try {', "    await audit({ action: 'x' });", '  } catch (err) {', '    logger.error(err);', '  }', '}'),
    at: ['catch (err)'],
  },
  {
    name: 'catch that only logs and returns null',
    code: code('async function save() {', '  try {', "    await auditService.log({ action: 'x' });", '  } catch (err) {', "    console.warn('audit', err);", '    return null;', '  }', '}'),
    at: [{ at: 'catch (err)', call: 'auditService.log' }],
  },
  {
    name: 'two writes in one try: one report, naming the first',
    code: code('async function save() {', '  try {', "    await audit({ action: 'a' });", "    await audit({ action: 'b' });", '  } catch {}', '}'),
    at: ['catch {}'],
  },
  {
    name: 'through an inner try/finally',
    code: code('async function save(release: () => void) {', '  try {', '    try {', "      await audit({ action: 'x' });", '    } finally {', '      release();', '    }', '  } catch {}', '}'),
    at: ['catch {}'],
  },
  {
    name: 'allowHandlers does not bless other loggers',
    options: { allowHandlers: ['logger.alert'] },
    code: code("audit({ action: 'x' }).catch(err => console.error(err));"),
    at: ['err => console'],
  },
  {
    name: 'configured audit.calls',
    settings: RECORDER,
    code: code("recorder.write({ action: 'x' }).catch(() => {});", "audit({ action: 'not an audit call here' }).catch(() => {});"),
    at: [{ at: '() => {}', call: 'recorder.write', settings: RECORDER }],
  },
];

/** Look-alikes of the swallowing forms that handle the failure: valid in both modes. */
const NOT_SWALLOWED: Valid[] = [
  { code: code("audit({ action: 'x' }).catch(err => queueForRetry(err));"), options: [{ allowHandlers: ['queueForRetry'] }] },
  { code: code("audit({ action: 'x' }).catch(queueForRetry);") },
  { code: code("audit({ action: 'x' }).catch((err: unknown) => {", '  throw new AuditWriteError(err);', '});') },
  { code: code("audit({ action: 'x' }).catch(err => logger.alert(err));"), options: [{ allowHandlers: ['logger.alert'] }] },
  { code: code("audit({ action: 'x' }).catch(logger.alert);"), options: [{ allowHandlers: ['logger.alert'] }] },
  { code: code("audit({ action: 'x' }).catch(noop);"), options: [{ allowHandlers: ['noop'] }] },
  // Logging and rethrowing surfaces the failure.
  { code: code("audit({ action: 'x' }).catch((err: unknown) => {", '  logger.error(err);', '  throw err;', '});') },
  // The log call computes something first: the rule cannot tell, so it stays silent.
  { code: code('declare function enqueue(e: unknown): string;', "audit({ action: 'x' }).catch(err => logger.error(enqueue(err)));") },
  { code: code('function retry(error: unknown) {', '  queueForRetry(error);', '}', "audit({ action: 'x' }).catch(retry);") },
  { code: code('async function save() {', '  try {', "    await audit({ action: 'x' });", '  } catch (err) {', '    throw err;', '  }', '}') },
  { code: code('async function save() {', '  try {', "    await audit({ action: 'x' });", '  } catch (err) {', '    logger.error(err);', '    throw new AuditWriteError(err);', '  }', '}') },
  { code: code('async function save() {', '  try {', "    await audit({ action: 'x' });", '  } catch (err) {', '    queueForRetry(err);', '  }', '}') },
  {
    code: code('async function save() {', '  try {', "    await audit({ action: 'x' });", '  } catch (err) {', '    logger.alert(err);', '  }', '}'),
    options: [{ allowHandlers: ['logger.alert'] }],
  },
  // The write handles its own failure: the empty catch never sees it.
  { code: code('async function save() {', '  try {', "    await audit({ action: 'x' }).catch(handle);", '  } catch {}', '}') },
  // Auditing the failure is handling it.
  { code: code('async function save(work: () => Promise<void>) {', '  try {', '    await work();', '  } catch {', "    await audit({ action: 'work.failed' });", '  }', '}') },
  // No audit write in the try block (nested functions are not followed).
  { code: code('function save(work: () => void) {', '  try {', '    work();', '  } catch {}', '}') },
  { code: code('async function save(ids: string[]) {', '  try {', '    await Promise.all(ids.map(id => audit({ action: id })));', '  } catch {}', '}') },
  { code: code('function save() {', '  try {', '    return 1;', '  } catch {}', "  finally { auditSync({ action: 'x' }); }", '}') },
  { code: code("audit({ action: 'x' }).then(undefined, handle);") },
];

function swallowCase(item: SwallowCase): Invalid {
  return {
    code: item.code,
    ...(item.settings ? { settings: item.settings } : {}),
    ...(item.options ? { options: [item.options] } : {}),
    errors: item.at.map(where => swallowed(item.code, typeof where === 'string' ? { at: where } : where)),
  };
}

// =====================================================================================================================
// Running
// =====================================================================================================================

describe('no-floating-audit', () => {
  typedTester().run('no-floating-audit (typed): floating writes', rule, {
    valid: HANDLED,
    invalid: FLOATING.map(item => ({
      code: item.code,
      ...(item.settings ? { settings: item.settings } : {}),
      errors: item.errors(item.code),
    })),
  });

  untypedTester().run('no-floating-audit (untyped): no floating reports without types', rule, {
    valid: [...HANDLED, ...FLOATING.map(item => ({ code: item.code, ...(item.settings ? { settings: item.settings } : {}) }))],
    invalid: [],
  });

  for (const [mode, tester] of [
    ['untyped', untypedTester],
    ['typed', typedTester],
  ] as const) {
    tester().run(`no-floating-audit (${mode}): swallowed failures`, rule, {
      valid: NOT_SWALLOWED,
      invalid: SWALLOWED.map(swallowCase),
    });
  }

  // A floating write inside an empty try/catch gets both reports in typed mode, the swallow report in both.
  const both = code('function save() {', '  try {', "    audit({ action: 'x' });", '  } catch {}', '}');
  typedTester().run('no-floating-audit (typed): floating and swallowed', rule, {
    valid: [],
    invalid: [{ code: both, errors: [floating(both, { at: 'audit({' }), swallowed(both, { at: 'catch {}' })] }],
  });
  untypedTester().run('no-floating-audit (untyped): swallowed only', rule, {
    valid: [],
    invalid: [{ code: both, errors: [swallowed(both, { at: 'catch {}' })] }],
  });

});

describe('no-floating-audit suggestions type-check', () => {
  const file = path.join(fixturesDir, 'file.ts');
  const outputs = FLOATING.flatMap(item =>
    item.errors(item.code).flatMap(error => (error.suggestions ?? []).map(suggestion => [item.name, item.code, suggestion.output] as const)),
  );

  it('has suggestions to check', () => {
    expect(outputs.length).toBeGreaterThan(10);
  });

  it.each(outputs)('%s', (_name, before, after) => {
    expect(typeErrors(before, file)).toEqual([]);
    expect(typeErrors(after, file)).toEqual([]);
  });
});

// =====================================================================================================================
// Through ESLint's Linter: messages, controls and bad options
// =====================================================================================================================

const RULE_ID = 'compliance/no-floating-audit';

function lint(text: string, options: { settings?: Settings; ruleOptions?: unknown } = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(text, {
    plugins: { compliance: { rules: { 'no-floating-audit': rule } } as never },
    rules: { [RULE_ID]: options.ruleOptions === undefined ? 'error' : ['error', options.ruleOptions] },
    ...(options.settings ? { settings: options.settings } : {}),
  });
}

describe('no-floating-audit messages and options (Linter)', () => {
  it('names the write and cites the active controls', () => {
    const [message] = lint("audit.log({ action: 'x' }).catch(() => {});", { settings: PCI });
    expect(message?.message).toBe(`The failure of the audit write \`audit.log(…)\` is swallowed: retry it, queue it or surface it${cited(PCI)}`);
    expect(cited(PCI)).toContain('PCI DSS');
  });

  it('reports with espree on plain JavaScript', () => {
    expect(lint('try { auditLog(event); } catch (e) {}').map(m => [m.messageId, m.line, m.column])).toEqual([['swallowedAuditFailure', 1, 26]]);
  });

  it.each([
    [{ allowHandlers: 'queueForRetry' }, 'Value "queueForRetry" should be array'],
    [{ allowHandlers: [5] }, 'should match some schema in anyOf'],
    [{ allowHandlers: [''] }, 'should match some schema in anyOf'],
    [{ allowHandlers: [{ import: '@acme/retry' }] }, 'should match some schema in anyOf'],
    [{ retry: true }, 'Unexpected property "retry"'],
  ])('rejects %j by the schema', (ruleOptions, expected) => {
    expect(() => lint('foo();', { ruleOptions })).toThrow(expected);
    expect(() => lint('foo();', { ruleOptions })).toThrow(RULE_ID);
  });

  it('rejects a malformed matcher string, naming the option', () => {
    expect(() => lint('foo();', { ruleOptions: { allowHandlers: ['queueForRetry', 'queue for retry'] } })).toThrow(
      /Option allowHandlers\[1\]: expected a string like "audit\.log" or \{ import, name \} or \{ type, method \}, got "queue for retry"/u,
    );
  });

  it('accepts { import, name } handlers', () => {
    const text = "import { log } from '@acme/alerts';\nauditLog({}).catch(log);";
    expect(lint(text).map(m => m.messageId)).toEqual(['swallowedAuditFailure']);
    expect(lint(text, { ruleOptions: { allowHandlers: [{ import: '@acme/alerts', name: 'log' }] } })).toEqual([]);
  });

  it('throws a settings error for bad settings', () => {
    expect(() => lint('foo();', { settings: { compliance: { audit: { calls: [''] } } } })).toThrow('settings.compliance.audit.calls[0]');
  });
});
