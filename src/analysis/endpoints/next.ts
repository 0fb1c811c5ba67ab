/**
 * Next.js endpoints, decided by the file (`context.filename`) and its directives:
 *
 * - App Router route handlers: in `…/app/**\/route.(ts|js|mts|tsx…)`, the exports `GET POST PUT PATCH DELETE HEAD
 *   OPTIONS` — function declarations, `export const X = async () => …`, wrapped handlers
 *   (`export const PATCH = withWorkspace(async ({ req }) => …)`: chain = the wrapper call, handler = the innermost inline
 *   function) and `export { handler as POST }`. Route from the directories after `app/`, without route groups `(admin)`
 *   and slots `@modal`. Re-exports from another module (`export { POST } from './x'`) are reported where they are defined.
 * - Pages Router API routes: the default export of `…/pages/api/**`. When the handler dispatches on `req.method`
 *   (`switch (req.method) { case 'PUT': … }`, `if (req.method === 'DELETE') {…}`, `['POST', 'PUT'].includes(req.method)`),
 *   one endpoint per branch (`branch` = the case or the if's consequent); a guard `if (req.method !== 'POST') return …`
 *   makes the rest of the handler the POST endpoint; otherwise one `ALL` endpoint.
 * - Server actions (method `ACTION`): every exported function of a file whose directive prologue has `'use server'`,
 *   and every function whose own body starts with `'use server'`.
 *
 * A `'use client'` file has no endpoints. Outside these files, exports named `POST` are ordinary functions.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../ast/functions.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { constInit } from '../ast/variables.js';
import { getTypeServices, type TypeServices } from '../types/services.js';
import { annotationName, destructuredName, functionName, innermostHandler, parameterIdentifier, resolveFunction } from './app-syntax.js';
import { next } from './frameworks/next.js';
import { methodBranches } from './next-branches.js';
import { appRouterRoute, directivesOf, pagesApiRoute } from './next-files.js';
import { contextAccess, typedAccess } from './typed-access.js';
import type { AdapterContext, EndpointAdapter, EndpointMethod, RequestContextAccess } from './types.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

const SESSION = next.requestContext[0];

/** What the Next.js adapter knows of one file. */
interface NextState {
  readonly adapter: AdapterContext;
  /** The App Router route of a `route.ts` file; the Pages Router route of a `pages/api` file (only without the former). */
  readonly appRoute: string | undefined;
  readonly pagesRoute: string | undefined;
  /** The file's prologue says `'use server'`. */
  readonly serverFile: boolean;
  /** Functions reported as actions (so an inline `'use server'` is not reported twice). */
  readonly actions: Set<TSESTree.Node>;
  /** The type services, looked up on first use (`null`: untyped). */
  services: TypeServices | null | undefined;
}

function servicesOf(state: NextState): TypeServices | undefined {
  if (state.services === undefined) state.services = getTypeServices(state.adapter.context) ?? null;
  return state.services ?? undefined;
}

/** `fn` as a chain entry: a local function, the wrapper call a `const` holds, else the expression itself. */
function chainEntry(expression: TSESTree.Node, sourceCode: SourceCode): TSESTree.Node {
  const unwrapped = unwrapExpression(expression);
  if (unwrapped.type !== AST_NODE_TYPES.Identifier) return expression;
  return resolveFunction(unwrapped, sourceCode) ?? constInit(sourceCode, unwrapped) ?? expression;
}

/** Whether an exported value may be a handler: a function, a call (a wrapper, a factory), a name or member (not `undefined`, not a literal). */
function couldBeHandler(value: TSESTree.Node): boolean {
  const expression = unwrapExpression(value);
  switch (expression.type) {
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.MemberExpression:
      return true;
    case AST_NODE_TYPES.Identifier:
      return expression.name !== 'undefined';
    default:
      return false;
  }
}

/** The request of an App Router handler: `(req: NextRequest)`, `(request: Request)`, `({ req })` from a wrapper. */
function appRequest(handler: FunctionNode | undefined, sourceCode: SourceCode): TSESTree.Identifier | undefined {
  const first = handler?.params[0];
  const identifier = parameterIdentifier(first);
  if (identifier) {
    const annotation = annotationName(identifier);
    if (annotation === 'NextRequest' || annotation === 'Request') return identifier;
    return annotation === undefined && /^req(?:uest)?$/u.test(identifier.name) ? identifier : undefined;
  }
  return destructuredName(first, 'req', sourceCode) ?? destructuredName(first, 'request', sourceCode);
}

