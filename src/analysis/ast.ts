/** Small ESTree helpers that several analyses share. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * The static name of a property or member key: `a`, `#a`, `'a'`, `1`, `` `a` ``, `[‘a’]`;
 * undefined for a computed key that is not a literal.
 */
export function staticKeyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

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
