/**
 * Endpoints built by the team's own factories (`settings.compliance.endpoints.factories`) and route tables
 * (PATTERNS.md #10, #11). What they look like (verbs in names, route-table methods) is the `factory` record.
 *
 * Factories: `export const postThing = createApiRequestHandler(schema)(async (req) => …)` (curried: the outer call
 * whose callee is a call of the factory) and `export const deleteUser = createHandler(async (req) => …)` (direct: needs
 * a handler argument, so a bare `createApiRequestHandler(schema)` stored for later is not an endpoint). The method comes
 * from the name the endpoint is stored under (`postThing` → POST, `deleteUser` → DELETE, `updateX` → PUT), else `ALL`.
 *
 * Route tables: `this.route({ method: 'post', path: '/reset', handler: this.resetPassword })` (also `this.route([...])`
 * / `this.routes([...])` with such objects). Only the receiver `this`: `fastify.route({...})` belongs to the Fastify adapter.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../ast/functions.js';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { constStringValue } from '../ast/variables.js';
import { calleePath, type CallMatcher, createCallMatcher, EXPRESSION_SEGMENT, splitWords } from '../matchers.js';
import { getTypeServices, type TypeServices } from '../types/services.js';
import { innermostHandler, objectProperty, parameterIdentifier, propertyKeyName, resolveFunction } from './app-syntax.js';
import { factory } from './frameworks/factory.js';
import { next } from './frameworks/next.js';
import { appRouterRoute, directivesOf, pagesApiRoute } from './next-files.js';
import { typedAccess } from './typed-access.js';
import type { AdapterContext, EndpointAdapter, EndpointMethod, RequestContextAccess } from './types.js';

export { appRouterRoute, pagesApiRoute };

type SourceCode = Readonly<TSESLint.SourceCode>;

const HTTP_VERBS = next.httpVerbs;
const VERB_WORDS = factory.verbWords;

/** `postThing` → POST, `DELETE` → DELETE, `deleteUser` → DELETE, `updateX` → PUT, `createX` → POST; else ALL. */
export function methodFromName(name: string | undefined): EndpointMethod {
  if (!name) return 'ALL';
  if (HTTP_VERBS.has(name.toUpperCase())) return name.toUpperCase() as EndpointMethod;
  const first = splitWords(name)[0];
  return (first !== undefined && VERB_WORDS.get(first)) || 'ALL';
}

/** Where an expression's value is stored: `const x = …`, `export default …`, `{ x: … }`, `this.x = …` (through TS wrappers and `await`). */
function storageName(node: TSESTree.Node, sourceCode: SourceCode): { name: string; node: TSESTree.Node; exported: boolean } | undefined {
  let current: TSESTree.Node = node;
  let parent = current.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.AwaitExpression)
  ) {
    current = parent;
    parent = current.parent;
  }
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) {
    const exported = parent.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
    return { name: parent.id.name, node: parent.id, exported };
  }
  if (parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return { name: 'default', node: parent, exported: true };
  if (parent.type === AST_NODE_TYPES.Property && parent.value === current) {
    const name = propertyKeyName(parent, sourceCode);
    return name === undefined ? undefined : { name, node: parent.key, exported: false };
  }
  if (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.value === current) {
    const name = propertyKeyName(parent, sourceCode);
    return name === undefined ? undefined : { name, node: parent.key, exported: false };
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticPropertyName(parent.left);
    return name === undefined ? undefined : { name, node: parent.left.property, exported: parent.left.object.type === AST_NODE_TYPES.Identifier && ['exports', 'module'].includes(parent.left.object.name) };
  }
  return undefined;
}


/** `router.post('/x', createHandler(…))`: the route registration is the endpoint, reported by the router's adapter. */
function isRouteRegistrationArgument(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  const parent = call.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee === call || !parent.arguments.includes(call)) return false;
  const callee = unwrapExpression(parent.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const verb = staticPropertyName(callee);
  return verb !== undefined && factory.routeVerbs.has(verb.toLowerCase()) && constStringValue(sourceCode, parent.arguments[0]) !== undefined;
}

