/** Scope lookups: the variable a name refers to, and what a const-like binding holds. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { constInit, constStringValue, findVariable, resolveConst } from '../../../src/analysis/ast/variables.js';
import { queryAt } from '../../fixes/toolkit/harness.js';

const AT = 'CallExpression[callee.name="here"] > Identifier.arguments';

function initOf(code: string): string | undefined {
  return queryAt(code, AT, (context, node) => {
    const init = constInit(context.sourceCode, node as TSESTree.Identifier);
    return init && context.sourceCode.getText(init);
  });
}

describe('findVariable', () => {
  it('finds the innermost binding; undefined for an undeclared global', () => {
    const code = 'const a = 1;\nfunction f(a) { here(a); }';
    expect(queryAt(code, AT, (context, node) => findVariable(context.sourceCode, node as TSESTree.Identifier)?.defs[0]?.type)).toBe('Parameter');
    expect(queryAt('here(a);', AT, (context, node) => findVariable(context.sourceCode, node as TSESTree.Identifier))).toBeUndefined();
  });
});

describe('constInit', () => {
  it('reads a const and a let never reassigned', () => {
    expect(initOf("const a = 'x';\nhere(a);")).toBe("'x'");
    expect(initOf("let a = 'x';\nhere(a);")).toBe("'x'");
  });

  it('refuses a reassigned let, a destructured name, a parameter', () => {
    expect(initOf("let a = 'x';\na = 'y';\nhere(a);")).toBeUndefined();
    expect(initOf("const { a } = { a: 'x' };\nhere(a);")).toBeUndefined();
    expect(initOf('function f(a) { here(a); }')).toBeUndefined();
  });
});

describe('resolveConst / constStringValue', () => {
  it('follows chains of consts through type wrappers', () => {
    const code = "const a = 'x' as const;\nconst b = a!;\nhere(b);";
    expect(queryAt(code, AT, (context, node) => resolveConst(context.sourceCode, node).type)).toBe('Literal');
    expect(queryAt(code, AT, (context, node) => constStringValue(context.sourceCode, node))).toBe('x');
  });

  it('stops at a reassigned binding', () => {
    const code = "let a = 'x';\na = 'y';\nhere(a);";
    expect(queryAt(code, AT, (context, node) => constStringValue(context.sourceCode, node))).toBeUndefined();
  });
});
