/**
 * What audits by name — the classification every rule shares, made once per linted file by the session:
 * audit calls (`audit.calls`, or the default heuristic), audit wrappers (`audit.wrappers`), audit middleware
 * (`audit.middleware`) and audit decorators (`audit.decorators`). With no `audit.calls` configured, the default
 * heuristic (a name with the word "audit") also recognizes middleware, wrappers and decorators whose own lists are
 * empty: `app.use(auditTrail)`, `withAuditLogging(fn)`, `@Audit()`, `@UseInterceptors(AuditInterceptor)`.
 *
 * Works on nodes of other files too (reach visits them): see `any-file-matcher.ts`.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Policy } from '../../policy.js';
import { isFunctionNode } from '../ast/functions.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { calleePath, createDecoratorMatcher, type DecoratorMatcherSet, isDefaultAuditCall, type Matcher } from '../matchers.js';
import type { Evidence } from '../reach.js';
import { calleeOf, createAnyFileMatcher, isDefaultAuditDecorator } from './any-file-matcher.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export type AuditEvidenceKind = 'call' | 'wrapper' | 'decorator' | 'middleware';

/** Why an endpoint (or an operation) counts as audited. */
export interface AuditEvidence extends Evidence {
  readonly kind: AuditEvidenceKind;
  /** Where in the linted file: the decorator, the chain element, the `use(…)` call, the branch. */
  readonly node: TSESTree.Node;
}

/** The state of one file's classification: the policy's matchers, compiled once, and a verdict per node. */
export interface AuditClassifier {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly policy: Policy;
  /** No `audit.calls`: the default heuristic stands in for every unconfigured list. */
  readonly defaultMode: boolean;
  readonly calls: ((node: TSESTree.Node) => Matcher | undefined) | undefined;
  readonly wrappers: (node: TSESTree.Node) => Matcher | undefined;
  readonly middleware: (node: TSESTree.Node) => Matcher | undefined;
  readonly decorators: DecoratorMatcherSet;
  /** Per file: audit-call verdicts by node (of this file or another), so each call is classified once whatever rules ask. */
  readonly verdicts: WeakMap<TSESTree.Node, boolean>;
}

export function createAuditClassifier(context: Context, policy: Policy): AuditClassifier {
  const { audit } = policy;
  return {
    sourceCode: context.sourceCode,
    policy,
    defaultMode: audit.calls === undefined,
    calls: audit.calls ? createAnyFileMatcher(audit.calls, context) : undefined,
    wrappers: createAnyFileMatcher(audit.wrappers, context),
    middleware: createAnyFileMatcher(audit.middleware, context),
    decorators: createDecoratorMatcher(audit.decorators),
    verdicts: new WeakMap(),
  };
}

/** An audit call (`audit.calls`, or the default heuristic when not configured); works on nodes of other files too. */
export function isAuditCall(state: AuditClassifier, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return false;
  const known = state.verdicts.get(node);
  if (known !== undefined) return known;
  let verdict: boolean;
  if (node.type === AST_NODE_TYPES.NewExpression) verdict = state.calls ? state.calls(node) !== undefined : false;
  else verdict = state.calls ? state.calls(node) !== undefined : isDefaultAuditCall(node);
  state.verdicts.set(node, verdict);
  return verdict;
}

/** A call of an audit wrapper (`audit.wrappers`, or by default a call named with "audit"). */
export function isAuditWrapper(state: AuditClassifier, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  if (state.wrappers(node)) return true;
  return state.defaultMode && state.policy.audit.wrappers.length === 0 && isDefaultAuditCall(node);
}

/** A call that wraps a function: `withX(fn)`, `withX('a', async () => …)`, `withX({ handler })`. */
function wrapsFunction(call: TSESTree.CallExpression): boolean {
  return call.arguments.some(argument => {
    const value = unwrapExpression(argument);
    if (isFunctionNode(value) || value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) return true;
    return value.type === AST_NODE_TYPES.ObjectExpression && value.properties.some(property => property.type === AST_NODE_TYPES.Property);
  });
}

/** `byDefaultName`: also the default heuristic (when nothing is configured) — not for a bare handler reference. */
function middlewareNamed(state: AuditClassifier, node: TSESTree.Node, byDefaultName: boolean): boolean {
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression && value.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  if (state.middleware(value)) return true;
  return byDefaultName && state.defaultMode && state.policy.audit.middleware.length === 0 && isDefaultAuditCall(value);
}

/** Audit middleware by name: an identifier, member or call (`auditMiddleware`, `auditLog('x')`) named by `audit.middleware`. */
export function isAuditMiddleware(state: AuditClassifier, node: TSESTree.Node): boolean {
  return middlewareNamed(state, node, true);
}

/** The first decorator that audits (`audit.decorators`, or by default `@Audit…` / `@UseInterceptors(Audit…)`). */
export function decoratorAudits(state: AuditClassifier, decorators: readonly TSESTree.Decorator[]): AuditEvidence | undefined {
  for (const decorator of decorators) {
    const matcher = state.decorators.matches(decorator);
    if (matcher) return { kind: 'decorator', depth: 0, path: [`@${matcher.source}`], node: decorator };
    if (state.defaultMode && state.policy.audit.decorators.length === 0 && isDefaultAuditDecorator(decorator)) {
      return { kind: 'decorator', depth: 0, path: [`@${state.sourceCode.getText(decorator.expression)}`], node: decorator };
    }
  }
  return undefined;
}

/** `auditLogger.log`, `withAudit`: the callee path of a call, decorator or reference, for evidence. */
export function evidenceLabel(node: TSESTree.Node): string {
  const path = calleePath(calleeOf(node));
  return path ? path.join('.') : node.type;
}

/**
 * Middleware or a wrapper by name — no following. `handlerPosition`: the element is where the handler goes (the last
 * of the chain), so a bare reference there is the handler (`auditLogsHandler` serving GET /audit-logs), not
 * middleware, unless `audit.middleware` names it.
 */
export function namedAudit(state: AuditClassifier, element: TSESTree.Node, anchor: TSESTree.Node, handlerPosition = false): AuditEvidence | undefined {
  const value = unwrapExpression(element);
  const evidence = (kind: AuditEvidenceKind): AuditEvidence => ({ kind, depth: 0, path: [evidenceLabel(value)], node: anchor });
  const call = value.type === AST_NODE_TYPES.CallExpression ? value : undefined;
  if (call && state.wrappers(call)) return evidence('wrapper');
  if (state.middleware(value)) return evidence('middleware');
  // The default heuristic, for whichever list is not configured: a call around a function is a wrapper, the rest middleware.
  const reference = value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression;
  if (call && wrapsFunction(call) && isAuditWrapper(state, call)) return evidence('wrapper');
  if (middlewareNamed(state, value, !(handlerPosition && reference))) return evidence('middleware');
  if (isAuditWrapper(state, value)) return evidence('wrapper');
  return undefined;
}
