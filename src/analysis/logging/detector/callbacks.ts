/**
 * Callback loggers: a library method that calls a function argument back with one of its loggers as the first
 * parameter (the records' `callbackMethods`: a tracker's `withScope(scope => …)`, `notify(err, event => …)`,
 * `startActiveSpan(name, span => …)`). The parameter is then a logger of the library, in both modes.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../../ast/functions.js';
import { staticPropertyName } from '../../ast/keys.js';
import { unwrapExpression } from '../../ast/unwrap.js';
import { LOGGER_TABLES, type LoggerKind } from '../index.js';
import { classify } from './classify.js';
import type { SinkState } from './state.js';
import { moduleKey, type Value } from './values.js';

function hasCallback(kind: LoggerKind | undefined, method: string | undefined): kind is LoggerKind {
  return kind !== undefined && method !== undefined && (LOGGER_TABLES.byKind.get(kind)?.callbackMethods?.includes(method) ?? false);
}

/** The kind whose logger `callee` hands to its callbacks: `Sentry.withScope`, `withScope` imported, `tracer.trace`. */
function callbackKind(state: SinkState, callee: TSESTree.Node, depth: number): LoggerKind | undefined {
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = staticPropertyName(callee);
    const base = classify(state, callee.object, depth + 1);
    if (base?.t === 'logger') return hasCallback(base.kind, method) ? base.kind : undefined;
    if (base?.t === 'module') {
      const kind = LOGGER_TABLES.moduleLoggers.get(moduleKey(base));
      return hasCallback(kind, method) ? kind : undefined;
    }
    return undefined;
  }
  const value = classify(state, callee, depth + 1);
  if (value?.t !== 'module' || value.path.length === 0) return undefined;
  const kind = LOGGER_TABLES.moduleLoggers.get(moduleKey({ module: value.module, path: value.path.slice(0, -1) }));
  return hasCallback(kind, value.path[value.path.length - 1]) ? kind : undefined;
}

/**
 * The value of a function's first parameter `param` (bound whole, not destructured) when the function is an argument of
 * a call whose callee hands a logger to its callbacks.
 */
export function callbackParameterValue(state: SinkState, fn: FunctionNode, param: TSESTree.Parameter, depth: number): Value | undefined {
  if (fn.params[0] !== param) return undefined;
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return undefined;
  const kind = callbackKind(state, unwrapExpression(call.callee), depth);
  return kind ? { t: 'logger', kind } : undefined;
}