function appContext(state: NextState, handler: FunctionNode | undefined): RequestContextAccess {
  const { sourceCode } = state.adapter;
  const services = servicesOf(state);
  const result: { actor?: string; source?: string } = {};
  const request = appRequest(handler, sourceCode);
  if (request) {
    const conventional = `${request.name}.headers.get(${next.forwardedHeader})`;
    const source = contextAccess(services, request, request.name, ['headers', 'get'], conventional, next.forwardedHeader);
    if (source !== undefined) result.source = source;
  }
  // No standard user in the App Router: only what a wrapper's typed context shows (`({ session })`, `({ user })`).
  if (services && handler) {
    const session = destructuredName(handler.params[0], 'session', sourceCode);
    const user = destructuredName(handler.params[0], 'user', sourceCode);
    const actor =
      (user ? typedAccess(services, user, user.name, ['id']) : undefined) ??
      (session ? typedAccess(services, session, session.name, SESSION.actor.path) : undefined);
    if (actor !== undefined) result.actor = actor;
  }
  return result;
}

function pagesContext(state: NextState, handler: FunctionNode | undefined): RequestContextAccess {
  const request = parameterIdentifier(handler?.params[0]);
  if (!request) return {};
  const conventional = `${request.name}.${next.pagesSourcePath.join('.')}`;
  const source = contextAccess(servicesOf(state), request, request.name, next.pagesSourcePath, conventional);
  return source === undefined ? {} : { source };
}

function reportAppExport(state: NextState, name: string, reportNode: TSESTree.Node, value: TSESTree.Node): void {
  const { appRoute } = state;
  if (!next.httpVerbs.has(name) || appRoute === undefined || !couldBeHandler(value)) return;
  const { sourceCode, report } = state.adapter;
  const handler = innermostHandler(value, sourceCode);
  report({
    framework: 'next',
    methods: [name as EndpointMethod],
    route: appRoute,
    label: `${name} ${appRoute}`,
    reportNode,
    chain: [chainEntry(value, sourceCode)],
    handler,
    context: appContext(state, handler),
  });
}

function reportAction(state: NextState, name: string | undefined, reportNode: TSESTree.Node, value: TSESTree.Node): void {
  const { sourceCode, report } = state.adapter;
  const handler = innermostHandler(value, sourceCode);
  if (handler) state.actions.add(handler);
  report({
    framework: 'next',
    methods: ['ACTION'],
    route: name,
    label: name === undefined ? 'server action' : `server action ${name}`,
    reportNode,
    chain: [chainEntry(value, sourceCode)],
    handler,
    context: {},
  });
}

/** An export of a `'use server'` file that is an action: an async function, or what a wrapper call returns. */
function isActionValue(value: TSESTree.Node, sourceCode: SourceCode): boolean {
  const expression = unwrapExpression(value);
  if (expression.type === AST_NODE_TYPES.CallExpression) return true;
  const fn = resolveFunction(expression, sourceCode);
  if (fn) return fn.async;
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = constInit(sourceCode, expression);
    return init !== undefined && unwrapExpression(init).type === AST_NODE_TYPES.CallExpression;
  }
  return false;
}

function checkPagesDefault(state: NextState, pagesRoute: string, declaration: TSESTree.ExportDefaultDeclaration['declaration']): void {
  if (!couldBeHandler(declaration)) return;
  const { sourceCode, report } = state.adapter;
  const handler = innermostHandler(declaration, sourceCode);
  const expression = unwrapExpression(declaration);
  const head =
    (handler ? functionName(handler, sourceCode)?.node : undefined) ??
    (expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : undefined) ??
    (expression.type === AST_NODE_TYPES.Identifier ? expression : undefined) ??
    handler?.params[0] ??
    declaration;
  const chain = [chainEntry(declaration, sourceCode)];
  const context = pagesContext(state, handler);
  const branches = handler ? methodBranches(handler, sourceCode) : [];
  if (branches.length === 0) {
    report({ framework: 'next', methods: ['ALL'], route: pagesRoute, label: `ALL ${pagesRoute}`, reportNode: head, chain, handler, context });
    return;
  }
  for (const branch of branches) {
    report({
      framework: 'next',
      methods: branch.methods,
      route: pagesRoute,
      label: `${branch.methods.join('|')} ${pagesRoute}`,
      reportNode: branch.reportNode,
      chain,
      handler,
      context,
      ...(branch.node ? { branch: branch.node } : {}),
    });
  }
}

