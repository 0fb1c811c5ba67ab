/**
 * tRPC procedures: `.mutation(resolver)` (method `MUTATION`) and `.query(resolver)` (`QUERY`) on procedure builders —
 * `publicProcedure.input(z…).mutation(async ({ ctx, input }) => …)`, `t.procedure.mutation(…)`,
 * `protectedProcedure.use(mw).mutation(…)`.
 *
 * Which receivers are procedure builders:
 * - typed mode: the called `mutation` / `query` is declared by `@trpc/server` (or the receiver's type is). A receiver
 *   typed `any` (unresolved import) falls back to the syntactic test;
 * - otherwise: the builder chain (`.input()`, `.output()`, `.use()`, `.meta()`, `.concat()`) starts at an identifier
 *   named `…Procedure` / `procedure`, at `t.procedure` / `<x>.procedure` where `x` comes from `initTRPC…create()` in the
 *   file, or at a `const` bound to such a chain. `useMutation()`, `trpc.user.create.mutate()` (client calls),
 *   `knex('users').query()`, `graphqlClient.mutation(…)` are not.
 *
 * Name: the keys of the router record holding the procedure (`router({ user: { create: … } })` → `user.create`), else the
 * variable it is stored in. Context: `({ ctx })` → actor `ctx.user?.id` or `ctx.session?.user?.id`, source `ctx.ip` /
 * the request in `ctx.req` (with types: what the context type has).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../ast/functions.js';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { constInit } from '../ast/variables.js';
import { calleePath } from '../matchers.js';
import { getTypeServices, type TypeServices } from '../types/services.js';
import { destructuredName, propertyKeyName, resolveFunction } from './app-syntax.js';
import { trpc } from './frameworks/trpc.js';
import { packageOfSymbol, typeFromPackage } from './packages.js';
import { typedAccess } from './typed-access.js';
import type { AdapterContext, EndpointAdapter, EndpointMethod, RequestContextAccess } from './types.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

const MAX_DEPTH = 6;
/** Nodes walked from a name to `initTRPC` (each call, member and alias is one). */
const MAX_CHAIN_NODES = 16;

/** A procedure builder chain: its root and the middleware of its `.use()` calls, root first. */
interface BuilderChain {
  readonly root: TSESTree.Expression;
  readonly middleware: TSESTree.Node[];
}

/** Whether an expression is (a `const` bound to) a call chain that contains `initTRPC`: `initTRPC.context<C>().create()`. */
function isTrpcInstance(node: TSESTree.Node, sourceCode: SourceCode, depth: number): boolean {
  if (depth > MAX_CHAIN_NODES) return false;
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    if (expression.name === trpc.initName) return true;
    const init = constInit(sourceCode, expression);
    return init !== undefined && isTrpcInstance(init, sourceCode, depth + 1);
  }
  if (expression.type === AST_NODE_TYPES.CallExpression) return isTrpcInstance(expression.callee, sourceCode, depth + 1);
  if (expression.type === AST_NODE_TYPES.MemberExpression) return isTrpcInstance(expression.object, sourceCode, depth + 1);
  return false;
}

/** The builder chain a receiver is, syntactically; undefined when its root is not a procedure builder. */
function builderChain(node: TSESTree.Expression, sourceCode: SourceCode, depth = 0): BuilderChain | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = unwrapExpression(node) as TSESTree.Expression;
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(expression.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = staticPropertyName(callee);
    if (name === undefined || !trpc.builderMethods.has(name)) return undefined;
    const inner = builderChain(callee.object, sourceCode, depth + 1);
    if (!inner) return undefined;
    const middleware = trpc.middlewareMethods.has(name) ? expression.arguments : [];
    return { root: inner.root, middleware: [...inner.middleware, ...middleware] };
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = constInit(sourceCode, expression);
    const bound = init ? builderChain(init, sourceCode, depth + 1) : undefined;
    if (bound) return { root: expression, middleware: bound.middleware };
    return trpc.procedureName.test(expression.name) ? { root: expression, middleware: [] } : undefined;
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(expression) === trpc.instanceProperty) {
    const object = unwrapExpression(expression.object);
    if (object.type === AST_NODE_TYPES.Identifier && (object.name === trpc.instanceName || isTrpcInstance(object, sourceCode, 0))) {
      return { root: expression, middleware: [] };
    }
  }
  return undefined;
}

/** The builder's middleware as written (`.use(mw)` calls), whatever the root: for the typed path. */
function writtenMiddleware(node: TSESTree.Expression, depth = 0): { root: TSESTree.Expression; middleware: TSESTree.Node[] } {
  const expression = unwrapExpression(node) as TSESTree.Expression;
  if (depth < MAX_DEPTH && expression.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(expression.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
    if (callee.type === AST_NODE_TYPES.MemberExpression && name !== undefined && trpc.builderMethods.has(name)) {
      const inner = writtenMiddleware(callee.object, depth + 1);
      return { root: inner.root, middleware: name === 'use' || name === 'concat' ? [...inner.middleware, ...expression.arguments] : inner.middleware };
    }
  }
  return { root: expression, middleware: [] };
}

/** `router({…})`, `t.router({…})`, `createTRPCRouter({…})`: a callee whose name ends in `router`. */
function isRouterCall(call: TSESTree.CallExpression): boolean {
  const path = calleePath(call.callee);
  const last = path?.[path.length - 1];
  return last !== undefined && trpc.routerCall.test(last);
}

/** The router-record keys holding the procedure (`user.create`), or the variable it is stored in. */
function procedureName(call: TSESTree.CallExpression, sourceCode: SourceCode): string | undefined {
  const keys: string[] = [];
  let current: TSESTree.Node = call;
  for (let depth = 0; depth < 16; depth++) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) break;
    if (
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression
    ) {
      current = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.Property && parent.value === current) {
      const key = propertyKeyName(parent, sourceCode);
      if (key === undefined) break;
      keys.unshift(key);
      current = parent.parent; // the object literal
      continue;
    }
    // A nested router: `router({ user: t.router({ rename: … }) })` → `user.rename`.
    if (keys.length > 0 && parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === current && isRouterCall(parent)) {
      current = parent;
      continue;
    }
    if (keys.length === 0 && parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) {
      return parent.id.name;
    }
    break;
  }
  return keys.length > 0 ? keys.join('.') : undefined;
}

