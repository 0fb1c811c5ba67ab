/** Builder chains around a call (`knex('t').where(…).del()`, `db.delete(t).where(…)`): their calls, filter and fields. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';

export interface ChainCall {
  readonly name: string;
  readonly call: TSESTree.CallExpression;
}

function skipWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.ChainExpression || current.parent.type === AST_NODE_TYPES.TSNonNullExpression || current.parent.type === AST_NODE_TYPES.TSAsExpression)
  ) {
    current = current.parent;
  }
  return current;
}

/** The method calls made on the result of `call`, outwards (`.where(…)` in `db.delete(t).where(…)`), and the outermost node. */
export function outerChain(call: TSESTree.Node): { readonly calls: ChainCall[]; readonly end: TSESTree.Node } {
  const calls: ChainCall[] = [];
  let current = skipWrappers(call);
  for (;;) {
    const parent = current.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current) break;
    const outer = parent.parent;
    const name = staticPropertyName(parent);
    if (outer?.type !== AST_NODE_TYPES.CallExpression || outer.callee !== parent || !name) break;
    calls.push({ name, call: outer });
    current = skipWrappers(outer);
  }
  return { calls, end: current };
}

/** The method calls the receiver was built by, inwards (`.where(…)` in `knex('t').where(…).del()`). */
export function innerChain(receiver: TSESTree.Node): ChainCall[] {
  const calls: ChainCall[] = [];
  let current = unwrapExpression(receiver);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) break;
    const name = staticPropertyName(callee);
    if (name) calls.push({ name, call: current });
    current = unwrapExpression(callee.object);
  }
  return calls;
}

const WHERE = /^(?:and|or)?where/i;

/**
 * Whether the chain filters: a `where…` call → true; none, and the chain is used as it is (awaited, returned) →
 * false; none, but the builder is kept in a variable (a `where` may be added later) → undefined.
 */
export function chainFilter(call: TSESTree.Node, receiver: TSESTree.Node | undefined): boolean | undefined {
  const outer = outerChain(call);
  const calls = [...outer.calls, ...(receiver ? innerChain(receiver) : [])];
  if (calls.some(item => WHERE.test(item.name))) return true;
  const parent = outer.end.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator || parent?.type === AST_NODE_TYPES.AssignmentExpression) return undefined;
  return false;
}

/** The first call named one of `methods` along the chain (outwards first, then inwards). */
export function chainCall(call: TSESTree.Node, receiver: TSESTree.Node | undefined, methods: readonly string[]): TSESTree.CallExpression | undefined {
  const found = [...outerChain(call).calls, ...(receiver ? innerChain(receiver) : [])].find(item => methods.includes(item.name));
  return found?.call;
}
