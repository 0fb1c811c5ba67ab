/** Values known from the syntax alone: string literals and templates without expressions. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { unwrapExpression } from './unwrap.js';

/** `'a'`, `` `a` `` → `a`; undefined for anything else. Type wrappers (`'a' as const`) are looked through. */
export function stringValue(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'string') return expression.value;
  if (expression.type === AST_NODE_TYPES.TemplateLiteral && expression.expressions.length === 0 && expression.quasis.length === 1) {
    return expression.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}
