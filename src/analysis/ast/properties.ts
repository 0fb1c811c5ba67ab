/** Keys of object-literal and pattern properties. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { staticKeyName } from './keys.js';

/**
 * The name of an object-literal or destructuring property's key: `a`, `'a'`, `1`, `1n`, `['a']`, `` [`a`] ``;
 * undefined for a computed key that is not a literal (`[k]`). Unlike {@link staticKeyName}, a written (non-computed)
 * literal key is named whatever its kind (`{ 1n: x }` → `1`), as the property it creates is.
 */
export function propertyKeyName(property: TSESTree.Property): string | undefined {
  const { key } = property;
  if (!property.computed && key.type === AST_NODE_TYPES.Literal) return String(key.value);
  return staticKeyName(key, property.computed);
}