/** What the tRPC adapter keeps for one file. */
interface TrpcState {
  readonly adapter: AdapterContext;
  /** The type services, looked up on first use (`null`: untyped). */
  services: TypeServices | null | undefined;
}

function servicesOf(state: TrpcState): TypeServices | undefined {
  if (state.services === undefined) state.services = getTypeServices(state.adapter.context) ?? null;
  return state.services ?? undefined;
}

/** Typed answer: true / false when the receiver's type decides, undefined when it is `any` or unknown. */
function typedBuilder(state: TrpcState, receiver: TSESTree.Expression, method: string): boolean | undefined {
  const services = servicesOf(state);
  if (!services) return undefined;
  const type = services.typeOf(receiver);
  if (!type || services.isLoose(type)) return undefined;
  try {
    const property = services.checker.getPropertyOfType(services.checker.getNonNullableType(type), method);
    if (property && packageOfSymbol(property) === trpc.server) return true;
    return typeFromPackage(type, trpc.server) && property !== undefined;
  } catch {
    return undefined;
  }
}

/** `({ ctx: { user } })`: the actor from the destructured user. */
function nestedUserContext(services: TypeServices | undefined, first: TSESTree.Parameter | undefined, sourceCode: SourceCode): RequestContextAccess {
  const pattern = first?.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
  if (pattern?.type !== AST_NODE_TYPES.ObjectPattern) return {};
  const ctxProperty = pattern.properties.find(
    (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && propertyKeyName(property, sourceCode) === 'ctx',
  );
  const inner = ctxProperty?.value;
  const user = inner?.type === AST_NODE_TYPES.ObjectPattern ? destructuredName(inner, 'user', sourceCode) : undefined;
  if (!user) return {};
  const actor = services ? typedAccess(services, user, user.name, ['id'], { conventional: `${user.name}?.id` }) : `${user.name}?.id`;
  return actor === undefined ? {} : { actor };
}

/** Typed `ctx`: the first actor and source path its type has. */
function typedContext(services: TypeServices, ctx: TSESTree.Identifier): RequestContextAccess {
  const name = ctx.name;
  const result: { actor?: string; source?: string } = {};
  let actor: string | undefined;
  for (const path of trpc.actorPaths) actor ??= typedAccess(services, ctx, name, path);
  let source: string | undefined;
  for (const { path, call } of trpc.sources) source ??= typedAccess(services, ctx, name, path, call === undefined ? {} : { call });
  if (actor !== undefined) result.actor = actor;
  if (source !== undefined) result.source = source;
  return result;
}

function procedureContext(state: TrpcState, handler: FunctionNode | undefined): RequestContextAccess {
  const { sourceCode } = state.adapter;
  const first = handler?.params[0];
  const ctx = destructuredName(first, 'ctx', sourceCode);
  const services = servicesOf(state);
  if (!ctx) return nestedUserContext(services, first, sourceCode);
  const ctxType = services?.typeOf(ctx);
  if (services && ctxType && !services.isLoose(ctxType)) return typedContext(services, ctx);
  // Without types: what the resolver itself uses of its context.
  const name = ctx.name;
  const body = handler ? sourceCode.getText(handler.body) : '';
  const uses = (member: string): boolean => new RegExp(`\\b${name}\\??\\.${member}\\b`, 'u').test(body);
  const result: { actor?: string; source?: string } = {};
  result.actor = uses('session') ? `${name}.session?.user?.id` : `${name}.user?.id`;
  if (uses('ip')) result.source = `${name}.ip`;
  else if (uses('req')) result.source = `${name}.req.ip`;
  return result;
}

function checkCall(state: TrpcState, node: TSESTree.CallExpression): void {
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
  const kind = staticPropertyName(callee);
  const method: EndpointMethod | undefined = kind === undefined ? undefined : trpc.procedures.get(kind);
  if (kind === undefined || !method) return;
  const resolver = node.arguments[0];
  if (!resolver || resolver.type === AST_NODE_TYPES.SpreadElement) return; // `.mutation()` mid-edit
  const { sourceCode, report } = state.adapter;
  const receiver = callee.object;
  const typed = typedBuilder(state, receiver, kind);
  let chain: { root: TSESTree.Expression; middleware: TSESTree.Node[] } | undefined;
  if (typed === true) chain = writtenMiddleware(receiver);
  else if (typed === undefined) chain = builderChain(receiver, sourceCode);
  if (!chain) return;
  const name = procedureName(node, sourceCode);
  const handler = resolveFunction(resolver, sourceCode);
  report({
    framework: 'trpc',
    methods: [method],
    route: name,
    label: `tRPC ${kind}${name === undefined ? '' : ` ${name}`}`,
    reportNode: callee.property,
    chain: [...chain.middleware, resolver],
    handler,
    receiver: chain.root,
    context: procedureContext(state, handler),
  });
}

export const trpcAdapter: EndpointAdapter = {
  framework: 'trpc',
  create(adapter) {
    const state: TrpcState = { adapter, services: undefined };
    return {
      CallExpression: (node) => checkCall(state, node),
    };
  },
};
