/** Function nodes: what counts as one, and which one a node runs in. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { unwrapExpression } from './unwrap.js';

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

/**
 * The function a declaration-like node holds: itself, a variable's initializer, a method's or field's or object
 * property's value, a default export's declaration (wrappers such as `as` and `satisfies` unwrapped); undefined for
 * anything else or a function without a body (an overload signature).
 */
export function functionOf(node: TSESTree.Node | undefined | null): FunctionNode | undefined {
  if (!node) return undefined;
  const value = unwrapExpression(node);
  if (isFunctionNode(value)) return value.body ? value : undefined;
  if (value.type === AST_NODE_TYPES.VariableDeclarator) return functionOf(value.init);
  if (value.type === AST_NODE_TYPES.MethodDefinition || value.type === AST_NODE_TYPES.PropertyDefinition || value.type === AST_NODE_TYPES.Property) {
    return functionOf(value.value);
  }
  if (value.type === AST_NODE_TYPES.ExportDefaultDeclaration) return functionOf(value.declaration);
  return undefined;
}
