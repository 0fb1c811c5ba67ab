/**
 * Fastify endpoints:
 *
 * - shorthand `fastify.METHOD(path, handler)`, `fastify.METHOD(path, opts, handler)` and
 *   `fastify.METHOD(path, { handler, ...opts })` for get, post, put, patch, delete, head, options and `all`;
 * - `fastify.route({ method, url, handler, ... })`, `method` a string or an array (one endpoint with all of them);
 * - on instances from `Fastify()` / `fastify()` and inside plugins (`fastify.register(async (instance) => {...})`,
 *   `fp(...)`, `FastifyPluginAsync`-typed functions) — see `receivers.ts`.
 *
 * Options objects may be literals or consts of this file. `chain` follows the request lifecycle: the route's
 * `onRequest`, `preParsing`, `preValidation`, `preHandler` hooks, the handler, then `preSerialization`, `onSend`,
 * `onResponse` (an audit written in an `onResponse` hook audits the route); hook arrays are flattened.
 * A method the endpoint model has no name for (`'PROPFIND'`) is dropped; a route with no method left is skipped;
 * a method that is not static (a variable from elsewhere) on a confirmed instance is `ALL`.
 *
 * Request context: source `request.ip`; actor `request.user?.id` only when the typed request has `user.id`
 * (Fastify has no standard user; a `decorateRequest` + declaration merge adds one), never in untyped mode.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionExpressionNode } from '../ast/functions.js';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { fastify } from './frameworks/fastify.js';
import { handlerContext, ROUTE_METHODS } from './frameworks/index.js';
import { frameworkOfReceiver, type ReceiverInfo, requestContextOf } from './receivers.js';
import { constObject, endpointLabel, flattenHandlers, looksLikeRoute, propertyValue, routeTargets, staticMethods } from './route-syntax.js';
import type { AdapterContext, EndpointAdapter, EndpointMethod, RequestContextAccess } from './types.js';

const METHODS = ROUTE_METHODS.fastify;
const CONTEXT = handlerContext(fastify);
/** Route-level hooks run around the handler like the `addHook` ones. */
const HOOKS_BEFORE = fastify.middleware?.hooks?.before ?? [];
const HOOKS_AFTER = fastify.middleware?.hooks?.after ?? [];

function hooks(options: TSESTree.ObjectExpression | undefined, names: readonly string[]): TSESTree.Node[] {
  if (!options) return [];
  return flattenHandlers(names.map((name) => propertyValue(options, name) ?? null));
}

function buildChain(options: TSESTree.ObjectExpression | undefined, handler: TSESTree.Node): TSESTree.Node[] {
  return [...hooks(options, HOOKS_BEFORE), ...flattenHandlers([handler]), ...hooks(options, HOOKS_AFTER)];
}

function requestContext(adapter: AdapterContext, handler: TSESTree.FunctionLike | undefined): RequestContextAccess | undefined {
  return requestContextOf(adapter.context, handler, CONTEXT);
}

function report(
  adapter: AdapterContext,
  methods: readonly EndpointMethod[],
  path: TSESTree.Node,
  reportNode: TSESTree.Node,
  chain: readonly TSESTree.Node[],
  handlerNode: TSESTree.Node,
  receiver: TSESTree.Expression,
): void {
  const unwrapped = unwrapExpression(handlerNode);
  const handler = isFunctionExpressionNode(unwrapped) ? unwrapped : undefined;
  const context = requestContext(adapter, handler);
  for (const target of routeTargets(adapter.sourceCode, path)) {
    adapter.report({
      framework: 'fastify',
      methods,
      route: target.route,
      label: endpointLabel(methods, target.text),
      reportNode,
      chain,
      handler,
      receiver,
      context,
    });
  }
}

function visitShorthand(adapter: AdapterContext, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: EndpointMethod, info: ReceiverInfo): void {
  const [path, second, third] = call.arguments;
  if (!path || path.type === AST_NODE_TYPES.SpreadElement || isFunctionExpressionNode(unwrapExpression(path))) return;
  let options: TSESTree.ObjectExpression | undefined;
  let handlerNode: TSESTree.Node | undefined;
  if (third) {
    options = constObject(adapter.sourceCode, second);
    handlerNode = third;
  } else if (second) {
    options = constObject(adapter.sourceCode, second);
    handlerNode = options ? propertyValue(options, 'handler') : second;
  }
  if (!handlerNode || handlerNode.type === AST_NODE_TYPES.SpreadElement) return;
  const chain = buildChain(options, handlerNode);
  if (info.via === 'conventional' && !looksLikeRoute(adapter.sourceCode, path, chain)) return;
  report(adapter, [method], path, callee.property, chain, handlerNode, callee.object);
}

function visitRoute(adapter: AdapterContext, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, info: ReceiverInfo): void {
  const options = constObject(adapter.sourceCode, call.arguments[0]);
  if (!options) return;
  const methodNode = propertyValue(options, 'method');
  const url = propertyValue(options, 'url') ?? propertyValue(options, 'path');
  const handlerNode = propertyValue(options, 'handler');
  if (!methodNode || !url || !handlerNode) return;
  const listed = staticMethods(adapter.sourceCode, methodNode);
  if (listed === undefined && info.via === 'conventional') return;
  const methods: EndpointMethod[] = listed ?? ['ALL'];
  if (methods.length === 0) return;
  const chain = buildChain(options, handlerNode);
  if (info.via === 'conventional' && !looksLikeRoute(adapter.sourceCode, url, chain)) return;
  report(adapter, methods, url, callee.property, chain, handlerNode, callee.object);
}

function visitCall(adapter: AdapterContext, call: TSESTree.CallExpression): void {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
  const name = staticPropertyName(callee);
  if (name === undefined) return;
  const method = METHODS.get(name);
  if (!method && name !== 'route') return;
  const info = frameworkOfReceiver(callee.object, adapter.context);
  if (info?.framework !== 'fastify') return;
  if (method) visitShorthand(adapter, call, callee, method, info);
  else visitRoute(adapter, call, callee, info);
}

export const fastifyAdapter: EndpointAdapter = {
  framework: 'fastify',
  create(adapter) {
    return {
      CallExpression(node) {
        visitCall(adapter, node);
      },
    };
  },
};
