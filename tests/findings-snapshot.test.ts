/**
 * The findings of every rule on the example app and the typed fixture projects, in both modes, with their
 * suggestions' output — snapshotted. Restructuring the shared analysis must not change what users see: a
 * changed finding, message, position or suggestion fails here (ordering aside: findings are sorted).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Target {
  readonly name: string;
  readonly cwd: string;
  readonly patterns: string[];
  readonly settings: Record<string, unknown>;
  readonly presets: readonly string[];
}

const TARGETS: readonly Target[] = [
  {
    // What `npm run demo` shows: the example app's own config (SOC 2 + HIPAA, its audit calls).
    name: 'demo',
    cwd: path.join(root, 'examples'),
    patterns: ['src/**/*.{ts,tsx}'],
    settings: { compliance: { audit: { calls: ['auditLogger.log', '*.auditService.log'] } } },
    presets: ['soc2', 'hipaa'],
  },
  {
    // Every rule, every regulation, the default audit heuristic.
    name: 'examples-strict',
    cwd: path.join(root, 'examples'),
    patterns: ['src/**/*.{ts,tsx}'],
    settings: {},
    presets: ['strict', 'soc2', 'hipaa', 'gdpr', 'pci-dss', 'iso27001', 'nist-800-53'],
  },
  {
    // The typed fixture projects of the rule and analysis tests, linted whole as an app would be.
    name: 'fixtures-strict',
    cwd: path.join(root, 'tests/fixtures'),
    patterns: ['**/*.{ts,tsx}'],
    settings: {},
    presets: ['strict', 'soc2', 'pci-dss', 'gdpr', 'hipaa'],
  },
];

function configFor(target: Target, typed: boolean): Linter.Config[] {
  const configs = plugin.configs as Record<string, Linter.Config>;
  return [
    {
      files: ['**/*.{ts,tsx,js,jsx,mts,cts}'],
      languageOptions: {
        parser: tseslint.parser,
        parserOptions: typed ? { projectService: true, tsconfigRootDir: target.cwd } : {},
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    ...target.presets.map(name => {
      const config = configs[name];
      if (!config) throw new Error(`no preset ${name}`);
      return config;
    }),
    { settings: target.settings },
  ];
}

function applyFix(text: string, fix: { range: [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

async function findings(target: Target, typed: boolean): Promise<string> {
  const eslint = new ESLint({ cwd: target.cwd, overrideConfigFile: true, overrideConfig: configFor(target, typed) });
  const results = await eslint.lintFiles(target.patterns);
  const lines: string[] = [];
  for (const result of results) {
    const file = path.relative(target.cwd, result.filePath).split(path.sep).join('/');
    const text = readFileSync(result.filePath, 'utf8');
    const all = [
      ...result.messages.map(message => ({ message, suppressed: false })),
      ...result.suppressedMessages.map(message => ({ message, suppressed: true })),
    ];
    for (const { message, suppressed } of all) {
      const entry = [`${file}:${message.line}:${message.column}-${message.endLine ?? ''}:${message.endColumn ?? ''} ${message.ruleId ?? 'fatal'}${suppressed ? ' (suppressed)' : ''}: ${message.message}`];
      for (const suggestion of message.suggestions ?? []) {
        const fixed = applyFix(text, suggestion.fix);
        // The changed region, a little context around it: enough to see the edit, stable under unrelated edits.
        const start = Math.max(0, text.lastIndexOf('\n', Math.max(0, suggestion.fix.range[0] - 1)));
        const end = fixed.indexOf('\n', suggestion.fix.range[0] + suggestion.fix.text.length + 1);
        entry.push(`    suggestion: ${suggestion.desc}`, ...fixed.slice(start, end < 0 ? undefined : end).split('\n').map(line => `      | ${line}`));
      }
      lines.push(entry.join('\n'));
    }
  }
  lines.sort();
  return `${lines.join('\n')}\n`;
}

describe('findings snapshot', () => {
  for (const target of TARGETS) {
    for (const typed of [false, true]) {
      const mode = typed ? 'typed' : 'untyped';
      it(`${target.name}, ${mode}`, async () => {
        await expect(await findings(target, typed)).toMatchFileSnapshot(`__snapshots__/findings-${target.name}-${mode}.txt`);
      }, 180_000);
    }
  }
});
