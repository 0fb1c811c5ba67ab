/**
 * Shared by the no-sensitive-data-in-logs rule tests: case builders (a finding's message data and its suggestions, both
 * checked) and the flat config that runs the rule alone in one mode.
 */
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import tseslint from 'typescript-eslint';
import rule, { type MessageIds, type Options } from '../../rules/no-sensitive-data-in-logs.js';
import { citeControls } from '../../src/analysis/controls.js';
import { CATEGORY_TITLES } from '../../src/regulations/defaults.js';
import { resolvePolicy } from '../../src/settings.js';
import { fixturesDir } from '../rule-tester.js';

export type Settings = Record<string, unknown>;

export interface Finding {
  readonly what: string;
  readonly sink: string;
  /** Default: the builder's category. */
  readonly category?: string;
  /** The category text when it is not the title (origins: `mail recipient: contact data`; typed: `AppContext.auth.token: credentials`). */
  readonly detail?: string;
  /** `[from, to, property]`: the "remove the property" suggestion; without it, the finding must have no suggestion. */
  readonly drop?: readonly [string, string, string];
}

/** Builders whose findings default to `category` and whose cases default to `defaults` settings. */
export function caseBuilders(category: string, defaults: Settings = {}) {
  const invalid = (name: string, code: string, findings: Finding[], settings: Settings = defaults, filename?: string): InvalidTestCase<MessageIds, [Options]> => ({
    name,
    code,
    settings,
    ...(filename ? { filename } : {}),
    errors: findings.map(({ what, sink, category: own = category, detail, drop }) => ({
      messageId: 'sensitiveDataInLog' as const,
      data: {
        what,
        sink,
        category: detail ?? (CATEGORY_TITLES as Record<string, string>)[own] ?? own,
        controls: citeControls(resolvePolicy(settings), { checks: ['masking'], categories: [own] }),
      },
      suggestions: drop ? [{ messageId: 'suggestDropProperty' as const, data: { property: drop[2] }, output: code.replace(drop[0], drop[1]) }] : [],
    })),
  });
  const valid = (name: string, code: string, settings: Settings = defaults, filename?: string): ValidTestCase<[Options]> => ({
    name,
    code,
    settings,
    ...(filename ? { filename } : {}),
  });
  return { invalid, valid };
}

/** The flat config that runs only this rule, in one mode (typed: the project service over tests/fixtures). */
export function ruleConfig(typed: boolean, settings: Settings = {}): Linter.Config {
  return {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      ...(typed ? { parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } } : {}),
    },
    plugins: { compliance: { rules: { 'no-sensitive-data-in-logs': rule as never } } },
    rules: { 'compliance/no-sensitive-data-in-logs': 'error' },
    settings,
  };
}

export type Mode = 'untyped' | 'typed';

const linter = new Linter({ configType: 'flat' });

/** The findings of a snippet, as `what (category or detail) is written to a log by sink` (controls cut off). */
export function findingTexts(code: string, mode: Mode, compliance: Settings = {}): string[] {
  const messages = linter.verify(code, [ruleConfig(mode === 'typed', { compliance })], { filename: path.join(fixturesDir, 'file.ts') });
  const fatal = messages.find(message => message.fatal);
  if (fatal) throw new Error(`${fatal.message}\n${code}`);
  return messages.map(message => message.message.replace(/ \((?:SOC 2|HIPAA|GDPR|ISO 27001|PCI DSS|NIST 800-53|OWASP)\b.*\)$/u, ''));
}

/** A snippet and the exact findings it must produce, in both modes unless `only`. */
export interface FindingCase {
  readonly name: string;
  readonly code: string;
  /** Expected findings; empty: none. */
  readonly expected: readonly string[];
  /** Only in this mode (the other mode's expectation differs, and has its own case). */
  readonly only?: Mode;
  /** `settings.compliance` of this case (default: the run's). */
  readonly settings?: Settings;
}

/** Runs finding cases in both modes, each with its own settings or `defaults`. */
export function runFindingCases(title: string, cases: readonly FindingCase[], defaults: Settings = {}): void {
  describe(title, () => {
    for (const mode of ['untyped', 'typed'] as const) {
      describe(mode, () => {
        for (const testCase of cases) {
          if (testCase.only && testCase.only !== mode) continue;
          it(testCase.name, () => {
            expect(findingTexts(testCase.code, mode, testCase.settings ?? defaults)).toEqual(testCase.expected);
          });
        }
      });
    }
  });
}

