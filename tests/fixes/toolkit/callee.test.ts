/** Naming a configured callee where a call is inserted: paths in scope, `this` members, imports added or reused. */
import { describe, expect, it } from 'vitest';
import { compileMatcher, type MatcherSpec } from '../../../src/analysis/matchers.js';
import { isPathReachable, nameFirstCallee, nameMatcherCallee, type NamingOptions } from '../../../src/fixes/toolkit/callee.js';
import { queryAt } from './harness.js';

const AT = 'CallExpression[callee.name="here"]';
const AUDIT: NamingOptions = { throughThis: true, globals: true };
const MASKING: NamingOptions = { throughThis: false, globals: false };

function name(code: string, spec: MatcherSpec, options: NamingOptions = AUDIT, parse = {}): ReturnType<typeof nameMatcherCallee> {
  const matcher = compileMatcher(spec, 'test');
  return queryAt(code, AT, (context, node) => nameMatcherCallee(context.sourceCode, matcher, node, options), parse);
}

describe('path matchers', () => {
  it('names a path whose root is bound where the call goes', () => {
    expect(name('const auditLogger = {};\nfunction f() { here(); }', 'auditLogger.log')).toEqual({ text: 'auditLogger.log' });
    expect(name('function f() { here(); }', 'auditLogger.log')).toBeUndefined();
  });

  it('never names a wildcard path', () => {
    expect(name('const audit = {};\nhere();', '*.audit')).toBeUndefined();
  });

  it('names `this.x.y` in a class declaring `x`, through arrows, not through a plain function', () => {
    const inMethod = 'class C { constructor(private audit: A) {} m() { const go = () => here(); } }';
    const inFunction = 'class C { audit = 1; m() { function inner() { here(); } } }';
    const undeclared = 'class C { m() { here(); } }';
    expect(name(inMethod, 'this.audit.log')).toEqual({ text: 'this.audit.log' });
    expect(name(inFunction, 'this.audit.log')).toBeUndefined();
    expect(name(undeclared, 'this.audit.log')).toBeUndefined();
    expect(name(inMethod, 'this.audit.log', MASKING)).toBeUndefined();
  });

  it('a configured global counts only when globals do', () => {
    const parse = { globals: { mask: 'readonly' as const } };
    expect(name('here();', 'mask', AUDIT, parse)).toEqual({ text: 'mask' });
    expect(name('here();', 'mask', MASKING, parse)).toBeUndefined();
  });
});

describe('import matchers', () => {
  const record = { import: '@acme/audit', name: 'record' };

  it('reuses the file import under its local name, with the rest of the path', () => {
    expect(name("import { record as w } from '@acme/audit';\nhere();", record)).toEqual({ text: 'w' });
    expect(name("import { auditor } from '@acme/audit';\nhere();", { import: '@acme/audit', name: 'auditor.log' })).toEqual({ text: 'auditor.log' });
  });

  it('asks for the import when the name is free', () => {
    expect(name('here();', record)).toEqual({ text: 'record', addImport: { module: '@acme/audit', name: 'record' } });
  });

  it('no callee when the name collides (a local binding) or is a default export', () => {
    expect(name('const record = 1;\nhere(record);', record)).toBeUndefined();
    expect(name('function f(record) { here(); }', record)).toBeUndefined();
    expect(name('here();', { import: '@acme/audit', name: 'default' })).toBeUndefined();
  });
});

describe('nameFirstCallee / isPathReachable', () => {
  it('takes the first matcher in order that can be named', () => {
    const matchers = ['missing.log', 'present.log'].map(spec => compileMatcher(spec, 'test'));
    const named = queryAt('const present = {};\nhere();', AT, (context, node) => nameFirstCallee(context.sourceCode, matchers, node, AUDIT));
    expect(named).toEqual({ text: 'present.log' });
  });

  it('`this` alone is no callee', () => {
    expect(queryAt('class C { m() { here(); } }', AT, (context, node) => isPathReachable(context.sourceCode, ['this'], node, AUDIT))).toBe(false);
  });
});