/** The identifier `export default x` names, if any. */
function defaultExportedName(program: TSESTree.Program): string | undefined {
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && statement.declaration.type === AST_NODE_TYPES.Identifier) {
      return statement.declaration.name;
    }
  }
  return undefined;
}

/**
 * Next.js endpoints are the Next.js adapter's even when built by a factory: `export const POST = createHandler(…)` in
 * a route file, the default export of a `pages/api` file, an export of a `'use server'` file.
 */
function nextClaims(storage: { name: string; exported: boolean } | undefined, filename: string, program: TSESTree.Program): boolean {
  if (!storage) return false;
  if (appRouterRoute(filename) !== undefined && storage.exported && HTTP_VERBS.has(storage.name)) return true;
  if (pagesApiRoute(filename) !== undefined && (storage.name === 'default' || storage.name === defaultExportedName(program))) return true;
  return storage.exported && directivesOf(program.body).includes(next.serverDirective);
}

/** The route table entry `{ method: 'post', path|url: '/reset', handler, middleware? }`, or undefined. */
function routeTableEntry(
  entry: TSESTree.Node,
  sourceCode: SourceCode,
): { methods: EndpointMethod[]; route: string | undefined; handlerNode: TSESTree.Node; middleware: TSESTree.Node[]; methodNode: TSESTree.Node } | undefined {
  const object = unwrapExpression(entry);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const handler = objectProperty(object, 'handler', sourceCode);
  const method = objectProperty(object, 'method', sourceCode);
  if (!handler || !method) return undefined;
  const values = unwrapExpression(method.value);
  const names = values.type === AST_NODE_TYPES.ArrayExpression ? values.elements.map((element) => constStringValue(sourceCode, element)) : [constStringValue(sourceCode, values)];
  const methods: EndpointMethod[] = [];
  for (const name of names) {
    const upper = name?.toUpperCase();
    if (upper === undefined || !(HTTP_VERBS.has(upper) || upper === 'ALL')) return undefined;
    methods.push(upper as EndpointMethod);
  }
  if (methods.length === 0) return undefined;
  const path = objectProperty(object, 'path', sourceCode) ?? objectProperty(object, 'url', sourceCode);
  const middleware: TSESTree.Node[] = [];
  for (const key of ['middleware', 'middlewares']) {
    const value = objectProperty(object, key, sourceCode)?.value;
    if (!value) continue;
    const list = unwrapExpression(value);
    if (list.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of list.elements) if (element && element.type !== AST_NODE_TYPES.SpreadElement) middleware.push(element);
    } else {
      middleware.push(value);
    }
  }
  return { methods, route: constStringValue(sourceCode, path?.value), handlerNode: handler.value, middleware, methodNode: method };
}

/** Actor and source from a factory handler's request parameter, only as far as its type shows (typed mode). */
function requestContext(services: TypeServices | undefined, handler: FunctionNode | undefined): RequestContextAccess {
  const request = parameterIdentifier(handler?.params[0]);
  if (!services || !request) return {};
  const name = request.name;
  const actor = typedAccess(services, request, name, ['user', 'id']);
  const source = typedAccess(services, request, name, ['ip']) ?? typedAccess(services, request, name, ['headers', 'get'], { call: "'x-forwarded-for'" });
  return { ...(actor ? { actor } : {}), ...(source ? { source } : {}) };
}

/** What the factory adapter keeps for one file. */
interface FactoryState {
  readonly adapter: AdapterContext;
  readonly matcher: CallMatcher | undefined;
  /** The type services, looked up on first use (`null`: untyped). */
  services: TypeServices | null | undefined;
}

function servicesOf(state: FactoryState): TypeServices | undefined {
  if (state.services === undefined) state.services = getTypeServices(state.adapter.context) ?? null;
  return state.services ?? undefined;
}

