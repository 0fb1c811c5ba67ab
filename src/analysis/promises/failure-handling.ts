/** Whether a rejection handler or a `catch` block handles a failure or swallows it. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunctionNode } from '../ast/functions.js';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { constInitOf, findVariable } from '../ast/variables.js';
import { conventionalLogger } from '../logging/index.js';
import { calleePath, splitWords } from '../matchers.js';

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
