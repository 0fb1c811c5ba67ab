/** Function nodes: what counts as one, and which one a node runs in. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** A function with a body: a declaration, a function expression or an arrow. */
export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** A function written where it is used: an arrow or a function expression (not a declaration). */
export type FunctionExpressionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

export function isFunctionExpressionNode(node: TSESTree.Node | null | undefined): node is FunctionExpressionNode {
  return node?.type === AST_NODE_TYPES.ArrowFunctionExpression || node?.type === AST_NODE_TYPES.FunctionExpression;
}

/** The function whose body `node` runs in (where `await` would apply); undefined at the top level, in a static block or field initializer. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
        return current;
      case AST_NODE_TYPES.StaticBlock:
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        return undefined;
      default:
        break;
    }
  }
  return undefined;
}

/** The nearest function around `node`, whatever lies between (field initializers and static blocks included). */
export function nearestFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}
