/**
 * Hono endpoints, on apps from `new Hono()` / `new OpenAPIHono()` (see `receivers.ts`):
 *
 * - `app.METHOD(path, ...handlers)` for get, post, put, patch, delete, options and `all` (method `ALL`); a chained
 *   registration without a path (`app.get('/x', h).post(h2)`) takes the path of the call it is chained on;
 * - `app.on(method | methods, path | paths, ...handlers)`: one endpoint per path, answering every listed method;
 * - `app.openapi(route, handler, hook?)` (`@hono/zod-openapi`): `route` is `createRoute({ method, path, ... })` or a
 *   route object, inline or a const of this file. Its `middleware` run before the handler, so `chain` is
 *   `[...route.middleware, handler]`; the validation `hook` is not part of the chain.
 *
 * When a method is not static:
 * - `openapi` with a route object this file cannot see (imported): in typed mode the route's type usually still
 *   carries the literal `method` and `path` (`createRoute` keeps them); otherwise the registration is clearly an
 *   endpoint whose method is unknown, so it is reported with method `ALL` and route undefined (label `ALL <route
 *   expression>`) — but only on a typed or origin-confirmed app, never on a conventional name;
 * - `on` with a method expression that is not static: `ALL` on a confirmed app, nothing on a conventional name.
 * Custom methods (`app.on('PURGE', ...)`) have no endpoint method and are dropped.
 *
 * Request context, named after the handler's first parameter: source `c.req.header('x-forwarded-for')`; actor
 * `c.get('user')?.id` — in typed mode only when the app's Variables (or `ContextVariableMap`) declare `user.id`,
 * since `c.get` is typed per app and `c.get('user')` does not compile otherwise.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionExpressionNode } from '../ast/functions.js';
import { staticPropertyName } from '../ast/keys.js';
import { stringValue } from '../ast/static-values.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { constStringValue, resolveConst } from '../ast/variables.js';
import { calleePath } from '../matchers.js';
import { hono } from './frameworks/hono.js';
import { handlerContext, ROUTE_METHODS } from './frameworks/index.js';
import { frameworkOfReceiver, type ReceiverInfo, requestContextOf } from './receivers.js';
import {
  constObject,
  endpointLabel,
  flattenHandlers,
  hasHandlerLike,
  lastInlineFunction,
  looksLikeRoute,
  normalizeMethod,
  propertyValue,
  type RouteTarget,
  routeTargets,
  staticMethods,
} from './route-syntax.js';
import { typedStringness, typedStringProperty } from './typed-receiver.js';
import type { AdapterContext, Endpoint, EndpointAdapter, EndpointMethod, RequestContextAccess } from './types.js';

const METHODS = ROUTE_METHODS.hono;
const CONTEXT = handlerContext(hono);
const MAX_CHAIN = 16;

function requestContext(adapter: AdapterContext, handler: TSESTree.FunctionLike | undefined): RequestContextAccess | undefined {
  return requestContextOf(adapter.context, handler, CONTEXT);
}

function reportTargets(
  adapter: AdapterContext,
  methods: readonly EndpointMethod[],
  targets: readonly RouteTarget[],
  callee: TSESTree.MemberExpression,
  chain: readonly TSESTree.Node[],
  handler: Endpoint['handler'],
): void {
  const context = requestContext(adapter, handler);
  for (const target of targets) {
    adapter.report({
      framework: 'hono',
      methods,
      route: target.route,
      label: endpointLabel(methods, target.text),
      reportNode: callee.property,
      chain,
      handler,
      receiver: callee.object,
      context,
    });
  }
}

/** The path of the registration a path-less call is chained on: `app.get('/x', h).post(h2)` → `'/x'`. */
function inheritedPath(adapter: AdapterContext, node: TSESTree.Node, depth = 0): TSESTree.Node | undefined {
  const current = unwrapExpression(node);
  if (depth > MAX_CHAIN || current.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapExpression(current.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = staticPropertyName(callee);
  if (name === undefined || !METHODS.has(name)) return undefined;
  const outer = inheritedPath(adapter, callee.object, depth + 1);
  const first = current.arguments[0];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement || current.arguments.length === 1) return outer;
  return isPathArgument(adapter, first, outer) ? first : outer;
}

/**
 * Whether the first argument of `app.METHOD(...)` is its path (Hono checks `typeof arg === 'string'` at run time):
 * the type decides in typed mode; else string literals and consts are paths, functions and calls (`validator(...)`)
 * are not, and other expressions are paths unless the call is chained on a registration that has one
 * (`app.get('/x', h).post(auth, h2)`: the Hono idiom for a second method on the same path).
 */
function isPathArgument(adapter: AdapterContext, first: TSESTree.Node, chainedPath: TSESTree.Node | undefined): boolean {
  const expression = unwrapExpression(first);
  if (isFunctionExpressionNode(expression)) return false;
  const typed = typedStringness(adapter.context, expression);
  if (typed) return typed === 'string';
  if (expression.type === AST_NODE_TYPES.TemplateLiteral || constStringValue(adapter.sourceCode, expression) !== undefined) return true;
  if (expression.type === AST_NODE_TYPES.CallExpression) return false;
  return chainedPath === undefined;
}

function visitMethod(adapter: AdapterContext, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: EndpointMethod, info: ReceiverInfo): void {
  const [first] = call.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return;
  const chainedPath = inheritedPath(adapter, callee.object);
  const pathless = call.arguments.length === 1 || !isPathArgument(adapter, first, chainedPath);
  const pathNode = pathless ? chainedPath : first;
  if (!pathNode) return;
  const chain = flattenHandlers(pathless ? call.arguments : call.arguments.slice(1));
  if (chain.length === 0) return;
  if (info.via === 'conventional' && !looksLikeRoute(adapter.sourceCode, pathNode, chain)) return;
  reportTargets(adapter, [method], routeTargets(adapter.sourceCode, pathNode), callee, chain, lastInlineFunction(chain));
}

function visitOn(adapter: AdapterContext, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, info: ReceiverInfo): void {
  const [methodNode, pathNode, ...rest] = call.arguments;
  if (!methodNode || !pathNode || methodNode.type === AST_NODE_TYPES.SpreadElement || pathNode.type === AST_NODE_TYPES.SpreadElement) return;
  const listed = staticMethods(adapter.sourceCode, methodNode);
  if (listed === undefined && info.via === 'conventional') return;
  const methods: EndpointMethod[] = listed ?? ['ALL'];
  if (methods.length === 0) return;
  const chain = flattenHandlers(rest);
  if (chain.length === 0) return;
  const resolvedPaths = resolveConst(adapter.sourceCode, pathNode);
  const targets = routeTargets(adapter.sourceCode, resolvedPaths.type === AST_NODE_TYPES.ArrayExpression ? resolvedPaths : pathNode);
  if (info.via === 'conventional' && !(targets.every((target) => target.route?.startsWith('/')) && hasHandlerLike(adapter.sourceCode, chain))) return;
  reportTargets(adapter, methods, targets, callee, chain, lastInlineFunction(chain));
}

/** The route config object of an `openapi` registration: `createRoute({...})`, `{...}`, or a const holding either. */
function routeConfig(adapter: AdapterContext, node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  const resolved = resolveConst(adapter.sourceCode, node);
  if (resolved.type === AST_NODE_TYPES.ObjectExpression) return resolved;
  if (resolved.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const path = calleePath(resolved.callee);
  return path?.at(-1) === 'createRoute' ? constObject(adapter.sourceCode, resolved.arguments[0]) : undefined;
}

function visitOpenapi(adapter: AdapterContext, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, info: ReceiverInfo): void {
  const [routeNode, handlerNode] = call.arguments;
  if (!routeNode || !handlerNode || routeNode.type === AST_NODE_TYPES.SpreadElement || handlerNode.type === AST_NODE_TYPES.SpreadElement) return;
  const unwrappedHandler = unwrapExpression(handlerNode);
  const handler = isFunctionExpressionNode(unwrappedHandler) ? unwrappedHandler : undefined;
  const config = routeConfig(adapter, routeNode);
  const routeText = adapter.sourceCode.getText(routeNode);

  if (config) {
    const methodValue = stringValue(propertyValue(config, 'method'));
    const method = methodValue === undefined ? undefined : normalizeMethod(methodValue);
    const pathNode = propertyValue(config, 'path');
    const middleware = propertyValue(config, 'middleware');
    const chain = [...flattenHandlers(middleware ? [middleware] : []), ...flattenHandlers([handlerNode])];
    if (info.via === 'conventional' && (!method || !looksLikeRoute(adapter.sourceCode, pathNode, [unwrappedHandler]))) return;
    if (methodValue !== undefined && !method) return; // a custom method
    const targets = pathNode ? routeTargets(adapter.sourceCode, pathNode) : [{ route: undefined, text: routeText }];
    reportTargets(adapter, [method ?? 'ALL'], targets, callee, chain, handler);
    return;
  }

  if (info.via === 'conventional') return;
  // A route object from elsewhere: typed mode reads its literal types; otherwise an `ALL` endpoint of unknown path.
  const typedMethod = typedStringProperty(adapter.context, routeNode, 'method');
  const typedPath = typedStringProperty(adapter.context, routeNode, 'path');
  const method = typedMethod === undefined ? 'ALL' : normalizeMethod(typedMethod);
  if (!method) return;
  const targets = [{ route: typedPath, text: typedPath ?? routeText }];
  reportTargets(adapter, [method], targets, callee, flattenHandlers([handlerNode]), handler);
}

function visitCall(adapter: AdapterContext, call: TSESTree.CallExpression): void {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
  const name = staticPropertyName(callee);
  if (name === undefined) return;
  const method = METHODS.get(name);
  if (!method && name !== 'on' && name !== 'openapi') return;
  const info = frameworkOfReceiver(callee.object, adapter.context);
  if (info?.framework !== 'hono' || info.role !== 'app') return;
  if (method) visitMethod(adapter, call, callee, method, info);
  else if (name === 'on') visitOn(adapter, call, callee, info);
  else visitOpenapi(adapter, call, callee, info);
}

export const honoAdapter: EndpointAdapter = {
  framework: 'hono',
  create(adapter) {
    return {
      CallExpression(node) {
        visitCall(adapter, node);
      },
    };
  },
};
