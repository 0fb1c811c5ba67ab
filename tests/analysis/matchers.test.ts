/**
 * Matchers on real parses: tiny rules report what a matcher recognizes, and each case asserts exactly which calls
 * (by matcher source and line) are reported. Every positive sits beside a look-alike negative.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import {
  calleePath,
  compileDecoratorMatcher,
  compileMatcher,
  createCallMatcher,
  createDecoratorMatcher,
  EXPRESSION_SEGMENT,
  hasWord,
  isDefaultAuditCall,
  pathMatches,
  splitWords,
  type MatcherSpec,
} from '../../src/analysis/matchers.js';
import { typedTester, untypedTester } from '../rule-tester.js';

// ---------------------------------------------------------------------------------------------------------------------
// Test rules and a compact case table
// ---------------------------------------------------------------------------------------------------------------------

const testRule = ESLintUtils.RuleCreator.withoutDocs;

/** Reports every call / new expression that `createCallMatcher(specs)` matches, with the matcher's source. */
function callMatcherRule(specs: readonly MatcherSpec[]) {
  const matchers = specs.map((spec, index) => compileMatcher(spec, `settings.compliance.audit.calls[${index}]`));
  return testRule<[], 'match'>({
    meta: { type: 'problem', messages: { match: 'matched {{source}}' }, schema: [] },
    create(context) {
      const matcher = createCallMatcher(matchers, context);
      const check = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
        const hit = matcher.matches(node);
        if (hit) context.report({ node, messageId: 'match', data: { source: hit.source } });
      };
      return { CallExpression: check, NewExpression: check };
    },
  });
}

/** Reports every call with its `calleePath` (`undefined` when there is none). */
const calleePathRule = testRule<[], 'match'>({
  meta: { type: 'problem', messages: { match: 'matched {{source}}' }, schema: [] },
  create(context) {
    const check = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      context.report({ node, messageId: 'match', data: { source: calleePath(node.callee)?.join('.') ?? 'undefined' } });
    };
    return { CallExpression: check, NewExpression: check };
  },
});

/** Reports every call the default heuristic takes for an audit call. */
const defaultAuditRule = testRule<[], 'match'>({
  meta: { type: 'problem', messages: { match: 'matched {{source}}' }, schema: [] },
  create(context) {
    const check = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      if (isDefaultAuditCall(node)) context.report({ node, messageId: 'match', data: { source: 'default' } });
    };
    return { CallExpression: check, NewExpression: check };
  },
});

/** Reports every decorator that `createDecoratorMatcher(specs)` matches. */
function decoratorRule(specs: readonly string[]) {
  const matchers = specs.map((spec, index) => compileDecoratorMatcher(spec, `settings.compliance.audit.decorators[${index}]`));
  return testRule<[], 'match'>({
    meta: { type: 'problem', messages: { match: 'matched {{source}}' }, schema: [] },
    create(context) {
      const matcher = createDecoratorMatcher(matchers);
      return {
        Decorator(node) {
          const hit = matcher.matches(node);
          if (hit) context.report({ node, messageId: 'match', data: { source: hit.source } });
        },
      };
    },
  });
}

/** Reports every decorator a CALL matcher list matches (decorator expressions are callees too). */
function decoratorAsCallRule(specs: readonly MatcherSpec[]) {
  const matchers = specs.map((spec, index) => compileMatcher(spec, `calls[${index}]`));
  return testRule<[], 'match'>({
    meta: { type: 'problem', messages: { match: 'matched {{source}}' }, schema: [] },
    create(context) {
      const matcher = createCallMatcher(matchers, context);
      return {
        Decorator(node) {
          const hit = matcher.matches(node);
          if (hit) context.report({ node, messageId: 'match', data: { source: hit.source } });
        },
      };
    },
  });
}

/** An expected report: the matcher source, optionally on a given line (1-based). */
type Hit = string | readonly [source: string, line: number];

interface Case {
  readonly code: string;
  /** Reports in source order; none = a valid case. */
  readonly hits?: readonly Hit[];
}

type Rule = ReturnType<typeof callMatcherRule>;