/** One exported name: a route handler in a route file, else an action in a `'use server'` file. */
function checkExport(state: NextState, name: string, reportNode: TSESTree.Node, value: TSESTree.Node, isAction: () => boolean): void {
  if (state.appRoute !== undefined) reportAppExport(state, name, reportNode, value);
  else if (state.serverFile && isAction()) reportAction(state, name, reportNode, value);
}

function checkNamedExport(state: NextState, statement: TSESTree.ExportNamedDeclaration): void {
  const { sourceCode } = state.adapter;
  const declaration = statement.declaration;
  if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) {
    checkExport(state, declaration.id.name, declaration.id, declaration, () => declaration.async);
  } else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
    for (const declarator of declaration.declarations) {
      const { id, init } = declarator;
      if (id.type !== AST_NODE_TYPES.Identifier || !init) continue;
      checkExport(state, id.name, id, init, () => isActionValue(init, sourceCode));
    }
  } else if (!declaration && !statement.source) {
    for (const specifier of statement.specifiers) {
      const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
      const local = specifier.local;
      if (local.type !== AST_NODE_TYPES.Identifier) continue;
      checkExport(state, exported, specifier.exported, local, () => isActionValue(local, sourceCode));
    }
  }
}

function checkDefaultExport(state: NextState, statement: TSESTree.ExportDefaultDeclaration): void {
  const { sourceCode } = state.adapter;
  if (state.pagesRoute !== undefined) {
    checkPagesDefault(state, state.pagesRoute, statement.declaration);
  } else if (state.serverFile && state.appRoute === undefined && isActionValue(statement.declaration, sourceCode)) {
    const handler = innermostHandler(statement.declaration, sourceCode);
    const named = handler ? functionName(handler, sourceCode) : undefined;
    reportAction(state, named?.name ?? 'default', named?.node ?? statement, statement.declaration);
  }
}

function checkProgram(state: NextState): void {
  for (const statement of state.adapter.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) checkNamedExport(state, statement);
    else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) checkDefaultExport(state, statement);
  }
}

/** A function whose own body starts with `'use server'`: an action wherever it is. */
function checkInlineAction(state: NextState, node: FunctionNode): void {
  if (node.body.type !== AST_NODE_TYPES.BlockStatement || state.actions.has(node)) return;
  const directive = node.body.body.find(
    (statement, index, body) => statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive === next.serverDirective && directivesOf(body).length > index,
  );
  if (!directive) return;
  const named = functionName(node, state.adapter.sourceCode);
  state.actions.add(node);
  state.adapter.report({
    framework: 'next',
    methods: ['ACTION'],
    route: named?.name,
    label: named ? `server action ${named.name}` : 'server action',
    reportNode: named?.node ?? directive,
    chain: [node],
    handler: node,
    context: {},
  });
}

export const nextAdapter: EndpointAdapter = {
  framework: 'next',
  create(adapter) {
    const fileDirectives = directivesOf(adapter.sourceCode.ast.body);
    if (fileDirectives.includes(next.clientDirective)) return {};
    const appRoute = appRouterRoute(adapter.context.filename);
    const state: NextState = {
      adapter,
      appRoute,
      pagesRoute: appRoute === undefined ? pagesApiRoute(adapter.context.filename) : undefined,
      serverFile: fileDirectives.includes(next.serverDirective),
      actions: new Set(),
      services: undefined,
    };
    const inline = (node: FunctionNode): void => checkInlineAction(state, node);
    return {
      Program: () => checkProgram(state),
      FunctionDeclaration: inline,
      FunctionExpression: inline,
      ArrowFunctionExpression: inline,
    };
  },
};
