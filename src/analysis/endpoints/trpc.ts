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
import { calleePath, staticPropertyName, unwrapExpression } from '../matchers.js';
import {
  constantInit,
  destructuredName,
  isLooseType,
  type InlineFunction,
  packageOfSymbol,
  propertyKeyName,
  resolveFunction,
  typedAccess,
  typeFromPackage,
  typeOfNode,
  typeTools,
  type TypeTools,
} from './factories.js';
import type { EndpointAdapter, EndpointMethod, RequestContextAccess } from './types.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

const TRPC_SERVER = '@trpc/server';
const BUILDER_METHODS = new Set(['input', 'output', 'use', 'meta', 'concat', 'unstable_concat']);
const PROCEDURE_NAME = /(?:^p|P)rocedure$/u;
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
    if (expression.name === 'initTRPC') return true;
    const init = constantInit(sourceCode, expression);
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
    if (name === undefined || !BUILDER_METHODS.has(name)) return undefined;
    const inner = builderChain(callee.object, sourceCode, depth + 1);
    if (!inner) return undefined;
    const middleware = name === 'use' || name === 'concat' || name === 'unstable_concat' ? expression.arguments : [];
    return { root: inner.root, middleware: [...inner.middleware, ...middleware] };
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = constantInit(sourceCode, expression);
    const bound = init ? builderChain(init, sourceCode, depth + 1) : undefined;
    if (bound) return { root: expression, middleware: bound.middleware };
    return PROCEDURE_NAME.test(expression.name) ? { root: expression, middleware: [] } : undefined;
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(expression) === 'procedure') {
    const object = unwrapExpression(expression.object);
    if (object.type === AST_NODE_TYPES.Identifier && (object.name === 't' || isTrpcInstance(object, sourceCode, 0))) {
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
    if (callee.type === AST_NODE_TYPES.MemberExpression && name !== undefined && BUILDER_METHODS.has(name)) {
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
  return last !== undefined && /router$/iu.test(last);
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

export const trpcAdapter: EndpointAdapter = {
  framework: 'trpc',
  create({ context, sourceCode, report }) {
    let tools: TypeTools | null | undefined;
    const types = (): TypeTools | undefined => {
      if (tools === undefined) tools = typeTools(context) ?? null;
      return tools ?? undefined;
    };

    /** Typed answer: true / false when the receiver's type decides, undefined when it is `any` or unknown. */
    function typedBuilder(receiver: TSESTree.Expression, method: string): boolean | undefined {
      const checker = types();
      if (!checker) return undefined;
      const type = typeOfNode(checker, receiver);
      if (!type || isLooseType(type)) return undefined;
      try {
        const property = checker.checker.getPropertyOfType(checker.checker.getNonNullableType(type), method);
        if (property && packageOfSymbol(property) === TRPC_SERVER) return true;
        return typeFromPackage(checker, type, TRPC_SERVER) && property !== undefined;
      } catch {
        return undefined;
      }
    }

    function procedureContext(handler: InlineFunction | undefined): RequestContextAccess {
      const first = handler?.params[0];
      const ctx = destructuredName(first, 'ctx', sourceCode);
      const checker = types();
      const result: { actor?: string; source?: string } = {};
      if (!ctx) {
        // `({ ctx: { user } })`
        const pattern = first?.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
        if (pattern?.type !== AST_NODE_TYPES.ObjectPattern) return result;
        const ctxProperty = pattern.properties.find(
          (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && propertyKeyName(property, sourceCode) === 'ctx',
        );
        const inner = ctxProperty?.value;
        const user = inner?.type === AST_NODE_TYPES.ObjectPattern ? destructuredName(inner, 'user', sourceCode) : undefined;
        if (user) {
          const actor = checker ? typedAccess(checker, user, user.name, ['id'], { conventional: `${user.name}?.id` }) : `${user.name}?.id`;
          if (actor !== undefined) result.actor = actor;
        }
        return result;
      }
      const name = ctx.name;
      const ctxType = checker ? typeOfNode(checker, ctx) : undefined;
      if (checker && ctxType && !isLooseType(ctxType)) {
        const actor = typedAccess(checker, ctx, name, ['user', 'id']) ?? typedAccess(checker, ctx, name, ['session', 'user', 'id']);
        const source =
          typedAccess(checker, ctx, name, ['ip']) ??
          typedAccess(checker, ctx, name, ['req', 'ip']) ??
          typedAccess(checker, ctx, name, ['req', 'headers', 'get'], { call: "'x-forwarded-for'" }) ??
          typedAccess(checker, ctx, name, ['req', 'socket', 'remoteAddress']);
        if (actor !== undefined) result.actor = actor;
        if (source !== undefined) result.source = source;
        return result;
      }
      // Without types: what the resolver itself uses of its context.
      const body = handler ? sourceCode.getText(handler.body) : '';
      const uses = (member: string): boolean => new RegExp(`\\b${name}\\??\\.${member}\\b`, 'u').test(body);
      result.actor = uses('session') ? `${name}.session?.user?.id` : `${name}.user?.id`;
      if (uses('ip')) result.source = `${name}.ip`;
      else if (uses('req')) result.source = `${name}.req.ip`;
      return result;
    }

    return {
      CallExpression(node) {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const kind = staticPropertyName(callee);
        if (kind !== 'mutation' && kind !== 'query') return;
        const resolver = node.arguments[0];
        if (!resolver || resolver.type === AST_NODE_TYPES.SpreadElement) return; // `.mutation()` mid-edit
        const receiver = callee.object;
        const typed = typedBuilder(receiver, kind);
        let chain: { root: TSESTree.Expression; middleware: TSESTree.Node[] } | undefined;
        if (typed === true) chain = writtenMiddleware(receiver);
        else if (typed === undefined) chain = builderChain(receiver, sourceCode);
        if (!chain) return;
        const method: EndpointMethod = kind === 'mutation' ? 'MUTATION' : 'QUERY';
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
          context: procedureContext(handler),
        });
      },
    };
  },
};
