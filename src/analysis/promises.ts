/**
 * What happens to a call's promise, and to its failure — shared by the rules that follow an audit write:
 *
 * - {@link followPromise}: through `.then/.catch/.finally` chains and `Promise.all/any/race([…])`, the first rejection
 *   handler attached to the promise and where the promise ends up: awaited, returned, passed on (an argument, a
 *   variable, a property…), or discarded (an expression statement, `void`, a non-last sequence element).
 * - {@link createFailureHandling}: whether a rejection handler (`.catch(h)`, `.then(f, h)`) or a `catch` block handles
 *   a failure — retries, queues, rethrows, responds — or swallows it: an empty body, a no-op (`noop`, `_.noop`,
 *   `Function.prototype`), a value (`() => null`, `e => e`), or nothing but logging (`console.*`, `logger.*`,
 *   `this.logger.*`, `req.log.*`, `settings.compliance.logging.sinks`). What it cannot see through counts as handling.
 * - {@link isThenableType}: typed mode — a type with a callable `then` (a Promise, or any thenable).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { type FunctionNode, isFunctionNode } from './ast/functions.js';
import { staticPropertyName } from './ast/keys.js';
import { unwrapExpression } from './ast/unwrap.js';
import { constInitOf, findVariable } from './ast/variables.js';
import { conventionalLogger } from './logging/index.js';
import { calleePath, splitWords } from './matchers.js';

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
export { enclosingFunction } from './ast/functions.js';

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

// ---------------------------------------------------------------------------------------------------------------------
// Handling or swallowing a failure
// ---------------------------------------------------------------------------------------------------------------------

/** Methods of a logger that write a log line (the conventional logger's failure-handler convention, logging/conventional.ts). */
const LOG_METHODS: ReadonlySet<string> = new Set(conventionalLogger.failureHandler.methods);
/** Bare functions that only log. */
const LOG_FUNCTIONS: ReadonlySet<string> = new Set(conventionalLogger.failureHandler.functions);
/** Names of functions that do nothing with their argument (compared lower-case, word separators removed). */
const NOOP_NAMES = new Set(['noop', 'donothing', 'ignore', 'ignoreerror', 'ignoreerrors', 'swallow', 'swallowerror', 'swallowerrors']);
/** Calls that only format a value for a log line (inside a logging call's arguments). */
const FORMATTERS = new Set(['String', 'JSON.stringify', 'util.inspect', 'inspect']);
const MAX_FUNCTION_DEPTH = 3;

/** A logger receiver: `console`, `logger`, `this.logger`, `appLogger`, `req.log`, `fastify.log`. */
const isLoggerName = (segment: string | undefined): boolean => conventionalLogger.failureHandler.isReceiverName(segment);

/** `console.error`, `logger.warn`, `this.logger.error`, `req.log.info`, `logError`: a function that writes a log line. */
export function isLoggingCallee(callee: TSESTree.Node): boolean {
  const path = calleePath(callee);
  if (!path) return false;
  const last = path[path.length - 1] ?? '';
  if (path.length === 1) return LOG_FUNCTIONS.has(splitWords(last).join(''));
  return LOG_METHODS.has(last) && isLoggerName(path[path.length - 2]);
}

function isNoopReference(node: TSESTree.Node): boolean {
  const path = calleePath(node);
  if (!path) return false;
  if (path.join('.') === 'Function.prototype') return true;
  return NOOP_NAMES.has(splitWords(path[path.length - 1] ?? '').join(''));
}

export interface FailureHandlingOptions {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** A function (a callee, or a handler passed by reference) that counts as handling, whatever it looks like. */
  readonly isAllowed: (callee: TSESTree.Node) => boolean;
  /** A call that is itself handling: recording the failure in the audit trail. */
  readonly isAuditCall: (call: TSESTree.Node) => boolean;
  /** A configured log sink (`settings.compliance.logging.sinks`): a call that only logs. */
  readonly isLogSink: (call: TSESTree.Node) => boolean;
}

export interface FailureHandling {
  /** Whether a rejection handler (the argument of `.catch(h)` / `.then(f, h)`) swallows the failure. */
  handlerSwallows(handler: TSESTree.Node): boolean;
  /** Whether a `catch` clause swallows the exception: an empty body (comments only), or one that only logs. */
  catchSwallows(clause: TSESTree.CatchClause): boolean;
}

