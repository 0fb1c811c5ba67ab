/** What the flow says about each `probe(x)` argument, in a compact form the flow tests compare. */
import type { TSESTree } from '@typescript-eslint/utils';
import { createMaskingCallDetector } from '../../../src/analysis/flow.js';
import { sourcesOf } from '../../../src/analysis/flow/expressions.js';
import type { FlowResult } from '../../../src/analysis/flow/result.js';
import { createFlowState, type FlowState } from '../../../src/analysis/flow/state.js';
import { createSensitiveData } from '../../../src/analysis/sensitive-data.js';
import { getPolicy } from '../../../src/settings.js';
import { type Context, lintProbe, type LintProbeOptions } from './lint-probe.js';

export const ALL_REGULATIONS = { compliance: { regulations: { soc2: true, 'pci-dss': true, gdpr: true, hipaa: true } } };

/** A flow state as the rule builds one. */
export function flowState(context: Context, unmaskable?: ReadonlySet<string>): FlowState {
  const policy = getPolicy(context);
  return createFlowState(context, {
    sensitive: createSensitiveData(context, policy),
    isMaskingCall: createMaskingCallDetector(context, policy),
    ...(unmaskable ? { unmaskable } : {}),
  });
}

/**
 * `safe:literal`, `safe:reduction`, `safe:mask`, `unknown`, or the sources joined by ` | `, each as
 * `kind category origin [path] at <node text>` plus ` via` (through a variable) and ` masked`.
 */
export function describe(state: FlowState, result: FlowResult): string {
  if (result.safe) return `safe:${result.safeBy ?? '?'}`;
  if (result.sources.length === 0) return 'unknown';
  return result.sources
    .map(source => {
      const at = state.sourceCode.getText(source.node);
      return `${source.kind} ${source.match.category} ${source.origin} [${source.path.join('.')}] at ${at}${source.viaVariable ? ' via' : ''}${source.masked ? ' masked' : ''}`;
    })
    .join(' | ');
}

/** The flow's answer for every `probe(x)` of `code`. */
export function probeFlow(code: string, options: LintProbeOptions & { unmaskable?: ReadonlySet<string> } = {}): string[] {
  return lintProbe(
    code,
    (context, args: TSESTree.Node[]) => {
      const state = flowState(context, options.unmaskable);
      return args.map(arg => describe(state, sourcesOf(state, arg)));
    },
    { settings: options.settings ?? ALL_REGULATIONS, ...(options.typed ? { typed: true } : {}) },
  );
}
