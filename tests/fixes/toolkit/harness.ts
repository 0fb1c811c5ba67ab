/**
 * Runs toolkit functions on real parses without RuleTester: a probe rule finds the node a selector names, asks the
 * function under test, and reports its fix; the fix is applied to the code.
 */
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { fixturesDir } from '../../rule-tester.js';

export type ProbeContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface ParseOptions {
  /** Default `file.ts` (parsed by typescript-eslint); a `.js` / `.cjs` name is parsed by espree. */
  readonly filename?: string;
  readonly sourceType?: 'module' | 'script' | 'commonjs';
  readonly globals?: Record<string, 'readonly' | 'writable'>;
  /** Parse with type information: the project service over tests/fixtures (`filename` defaults to its `file.ts`). */
  readonly typed?: boolean;
}

function run(code: string, selector: string, visit: (context: ProbeContext, node: TSESTree.Node) => TSESLint.ReportFixFunction | undefined, options: ParseOptions): Linter.LintMessage[] {
  const filename = options.filename ?? (options.typed ? path.join(fixturesDir, 'file.ts') : 'file.ts');
  const rule: Rule.RuleModule = {
    meta: { type: 'problem', fixable: 'code', schema: [], messages: { probe: 'probe' } },
    create(context) {
      const probeContext = context as unknown as ProbeContext;
      return {
        [selector](node: Rule.Node) {
          const fix = visit(probeContext, node as unknown as TSESTree.Node);
          context.report({ node, messageId: 'probe', ...(fix ? { fix: fix as unknown as Rule.ReportFixer } : {}) });
        },
      };
    },
  };
  const typescript = /\.[cm]?tsx?$/u.test(filename);
  const config: Linter.Config = {
    files: ['**/*.{js,cjs,mjs,ts,cts,mts,tsx}'],
    plugins: { probe: { rules: { probe: rule } } },
    rules: { 'probe/probe': 'error' },
    languageOptions: {
      ...(typescript ? { parser: tseslint.parser } : {}),
      ...(options.sourceType ? { sourceType: options.sourceType } : {}),
      ...(options.globals ? { globals: options.globals } : {}),
      ...(options.typed ? { parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } } : {}),
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(code, [config], { filename });
  const fatal = messages.find(message => message.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  return messages;
}

/** The answer of `query` at the first node `selector` matches. */
export function queryAt<T>(code: string, selector: string, query: (context: ProbeContext, node: TSESTree.Node) => T, options: ParseOptions = {}): T {
  let answer: { value: T } | undefined;
  run(
    code,
    selector,
    (context, node) => {
      answer ??= { value: query(context, node) };
      return undefined;
    },
    options,
  );
  if (!answer) throw new Error(`no node matches ${selector}`);
  return answer.value;
}

/** The code after applying the fix built at the first node `selector` matches; undefined when no fix was built. */
export function fixAt(
  code: string,
  selector: string,
  build: (context: ProbeContext, node: TSESTree.Node) => TSESLint.ReportFixFunction | undefined,
  options: ParseOptions = {},
): string | undefined {
  let done = false;
  const messages = run(
    code,
    selector,
    (context, node) => {
      if (done) return undefined;
      done = true;
      return build(context, node);
    },
    options,
  );
  const fix = messages.find(message => message.fix)?.fix;
  return fix ? code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]) : undefined;
}
