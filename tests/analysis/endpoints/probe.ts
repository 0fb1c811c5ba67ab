/**
 * A test-only rule that runs one endpoint adapter and reports each endpoint it recognizes at its `reportNode`, with
 * what was recognized in the message data, plus a case table that runs the same code in untyped and typed mode.
 */
import type { RuleTester } from '@typescript-eslint/rule-tester';
import { ESLintUtils } from '@typescript-eslint/utils';
import { describe } from 'vitest';
import type { EndpointAdapter } from '../../../src/analysis/endpoints/types.js';
import { getPolicy } from '../../../src/settings.js';
import { typedTester, untypedTester } from '../../rule-tester.js';

const MESSAGE = '{{label}} chain={{chain}} handler={{handler}} framework={{framework}} actor={{actor}} source={{source}}';

export function probeRule(adapter: EndpointAdapter) {
  return ESLintUtils.RuleCreator.withoutDocs<[], 'endpoint'>({
    meta: { type: 'problem', messages: { endpoint: MESSAGE }, schema: [] },
    create(context) {
      return adapter.create({
        context,
        sourceCode: context.sourceCode,
        policy: getPolicy(context),
        report(endpoint) {
          context.report({
            node: endpoint.reportNode,
            messageId: 'endpoint',
            data: {
              label: endpoint.label,
              chain: String(endpoint.chain.length),
              handler: endpoint.handler ? 'fn' : '-',
              framework: endpoint.framework,
              actor: endpoint.context?.actor ?? '-',
              source: endpoint.context?.source ?? '-',
            },
          });
        },
      });
    },
  });
}

/** One expected endpoint. `at` is the reported callee property as it appears in the code (a leading `.` is skipped). */
export interface Expected {
  readonly at: string;
  /** Which occurrence of `at` (0-based); default 0. */
  readonly nth?: number;
  readonly label: string;
  readonly chain: number;
  readonly handler: 'fn' | '-';
  readonly actor?: string;
  readonly source?: string;
}

export interface ProbeCase {
  readonly code: string;
  /** Expected endpoints in both modes, in source order; none = nothing may be reported. */
  readonly reports?: readonly Expected[];
  /** Expected endpoints in typed mode when they differ (`[]`: nothing in typed mode). */
  readonly typed?: readonly Expected[];
  /** Run in one mode only. */
  readonly only?: 'typed' | 'untyped';
}

/** 1-based line and column of the `nth` occurrence of `at` in `code` (after a leading `.`). */
export function locate(code: string, at: string, nth = 0): { line: number; column: number } {
  let index = -1;
  for (let count = 0; count <= nth; count++) {
    index = code.indexOf(at, index + 1);
    if (index < 0) throw new Error(`probe: ${JSON.stringify(at)} (#${nth}) not found in:\n${code}`);
  }
  if (at.startsWith('.')) index += 1;
  const before = code.slice(0, index).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function errors(framework: string, code: string, expected: readonly Expected[]) {
  return expected.map((item) => ({
    messageId: 'endpoint' as const,
    data: {
      label: item.label,
      chain: String(item.chain),
      handler: item.handler,
      framework,
      actor: item.actor ?? '-',
      source: item.source ?? '-',
    },
    ...locate(code, item.at, item.nth),
  }));
}

/** Runs the cases with `tester` for one mode. */
export function runMode(tester: RuleTester, name: string, adapter: EndpointAdapter, mode: 'typed' | 'untyped', cases: readonly ProbeCase[]): void {
  const selected = cases.filter((item) => item.only === undefined || item.only === mode);
  const expectedOf = (item: ProbeCase): readonly Expected[] => (mode === 'typed' ? (item.typed ?? item.reports ?? []) : (item.reports ?? []));
  tester.run(`${name} (${mode})`, probeRule(adapter), {
    valid: selected.filter((item) => expectedOf(item).length === 0).map((item) => ({ code: item.code })),
    invalid: selected
      .filter((item) => expectedOf(item).length > 0)
      .map((item) => ({ code: item.code, errors: errors(adapter.framework, item.code, expectedOf(item)) })),
  });
}

/** Runs the cases in untyped mode and in typed mode (the project in tests/fixtures, real framework types). */
export function runProbe(name: string, adapter: EndpointAdapter, cases: readonly ProbeCase[]): void {
  describe('untyped', () => {
    runMode(untypedTester(), name, adapter, 'untyped', cases);
  });
  describe('typed', () => {
    runMode(typedTester(), name, adapter, 'typed', cases);
  });
}