function runCases(tester: RuleTester, name: string, rule: Rule, cases: readonly Case[]): void {
  const valid = cases.filter((item) => !item.hits?.length).map((item) => ({ code: item.code }));
  const invalid = cases
    .filter((item) => item.hits?.length)
    .map((item) => ({
      code: item.code,
      errors: (item.hits ?? []).map((hit) =>
        typeof hit === 'string'
          ? { messageId: 'match' as const, data: { source: hit } }
          : { messageId: 'match' as const, data: { source: hit[0] }, line: hit[1] },
      ),
    }));
  tester.run(name, rule, { valid, invalid });
}

const modes: ReadonlyArray<readonly [string, () => RuleTester]> = [
  ['untyped', untypedTester],
  ['typed', typedTester],
];

// ---------------------------------------------------------------------------------------------------------------------
// splitWords / hasWord / pathMatches
// ---------------------------------------------------------------------------------------------------------------------

describe('splitWords', () => {
  it.each([
    ['userPasswordHash', ['user', 'password', 'hash']],
    ['DB_PASSWORD', ['db', 'password']],
    ['APIKey', ['api', 'key']],
    ['x-api-key', ['x', 'api', 'key']],
    ['cardNumber2', ['card', 'number', '2']],
    ['UserService', ['user', 'service']],
    ['snake_case_name', ['snake', 'case', 'name']],
    ['HTTPServer2Port', ['http', 'server', '2', 'port']],
    ['sha256Hash', ['sha', '256', 'hash']],
    ['v2Api', ['v', '2', 'api']],
    ['userID', ['user', 'id']],
    ['userIDs', ['user', 'ids']],
    ['iPhone', ['i', 'phone']],
    ['_private', ['private']],
    ['$__proto__', ['proto']],
    ['ssn', ['ssn']],
    ['SSN', ['ssn']],
    ['auditorium', ['auditorium']],
    ['insertAuditLogs', ['insert', 'audit', 'logs']],
    ['reset password url', ['reset', 'password', 'url']],
    ['user.email', ['user', 'email']],
    ['naïveÉcole', ['naïve', 'école']],
    ['', []],
    ['__', []],
  ])('%s', (name, words) => {
    expect(splitWords(name)).toEqual(words);
  });

  it('hasWord compares whole words, case-insensitively', () => {
    expect(hasWord('sendAudit', 'audit')).toBe(true);
    expect(hasWord('AUDIT_LOG', 'audit')).toBe(true);
    expect(hasWord('auditorium', 'audit')).toBe(false);
    expect(hasWord('audited', 'audit')).toBe(false);
  });

  it('pathMatches needs equal length; * matches any one segment', () => {
    expect(pathMatches(['*', 'log'], ['audit', 'log'])).toBe(true);
    expect(pathMatches(['*', 'log'], [EXPRESSION_SEGMENT, 'log'])).toBe(true);
    expect(pathMatches(['*', 'log'], ['a', 'b', 'log'])).toBe(false);
    expect(pathMatches(['audit', 'log'], [EXPRESSION_SEGMENT, 'log'])).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// calleePath
// ---------------------------------------------------------------------------------------------------------------------

describe('calleePath', () => {
  runCases(untypedTester(), 'calleePath', calleePathRule, [
    { code: 'a();', hits: ['a'] },
    { code: 'a.b.c();', hits: ['a.b.c'] },
    { code: 'this.x.y();', hits: ['this.x.y'] },
    { code: 'a?.b?.c();', hits: ['a.b.c'] },
    { code: 'a.b?.();', hits: ['a.b'] },
    { code: "a['b-c'].d();", hits: ['a.b-c.d'] },
    { code: 'a[`b`]();', hits: ['a.b'] },
    { code: 'a.b!();', hits: ['a.b'] },
    { code: '(a as any).b();', hits: ['a.b'] },
    { code: '(<any>a).b();', hits: ['a.b'] },
    { code: '(a.b satisfies object).c();', hits: ['a.b.c'] },
    { code: '((a)).b();', hits: ['a.b'] },
    { code: 'f<string>();', hits: ['f'] },
    { code: 'new a.B();', hits: ['a.B'] },
    // A call on a call: the receiver is one opaque segment.
    { code: 'a.b().c();', hits: [`${EXPRESSION_SEGMENT}.c`, 'a.b'] },
    { code: 'async function f() { (await getKey()).destroyWithCtx(ctx); }', hits: [`${EXPRESSION_SEGMENT}.destroyWithCtx`, 'getKey'] },
    { code: 'a[k].b();', hits: [`${EXPRESSION_SEGMENT}.b`] },
    { code: 'a[0].b();', hits: [`${EXPRESSION_SEGMENT}.b`] },
    { code: 'new X().y();', hits: [`${EXPRESSION_SEGMENT}.y`, 'X'] },
    { code: 'class A extends B { m() { super.x(); } }', hits: ['super.x'] },
    { code: 'class A { #p = { q() {} }; m() { this.#p.q(); } }', hits: ['this.#p.q'] },
    // No name at all.
    { code: '(() => 0)();', hits: ['undefined'] },
    { code: 'fns[0]();', hits: ['undefined'] },
    { code: 'a[k]();', hits: ['undefined'] },
    { code: 'make()();', hits: ['undefined', 'make'] },
  ]);
});

// ---------------------------------------------------------------------------------------------------------------------
// Path matchers (both modes: purely syntactic)
// ---------------------------------------------------------------------------------------------------------------------

const pathCases: readonly Case[] = [
  // `name`: the identifier as called, local or imported.
  { code: 'sendAudit({ action: "x" });', hits: ['sendAudit'] },
  { code: "import { sendAudit } from './x';\nsendAudit();", hits: ['sendAudit'] },
  { code: 'function sendAudit() {}\nsendAudit();', hits: ['sendAudit'] },
  { code: 'x.sendAudit();' },
  { code: 'sendAuditLater();' },
  { code: "import { sendAudit as s } from './x';\ns();" },
  { code: 'new sendAudit();', hits: ['sendAudit'] },
  // `a.b`: every member form.
  { code: 'audit.log();', hits: ['audit.log'] },
  { code: 'audit?.log();', hits: ['audit.log'] },
  { code: 'audit.log?.();', hits: ['audit.log'] },
  { code: 'audit.log!();', hits: ['audit.log'] },
  { code: 'audit!.log();', hits: ['audit.log'] },
  { code: '(audit as any).log();', hits: ['audit.log'] },
  { code: '(audit).log();', hits: ['audit.log'] },
  { code: "audit['log']();", hits: ['audit.log'] },
  { code: 'audit.logs();' },
  { code: 'audits.log();' },
  { code: 'my.audit.log();' },
  { code: 'audit.log.call(null, e);' },
  { code: 'audit[method]();' },
  { code: 'audit();' },
  { code: 'log();' },
  // `*` segments.
  { code: 'this.auditService.log(e);', hits: ['*.auditService.log'] },
  { code: 'controller.auditService.log(e);', hits: ['*.auditService.log'] },
  { code: 'getCtl().auditService.log(e);', hits: ['*.auditService.log'] },
  { code: 'auditService.log(e);' },
  { code: 'this.auditService.warn(e);' },
  { code: 'a.b.auditService.log(e);' },
  { code: 'apiKey.destroyWithCtx(ctx);', hits: ['*.destroyWithCtx'] },
  { code: 'async function f() {\n  await (await getKey()).destroyWithCtx(ctx);\n}', hits: ['*.destroyWithCtx'] },
  { code: 'keys[0].destroyWithCtx(ctx);', hits: ['*.destroyWithCtx'] },
  { code: 'destroyWithCtx(ctx);' },
  { code: 'apiKey.destroy(ctx);' },
  { code: 'apiKey.save();' },
  { code: 'a.b.destroyWithCtx(ctx);' },
  { code: 'tracker.anything(1);', hits: ['tracker.*'] },
  { code: 'tracker();' },
  { code: 'tracker.a.b();' },
  // `this.x.y`.
  { code: 'class C { m() { this.x.y(); } }', hits: ['this.x.y'] },
  { code: 'that.x.y();' },
  { code: 'class C { m() { this.x.y.z(); } }' },
  { code: 'class C { m() { this.x(); } }' },
  // Several calls: exactly the matching ones, by line.
  {
    code: 'sendAudit();\nsendAuditLater();\naudit.log();\naudit.info();\nthis.auditService.log();',
    hits: [['sendAudit', 1], ['audit.log', 3], ['*.auditService.log', 5]],
  },
];

const pathSpecs: readonly MatcherSpec[] = ['sendAudit', 'audit.log', '*.auditService.log', '*.destroyWithCtx', 'tracker.*', 'this.x.y'];

describe('createCallMatcher: path matchers', () => {
  for (const [mode, tester] of modes) {
    describe(mode, () => {
      runCases(tester(), `path-${mode}`, callMatcherRule(pathSpecs), pathCases);
    });
  }

  describe('plain JavaScript (espree)', () => {
    runCases(new RuleTester({ languageOptions: { parser: espree } }), 'path-espree', callMatcherRule(pathSpecs), [
      { code: 'audit.log(e);', hits: ['audit.log'] },
      { code: 'audit.info(e);' },
    ]);
  });

  describe('the first matcher of the list wins', () => {
    runCases(untypedTester(), 'path-order', callMatcherRule(['*.log', 'audit.log']), [
      { code: 'audit.log();', hits: ['*.log'] },
      { code: 'audit.warn();' },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Import matchers (both modes: scope analysis)
// ---------------------------------------------------------------------------------------------------------------------

const RECORD = '@acme/audit#record';
const DEFAULT = '@acme/audit#default';
const DOTTED = '@acme/audit#auditor.log';

const importSpecs: readonly MatcherSpec[] = [
  { import: '@acme/audit', name: 'record' },
  { import: '@acme/audit', name: 'default' },
  { import: '@acme/audit', name: 'auditor.log' },
];

const importCases: readonly Case[] = [
  // Named, aliased.
  { code: "import { record } from '@acme/audit';\nrecord(e);", hits: [RECORD] },
  { code: "import { record as r } from '@acme/audit';\nr(e);", hits: [RECORD] },
  { code: "import { record as r } from '@acme/audit';\nrecord(e);" },
  { code: "import { record } from '@acme/other';\nrecord(e);" },
  { code: "import { log } from '@acme/audit';\nlog(e);" },
  { code: 'record(e);' },
  // Shadowed by a local of the same name.
  { code: "import { record } from '@acme/audit';\nfunction f(record: () => void) {\n  record();\n}" },
  { code: "import { record } from '@acme/audit';\n{\n  const record = () => {};\n  record();\n}" },
  { code: "import { record } from '@acme/audit';\nfunction f(x: () => void) {\n  record();\n  x();\n}", hits: [[RECORD, 3]] },
  // Default.
  { code: "import audit from '@acme/audit';\naudit(e);", hits: [DEFAULT] },
  { code: "import { default as a } from '@acme/audit';\na(e);", hits: [DEFAULT] },
  { code: "import audit from '@acme/other';\naudit(e);" },
  { code: "import audit from '@acme/audit';\naudit.log(e);" },
  // A member of the default export is the named export (CommonJS interop).
  { code: "import audit from '@acme/audit';\naudit.record(e);", hits: [RECORD] },
  // Namespace.
  { code: "import * as a from '@acme/audit';\na.record(e);", hits: [RECORD] },
  { code: "import * as a from '@acme/audit';\na.default(e);", hits: [DEFAULT] },
  { code: "import * as a from '@acme/audit';\na(e);" },
  { code: "import * as a from '@acme/audit';\na.recordAll(e);" },
  { code: "import * as a from '@acme/other';\na.record(e);" },
  // require.
  { code: "const { record } = require('@acme/audit');\nrecord(e);", hits: [RECORD] },
  { code: "const { record: r } = require('@acme/audit');\nr(e);", hits: [RECORD] },
  { code: "const { record: r = () => {} } = require('@acme/audit');\nr(e);", hits: [RECORD] },
  { code: "const a = require('@acme/audit');\na.record(e);", hits: [RECORD] },
  { code: "const a = require('@acme/audit');\na(e);", hits: [DEFAULT] },
  { code: "const r = require('@acme/audit').record;\nr(e);", hits: [RECORD] },
  { code: "require('@acme/audit').record(e);", hits: [RECORD] },
  { code: "const { record } = require('@acme/other');\nrecord(e);" },
  { code: "const { other: record } = require('@acme/audit');\nrecord(e);" },
  { code: "const [record] = require('@acme/audit');\nrecord(e);" },
  { code: "function f(require: (m: string) => any) {\n  const { record } = require('@acme/audit');\n  record(e);\n}" },
  {
    code: "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nconst { record } = require('@acme/audit');\nrecord(e);",
    hits: [RECORD],
  },
  { code: "let r = require('@acme/audit').record;\nr = () => {};\nr(e);" },
  // import() and import = require().
  { code: "async function f() {\n  const { record } = await import('@acme/audit');\n  record(e);\n}", hits: [RECORD] },
  { code: "import a = require('@acme/audit');\na.record(e);", hits: [RECORD] },
  // Dotted names.
  { code: "import { auditor } from '@acme/audit';\nauditor.log(e);", hits: [DOTTED] },
  { code: "import { auditor as au } from '@acme/audit';\nau?.log(e);", hits: [DOTTED] },
  { code: "import * as a from '@acme/audit';\na.auditor.log(e);", hits: [DOTTED] },
  { code: "const { auditor: { log } } = require('@acme/audit');\nlog(e);", hits: [DOTTED] },
  { code: "import { auditor } from '@acme/audit';\nauditor.warn(e);" },
  { code: "import { auditor } from '@acme/audit';\nauditor(e);" },
  { code: "import { logger as auditor } from '@acme/audit';\nauditor.log(e);" },
  // Const aliases of imported bindings.
  { code: "import * as a from '@acme/audit';\nconst { record } = a;\nrecord(e);", hits: [RECORD] },
  { code: "import * as a from '@acme/audit';\nconst r = a.record;\nr(e);", hits: [RECORD] },
];

describe('createCallMatcher: import matchers', () => {
  for (const [mode, tester] of modes) {
    describe(mode, () => {
      runCases(tester(), `import-${mode}`, callMatcherRule(importSpecs), importCases);
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------------
// Type matchers (typed mode only)
// ---------------------------------------------------------------------------------------------------------------------

const SERVICE = 'AuditService#log';
const SINK = 'AuditSink#log';
const IMPORT = "import { AuditService, ScopedAuditService, GenericAuditService, Logger, getAuditService, type AuditSink, type AuditAlias } from './matchers/audit-service.js';\n";

const typeSpecs: readonly MatcherSpec[] = [
  { type: 'AuditService', method: 'log' },
  { type: 'AuditSink', method: 'log' },
];

const typeCases: readonly Case[] = [
  // The class itself.
  { code: `${IMPORT}const audit = new AuditService();\naudit.log({ action: 'x' });`, hits: [[SERVICE, 3]] },
  { code: `${IMPORT}getAuditService().log({ action: 'x' });`, hits: [[SERVICE, 2]] },
  { code: `${IMPORT}async function f() {\n  (await Promise.resolve(new AuditService())).log({ action: 'x' });\n}`, hits: [[SERVICE, 3]] },
  { code: `${IMPORT}const audit = new AuditService();\naudit.flush();` },
  { code: `${IMPORT}new Logger().log('x');` },
  { code: `${IMPORT}const fake = { log(_e: unknown) {} };\nfake.log({ action: 'x' });` },
  { code: `${IMPORT}declare const anything: any;\nanything.log({ action: 'x' });` },
  { code: `${IMPORT}declare const log: (e: unknown) => void;\nlog({ action: 'x' });` },
  // Subclasses, generics, aliases, `this`.
  { code: `${IMPORT}declare const scoped: ScopedAuditService;\nscoped.log({ action: 'x' });`, hits: [[SERVICE, 3]] },
  { code: `${IMPORT}declare const generic: GenericAuditService<number>;\ngeneric.log({ action: 'x' });`, hits: [[SERVICE, 3]] },
  { code: `${IMPORT}declare const aliased: AuditAlias;\naliased.log({ action: 'x' });`, hits: [[SERVICE, 3]] },
  { code: `${IMPORT}class Mine extends AuditService {\n  run() {\n    this.log({ action: 'x' });\n  }\n}`, hits: [[SERVICE, 4]] },
  { code: `${IMPORT}class Other extends Logger {\n  run() {\n    this.log('x');\n  }\n}` },
  // Interface-typed parameters; a class matched through the interface it implements.
  { code: `${IMPORT}function f(service: AuditService) {\n  return service.log({ action: 'x' });\n}`, hits: [[SERVICE, 3]] },
  { code: `${IMPORT}function f(sink: AuditSink) {\n  return sink.log({ action: 'x' });\n}`, hits: [[SINK, 3]] },
  { code: `${IMPORT}function f<T extends AuditSink>(sink: T) {\n  return sink.log({ action: 'x' });\n}`, hits: [[SINK, 3]] },
  { code: `${IMPORT}function f(logger: Logger) {\n  logger.log('x');\n}` },
  // Unions: every non-nullish constituent.
  { code: `${IMPORT}function f(service: AuditService | undefined) {\n  return service?.log({ action: 'x' });\n}`, hits: [[SERVICE, 3]] },
  { code: `${IMPORT}function f(service: AuditService | null) {\n  return service!.log({ action: 'x' });\n}`, hits: [[SERVICE, 3]] },
  { code: `${IMPORT}function f(service: ScopedAuditService | AuditService) {\n  return service.log({ action: 'x' });\n}`, hits: [[SERVICE, 3]] },
  { code: `${IMPORT}function f(service: AuditService | Logger) {\n  service.log({ action: 'x' } as never);\n}` },
  // Computed, non-member and unrelated-method forms.
  { code: `${IMPORT}const audit = new AuditService();\naudit['log']({ action: 'x' });`, hits: [[SERVICE, 3]] },
  { code: `${IMPORT}const audit = new AuditService();\nconst { log } = audit;\nlog({ action: 'x' });` },
];

describe('createCallMatcher: type matchers', () => {
  describe('typed', () => {
    runCases(typedTester(), 'type-typed', callMatcherRule(typeSpecs), typeCases);
  });

  describe('untyped: the same code never matches', () => {
    runCases(
      untypedTester(),
      'type-untyped',
      callMatcherRule(typeSpecs),
      typeCases.map((item) => ({ code: item.code })),
    );
  });

  describe('plain JavaScript (espree): no parser services, no throw', () => {
    runCases(new RuleTester({ languageOptions: { parser: espree } }), 'type-espree', callMatcherRule([...typeSpecs, 'audit.log']), [
      { code: 'const service = new AuditService();\nservice.log(e);' },
      { code: 'audit.log(e);', hits: ['audit.log'] },
    ]);
  });

  describe('mixed lists: path, import and type matchers together', () => {
    runCases(typedTester(), 'type-mixed', callMatcherRule(['sendAudit', { import: '@acme/audit', name: 'record' }, ...typeSpecs]), [
      {
        code: `${IMPORT}import { record } from '@acme/audit';\nsendAudit();\nrecord();\nnew AuditService().log({ action: 'x' });\nnew Logger().log('x');`,
        hits: [['sendAudit', 3], [RECORD, 4], [SERVICE, 5]],
      },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// The default heuristic
// ---------------------------------------------------------------------------------------------------------------------

describe('isDefaultAuditCall', () => {
  const cases: readonly Case[] = [
    { code: 'audit(e);', hits: ['default'] },
    { code: 'audited(e);' },
    { code: 'auditLog(e);', hits: ['default'] },
    { code: 'auditorium.book(seat);' },
    { code: 'sendAudit(e);', hits: ['default'] },
    { code: 'sendAuditorium(e);' },
    { code: 'insertAuditLogs(tx, e);', hits: ['default'] },
    { code: 'getAuditLogs(query);' },
    { code: 'req.audit(e);', hits: ['default'] },
    { code: 'req.auditor(e);' },
    { code: 'ctx.auditLog(e);', hits: ['default'] },
    { code: 'class C { m() { this.auditService.log(e); } }', hits: ['default'] },
    { code: 'class C { m() { this.auditService.findAll(); } }' },
    { code: 'class C { m() { this.loggerService.log(e); } }' },
    { code: 'AuditLog.create(e);', hits: ['default'] },
    { code: 'AuditLog.destroy({ where: {} });' },
    { code: 'prisma.auditLog.create({ data: e });', hits: ['default'] },
    { code: 'prisma.auditLog.deleteMany();' },
    { code: 'prisma.auditLog.findMany();' },
    { code: 'AUDIT_TRAIL.push(e);', hits: ['default'] },
    { code: 'audit_log.write(e);', hits: ['default'] },
    { code: "logger.info('user audited');" },
    { code: "console.log('audit', e);" },
    { code: "createEvent({ type: 'audit' });" },
    { code: 'isAuditEnabled();' },
    { code: 'buildAuditEvent(e);' },
    { code: 'new AuditEvent(e);' },
    { code: 'auditLogs[0].save();' },
    { code: 'async function f() {\n  (await getAudit()).save();\n}' },
    { code: 'async function f() {\n  await recordAudit(e);\n}', hits: [['default', 2]] },
  ];
  for (const [mode, tester] of modes) {
    describe(mode, () => {
      runCases(tester(), `default-${mode}`, defaultAuditRule, cases);
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------------
// Decorators
// ---------------------------------------------------------------------------------------------------------------------

describe('createDecoratorMatcher', () => {
  const specs = ['Audit', 'UseInterceptors(AuditInterceptor)'];
  const INTERCEPTOR = 'UseInterceptors(AuditInterceptor)';
  const cases: readonly Case[] = [
    { code: 'class C {\n  @Audit\n  m() {}\n}', hits: ['Audit'] },
    { code: "class C {\n  @Audit('user.delete')\n  m() {}\n}", hits: ['Audit'] },
    { code: "class C {\n  @nest.Audit('user.delete')\n  m() {}\n}", hits: ['Audit'] },
    { code: 'class C {\n  @Auditable()\n  m() {}\n}' },
    { code: 'class C {\n  @NoAudit\n  m() {}\n}' },
    { code: '@UseInterceptors(AuditInterceptor)\nclass C {}', hits: [INTERCEPTOR] },
    { code: 'class C {\n  @UseInterceptors(LoggingInterceptor, AuditInterceptor)\n  m() {}\n}', hits: [INTERCEPTOR] },
    { code: 'class C {\n  @UseInterceptors(new AuditInterceptor())\n  m() {}\n}', hits: [INTERCEPTOR] },
    { code: 'class C {\n  @UseInterceptors(interceptors.AuditInterceptor)\n  m() {}\n}', hits: [INTERCEPTOR] },
    { code: 'class C {\n  @UseInterceptors(CacheInterceptor)\n  m() {}\n}' },
    { code: 'class C {\n  @UseInterceptors(AuditInterceptorFactory())\n  m() {}\n}' },
    { code: 'class C {\n  @UseInterceptors\n  m() {}\n}' },
    { code: 'class C {\n  @UseGuards(AuditInterceptor)\n  m() {}\n}' },
    { code: "class C {\n  @UseInterceptors('AuditInterceptor')\n  m() {}\n}" },
    {
      code: '@UseInterceptors(AuditInterceptor)\nclass C {\n  @Audit\n  a() {}\n  @Get()\n  b() {}\n}',
      hits: [[INTERCEPTOR, 1], ['Audit', 3]],
    },
  ];
  for (const [mode, tester] of modes) {
    describe(mode, () => {
      runCases(tester(), `decorator-${mode}`, decoratorRule(specs), cases);
    });
  }

  describe('a call matcher also takes a decorator', () => {
    runCases(untypedTester(), 'decorator-as-call', decoratorAsCallRule(['Audit', { import: '@acme/nest-audit', name: 'Audited' }]), [
      { code: 'class C {\n  @Audit()\n  m() {}\n}', hits: ['Audit'] },
      { code: "import { Audited as A } from '@acme/nest-audit';\nclass C {\n  @A\n  m() {}\n}", hits: ['@acme/nest-audit#Audited'] },
      { code: "import { Audited as A } from '@acme/other';\nclass C {\n  @A\n  m() {}\n}" },
      { code: 'class C {\n  @Auditable()\n  m() {}\n}' },
    ]);
  });
});
