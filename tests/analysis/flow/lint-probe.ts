/**
 * Runs a function inside a real lint of `code` (typescript-eslint parser, scope analysis; typed with the project
 * service over tests/fixtures when asked) and returns what it returned: the unit tests of the flow and sensitive-data
 * free functions call them on real nodes and a real rule context. `probe(x)` calls mark the expressions to examine.
 */
import path from 'node:path';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { fixturesDir } from '../../rule-tester.js';

export type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface LintProbeOptions {
  readonly typed?: boolean;
  readonly settings?: Record<string, unknown>;
}

/** The fixture file whose text each typed probe supplies (in the fixtures' tsconfig; imports `./models.js`). */
const TYPED_FILE = path.join(fixturesDir, 'sensitive/probe.ts');

/**
 * Lints `code` with one rule that, at the end of the file, calls `run(context, args)` with the first argument of every
 * `probe(…)` call in source order, and returns its result.
 */
export function lintProbe<T>(code: string, run: (context: Context, args: TSESTree.Node[], program: TSESTree.Program) => T, options: LintProbeOptions = {}): T {
  let result: { value: T } | undefined;
  const rule: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      const args: TSESTree.Node[] = [];
      return {
        CallExpression(node: unknown) {
          const call = node as TSESTree.CallExpression;
          if (call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'probe' && call.arguments[0]) args.push(call.arguments[0]);
        },
        'Program:exit'(node: unknown) {
          result = { value: run(context as unknown as Context, args, node as TSESTree.Program) };
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const filename = options.typed ? TYPED_FILE : 'probe.ts';
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: {
          parser: tseslint.parser,
          ...(options.typed ? { parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } } : {}),
        },
        plugins: { probe: { rules: { run: rule } } },
        rules: { 'probe/run': 'error' },
        settings: options.settings ?? {},
      },
    ],
    filename,
  );
  const fatal = messages.find(message => message.fatal);
  if (fatal) throw new Error(`probe did not parse: ${fatal.message}`);
  if (!result) throw new Error('the probe rule did not run');
  return result.value;
}
