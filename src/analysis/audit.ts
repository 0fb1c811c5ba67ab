/**
 * The audit analysis of one linted file, as the rules use it: the shared classification (`audit/classifier.ts`),
 * the interprocedural reach built on it (`reach.ts`), and the endpoint decision (`audit/chain.ts`). Rules get it from
 * the per-file session (`getSession(context).audit(maxDepth)`), which builds the classifier once whatever rules run.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Policy } from '../policy.js';
import { chainAudits, createChainState } from './audit/chain.js';
import {
  type AuditClassifier,
  type AuditEvidence,
  createAuditClassifier,
  decoratorAudits,
  isAuditCall,
  isAuditMiddleware,
  isAuditWrapper,
} from './audit/classifier.js';
import type { Endpoint } from './endpoints/types.js';
import { createReach, type Reach } from './reach.js';

export type { AuditClassifier, AuditEvidence, AuditEvidenceKind } from './audit/classifier.js';
export { createAuditClassifier } from './audit/classifier.js';
export type { Evidence } from './reach.js';

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

/**
 * The audit analysis for one linted file at one depth. `classifier`: the file's shared classification (the session
 * passes its own); without it, one is made for this analysis alone.
 */
export function createAuditAnalysis(context: Context, policy: Policy, options: AuditAnalysisOptions, classifier?: AuditClassifier): AuditAnalysis {
  const state = classifier ?? createAuditClassifier(context, policy);
  const isAudit = (node: TSESTree.Node): boolean => isAuditCall(state, node);
  let reach: Reach | undefined;
  const reachOf = (): Reach => (reach ??= createReach(context, isAudit, { maxDepth: options.maxDepth, cacheKey: policy.audit }));
  let chain: ReturnType<typeof createChainState> | undefined;
  return {
    get reach() {
      return reachOf();
    },
    isAuditCall: isAudit,
    isWrapper: node => isAuditWrapper(state, node),
    isMiddleware: node => isAuditMiddleware(state, node),
    decoratorAudits: decorators => decoratorAudits(state, decorators),
    chainAudits(endpoint) {
      chain ??= createChainState(state, reachOf());
      return chainAudits(chain, endpoint);
    },
  };
}