export function createFailureHandling(options: FailureHandlingOptions): FailureHandling {
  const { sourceCode, isAllowed, isAuditCall, isLogSink } = options;

  /** A value without effects worth a handler's name: literals, names, members, templates and literals of those, formatters. */
  function isInert(node: TSESTree.Node): boolean {
    const value = unwrapExpression(node);
    switch (value.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.ThisExpression:
        return true;
      case AST_NODE_TYPES.MemberExpression:
        return isInert(value.object) && (!value.computed || isInert(value.property));
      case AST_NODE_TYPES.TemplateLiteral:
        return value.expressions.every(isInert);
      case AST_NODE_TYPES.ArrayExpression:
        return value.elements.every(element => element === null || isInert(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element));
      case AST_NODE_TYPES.ObjectExpression:
        return value.properties.every(property =>
          property.type === AST_NODE_TYPES.SpreadElement
            ? isInert(property.argument)
            : (!property.computed || isInert(property.key)) && isInert(property.value),
        );
      case AST_NODE_TYPES.UnaryExpression:
        return value.operator !== 'delete' && isInert(value.argument);
      case AST_NODE_TYPES.BinaryExpression:
        return value.left.type !== AST_NODE_TYPES.PrivateIdentifier && isInert(value.left) && isInert(value.right);
      case AST_NODE_TYPES.LogicalExpression:
        return isInert(value.left) && isInert(value.right);
      case AST_NODE_TYPES.ConditionalExpression:
        return isInert(value.test) && isInert(value.consequent) && isInert(value.alternate);
      case AST_NODE_TYPES.CallExpression: {
        const path = calleePath(value.callee);
        const formatter = path !== undefined && (FORMATTERS.has(path.join('.')) || path[path.length - 1] === 'toString');
        return formatter && value.arguments.every(argument => isInert(argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument));
      }
      default:
        return false;
    }
  }

  /** A call that only writes a log line with inert arguments (and is neither allowed nor an audit call). */
  function isLogOnlyCall(node: TSESTree.Node): boolean {
    const call = unwrapExpression(node);
    if (call.type !== AST_NODE_TYPES.CallExpression) return false;
    if (isAllowed(call.callee) || isAuditCall(call)) return false;
    if (!isLoggingCallee(call.callee) && !isLogSink(call)) return false;
    return call.arguments.every(argument => isInert(argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument));
  }

  /** An expression that neither rethrows nor acts: a value (`null`, `e`, `{}`), `void 0`, a log-only call, `await` of those. */
  function isTrivialExpression(node: TSESTree.Node): boolean {
    const value = unwrapExpression(node);
    switch (value.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return isTrivialExpression(value.argument);
      case AST_NODE_TYPES.UnaryExpression:
        return value.operator === 'void' ? isTrivialExpression(value.argument) : value.operator !== 'delete' && isInert(value.argument);
      case AST_NODE_TYPES.SequenceExpression:
        return value.expressions.every(isTrivialExpression);
      case AST_NODE_TYPES.CallExpression:
        return isLogOnlyCall(value);
      default:
        return isInert(value);
    }
  }

  function isTrivialStatement(statement: TSESTree.Statement): boolean {
    switch (statement.type) {
      case AST_NODE_TYPES.EmptyStatement:
        return true;
      case AST_NODE_TYPES.BlockStatement:
        return statement.body.every(isTrivialStatement);
      case AST_NODE_TYPES.ExpressionStatement:
        return isTrivialExpression(statement.expression);
      case AST_NODE_TYPES.ReturnStatement:
        return statement.argument === null || isTrivialExpression(statement.argument);
      default:
        return false;
    }
  }

  function functionSwallows(fn: FunctionNode): boolean {
    // A generator handler returns an iterator: it does not run its body. Count it as handling (silent).
    if (fn.generator) return false;
    const { body } = fn;
    if (!body) return false;
    return body.type === AST_NODE_TYPES.BlockStatement ? body.body.every(isTrivialStatement) : isTrivialExpression(body);
  }

  /** The function a name is bound to in this file: a function declaration, or a never-reassigned `const f = () => …`. */
  function localFunction(identifier: TSESTree.Identifier): FunctionNode | undefined {
    const variable = findVariable(sourceCode, identifier);
    if (variable?.defs.length !== 1) return undefined;
    const declaration = variable.defs[0]?.node;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration) return declaration;
    const init = constInitOf(variable);
    const value = init && unwrapExpression(init);
    return isFunctionNode(value) ? value : undefined;
  }

  function handlerSwallows(handler: TSESTree.Node, depth = 0): boolean {
    const value = unwrapExpression(handler);
    if (isFunctionNode(value)) return functionSwallows(value);
    if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
      if (isAllowed(value)) return false;
      if (isNoopReference(value) || isLoggingCallee(value)) return true;
      if (value.type === AST_NODE_TYPES.Identifier && depth < MAX_FUNCTION_DEPTH) {
        const fn = localFunction(value);
        if (fn) return fn.type === AST_NODE_TYPES.FunctionDeclaration ? functionSwallows(fn) : handlerSwallows(fn, depth + 1);
      }
      return false;
    }
    // `console.error.bind(console)`, `noop.bind(null)`.
    if (value.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(value.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(callee) === 'bind') return handlerSwallows(callee.object, depth + 1);
    }
    return false;
  }

  return {
    handlerSwallows: handler => handlerSwallows(handler),
    catchSwallows: clause => clause.body.body.every(isTrivialStatement),
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------------------

function unionParts(type: ts.Type): readonly ts.Type[] {
  return type.isUnion() ? type.types : [type];
}

/**
 * Whether a value of `type` is a Promise or another thenable: some constituent has a `then` property with a call
 * signature (as typescript-eslint's `no-floating-promises` reads it). `any` and `unknown` are not.
 */
export function isThenableType(checker: ts.TypeChecker, location: ts.Node, type: ts.Type): boolean {
  for (const part of unionParts(checker.getApparentType(type))) {
    const then = part.getProperty('then');
    if (!then) continue;
    const thenType = checker.getTypeOfSymbolAtLocation(then, location);
    if (unionParts(thenType).some(candidate => candidate.getCallSignatures().length > 0)) return true;
  }
  return false;
}
