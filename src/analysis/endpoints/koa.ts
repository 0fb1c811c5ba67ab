/**
 * Koa endpoints: `@koa/router` (or `koa-router`) registrations `router.METHOD([name,] path, ...middleware)` for get,
 * post, put, patch, delete / del, head, options and `all` (method `ALL`), on routers from `new Router()` (see
 * `receivers.ts`). A Koa application's `app.use(...)` is middleware, not an endpoint, and is never reported.
 *
 * The optional route name: with a string first argument and a path-like second argument (a string or regular
 * expression literal, or a const of this file holding a string), the first is the name and the second the path —
 * the rule `@koa/router` applies at run time. `chain` is every middleware after the path, arrays flattened;
 * `handler` is the last one when it is an inline function.
 *
 * Request context, named after the middleware's first parameter: actor `ctx.state.user?.id` (koa-passport and most
 * auth middleware put the user on `ctx.state`; typed mode drops it only when the state type is known to lack
 * `user.id`), source `ctx.ip`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionExpressionNode } from '../ast/functions.js';
import { stringValue } from '../ast/static-values.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { constStringValue } from '../ast/variables.js';
import { handlerContext, ROUTE_METHODS } from './frameworks/index.js';
import { koa } from './frameworks/koa.js';
import { registrationCall, requestContextOf } from './receivers.js';
import { endpointLabel, flattenHandlers, lastInlineFunction, looksLikeRoute, routeTargets } from './route-syntax.js';
import type { AdapterContext, EndpointAdapter, RequestContextAccess } from './types.js';

const METHODS = ROUTE_METHODS.koa;
const CONTEXT = handlerContext(koa);

/** A path argument that can only be a path: a string or regular-expression literal, or a const string. */
function isPathLike(adapter: AdapterContext, node: TSESTree.Node | undefined): boolean {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return false;
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Literal && 'regex' in expression) return true;
  return constStringValue(adapter.sourceCode, expression) !== undefined;
}

function requestContext(adapter: AdapterContext, handler: TSESTree.FunctionLike | undefined): RequestContextAccess | undefined {
  return requestContextOf(adapter.context, handler, CONTEXT);
}

function visitCall(adapter: AdapterContext, call: TSESTree.CallExpression): void {
  const registration = registrationCall(adapter.context, call, 'koa', name => METHODS.has(name));
  if (!registration) return;
  const { callee, info } = registration;
  const method = METHODS.get(registration.name)!;

  const args = call.arguments;
  const named = stringValue(args[0]) !== undefined && isPathLike(adapter, args[1]);
  const pathNode = named ? args[1] : args[0];
  if (!pathNode || pathNode.type === AST_NODE_TYPES.SpreadElement || isFunctionExpressionNode(unwrapExpression(pathNode))) return;
  const chain = flattenHandlers(args.slice(named ? 2 : 1));
  if (chain.length === 0) return;
  if (info.via === 'conventional' && !looksLikeRoute(adapter.sourceCode, pathNode, chain)) return;

  const handler = lastInlineFunction(chain);
  const context = requestContext(adapter, handler);
  for (const target of routeTargets(adapter.sourceCode, pathNode)) {
    adapter.report({
      framework: 'koa',
      methods: [method],
      route: target.route,
      label: endpointLabel([method], target.text),
      reportNode: callee.property,
      chain,
      handler,
      receiver: callee.object,
      context,
    });
  }
}

export const koaAdapter: EndpointAdapter = {
  framework: 'koa',
  create(adapter) {
    return {
      CallExpression(node) {
        visitCall(adapter, node);
      },
    };
  },
};
