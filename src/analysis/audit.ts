/**
 * Whether an endpoint is audited — the whole decision, shared by the rules:
 *
 * 1. a decorator or interceptor from `audit.decorators` on the method or its class;
 * 2. an element of the handler chain that is audit middleware (`audit.middleware`), an audit wrapper call
 *    (`audit.wrappers`: `withAuditLogging(handler)`, `withApiWrapper({ action, handler })`), or whose execution emits
 *    an audit call (`audit.calls`, or the default heuristic) within `maxDepth` hops — inline functions, functions named
 *    by reference in this file or another, constants initialized with a wrapper call, and any other wrapper call
 *    (`withWorkspace(async () => { … })`: its function arguments, and the wrapper's own body);
 * 3. middleware registered with `X.use(…)` (or Fastify `X.addHook('onRequest' | 'preHandler' | …, …)`) earlier in the
 *    same file on the same receiver (same variable by scope analysis, or the same `this.x` text), with a path prefix
 *    that covers the route; and, for a router mounted with `app.use('/admin', auditTrail, adminRouter)`, audit
 *    middleware before it in that call or registered earlier on the app (recursively, bounded);
 * 4. for an endpoint that is one branch of a handler (`endpoint.branch`), only that branch counts, besides the chain's
 *    middleware, wrappers and decorators — never the rest of the handler.
 *
 * With no `audit.calls` configured, the default heuristic (a name with the word "audit") also recognizes middleware,
 * wrappers and decorators when their own lists are empty: `app.use(auditTrail)`, `withAuditLogging(fn)`, `@Audit()`,
 * `@UseInterceptors(AuditInterceptor)`.
 *
 * Matchers work on nodes of other files too (reach visits them): path matchers by callee path, `{ import, name }` by
 * that file's imports, `{ type, method }` (typed mode) by the checker through that file's node maps.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Policy } from '../policy.js';
import type { Endpoint } from './endpoints/types.js';
import {
  calleePath,
  type CallMatcher,
  createCallMatcher,
  createDecoratorMatcher,
  EXPRESSION_SEGMENT,
  hasWord,
  isDefaultAuditCall,
  type Matcher,
  pathMatches,
  unwrapExpression,
} from './matchers.js';
import { isFunctionNode, lookupBinding, type ModuleView, rootOf, viewOf } from './modules.js';
import { collectCalls, createReach, type Evidence, type Reach } from './reach.js';

export type { Evidence } from './reach.js';

export type AuditEvidenceKind = 'call' | 'wrapper' | 'decorator' | 'middleware';

/** Why an endpoint counts as audited. */
export interface AuditEvidence extends Evidence {
  readonly kind: AuditEvidenceKind;
  /** Where in the linted file: the decorator, the chain element, the `use(…)` call, the branch. */
  readonly node: TSESTree.Node;
}

export interface AuditAnalysisOptions {
  /** Hops to follow from the handler (the rule's default is 4). */
  readonly maxDepth: number;
}

export interface AuditAnalysis {
  /** The interprocedural reach built on {@link AuditAnalysis.isAuditCall}. */
  readonly reach: Reach;
  /** An audit call (`audit.calls`, or the default heuristic when not configured); works on nodes of other files too. */
  isAuditCall(call: TSESTree.Node): boolean;
  /** A call of an audit wrapper (`audit.wrappers`). */
  isWrapper(call: TSESTree.Node): boolean;
  /** Audit middleware by name: an identifier, member or call (`auditMiddleware`, `auditLog('x')`) named by `audit.middleware`. */
  isMiddleware(node: TSESTree.Node): boolean;
  /** The first decorator that audits (`audit.decorators`). */
  decoratorAudits(decorators: readonly TSESTree.Decorator[]): AuditEvidence | undefined;
  /** Why the endpoint is audited, or undefined when nothing audits it. */
  chainAudits(endpoint: Endpoint): AuditEvidence | undefined;
}

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

// ---------------------------------------------------------------------------------------------------------------------
// Matchers on nodes of any file
// ---------------------------------------------------------------------------------------------------------------------

/** `a.b.c` → the root identifier `a` and properties `[b, c]`. */
function memberRoot(node: TSESTree.Node): { root: TSESTree.Node; properties: string[] } {
  const path = calleePath(node);
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
  return { root: current, properties: path ? path.slice(1) : [] };
}

