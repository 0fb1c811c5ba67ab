/** The class a `this` refers to. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { functionOf, type FunctionNode } from './functions.js';
import { staticKeyName } from './keys.js';

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

/** `this.name(…)` → the method or function-valued field `name` of the class `member` is in (not a getter or setter). */
export function thisMethod(member: TSESTree.MemberExpression, name: string): FunctionNode | undefined {
  for (const element of enclosingClass(member)?.body.body ?? []) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition && element.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind !== 'method') continue;
    if (staticKeyName(element.key, element.computed) === name) return functionOf(element);
  }
  return undefined;
}
