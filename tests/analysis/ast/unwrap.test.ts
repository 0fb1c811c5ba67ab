/** unwrapExpression: strips what does not change which function is named, and nothing else. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { unwrapExpression } from '../../../src/analysis/ast/unwrap.js';
import { queryAt } from '../../fixes/toolkit/harness.js';

/** The type of what `const x = <expr>` unwraps to. */
function unwrapped(expression: string): string {
  return queryAt(`const x = ${expression};`, 'VariableDeclarator', (_context, node) => unwrapExpression((node as TSESTree.VariableDeclarator).init!).type);
}

describe('unwrapExpression', () => {
  it('looks through instantiation, non-null, as, satisfies, angle-bracket assertions and optional chains', () => {
    expect(unwrapped('f<string>')).toBe('Identifier');
    expect(unwrapped('a!')).toBe('Identifier');
    expect(unwrapped('a as X')).toBe('Identifier');
    expect(unwrapped('a satisfies X')).toBe('Identifier');
    expect(unwrapped('(a as unknown as X)!')).toBe('Identifier');
    expect(unwrapped('a?.b')).toBe('MemberExpression');
  });

  it('keeps look-alikes that change the value: a call, a sequence, an await, a non-null call result', () => {
    expect(unwrapped('f<string>()')).toBe('CallExpression');
    expect(unwrapped('(0, a)')).toBe('SequenceExpression');
    expect(unwrapped('await a')).toBe('AwaitExpression');
    expect(unwrapped('a()!')).toBe('CallExpression');
  });

  it('angle-bracket assertions in a .ts file', () => {
    expect(queryAt('const x = <X>a;', 'VariableDeclarator', (_context, node) => unwrapExpression((node as TSESTree.VariableDeclarator).init!).type)).toBe('Identifier');
  });
});