function calleeOf(node: TSESTree.Node): TSESTree.Node {
  if (node.type === AST_NODE_TYPES.Decorator) return calleeOf(unwrapExpression(node.expression));
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) return node.callee;
  return node;
}

/** Export paths an import matcher may name for a callee in a module without scope analysis (mirrors matchers.ts). */
function importCandidates(callee: TSESTree.Node): { module: string; candidates: string[][] } | undefined {
  const { root, properties } = memberRoot(callee);
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const binding = lookupBinding(root);
  let module: string | undefined;
  let exports: string[] = [];
  let commonjs = false;
  if (binding?.kind === 'import') {
    module = binding.source;
    exports = binding.imported === '*' ? [] : [binding.imported];
  } else if (binding?.kind === 'variable' && binding.node.id === binding.id && binding.node.init) {
    const init = unwrapExpression(binding.node.init);
    const argument = init.type === AST_NODE_TYPES.CallExpression ? init.arguments[0] : undefined;
    if (
      init.type === AST_NODE_TYPES.CallExpression &&
      init.callee.type === AST_NODE_TYPES.Identifier &&
      init.callee.name === 'require' &&
      argument?.type === AST_NODE_TYPES.Literal &&
      typeof argument.value === 'string'
    ) {
      module = argument.value;
      commonjs = true;
    }
  }
  if (module === undefined) return undefined;
  const path = [...exports, ...properties];
  if (path.length === 0) return { module, candidates: commonjs ? [['default']] : [] };
  if (path[0] === 'default' && path.length > 1) return { module, candidates: [path, path.slice(1)] };
  return { module, candidates: [path] };
}

const typeOnlyLists = new WeakMap<readonly Matcher[], readonly Matcher[]>();

function typeOnly(matchers: readonly Matcher[]): readonly Matcher[] {
  let list = typeOnlyLists.get(matchers);
  if (!list) {
    list = matchers.filter((matcher) => matcher.kind === 'type');
    typeOnlyLists.set(matchers, list);
  }
  return list;
}

/**
 * A matcher for nodes of any file: the linted file's through `createCallMatcher`; another file's by callee path, by its
 * imports, and (typed views) by receiver type — through `createCallMatcher` on a minimal context that carries only that
 * view's parser services (the type matchers read nothing else).
 */
function createAnyFileMatcher(matchers: readonly Matcher[], context: Context): (node: TSESTree.Node) => Matcher | undefined {
  const local = createCallMatcher(matchers, context);
  const types = typeOnly(matchers);
  const typeMatchers = new WeakMap<ModuleView, CallMatcher | null>();

  function typeMatcherFor(view: ModuleView | undefined): CallMatcher | undefined {
    if (!view?.services || types.length === 0) return undefined;
    let matcher = typeMatchers.get(view);
    if (matcher === undefined) {
      const viewContext = { sourceCode: { parserServices: view.services }, languageOptions: {} } as unknown as Context;
      matcher = createCallMatcher(types, viewContext);
      typeMatchers.set(view, matcher);
    }
    return matcher ?? undefined;
  }

  return (node) => {
    if (matchers.length === 0) return undefined;
    try {
      if (rootOf(node) === context.sourceCode.ast) return local.matches(node);
      const callee = calleeOf(node);
      const path = calleePath(callee);
      let imports: ReturnType<typeof importCandidates> | null = null;
      let typeHit: Matcher | undefined | null = null;
      for (const matcher of matchers) {
        if (matcher.kind === 'path') {
          if (path && pathMatches(matcher.segments, path)) return matcher;
        } else if (matcher.kind === 'import') {
          imports ??= importCandidates(callee);
          if (imports?.module === matcher.module && imports.candidates.some((candidate) => pathMatches(matcher.segments, candidate))) return matcher;
        } else {
          typeHit ??= typeMatcherFor(viewOf(node))?.matches(node);
          if (typeHit === matcher) return matcher;
        }
      }
      return undefined;
    } catch {
      return undefined;
    }
  };
}

