/** Where a call's promise goes: through `.then/.catch/.finally` chains and combinators, to its first rejection handler and its end. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { calleePath } from '../matchers.js';

// ---------------------------------------------------------------------------------------------------------------------
// Where a promise goes
// ---------------------------------------------------------------------------------------------------------------------

/** A rejection handler attached by `.catch(handler)` or `.then(onFulfilled, handler)`. */
export interface RejectionHandler {
  /** The `.catch(…)` / `.then(…)` call. */
  readonly call: TSESTree.CallExpression;
  /** The handler argument. */
  readonly handler: TSESTree.Node;
}

export type PromiseFate =
  /** `await p` (also through a chain or `Promise.all([p])`). */
  | 'awaited'
  /** `return p`, `() => p`. */
  | 'returned'
  /** Used as a value: an argument, a variable, a property, `yield p`… The receiver decides what happens. */
  | 'passed'
  /** Its value is dropped: an expression statement, a non-last element of a sequence. */
  | 'discarded'
  /** `void p`. */
  | 'voided';

export interface PromiseFlow {
  /** The first rejection handler attached along the way, if any. */
  readonly handler: RejectionHandler | undefined;
  readonly fate: PromiseFate;
  /**
   * The outermost expression that carries the promise (the chain's last call, `Promise.all(…)`), before any
   * conditional, logical or sequence expression around it: where `await` would go.
   */
  readonly end: TSESTree.Node;
  /** For `voided`: the `void` expression, when its argument is `end` itself. */
  readonly voidExpression: TSESTree.UnaryExpression | undefined;
}

const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);
/** `Promise.X([…])` whose result settles with (or rejects with) the elements: the promise flows on through them. */
const COMBINATORS = new Set(['all', 'any', 'race']);
const MAX_STEPS = 200;

function isTypeWrapper(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return true;
    default:
      return false;
  }
}

/** `node.then(…)`, `node.catch(…)`, `node.finally(…)` → that call. */
function chainCall(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const member = node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node) return undefined;
  const name = staticPropertyName(member);
  if (name === undefined || !CHAIN_METHODS.has(name)) return undefined;
  const call = member.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return undefined;
  return call;
}

/** An argument that is no function at all: `undefined`, `null`, `void 0`. */
function isNoHandler(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'undefined';
  if (value.type === AST_NODE_TYPES.Literal) return value.value === null;
  return value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void';
}

/** The rejection handler a chain call attaches: the argument of `.catch(h)`, the second of `.then(f, h)`. */
function rejectionArgument(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const member = call.callee as TSESTree.MemberExpression;
  const name = staticPropertyName(member);
  const index = name === 'catch' ? 0 : name === 'then' ? 1 : -1;
  if (index < 0) return undefined;
  // A spread may hold anything: count it as a handler (the rule stays silent where it cannot see).
  const spread = call.arguments.findIndex(argument => argument.type === AST_NODE_TYPES.SpreadElement);
  if (spread >= 0 && spread <= index) return call.arguments[spread];
  const argument = call.arguments[index];
  return argument && !isNoHandler(argument) ? argument : undefined;
}

/** `Promise.all([… node …])` (also `any`, `race`) → that call. */
function combinatorCall(array: TSESTree.ArrayExpression): TSESTree.CallExpression | undefined {
  const call = array.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== array) return undefined;
  const path = calleePath(call.callee);
  if (path?.length !== 2 || path[0] !== 'Promise' || !COMBINATORS.has(path[1] ?? '')) return undefined;
  return call;
}

/** Follows the promise of `call` to where it ends up (see {@link PromiseFlow}). */
export function followPromise(call: TSESTree.Node): PromiseFlow {
  let handler: RejectionHandler | undefined;
  let node: TSESTree.Node = call;
  let end: TSESTree.Node = call;
  const result = (fate: PromiseFate, voidExpression?: TSESTree.UnaryExpression): PromiseFlow => ({ handler, fate, end, voidExpression });

  for (let step = 0; step < MAX_STEPS; step++) {
    const next = chainCall(node);
    if (next) {
      if (!handler) {
        const argument = rejectionArgument(next);
        if (argument) handler = { call: next, handler: argument };
      }
      node = end = next;
      continue;
    }
    const parent = node.parent;
    if (!parent) return result('passed');
    if (isTypeWrapper(parent)) {
      if (end === node) end = parent;
      node = parent;
      continue;
    }
    switch (parent.type) {
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === node) return result('passed');
        node = parent;
        continue;
      case AST_NODE_TYPES.LogicalExpression:
        node = parent;
        continue;
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions[parent.expressions.length - 1] !== node) return result('discarded');
        node = parent;
        continue;
      case AST_NODE_TYPES.ExpressionStatement:
        return result('discarded');
      case AST_NODE_TYPES.UnaryExpression:
        return parent.operator === 'void' ? result('voided', parent.argument === end ? parent : undefined) : result('passed');
      case AST_NODE_TYPES.AwaitExpression:
        return result('awaited');
      case AST_NODE_TYPES.ReturnStatement:
        return result('returned');
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return result(parent.body === node ? 'returned' : 'passed');
      case AST_NODE_TYPES.ArrayExpression: {
        const combinator = combinatorCall(parent);
        if (!combinator) return result('passed');
        node = end = combinator;
        continue;
      }
      default:
        return result('passed');
    }
  }
  return result('passed');
}

/** The function whose body `node` runs in: the AST toolkit's, re-exported for the rules that follow a promise. */

/**
 * The `catch` clauses that receive an exception thrown where `node` runs: of each `try` whose block holds it, in the
 * same function, innermost first. A `try` without `catch` passes the exception on; a `catch` ends the walk.
 */
export function enclosingCatch(node: TSESTree.Node): TSESTree.CatchClause | undefined {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.StaticBlock:
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        return undefined;
      case AST_NODE_TYPES.TryStatement:
        if (current.block === child && current.handler) return current.handler;
        break;
      default:
        break;
    }
  }
  return undefined;
}
