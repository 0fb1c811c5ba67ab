/** Destructuring patterns. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { staticKeyName } from './keys.js';

/**
 * The property path from a destructuring pattern `top` down to the bound name `id`:
 * `{ a: { b: id } }` → `['a', 'b']`, defaults looked through; undefined through arrays, rests
 * and computed keys.
 */
export function destructuredPath(id: TSESTree.Node, top: TSESTree.Node): string[] | undefined {
  const path: string[] = [];
  let current: TSESTree.Node = id;
  while (current !== top) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.Property) {
      if (parent.value !== current) return undefined;
      const key = staticKeyName(parent.key, parent.computed);
      if (key === undefined) return undefined;
      path.unshift(key);
    } else if (parent.type === AST_NODE_TYPES.AssignmentPattern) {
      if (parent.left !== current) return undefined;
    } else if (parent.type !== AST_NODE_TYPES.ObjectPattern) {
      return undefined;
    }
    current = parent;
  }
  return path;
}
