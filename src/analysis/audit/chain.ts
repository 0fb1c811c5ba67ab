/**
 * Whether an endpoint is audited — the whole decision:
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
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, nearestFunction } from '../ast/functions.js';
import { unwrapExpression } from '../ast/unwrap.js';
import type { Endpoint } from '../endpoints/types.js';
import { calleePath, EXPRESSION_SEGMENT } from '../matchers.js';
import type { Reach } from '../reach.js';
import { type AuditClassifier, type AuditEvidence, decoratorAudits, evidenceLabel, namedAudit } from './classifier.js';
import { joinRoute, registrations, routeUnder } from './registrations.js';

const MAX_MOUNT_DEPTH = 3;
const MAX_DEFINITION_DEPTH = 3;

/** One file's chain decision at one depth: the classifier, the reach, and receiver identities (per file). */
export interface ChainState {
  readonly classifier: AuditClassifier;
  readonly reach: Reach;
  readonly receiverKeys: WeakMap<TSESTree.Node, unknown>;
}

export function createChainState(classifier: AuditClassifier, reach: Reach): ChainState {
  return { classifier, reach, receiverKeys: new WeakMap() };
}

/** Whether executing a chain element (or what it names) audits; `exclude` is the handler of a branch endpoint. */
function executionAudits(state: ChainState, element: TSESTree.Node, anchor: TSESTree.Node, exclude: TSESTree.Node | undefined, depth: number): AuditEvidence | undefined {
  const value = unwrapExpression(element);
  if (isFunctionNode(value)) {
    if (value === exclude) return undefined;
    const found = state.reach.auditIn(value);
    return found && { ...found, kind: 'call', node: anchor };
  }
  if (value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.NewExpression) {
    const found = state.reach.auditIn(value, exclude ? { skip: exclude } : {});
    if (!found) return undefined;
    const viaCallee = found.depth > 0 && found.path[0] === evidenceLabel(value);
    return { ...found, kind: viaCallee ? 'wrapper' : 'call', node: anchor };
  }
  if ((value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) && depth < MAX_DEFINITION_DEPTH) {
    const definition = state.reach.resolveDefinition(value);
    if (!definition) return undefined;
    if (isFunctionNode(definition)) return executionAudits(state, definition, anchor, exclude, depth + 1);
    if (definition.type === AST_NODE_TYPES.CallExpression) {
      return namedAudit(state.classifier, definition, anchor) ?? executionAudits(state, definition, anchor, exclude, depth + 1);
    }
  }
  return undefined;
}

function computeReceiverKey(state: ChainState, node: TSESTree.Node): unknown {
  let value = unwrapExpression(node);
  // `app.route('/x')`, `app.basePath('/api')`: the instance the chain starts from.
  while (value.type === AST_NODE_TYPES.CallExpression && unwrapExpression(value.callee).type === AST_NODE_TYPES.MemberExpression) {
    value = unwrapExpression((unwrapExpression(value.callee) as TSESTree.MemberExpression).object);
  }
  if (value.type === AST_NODE_TYPES.Identifier) {
    try {
      return ASTUtils.findVariable(state.classifier.sourceCode.getScope(value), value) ?? `global:${value.name}`;
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

/** What identifies a receiver: its variable (scope analysis), or the `this.x` / `a.b` path; undefined when unknown. */
function receiverKey(state: ChainState, node: TSESTree.Node): unknown {
  if (state.receiverKeys.has(node)) return state.receiverKeys.get(node);
  const key = computeReceiverKey(state, node);
  state.receiverKeys.set(node, key);
  return key;
}

function registeredAudits(state: ChainState, handler: TSESTree.Node, anchor: TSESTree.Node): AuditEvidence | undefined {
  const value = unwrapExpression(handler);
  const named = namedAudit(state.classifier, value, anchor);
  if (named) return { ...named, kind: 'middleware' };
  const executed = executionAudits(state, value, anchor, undefined, 0);
  return executed && { ...executed, kind: 'middleware' };
}

/** Middleware registered on the receiver `key` before `before`, or before the router's mount (recursively). */
function receiverAudits(state: ChainState, key: unknown, before: number, route: string | undefined, depth: number): AuditEvidence | undefined {
  const all = registrations(state.classifier.sourceCode);
  for (const registration of all) {
    if (registration.call.range[0] >= before || !routeUnder(route, registration.prefix)) continue;
    if (receiverKey(state, registration.receiver) !== key) continue;
    for (const handler of registration.handlers) {
      const found = registeredAudits(state, handler, registration.call);
      if (found) return found;
    }
  }
  if (depth >= MAX_MOUNT_DEPTH) return undefined;
  for (const registration of all) {
    const index = registration.handlers.findIndex(handler => {
      const value = unwrapExpression(handler);
      return value.type === AST_NODE_TYPES.Identifier && receiverKey(state, value) === key;
    });
    if (index < 0) continue;
    for (const handler of registration.handlers.slice(0, index)) {
      const found = registeredAudits(state, handler, registration.call);
      if (found) return found;
    }
    const parent = receiverKey(state, registration.receiver);
    if (parent !== undefined && parent !== key) {
      const found = receiverAudits(state, parent, registration.call.range[0], joinRoute(registration.prefix, route), depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** Why the endpoint is audited, or undefined when nothing audits it. Never throws. */
export function chainAudits(state: ChainState, endpoint: Endpoint): AuditEvidence | undefined {
  try {
    const decorated = decoratorAudits(state.classifier, endpoint.decorators ?? []);
    if (decorated) return decorated;
    for (const [index, element] of endpoint.chain.entries()) {
      const named = namedAudit(state.classifier, element, element, index === endpoint.chain.length - 1);
      if (named) return named;
    }
    if (endpoint.receiver) {
      const key = receiverKey(state, endpoint.receiver);
      const registered = key === undefined ? undefined : receiverAudits(state, key, endpoint.receiver.range[0], endpoint.route, 0);
      if (registered) return registered;
    }
    const exclude = endpoint.branch ? nearestFunction(endpoint.branch) : undefined;
    for (const element of endpoint.chain) {
      const executed = executionAudits(state, element, element, exclude, 0);
      if (executed) return executed;
    }
    if (endpoint.branch) {
      const found = state.reach.auditIn(endpoint.branch);
      if (found) return { ...found, kind: 'call', node: endpoint.branch };
    }
    return undefined;
  } catch {
    return undefined;
  }
}
