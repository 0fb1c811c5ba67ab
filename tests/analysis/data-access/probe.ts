/**
 * A test-only rule that reports every call (and tagged template) the data-access classifier recognizes, as
 * `library operation store=… filtered=… fields=a,b`, and a case table that runs the same code untyped and typed (the
 * project in tests/fixtures, real ORM packages; the file is tests/fixtures/data-access/probe.ts).
 */
import path from 'node:path';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import { ESLintUtils } from '@typescript-eslint/utils';
import { describe } from 'vitest';
import { dataOperationOf } from '../../../src/analysis/data-access/classify.js';
import type { DataOperation } from '../../../src/analysis/data-access/types.js';
import { fixturesDir, typedTester, untypedTester } from '../../rule-tester.js';

export const PROBE_FILE = path.join(fixturesDir, 'data-access/probe.ts');

export function describeOperation(operation: DataOperation): string {
  let text = `${operation.library} ${operation.operation} ${operation.method}`;
  if (operation.store !== undefined) text += ` store=${operation.store}`;
  if (operation.filtered !== undefined) text += ` filtered=${String(operation.filtered)}`;
  if (operation.fields) text += ` fields=${operation.fields.join(',')}`;
  if (operation.sql) text += ' sql';
  return text;
}

const probeRule = ESLintUtils.RuleCreator.withoutDocs<[], 'operation'>({
  meta: { type: 'problem', messages: { operation: '{{operation}}' }, schema: [] },
  create(context) {
    const check = (node: Parameters<typeof dataOperationOf>[0]) => {
      const operation = dataOperationOf(node, context);
      if (operation) context.report({ node, messageId: 'operation', data: { operation: describeOperation(operation) } });
    };
    return { CallExpression: check, TaggedTemplateExpression: check };
  },
});

export interface Case {
  readonly name: string;
  readonly code: string;
  /** Reports in source order of the reported nodes (both modes unless `typed` is given). */
  readonly ops: readonly string[];
  readonly typed?: readonly string[];
  readonly only?: 'typed' | 'untyped';
}

const modes: ReadonlyArray<readonly ['untyped' | 'typed', () => RuleTester]> = [
  ['untyped', untypedTester],
  ['typed', typedTester],
];

/** Runs every case in both modes. */
export function runCases(library: string, cases: readonly Case[]): void {
  for (const [mode, tester] of modes) {
    describe(`${library} (${mode})`, () => {
      for (const item of cases) {
        if (item.only && item.only !== mode) continue;
        const ops = mode === 'typed' && item.typed ? item.typed : item.ops;
        const test = { code: item.code, filename: PROBE_FILE };
        tester().run(
          item.name,
          probeRule,
          ops.length === 0
            ? { valid: [test], invalid: [] }
            : { valid: [], invalid: [{ ...test, errors: ops.map(operation => ({ messageId: 'operation' as const, data: { operation } })) }] },
        );
      }
    });
  }
}
