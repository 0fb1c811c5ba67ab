/**
 * A test-only probe rule: one report per endpoint the application adapters recognize, with what was recognized in the
 * message, so every case asserts exactly the label, methods, handler, branch, decorators and request context.
 */
import type { InvalidTestCase, TestCaseError } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { type ESLint, Linter } from 'eslint';
import path from 'node:path';
import { appAdapters } from '../../../src/analysis/endpoints/app-adapters.js';
import type { Endpoint, EndpointAdapter } from '../../../src/analysis/endpoints/types.js';
import { getPolicy } from '../../../src/settings.js';
import { fixturesDir } from '../../rule-tester.js';

export type ProbeMessageIds = 'endpoint';

const MESSAGE = '{{label}} | {{methods}} | handler {{handler}} | branch {{branch}} | decorators {{decorators}} | actor {{actor}} | source {{source}}';

function describe(endpoint: Endpoint): Record<string, string> {
  return {
    label: endpoint.label,
    methods: endpoint.methods.join(','),
    handler: endpoint.handler ? 'fn' : '-',
    branch: endpoint.branch ? 'y' : '-',
    decorators: String(endpoint.decorators?.length ?? 0),
    actor: endpoint.context?.actor ?? '-',
    source: endpoint.context?.source ?? '-',
  };
}

type Listener = (node: never) => void;

/** Runs several listener objects as one: every handler of a selector is called, in order. */
function mergeListeners(listeners: readonly TSESLint.RuleListener[]): TSESLint.RuleListener {
  const merged = new Map<string, Listener[]>();
  for (const listener of listeners) {
    for (const [selector, handler] of Object.entries(listener) as [string, Listener | undefined][]) {
      if (!handler) continue;
      const list = merged.get(selector);
      if (list) list.push(handler);
      else merged.set(selector, [handler]);
    }
  }
  const result: Record<string, Listener> = {};
  for (const [selector, handlers] of merged) {
    result[selector] = (node) => {
      for (const handler of handlers) handler(node);
    };
  }
  return result;
}

/** The probe rule over `adapters` (default: every application adapter, so a double report shows up). */
export function probeRule(adapters: readonly EndpointAdapter[] = appAdapters) {
  return ESLintUtils.RuleCreator.withoutDocs<[], ProbeMessageIds>({
    meta: { type: 'problem', messages: { endpoint: MESSAGE }, schema: [] },
    create(context) {
      const policy = getPolicy(context);
      const { sourceCode } = context;
      return mergeListeners(
        adapters.map((adapter) =>
          adapter.create({
            context,
            sourceCode,
            policy,
            report: (endpoint) => context.report({ node: endpoint.reportNode, messageId: 'endpoint', data: describe(endpoint) }),
          }),
        ),
      );
    },
  });
}

export interface Expected {
  readonly line: number;
  readonly column: number;
  readonly label: string;
  /** Comma-separated, e.g. `POST` or `PUT,PATCH`. */
  readonly methods: string;
  /** Whether a handler function was found (default true). */
  readonly handler?: boolean;
  readonly branch?: boolean;
  readonly decorators?: number;
  readonly actor?: string;
  readonly source?: string;
}

/** The error a probe reports for an expected endpoint. */
export function endpoint(expected: Expected): TestCaseError<ProbeMessageIds> {
  return {
    messageId: 'endpoint',
    line: expected.line,
    column: expected.column,
    data: {
      label: expected.label,
      methods: expected.methods,
      handler: expected.handler === false ? '-' : 'fn',
      branch: expected.branch ? 'y' : '-',
      decorators: String(expected.decorators ?? 0),
      actor: expected.actor ?? '-',
      source: expected.source ?? '-',
    },
  };
}

/** An absolute path of a fixture file under tests/fixtures/endpoints-app (the file must exist for the typed project). */
export function fixture(relative: string): string {
  return path.join(fixturesDir, 'endpoints-app', relative);
}

export type ProbeInvalid = InvalidTestCase<ProbeMessageIds, []>;

/** Line and column (1-based) of the `nth` occurrence of `needle` in `code`: where a report is expected. */
export function at(code: string, needle: string, nth = 0): { line: number; column: number } {
  let index = -1;
  for (let count = 0; count <= nth; count++) {
    index = code.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" (#${nth}) not in the test code`);
  }
  const before = code.slice(0, index).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** Joins lines into test code (keeps cases readable and line numbers countable). */
export function lines(...source: string[]): string {
  return source.join('\n');
}

/**
 * Lints every prefix of each code (cut every `step` characters, the truncations an editor sees mid-typing) with the
 * probe rule, untyped: no adapter may throw. Parse errors are fine (they are fatal messages, not exceptions).
 */
export function lintTruncations(codes: readonly string[], filename: string, settings: Record<string, unknown> = {}, step = 7): number {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mts'],
      languageOptions: { parser: tsParser },
      plugins: { probe: { rules: { endpoints: probeRule() as unknown as NonNullable<ESLint.Plugin['rules']>[string] } } },
      rules: { 'probe/endpoints': 'error' },
      settings,
    },
  ];
  let runs = 0;
  for (const code of codes) {
    for (let cut = 0; cut <= code.length; cut += step) {
      const messages = linter.verify(code.slice(0, cut), config, filename);
      const crash = messages.find((message) => message.fatal !== true && message.ruleId === null);
      if (crash) throw new Error(`cut at ${cut}: ${crash.message}`);
      runs++;
    }
  }
  return runs;
}
