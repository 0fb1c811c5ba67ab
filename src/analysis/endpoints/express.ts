/**
 * Express endpoints:
 *
 * - `app.METHOD(path, ...handlers)` and `router.METHOD(...)` for get, post, put, patch, delete, head, options and
 *   `all` (method `ALL`), on apps from `express()` and routers from `express.Router()` / `Router()` (see
 *   `receivers.ts` for how receivers are recognized in typed and untyped mode);
 * - `app.route(path).get(...).post(...)`: each chained method is one endpoint with the route's path.
 *
 * `chain` is every handler argument after the path, in order, arrays of handlers flattened; `handler` is the last one
 * when it is an inline function. A path array of strings gives one endpoint per path. A registration without any
 * handler (`app.get('port')`, the settings getter; `app.post('/x')`) is not an endpoint.
 *
 * Request context, named after the handler's first parameter: source `req.ip`; actor `req.user?.id` — in typed mode
 * only when the request type has `user.id` (Passport or a declaration merge adds it), so the suggested code
 * type-checks.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionExpressionNode } from '../ast/functions.js';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { resolveConst } from '../ast/variables.js';
import { express } from './frameworks/express.js';
import { handlerContext, ROUTE_METHODS } from './frameworks/index.js';
import { registrationCall, requestContextOf } from './receivers.js';
import { endpointLabel, flattenHandlers, lastInlineFunction, looksLikeRoute, routeTargets } from './route-syntax.js';
import type { AdapterContext, EndpointAdapter, RequestContextAccess } from './types.js';

const METHODS = ROUTE_METHODS.express;
const CONTEXT = handlerContext(express);
const MAX_CHAIN = 16;

/** The `x.route(path)` call a route object comes from: through chained `.get(...)` calls and consts in this file. */
function findRouteCall(adapter: AdapterContext, node: TSESTree.Node): TSESTree.CallExpression | undefined {
  let current = resolveConst(adapter.sourceCode, node);
  for (let depth = 0; depth < MAX_CHAIN && current.type === AST_NODE_TYPES.CallExpression; depth++) {
    const callee = unwrapExpression(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = staticPropertyName(callee);
    if (name === express.routes.routeObject) return current;
    if (name === undefined || !METHODS.has(name)) return undefined;
    current = resolveConst(adapter.sourceCode, callee.object);
  }
  return undefined;
}

function requestContext(adapter: AdapterContext, handler: TSESTree.FunctionLike | undefined): RequestContextAccess | undefined {
  return requestContextOf(adapter.context, handler, CONTEXT);
}

function visitCall(adapter: AdapterContext, call: TSESTree.CallExpression): void {
  const registration = registrationCall(adapter.context, call, 'express', name => METHODS.has(name));
  if (!registration) return;
  const { callee, info } = registration;
  const method = METHODS.get(registration.name)!;

  let pathNode: TSESTree.Node | undefined;
  let handlerArgs: readonly TSESTree.CallExpressionArgument[];
  let receiver: TSESTree.Expression = callee.object;
  if (info.role === 'route') {
    const routeCall = findRouteCall(adapter, callee.object);
    pathNode = routeCall?.arguments[0];
    if (routeCall?.callee.type === AST_NODE_TYPES.MemberExpression) receiver = routeCall.callee.object;
    handlerArgs = call.arguments;
  } else {
    const [first, ...rest] = call.arguments;
    if (!first || first.type === AST_NODE_TYPES.SpreadElement || isFunctionExpressionNode(unwrapExpression(first))) return;
    pathNode = first;
    handlerArgs = rest;
  }
  const chain = flattenHandlers(handlerArgs);
  if (chain.length === 0) return; // `app.get('port')`, `app.post('/x')`
  if (info.via === 'conventional' && !looksLikeRoute(adapter.sourceCode, pathNode, chain)) return;

  const handler = lastInlineFunction(chain);
  const context = requestContext(adapter, handler);
  const targets = pathNode ? routeTargets(adapter.sourceCode, pathNode) : [{ route: undefined, text: adapter.sourceCode.getText(callee.object) }];
  for (const target of targets) {
    adapter.report({
      framework: 'express',
      methods: [method],
      route: target.route,
      label: endpointLabel([method], target.text),
      reportNode: callee.property,
      chain,
      handler,
      receiver,
      context,
    });
  }
}

export const expressAdapter: EndpointAdapter = {
  framework: 'express',
  create(adapter) {
    return {
      CallExpression(node) {
        visitCall(adapter, node);
      },
    };
  },
};
