/**
 * One analysis session per linted file, shared by every rule (the shape of eslint-plugin-regexp's
 * `defineRegexpVisitor`): `getSession(context)` returns the same object to every rule that lints the same
 * SourceCode under the same Policy, and each part is computed lazily, once, whatever rules are on — the audit
 * classification, the reach at each depth, the endpoints, the audit calls of the file.
 *
 * Rules stay thin: they merge `session.visitor` into their listeners (so the session collects what it needs during
 * ESLint's one traversal, whichever rule's listener runs first) and read the parts when they report. A part asked for
 * before the traversal has reached `Program:exit` (or by a rule that did not merge the visitor) is computed by a walk
 * of its own, so the answers never depend on which rules are on or in what order they run.
 *
 * Scope: per file. Sessions are held in a WeakMap keyed by SourceCode (then Policy), so they die with the file.
 * Nothing here may read `context.report` or `context.options`: the context is only the file's (the first rule's).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Policy } from '../policy.js';
import { getPolicy } from '../settings.js';
import { type AuditAnalysis, type AuditClassifier, createAuditAnalysis, createAuditClassifier } from './audit.js';
import { isAuditCall } from './audit/classifier.js';
import { appAdapters } from './endpoints/app-adapters.js';
import { httpAdapters } from './endpoints/http-adapters.js';
import type { Endpoint } from './endpoints/types.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Handler = (node: TSESTree.Node) => void;
type AuditCall = TSESTree.CallExpression | TSESTree.NewExpression;

export interface Session {
  readonly context: Context;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly policy: Policy;
  /** Listeners that feed the session during ESLint's traversal; merge them first into a rule's listeners. */
  readonly visitor: TSESLint.RuleListener;
  /** The file's audit classification (calls, wrappers, middleware, decorators), made once. */
  readonly classifier: AuditClassifier;
  /** The audit analysis following calls `maxDepth` hops deep (one per depth, sharing the classification). */
  audit(maxDepth: number): AuditAnalysis;
  /** Whether a call (of this file or another) is an audit call; each node classified once. */
  isAuditCall(node: TSESTree.Node): boolean;
  /** Every audit call of the file, in source order. */
  auditCalls(): readonly AuditCall[];
  /** Every endpoint of the file (all frameworks), in the order the adapters report them. */
  endpoints(): readonly Endpoint[];
}

interface Collected {
  readonly endpoints: Endpoint[];
  readonly auditCalls: AuditCall[];
}

/** The collectors of one traversal: endpoint adapters and audit calls, merged by node type. */
function createCollectors(context: Context, policy: Policy, classifier: AuditClassifier, into: Collected): Map<string, Handler[]> {
  const handlers = new Map<string, Handler[]>();
  const add = (key: string, handler: Handler): void => {
    const list = handlers.get(key);
    if (list) list.push(handler);
    else handlers.set(key, [handler]);
  };
  for (const adapter of [...httpAdapters, ...appAdapters]) {
    const listener = adapter.create({ context, sourceCode: context.sourceCode, policy, report: endpoint => into.endpoints.push(endpoint) });
    for (const [key, handler] of Object.entries(listener) as [string, Handler | undefined][]) if (handler) add(key, handler);
  }
  const collectAudit: Handler = node => {
    if (isAuditCall(classifier, node)) into.auditCalls.push(node as AuditCall);
  };
  add('CallExpression', collectAudit);
  add('NewExpression', collectAudit);
  return handlers;
}

/** Visits every node of the file in ESLint's order (enter only), calling the handlers of its type. */
function walk(sourceCode: Readonly<TSESLint.SourceCode>, handlers: ReadonlyMap<string, Handler[]>): void {
  const keys = sourceCode.visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
  const stack: TSESTree.Node[] = [sourceCode.ast];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    for (const handler of handlers.get(node.type) ?? []) handler(node);
    const children = keys[node.type] ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const value = (node as unknown as Record<string, unknown>)[children[i] as string];
      if (Array.isArray(value)) {
        for (let j = value.length - 1; j >= 0; j--) {
          const child = value[j] as TSESTree.Node | null;
          if (child && typeof child.type === 'string') stack.push(child);
        }
      } else if (value && typeof (value as TSESTree.Node).type === 'string') {
        stack.push(value as TSESTree.Node);
      }
    }
  }
}

class FileSession implements Session {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  #classifier: AuditClassifier | undefined;
  readonly #analyses = new Map<number, AuditAnalysis>();
  #collected: Collected | undefined;
  #visitor: TSESLint.RuleListener | undefined;
  /** What ESLint's traversal feeds, once a rule has asked for the visitor; `done` at `Program:exit`. */
  #feeding: { readonly collected: Collected; done: boolean } | undefined;

  constructor(
    readonly context: Context,
    readonly policy: Policy,
  ) {
    this.sourceCode = context.sourceCode;
  }

  get classifier(): AuditClassifier {
    return (this.#classifier ??= createAuditClassifier(this.context, this.policy));
  }

  get visitor(): TSESLint.RuleListener {
    return (this.#visitor ??= this.#createVisitor());
  }

  audit(maxDepth: number): AuditAnalysis {
    let analysis = this.#analyses.get(maxDepth);
    if (!analysis) {
      analysis = createAuditAnalysis(this.context, this.policy, { maxDepth }, this.classifier);
      this.#analyses.set(maxDepth, analysis);
    }
    return analysis;
  }

  isAuditCall(node: TSESTree.Node): boolean {
    return isAuditCall(this.classifier, node);
  }

  auditCalls(): readonly AuditCall[] {
    return this.#collect().auditCalls;
  }

  endpoints(): readonly Endpoint[] {
    return this.#collect().endpoints;
  }

  #collect(): Collected {
    if (this.#collected) return this.#collected;
    if (this.#feeding?.done) return (this.#collected = this.#feeding.collected);
    // Asked before the traversal ended, or no rule merged the visitor: one walk of our own.
    const collected: Collected = { endpoints: [], auditCalls: [] };
    walk(this.sourceCode, createCollectors(this.context, this.policy, this.classifier, collected));
    return (this.#collected = collected);
  }

  /**
   * Every rule that merges this visitor calls it for the same node; ESLint calls the listeners of one event for one
   * node back to back, so remembering the last node per event runs each collector once per node.
   */
  #createVisitor(): TSESLint.RuleListener {
    const feeding = { collected: { endpoints: [], auditCalls: [] }, done: false };
    this.#feeding = feeding;
    const handlers = createCollectors(this.context, this.policy, this.classifier, feeding.collected);
    const last = new Map<string, TSESTree.Node>();
    const listener: Record<string, Handler> = {};
    for (const [key, list] of handlers) {
      listener[key] = node => {
        if (feeding.done || last.get(key) === node) return;
        last.set(key, node);
        for (const handler of list) handler(node);
      };
    }
    listener['Program:exit'] = () => {
      feeding.done = true;
    };
    return listener;
  }
}

/** Per file: SourceCode → Policy → session. */
const sessions = new WeakMap<object, WeakMap<Policy, Session>>();

/** The session of the file `context` lints, under its settings' policy. */
export function getSession(context: Context): Session {
  const policy = getPolicy(context);
  let byPolicy = sessions.get(context.sourceCode);
  if (!byPolicy) {
    byPolicy = new WeakMap();
    sessions.set(context.sourceCode, byPolicy);
  }
  let session = byPolicy.get(policy);
  if (!session) {
    session = new FileSession(context, policy);
    byPolicy.set(policy, session);
  }
  return session;
}