/** Default-heuristic decorator: `@Audit(…)`, `@UseInterceptors(AuditInterceptor)`, `@UseInterceptors(new AuditInterceptor())`. */
function isDefaultAuditDecorator(decorator: TSESTree.Decorator): boolean {
  if (isDefaultAuditCall(decorator)) return true;
  const expression = unwrapExpression(decorator.expression);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  return expression.arguments.some((argument) => {
    const value = unwrapExpression(argument);
    const path = calleePath(value.type === AST_NODE_TYPES.NewExpression ? value.callee : value);
    const last = path?.[path.length - 1];
    return last !== undefined && last !== EXPRESSION_SEGMENT && hasWord(last, 'audit');
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Registered middleware: `X.use(…)` calls, collected once per file
// ---------------------------------------------------------------------------------------------------------------------

const REGISTRATIONS = new Set(['use', 'addHook']);
/** Fastify hooks that run for every request of a route before or around the handler. */
const REQUEST_HOOKS = new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler', 'preSerialization', 'onSend', 'onResponse']);

interface Registration {
  readonly call: TSESTree.CallExpression;
  readonly receiver: TSESTree.Node;
  /** Path prefix (`app.use('/admin', …)`); undefined = every path. */
  readonly prefix: string | undefined;
  readonly handlers: readonly TSESTree.Node[];
}

const registrationCache = new WeakMap<object, readonly Registration[]>();

function stringValue(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0 && node.quasis.length === 1) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function registrations(sourceCode: Readonly<TSESLint.SourceCode>): readonly Registration[] {
  const cached = registrationCache.get(sourceCode);
  if (cached) return cached;
  const found: Registration[] = [];
  for (const call of collectCalls([sourceCode.ast], undefined)) {
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) continue;
    const method = callee.property.name;
    if (!REGISTRATIONS.has(method)) continue;
    const first = call.arguments[0];
    const firstString = stringValue(first);
    if (method === 'addHook') {
      if (firstString === undefined || !REQUEST_HOOKS.has(firstString)) continue;
      found.push({ call, receiver: callee.object, prefix: undefined, handlers: call.arguments.slice(1) });
    } else {
      const handlers: TSESTree.Node[] = [];
      for (const argument of firstString === undefined ? call.arguments : call.arguments.slice(1)) {
        if (argument.type !== AST_NODE_TYPES.ArrayExpression) handlers.push(argument);
        else for (const element of argument.elements) if (element && element.type !== AST_NODE_TYPES.SpreadElement) handlers.push(element);
      }
      found.push({ call, receiver: callee.object, prefix: firstString, handlers });
    }
  }
  registrationCache.set(sourceCode, found);
  return found;
}

/** Whether a route is under a `use` prefix (`/admin` covers `/admin` and `/admin/x`; `*`, `/`, `/*` cover all). */
function routeUnder(route: string | undefined, prefix: string | undefined): boolean {
  if (prefix === undefined) return true;
  const normalized = prefix.replace(/\/?\*$/u, '').replace(/\/$/u, '');
  if (normalized === '') return true;
  if (route === undefined) return false;
  return route === normalized || route.startsWith(`${normalized}/`);
}

function joinRoute(prefix: string | undefined, route: string | undefined): string | undefined {
  if (prefix === undefined || route === undefined) return route;
  const head = prefix.replace(/\/?\*$/u, '').replace(/\/$/u, '');
  return `${head}${route.startsWith('/') ? route : `/${route}`}`;
}

const MAX_MOUNT_DEPTH = 3;
const MAX_DEFINITION_DEPTH = 3;

// ---------------------------------------------------------------------------------------------------------------------
// The analysis
// ---------------------------------------------------------------------------------------------------------------------

/** Builds the audit analysis for one linted file (call once per `create`). */
export function createAuditAnalysis(context: Context, policy: Policy, options: AuditAnalysisOptions): AuditAnalysis {
  const { sourceCode } = context;
  const { audit } = policy;
  const defaultMode = audit.calls === undefined;
  const callMatcher = audit.calls ? createAnyFileMatcher(audit.calls, context) : undefined;
  const wrapperMatcher = createAnyFileMatcher(audit.wrappers, context);
  const middlewareMatcher = createAnyFileMatcher(audit.middleware, context);
  const decoratorMatcher = createDecoratorMatcher(audit.decorators);

  function isAuditCall(node: TSESTree.Node): boolean {
    if (node.type === AST_NODE_TYPES.NewExpression) return callMatcher ? callMatcher(node) !== undefined : false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    return callMatcher ? callMatcher(node) !== undefined : isDefaultAuditCall(node);
  }

  const reach = createReach(context, (call: Call) => isAuditCall(call), { maxDepth: options.maxDepth, cacheKey: audit });

  function isWrapper(node: TSESTree.Node): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    if (wrapperMatcher(node)) return true;
    return defaultMode && audit.wrappers.length === 0 && isDefaultAuditCall(node);
  }

  /** A call that wraps a function: `withX(fn)`, `withX('a', async () => …)`, `withX({ handler })`. */
  function wrapsFunction(call: TSESTree.CallExpression): boolean {
    return call.arguments.some((argument) => {
      const value = unwrapExpression(argument);
      if (isFunctionNode(value) || value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) return true;
      return value.type === AST_NODE_TYPES.ObjectExpression && value.properties.some((property) => property.type === AST_NODE_TYPES.Property);
    });
  }

  /** `byDefaultName`: also the default heuristic (when nothing is configured) — not for a bare handler reference. */
  function middlewareNamed(node: TSESTree.Node, byDefaultName: boolean): boolean {
    const value = unwrapExpression(node);
    if (
      value.type !== AST_NODE_TYPES.Identifier &&
      value.type !== AST_NODE_TYPES.MemberExpression &&
      value.type !== AST_NODE_TYPES.CallExpression
    ) {
      return false;
    }
    if (middlewareMatcher(value)) return true;
    return byDefaultName && defaultMode && audit.middleware.length === 0 && isDefaultAuditCall(value);
  }

  function isMiddleware(node: TSESTree.Node): boolean {
    return middlewareNamed(node, true);
  }

  function decoratorAudits(decorators: readonly TSESTree.Decorator[]): AuditEvidence | undefined {
    for (const decorator of decorators) {
      const matcher = decoratorMatcher.matches(decorator);
      if (matcher) return { kind: 'decorator', depth: 0, path: [`@${matcher.source}`], node: decorator };
      if (defaultMode && audit.decorators.length === 0 && isDefaultAuditDecorator(decorator)) {
        return { kind: 'decorator', depth: 0, path: [`@${sourceCode.getText(decorator.expression)}`], node: decorator };
      }
    }
    return undefined;
  }

  function label(node: TSESTree.Node): string {
    const path = calleePath(calleeOf(node));
    return path ? path.join('.') : node.type;
  }

  /**
   * Middleware or a wrapper by name — no following. `handlerPosition`: the element is where the handler goes (the last
   * of the chain), so a bare reference there is the handler (`auditLogsHandler` serving GET /audit-logs), not
   * middleware, unless `audit.middleware` names it.
   */
  function namedAudit(element: TSESTree.Node, anchor: TSESTree.Node, handlerPosition = false): AuditEvidence | undefined {
    const value = unwrapExpression(element);
    const evidence = (kind: AuditEvidenceKind): AuditEvidence => ({ kind, depth: 0, path: [label(value)], node: anchor });
    const call = value.type === AST_NODE_TYPES.CallExpression ? value : undefined;
    if (call && wrapperMatcher(call)) return evidence('wrapper');
    if (middlewareMatcher(value)) return evidence('middleware');
    // The default heuristic, for whichever list is not configured: a call around a function is a wrapper, the rest middleware.
    const reference = value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression;
    if (call && wrapsFunction(call) && isWrapper(call)) return evidence('wrapper');
    if (middlewareNamed(value, !(handlerPosition && reference))) return evidence('middleware');
    if (isWrapper(value)) return evidence('wrapper');
    return undefined;
  }

  /** Whether executing a chain element (or what it names) audits; `exclude` is the handler of a branch endpoint. */
  function executionAudits(element: TSESTree.Node, anchor: TSESTree.Node, exclude: TSESTree.Node | undefined, depth: number): AuditEvidence | undefined {
    const value = unwrapExpression(element);
    if (isFunctionNode(value)) {
      if (value === exclude) return undefined;
      const found = reach.auditIn(value);
      return found && { ...found, kind: 'call', node: anchor };
    }
    if (value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.NewExpression) {
      const found = reach.auditIn(value, exclude ? { skip: exclude } : {});
      if (!found) return undefined;
      const viaCallee = found.depth > 0 && found.path[0] === label(value);
      return { ...found, kind: viaCallee ? 'wrapper' : 'call', node: anchor };
    }
    if ((value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) && depth < MAX_DEFINITION_DEPTH) {
      const definition = reach.resolveDefinition(value);
      if (!definition) return undefined;
      if (isFunctionNode(definition)) return executionAudits(definition, anchor, exclude, depth + 1);
      if (definition.type === AST_NODE_TYPES.CallExpression) {
        return namedAudit(definition, anchor) ?? executionAudits(definition, anchor, exclude, depth + 1);
      }
    }
    return undefined;
  }

  const receiverKeys = new WeakMap<TSESTree.Node, unknown>();

  /** What identifies a receiver: its variable (scope analysis), or the `this.x` / `a.b` path; undefined when unknown. */
  function receiverKey(node: TSESTree.Node): unknown {
    if (receiverKeys.has(node)) return receiverKeys.get(node);
    const key = computeReceiverKey(node);
    receiverKeys.set(node, key);
    return key;
  }

  function computeReceiverKey(node: TSESTree.Node): unknown {
    let value = unwrapExpression(node);
    // `app.route('/x')`, `app.basePath('/api')`: the instance the chain starts from.
    while (value.type === AST_NODE_TYPES.CallExpression && unwrapExpression(value.callee).type === AST_NODE_TYPES.MemberExpression) {
      value = unwrapExpression((unwrapExpression(value.callee) as TSESTree.MemberExpression).object);
    }
    if (value.type === AST_NODE_TYPES.Identifier) {
      try {
        return ASTUtils.findVariable(sourceCode.getScope(value), value) ?? `global:${value.name}`;
      } catch {
        return undefined;
      }
    }
    if (value.type === AST_NODE_TYPES.MemberExpression || value.type === AST_NODE_TYPES.ThisExpression) {
      const path = calleePath(value);
      return path && !path.includes(EXPRESSION_SEGMENT) ? `member:${path.join('.')}` : undefined;
    }
    return undefined;
  }

  function registeredAudits(handler: TSESTree.Node, anchor: TSESTree.Node): AuditEvidence | undefined {
    const value = unwrapExpression(handler);
    const named = namedAudit(value, anchor);
    if (named) return { ...named, kind: 'middleware' };
    const executed = executionAudits(value, anchor, undefined, 0);
    return executed && { ...executed, kind: 'middleware' };
  }

  /** Middleware registered on the receiver `key` before `before`, or before the router's mount (recursively). */
  function receiverAudits(key: unknown, before: number, route: string | undefined, depth: number): AuditEvidence | undefined {
    const all = registrations(sourceCode);
    for (const registration of all) {
      if (registration.call.range[0] >= before || !routeUnder(route, registration.prefix)) continue;
      if (receiverKey(registration.receiver) !== key) continue;
      for (const handler of registration.handlers) {
        const found = registeredAudits(handler, registration.call);
        if (found) return found;
      }
    }
    if (depth >= MAX_MOUNT_DEPTH) return undefined;
    for (const registration of all) {
      const index = registration.handlers.findIndex((handler) => {
        const value = unwrapExpression(handler);
        return value.type === AST_NODE_TYPES.Identifier && receiverKey(value) === key;
      });
      if (index < 0) continue;
      for (const handler of registration.handlers.slice(0, index)) {
        const found = registeredAudits(handler, registration.call);
        if (found) return found;
      }
      const parent = receiverKey(registration.receiver);
      if (parent !== undefined && parent !== key) {
        const found = receiverAudits(parent, registration.call.range[0], joinRoute(registration.prefix, route), depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  function enclosingFunction(node: TSESTree.Node): TSESTree.Node | undefined {
    for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
    return undefined;
  }

  function chainAudits(endpoint: Endpoint): AuditEvidence | undefined {
    try {
      const decorated = decoratorAudits(endpoint.decorators ?? []);
      if (decorated) return decorated;
      for (const [index, element] of endpoint.chain.entries()) {
        const named = namedAudit(element, element, index === endpoint.chain.length - 1);
        if (named) return named;
      }
      if (endpoint.receiver) {
        const key = receiverKey(endpoint.receiver);
        const registered = key === undefined ? undefined : receiverAudits(key, endpoint.receiver.range[0], endpoint.route, 0);
        if (registered) return registered;
      }
      const exclude = endpoint.branch ? enclosingFunction(endpoint.branch) : undefined;
      for (const element of endpoint.chain) {
        const executed = executionAudits(element, element, exclude, 0);
        if (executed) return executed;
      }
      if (endpoint.branch) {
        const found = reach.auditIn(endpoint.branch);
        if (found) return { ...found, kind: 'call', node: endpoint.branch };
      }
      return undefined;
    } catch {
      return undefined;
    }
  }

  return { reach, isAuditCall, isWrapper, isMiddleware, decoratorAudits, chainAudits };
}
