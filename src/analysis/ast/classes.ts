/** The class a `this` refers to. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * The class a `this` inside `node` refers to: the nearest class whose body encloses it, through arrow functions,
 * methods and property initializers; undefined inside a plain function, which has its own `this`.
 */
export function enclosingClass(node: TSESTree.Node): ClassNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return current;
    if (
      (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression) &&
      current.parent?.type !== AST_NODE_TYPES.MethodDefinition &&
      current.parent?.type !== AST_NODE_TYPES.PropertyDefinition
    ) {
      return undefined;
    }
  }
  return undefined;
}
