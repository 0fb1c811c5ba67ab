/** destructuredPath: the property path from a pattern down to a bound name. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { destructuredPath } from '../../../src/analysis/ast/destructuring.js';
import { queryAt } from '../../fixes/toolkit/harness.js';

/** The path from the pattern of `const <pattern> = source` to the binding named `target` (not a key of that name). */
const pathOf = (pattern: string): string[] | undefined =>
  queryAt(`const ${pattern} = source;`, 'Identifier[name="target"]:not(Property > .key)', (_c, node) => {
    let top: TSESTree.Node = node;
    while (top.parent && top.parent.type !== AST_NODE_TYPES.VariableDeclarator) top = top.parent;
    return destructuredPath(node, top);
  });

describe('destructuredPath', () => {
  it('follows keys through nested objects and defaults', () => {
    expect(pathOf('{ a: { b: target } }')).toEqual(['a', 'b']);
    expect(pathOf('{ a: { b: target = 1 } }')).toEqual(['a', 'b']);
    expect(pathOf("{ 'x-y': target }")).toEqual(['x-y']);
  });

  it('not through arrays, rests or computed keys', () => {
    expect(pathOf('{ a: [target] }')).toBeUndefined();
    expect(pathOf('{ ...target }')).toBeUndefined();
    expect(pathOf('{ [k]: target }')).toBeUndefined();
  });
});
