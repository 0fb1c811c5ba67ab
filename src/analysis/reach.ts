/**
 * Interprocedural reach: "does executing this subtree emit an audit call, directly or through the functions it calls,
 * within `maxDepth` hops?" — for a handler body, a `switch` branch, a wrapper call.
 *
 * - The subtree is walked whole, nested closures included (transaction callbacks, `.then(…)`, arrays of promises).
 * - Each call is resolved to the function it runs. Typed mode: the checker (the callee's symbol, through aliases, then
 *   `getResolvedSignature` when the symbol cannot decide); declarations in `.d.ts` files or `node_modules` are not followed, nor interface methods (no body);
 *   a function in another file is reached through that file's SourceFile converted to ESTree with node maps, so the
 *   checker keeps working there. Untyped mode (and typed mode when the checker names nothing): scope analysis in the
 *   linted file, a lexical lookup in other files, imports followed with `modules.ts` (relative and tsconfig `paths`
 *   specifiers only: package code is never followed); function declarations, const functions, object-literal methods,
 *   class methods through `this.m()`, `this.field.m()` where the field is typed (constructor parameter properties, typed
 *   or `new X()`-initialized class properties, `this.x = param` in the constructor), `super.m()`, static methods,
 *   namespaces, default exports, re-exports. Identifiers passed as arguments that name functions count as calls
 *   (`items.map(auditOne)`); calling a constant made by a wrapper call (`export default traceFunction(opts)(mover)`,
 *   `const load = cache(async () => …)`) runs the functions that wrapper was given.
 * - Depth: an audit call in the subtree itself is depth 0; in a function it calls, 1; and so on. Evidence past
 *   `maxDepth` is not found.
 * - Summaries ("the nearest audit call from this declaration, or none within k hops") are computed once per
 *   declaration and cached: typed mode per `ts.Program`; untyped mode in a bounded per-process cache keyed by file +
 *   range and validated by the mtime/size of every file the summary depends on (so an editor session sees edits in
 *   other files). Recursion and mutual recursion terminate; results that depended on an unfinished caller are not cached.
 * - Layout: `reach/state.ts` (the explicit state of one analysis and its views), `scope.ts` (bindings), `entities.ts`
 *   (syntactic resolution), `typed.ts` (the checker, symbol first), `calls.ts` (facts of a subtree), `summaries.ts`
 *   (the shared summary caches); this file is the API.
 * - Nothing throws: odd code, checker failures and unreadable files count as "not found".
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunctionNode } from './ast/functions.js';
import { type Entity, resolveEntity } from './reach/entities.js';
import { computeFacts } from './reach/calls.js';
import { type Call, type Context, createReachState, makeRef, type ReachState, viewOfNode } from './reach/state.js';
import { summarize } from './reach/summaries.js';
import { type Effect, stateChangeIn } from './reach/effects.js';
import { typedReference } from './reach/typed.js';

export type { FunctionNode } from './ast/functions.js';
export type { Effect } from './reach/effects.js';

/** How many calls deep the read-only inference follows (summaries are cached per function, so depth is cheap). */
export const MAX_EFFECT_DEPTH = 8;
export { collectCalls } from './reach/calls.js';
export { MAX_SUMMARIZED_FILES, reachStats, resetReachStats } from './reach/summaries.js';
export { typedCallStats } from './reach/typed.js';

/** How an audit call was reached: `depth` hops (0 = in the subtree itself) and the calls followed, ending with the audit call. */
export interface Evidence {
  readonly depth: number;
  readonly path: readonly string[];
}

export interface ReachOptions {
  /** Hops to follow from the analyzed subtree (the rule's default is 4). */
  readonly maxDepth: number;
  /**
   * What `isAuditCall` depends on (e.g. the policy's `audit` object). Summaries are shared between `createReach`
   * instances (files) with the same key; without one, a summary lives only as long as this instance.
   */
  readonly cacheKey?: object;
}

export interface AuditInOptions {
  /** A subtree not to walk (the rest of a handler when only one of its branches is the endpoint). */
  readonly skip?: TSESTree.Node;
}

export interface Reach {
  /** The nearest audit call that executing `node` emits within `maxDepth` hops, or undefined. */
  auditIn(node: TSESTree.Node, options?: AuditInOptions): Evidence | undefined;
  /** The function an expression refers to (`handler`, `this.resetPassword`, `svc.create`, an import), in any file. */
  resolveFunction(expression: TSESTree.Node): FunctionNode | undefined;
  /**
   * What a reference stands for: a function, or the expression a constant is initialized with (`const handler =
   * withAudit(fn)` → the call), an object literal or class. undefined when unknown. The node may be in another file.
   */
  resolveDefinition(expression: TSESTree.Node): TSESTree.Node | undefined;
  /**
   * The first state change executing `node` reaches (see `reach/effects.ts`), or a call it cannot see (which counts as
   * one); undefined when everything it runs resolves to reads. Never throws: a failure is an unseen call.
   */
  stateChange(node: TSESTree.Node, options?: AuditInOptions): Effect | undefined;
}

function auditIn(state: ReachState, node: TSESTree.Node, options: AuditInOptions): Evidence | undefined {
  try {
    const view = viewOfNode(state, node);
    const { maxDepth } = state;
    if (isFunctionNode(node) && node.body && !options.skip) {
      return summarize(state, makeRef(view, node), maxDepth, []).found;
    }
    const facts = computeFacts(state, [node], view, options.skip, undefined);
    if (facts.direct !== undefined) return { depth: 0, path: [facts.direct] };
    if (maxDepth <= 0) return undefined;
    let best: Evidence | undefined;
    for (const callee of facts.callees) {
      const found = summarize(state, callee.target, maxDepth - 1, []).found;
      if (found && (!best || found.depth + 1 < best.depth)) {
        best = { depth: found.depth + 1, path: [callee.label, ...found.path] };
        if (best.depth === 1) break;
      }
    }
    return best;
  } catch {
    return undefined;
  }
}

function resolveReference(state: ReachState, expression: TSESTree.Node): Entity | undefined {
  try {
    const view = viewOfNode(state, expression);
    return resolveEntity(state, expression, view, 0) ?? typedReference(state, expression, view);
  } catch {
    return undefined;
  }
}

/**
 * Builds the reach analysis for one linted file. `isAuditCall` is asked about calls in this file and in the other files
 * reached (their nodes come from `modules.ts` views: use `viewOf(node)` to tell them apart).
 */
export function createReach(context: Context, isAuditCall: (call: Call) => boolean, options: ReachOptions): Reach {
  const state = createReachState(context, isAuditCall, options);
  return {
    auditIn: (node, auditOptions = {}) => auditIn(state, node, auditOptions),
    resolveFunction(expression): FunctionNode | undefined {
      const entity = resolveReference(state, expression);
      return entity?.kind === 'function' ? entity.ref.node : undefined;
    },
    stateChange(node, effectOptions = {}) {
      try {
        return stateChangeIn(state, [node], viewOfNode(state, node), Math.max(state.maxDepth, MAX_EFFECT_DEPTH), effectOptions.skip);
      } catch {
        return { kind: 'unseen', depth: 0, path: ['(analysis failed)'] };
      }
    },
    resolveDefinition(expression) {
      const entity = resolveReference(state, expression);
      switch (entity?.kind) {
        case 'function':
          return entity.ref.node;
        case 'class':
        case 'object':
        case 'value':
          return entity.node;
        default:
          return undefined;
      }
    },
  };
}