function factoryName(call: TSESTree.CallExpression): string {
  const path = calleePath(call.callee);
  const last = path?.[path.length - 1];
  return last && last !== EXPRESSION_SEGMENT ? last : 'factory';
}

/** The factory call that makes `node` an endpoint: `node`'s callee (curried) or `node` itself (direct); undefined otherwise. */
function factoryCallOf(state: FactoryState, node: TSESTree.CallExpression): TSESTree.CallExpression | undefined {
  const { matcher } = state;
  if (!matcher) return undefined;
  const callee = unwrapExpression(node.callee);
  if (callee.type === AST_NODE_TYPES.CallExpression && matcher.matches(callee)) {
    // createApiRequestHandler(schema)(async (req) => …); `createApiRequestHandler(schema)()` mid-edit is none.
    return node.arguments.length === 0 ? undefined : callee;
  }
  if (callee.type === AST_NODE_TYPES.CallExpression || !matcher.matches(node)) return undefined;
  // createHandler(async (req) => …); `createApiRequestHandler(schema)` alone is a factory waiting for its handler.
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && unwrapExpression(parent.callee) === node) return undefined;
  return node.arguments.some((argument) => innermostHandler(argument, state.adapter.sourceCode) !== undefined) ? node : undefined;
}

function checkFactory(state: FactoryState, node: TSESTree.CallExpression): void {
  const factoryCall = factoryCallOf(state, node);
  if (!factoryCall) return;
  const { sourceCode, context, report } = state.adapter;
  if (isRouteRegistrationArgument(node, sourceCode)) return;
  const storage = storageName(node, sourceCode);
  if (nextClaims(storage, context.filename, sourceCode.ast)) return;
  const handler = innermostHandler(node, sourceCode);
  const method = methodFromName(storage?.name === 'default' ? undefined : storage?.name);
  const route = storage?.name;
  const label = `${method === 'ALL' ? '' : `${method} `}${route ?? 'endpoint'} (${factoryName(factoryCall)})`;
  report({
    framework: 'factory',
    methods: [method],
    route,
    label,
    reportNode: storage && storage.node.type !== AST_NODE_TYPES.ExportDefaultDeclaration ? storage.node : factoryCall.callee,
    chain: [node],
    handler,
    context: requestContext(servicesOf(state), handler),
  });
}

function checkRouteTable(state: FactoryState, node: TSESTree.CallExpression): void {
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || unwrapExpression(callee.object).type !== AST_NODE_TYPES.ThisExpression) return;
  const name = staticPropertyName(callee);
  if (name === undefined || !factory.tableMethods.has(name)) return;
  const { sourceCode, report } = state.adapter;
  const first = node.arguments[0] ? unwrapExpression(node.arguments[0]) : undefined;
  const table = first?.type === AST_NODE_TYPES.ArrayExpression;
  const entries = first?.type === AST_NODE_TYPES.ArrayExpression ? first.elements : [first];
  for (const entry of entries) {
    if (!entry || entry.type === AST_NODE_TYPES.SpreadElement) continue;
    const found = routeTableEntry(entry, sourceCode);
    if (!found) continue;
    const handler = resolveFunction(found.handlerNode, sourceCode);
    report({
      framework: 'factory',
      methods: found.methods,
      route: found.route,
      label: `${found.methods.join('|')} ${found.route ?? '<dynamic route>'}`,
      reportNode: table ? found.methodNode : callee,
      chain: [...found.middleware, found.handlerNode],
      handler,
      receiver: callee.object,
      context: requestContext(servicesOf(state), handler),
    });
  }
}

export const factoryAdapter: EndpointAdapter = {
  framework: 'factory',
  create(adapter) {
    const { factories } = adapter.policy.endpoints;
    const state: FactoryState = {
      adapter,
      matcher: factories.length > 0 ? createCallMatcher(factories, adapter.context) : undefined,
      services: undefined,
    };
    return {
      CallExpression(node) {
        checkFactory(state, node);
        checkRouteTable(state, node);
      },
    };
  },
};
