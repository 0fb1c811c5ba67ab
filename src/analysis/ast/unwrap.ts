/** Expressions that wrap another without changing its value or which function it names. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

type Unwrappable =
  | TSESTree.ChainExpression
  | TSESTree.TSNonNullExpression
  | TSESTree.TSAsExpression
  | TSESTree.TSSatisfiesExpression
  | TSESTree.TSTypeAssertion
  | TSESTree.TSInstantiationExpression;

function isUnwrappable(node: TSESTree.Node): node is Unwrappable {
  switch (node.type) {
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.TSInstantiationExpression:
      return true;
    default:
      return false;
  }
}

/** Strips what does not change which function is called: `a?.b`, `a!`, `a as X`, `<X>a`, `a satisfies X`, `f<T>` (parentheses are not nodes). */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (isUnwrappable(current)) current = current.expression;
  return current;
}

/** Where a chain of member reads and calls starts: `User` in `User.scope('x').findOne`, `this` in `this.repo.save`. */
export function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) current = unwrapExpression(current.callee);
    else if (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrapExpression(current.argument);
    else return current;
  }
}
