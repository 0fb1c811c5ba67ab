/**
 * The sink probe shared by the tests of tests/analysis/logging/: a rule that reports every call the sink detector
 * calls a sink as `kind name` and the logged arguments as written (`kind name [a, b]`).
 */
import path from 'node:path';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { describe } from 'vitest';
import { createSinkDetector, type Sink } from '../../../src/analysis/sinks.js';
import { getPolicy } from '../../../src/settings.js';
import { fixturesDir, typedTester, untypedTester } from '../../rule-tester.js';

export const PROBE_FILE = path.join(fixturesDir, 'sinks/probe.ts');

export const probeRule = ESLintUtils.RuleCreator.withoutDocs<[], 'sink'>({
  meta: { type: 'problem', messages: { sink: '{{sink}}' }, schema: [] },
  create(context) {
    const detector = createSinkDetector(context, getPolicy(context));
    const text = (sink: Sink): string => `${sink.kind} ${sink.name} [${sink.args.map((arg) => context.sourceCode.getText(arg)).join(', ')}]`;
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const sink = detector.sinkOf(node);
        if (sink) context.report({ node, messageId: 'sink', data: { sink: text(sink) } });
      },
    };
  },
});

export interface ProbeCase {
  readonly name: string;
  readonly code: string;
  /** Reports in source order (both modes, unless `typed` is given). */
  readonly hits: readonly string[];
  /** Reports in typed mode, where they differ. */
  readonly typed?: readonly string[];
  readonly settings?: Record<string, unknown>;
  readonly filename?: string;
}

const modes: ReadonlyArray<readonly ['untyped' | 'typed', (settings?: Record<string, unknown>) => RuleTester]> = [
  ['untyped', untypedTester],
  ['typed', typedTester],
];

export function runProbe(cases: readonly ProbeCase[]): void {
  for (const [mode, tester] of modes) {
    describe(mode, () => {
      for (const item of cases) {
        const hits = mode === 'typed' && item.typed ? item.typed : item.hits;
        const test = { code: item.code, filename: item.filename ?? PROBE_FILE };
        tester(item.settings).run(
          item.name,
          probeRule,
          hits.length === 0
            ? { valid: [test], invalid: [] }
            : { valid: [], invalid: [{ ...test, errors: hits.map((sink) => ({ messageId: 'sink' as const, data: { sink } })) }] },
        );
      }
    });
  }
}
