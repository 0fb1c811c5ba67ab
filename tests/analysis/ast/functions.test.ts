/** Function nodes: what counts as one, and which one a node runs in. */
import { describe, expect, it } from 'vitest';
import { enclosingFunction, isFunctionExpressionNode, isFunctionNode, nearestFunction } from '../../../src/analysis/ast/functions.js';
import { queryAt } from '../../fixes/toolkit/harness.js';

const AT = 'CallExpression[callee.name="here"]';

describe('isFunctionNode / isFunctionExpressionNode', () => {
  it('declarations, expressions and arrows are functions; a declaration is not written inline', () => {
    expect(queryAt('function f() {}', 'FunctionDeclaration', (_c, node) => [isFunctionNode(node), isFunctionExpressionNode(node)])).toEqual([true, false]);
    expect(queryAt('const f = () => 0;', 'ArrowFunctionExpression', (_c, node) => [isFunctionNode(node), isFunctionExpressionNode(node)])).toEqual([true, true]);
  });

  it('a method definition and a call are not functions (their value is)', () => {
    expect(queryAt('class C { m() {} }', 'MethodDefinition', (_c, node) => isFunctionNode(node))).toBe(false);
    expect(queryAt('here();', AT, (_c, node) => isFunctionNode(node))).toBe(false);
    expect(isFunctionNode(undefined)).toBe(false);
  });
});

describe('enclosingFunction / nearestFunction', () => {
  it('is the innermost function, an arrow included', () => {
    const kind = queryAt('function outer() { const f = () => here(); }', AT, (_c, node) => enclosingFunction(node)?.type);
    expect(kind).toBe('ArrowFunctionExpression');
  });

  it('stops at a field initializer and a static block (no function to await in), where nearestFunction goes on', () => {
    const field = 'function outer() { return class { x = here(); }; }';
    expect(queryAt(field, AT, (_c, node) => enclosingFunction(node))).toBeUndefined();
    expect(queryAt(field, AT, (_c, node) => nearestFunction(node)?.type)).toBe('FunctionDeclaration');
    expect(queryAt('class C { static { here(); } }', AT, (_c, node) => enclosingFunction(node))).toBeUndefined();
  });

  it('is undefined at the top level', () => {
    expect(queryAt('here();', AT, (_c, node) => [enclosingFunction(node), nearestFunction(node)])).toEqual([undefined, undefined]);
  });
});
