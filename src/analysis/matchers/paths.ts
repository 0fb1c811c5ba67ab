/** Callee paths: `this.audit.log` → `['this', 'audit', 'log']`, and matching them against matcher segments. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';

/**
 * The segment `calleePath` uses for a receiver that is not a name: a call result, `await x`, `new X()`, `a[i]`, a literal…
 * No matcher segment can equal it (matcher segments are identifiers), so only a `*` segment matches it.
 */
export const EXPRESSION_SEGMENT = '<expr>';

export interface FlatPath {
  /** The unwrapped expression the static member chain starts from. */
  readonly root: TSESTree.Node;
  /** The property names after the root. */
  readonly properties: readonly string[];
}

/** `a.b['c']!.d` → root `a`, properties `[b, c, d]`; stops at the first member that has no static name. */
export function flattenMembers(node: TSESTree.Node): FlatPath {
  const properties: string[] = [];
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticPropertyName(current);
    if (name === undefined) break;
    properties.unshift(name);
    current = unwrapExpression(current.object);
  }
  return { root: current, properties };
}

function rootSegment(root: TSESTree.Node): string {
  if (root.type === AST_NODE_TYPES.Identifier) return root.name;
  if (root.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (root.type === AST_NODE_TYPES.Super) return 'super';
  return EXPRESSION_SEGMENT;
}

/**
 * The dotted path of a callee, e.g. `['this', 'auditService', 'log']` for `this.auditService.log`.
 *
 * - Members may be `a.b`, `a?.b`, `a['b']`, ``a[`b`]``, `this.#b`; `a!`, `a as X`, `<X>a`, `a satisfies X`, `f<T>` and
 *   parentheses are looked through.
 * - A receiver that is not a name (`a.b().c`, `(await k()).d`, `new X().y`, `a[i].z`) becomes ONE segment
 *   {@link EXPRESSION_SEGMENT}: `a.b().c` → `['<expr>', 'c']`. Only a `*` matcher segment matches it.
 * - undefined when the callee itself has no name: `(() => 0)()`, `fns[i]()`, `make()()`.
 */
export function calleePath(callee: TSESTree.Node): string[] | undefined {
  const { root, properties } = flattenMembers(callee);
  const first = rootSegment(root);
  if (properties.length === 0 && first === EXPRESSION_SEGMENT) return undefined;
  return [first, ...properties];
}

/** Whether matcher segments (with `*` wildcards) equal a path segment for segment (same length). */
export function pathMatches(pattern: readonly string[], path: readonly string[]): boolean {
  if (pattern.length !== path.length) return false;
  return pattern.every((segment, index) => segment === '*' || segment === path[index]);
}

/** The callee of a call / new expression, the expression of a decorator, or the node itself (already a callee). */
export function calleeOf(node: TSESTree.Node): TSESTree.Node {
  if (node.type === AST_NODE_TYPES.Decorator) return calleeOf(unwrapExpression(node.expression));
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) return node.callee;
  return node;
}
