/** Static names of keys and members: `a`, `#a`, `'a'`, `[`a`]`. */
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

/** The static name of a member's property: `a.b`, `a['b']`, ``a[`b`]``, `this.#b`; undefined for `a[k]`, `a[0]`. */
export function staticPropertyName(member: TSESTree.MemberExpression): string | undefined {
  const { property } = member;
  if (!member.computed) {
    if (property.type === AST_NODE_TYPES.Identifier) return property.name;
    if (property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${property.name}`;
    return undefined;
  }
  if (property.type === AST_NODE_TYPES.Literal && typeof property.value === 'string') return property.value;
  if (property.type === AST_NODE_TYPES.TemplateLiteral && property.expressions.length === 0) return property.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}
