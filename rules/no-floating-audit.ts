/**
 * An audit write that is not awaited is lost when the process exits first or the write fails unseen; one whose
 * failure is swallowed is lost silently. This rule follows every audit call (`settings.compliance.audit.calls`, or
 * the default heuristic):
 *
 * - typed mode: a call whose type is a Promise or thenable, with no rejection handler, whose value is dropped (an
 *   expression statement, `void`, a non-last sequence element — also through `.then/.finally` chains and
 *   `Promise.all/any/race([…])`) → `floatingAudit`, with a suggestion to add `await` inside an async function;
 * - both modes: a rejection handler (`.catch(h)`, `.then(f, h)`) or a `catch` block around the call that swallows the
 *   failure — empty, a no-op, a value, or only logging → `swallowedAuditFailure`.
 *
 * Without type information the rule cannot know that a call returns a promise, so it reports no floating call there.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { citeControls } from '../src/analysis/controls.js';
import { calleePath, compileMatcher, createCallMatcher, type Matcher, type MatcherSpec } from '../src/analysis/matchers.js';
import {
  createFailureHandling,
  enclosingCatch,
  followPromise,
  isThenableType,
  type PromiseFlow,
} from '../src/analysis/promises.js';
import { enclosingFunction } from '../src/analysis/ast/functions.js';
import { getSession } from '../src/analysis/session.js';
import { getTypeServices } from '../src/analysis/types/services.js';
import { createRule } from '../src/util/create-rule.js';

export interface Options {
  /** Functions that count as handling a failed audit write when a rejection handler or `catch` block calls or passes them. */
  allowHandlers?: MatcherSpec[];
}

export type MessageIds = 'floatingAudit' | 'swallowedAuditFailure' | 'suggestAwait';

const MAX_NAME_LENGTH = 60;

const compiledHandlers = new Map<string, readonly Matcher[]>();

/** Compiles the `allowHandlers` matchers (cached by their JSON); a malformed one throws, naming the option. */
function compileHandlers(specs: readonly MatcherSpec[]): readonly Matcher[] {
  const key = JSON.stringify(specs);
  let compiled = compiledHandlers.get(key);
  if (!compiled) {
    compiled = specs.map((spec, index) => compileMatcher(spec, `Option allowHandlers[${index}]`));
    compiledHandlers.set(key, compiled);
  }
  return compiled;
}

export default createRule<[Options], MessageIds>({
  name: 'no-floating-audit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require audit writes to be awaited and their failures handled',
      recommended: true,
      checks: ['audit', 'protection'],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allowHandlers: {
            type: 'array',
            description:
              'Functions that count as handling a failed audit write when a rejection handler or `catch` block calls or passes them, even where they look like logging or a no-op: matcher strings (`queueForRetry`, `logger.alert`, `*.retryQueue.push`) or `{ import, name }` / `{ type, method }` objects, as in `settings.compliance.audit.calls`.',
            items: {
              anyOf: [
                { type: 'string', minLength: 1 },
                {
                  type: 'object',
                  properties: {
                    import: { type: 'string', minLength: 1, description: 'The module the function is imported from.' },
                    name: { type: 'string', minLength: 1, description: 'The exported name (`default`, or a dotted path).' },
                  },
                  required: ['import', 'name'],
                  additionalProperties: false,
                },
                {
                  type: 'object',
                  properties: {
                    type: { type: 'string', minLength: 1, description: 'The receiver type of the method (typed mode).' },
                    method: { type: 'string', minLength: 1, description: 'The method name.' },
                  },
                  required: ['type', 'method'],
                  additionalProperties: false,
                },
              ],
            },
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowHandlers: [] }],
    messages: {
      floatingAudit:
        'The audit write `{{call}}(…)` is neither awaited, returned nor handled: its record is lost when the write fails or the process ends first{{controls}}',
      swallowedAuditFailure:
        'The failure of the audit write `{{call}}(…)` is swallowed: retry it, queue it or surface it{{controls}}',
      suggestAwait: 'Add `await`',
    },
  },
  create(context, [options]) {
    const session = getSession(context);
    const { policy } = session;
    const sourceCode = context.sourceCode;
    const analysis = session.audit(0);
    const allowed = createCallMatcher(compileHandlers(options.allowHandlers ?? []), context);
    const sinks = createCallMatcher(policy.logging.sinks, context);
    const handling = createFailureHandling({
      sourceCode,
      isAllowed: callee => allowed.matches(callee) !== undefined,
      isAuditCall: call => analysis.isAuditCall(call),
      isLogSink: call => policy.logging.sinks.length > 0 && sinks.matches(call) !== undefined,
    });
    const types = getTypeServices(context);
    const controls = citeControls(policy, { checks: ['audit', 'protection'] });
    /** Handlers and catch clauses already reported (several audit calls can share one). */
    const reported = new WeakSet<TSESTree.Node>();

    function nameOf(call: TSESTree.CallExpression): string {
      const text = sourceCode.getText(call.callee).replace(/\s+/gu, ' ');
      if (text.length <= MAX_NAME_LENGTH) return text;
      return calleePath(call.callee)?.join('.') ?? `${text.slice(0, MAX_NAME_LENGTH)}…`;
    }

    function reportSwallowed(node: TSESTree.Node, call: TSESTree.CallExpression): void {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId: 'swallowedAuditFailure', data: { call: nameOf(call), controls } });
    }

    /** Typed mode: whether the call's value is a Promise or thenable. Checker failures count as no. */
    function isThenableCall(call: TSESTree.CallExpression): boolean {
      const tsNode = types?.tsNode(call);
      const type = types?.typeOf(call);
      if (!types || !tsNode || !type) return false;
      try {
        return isThenableType(types.checker, tsNode, type);
      } catch {
        return false;
      }
    }

    function awaitFix(flow: PromiseFlow): TSESLint.ReportFixFunction | undefined {
      const fn = enclosingFunction(flow.end);
      if (!fn?.async) return undefined;
      const { end, voidExpression } = flow;
      const simple = end.type === AST_NODE_TYPES.CallExpression || end.type === AST_NODE_TYPES.ChainExpression;
      if (voidExpression) {
        const text = sourceCode.getText(end);
        return fixer => fixer.replaceText(voidExpression, simple ? `await ${text}` : `await (${text})`);
      }
      return fixer => (simple ? fixer.insertTextBefore(end, 'await ') : [fixer.insertTextBefore(end, 'await ('), fixer.insertTextAfter(end, ')')]);
    }

    function check(call: TSESTree.CallExpression): void {
      const flow = followPromise(call);
      if (flow.handler) {
        if (handling.handlerSwallows(flow.handler.handler)) reportSwallowed(flow.handler.handler, call);
        return;
      }
      const clause = enclosingCatch(call);
      if (clause && handling.catchSwallows(clause)) reportSwallowed(clause, call);
      if ((flow.fate === 'discarded' || flow.fate === 'voided') && isThenableCall(call)) {
        const fix = awaitFix(flow);
        context.report({
          node: call,
          messageId: 'floatingAudit',
          data: { call: nameOf(call), controls },
          suggest: fix ? [{ messageId: 'suggestAwait', fix }] : [],
        });
      }
    }

    return {
      CallExpression(node): void {
        if (analysis.isAuditCall(node)) check(node);
      },
    };
  },
});
