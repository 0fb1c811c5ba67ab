/**
 * No rule throws on code caught mid-edit. Every source file of the example app is cut every
 * `STEP` characters, and each prefix is linted with every rule of the plugin on (`strict`, with the
 * SOC 2, HIPAA and PCI DSS regulations active, so reads count as endpoints too):
 *
 * - as cut (most prefixes do not parse: the parser's error comes back as a fatal message, which is
 *   fine; a rule crash makes `Linter#verify` throw, which is not);
 * - with its open strings, comments and brackets closed, as an editor's auto-closing leaves it,
 *   so that far more prefixes parse and the rules run on half-written handlers, calls and classes.
 *
 * Untyped through `Linter` for every cut; typed (`parserOptions.projectService` on
 * examples/tsconfig.json, unsaved text through `ESLint#lintText`) for a sparser sample.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = path.join(root, 'examples');
const SOURCE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/u;

/** Cut every this many characters, untyped. */
const STEP = 40;
/** Cut every this many characters, typed (each typed lint updates the program: slower). */
const TYPED_STEP = 400;
/** Failures kept per file: enough to see the pattern, not a wall of duplicates. */
const MAX_FAILURES = 5;

const files = readdirSync(path.join(examplesDir, 'src'), { recursive: true, encoding: 'utf8' })
  .filter(name => SOURCE.test(name))
  .map(name => path.join(examplesDir, 'src', name))
  .sort();

const settings = {
  compliance: {
    regulations: { soc2: true, hipaa: true, 'pci-dss': true },
    audit: {
      calls: ['auditLogger.log', '*.auditService.log', 'writeAuditRecord'],
      wrappers: ['withAuditLogging'],
      decorators: ['Audit', 'UseInterceptors(AuditInterceptor)'],
      middleware: ['auditMiddleware'],
    },
    endpoints: { factories: ['createApiRequestHandler'] },
    masking: { functions: ['mask', 'redact'] },
    logging: { sinks: ['telemetry.track'] },
  },
};

function configs(parserOptions: Linter.ParserOptions): Linter.Config[] {
  return [
    {
      name: 'robustness/typescript',
      files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
      languageOptions: { parser: tseslint.parser, parserOptions },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    plugin.configs.strict as Linter.Config,
    { name: 'robustness/settings', settings },
  ];
}

/** Character offsets at which to cut `text`: every `step`th, and the full text. */
function cuts(text: string, step: number): number[] {
  const offsets: number[] = [];
  for (let offset = 0; offset < text.length; offset += step) offsets.push(offset);
  offsets.push(text.length);
  return offsets;
}

/**
 * `prefix` with what an editor's auto-closing would have typed after the cursor: the open string,
 * template, comment and brackets closed. A plain scanner (no regex literals, no JSX text), so it
 * is sometimes wrong; then the result does not parse, which is just one more fatal message.
 */
function closeOpen(prefix: string): string {
  const closers: string[] = [];
  let state: 'code' | 'line' | 'block' | "'" | '"' | '`' = 'code';
  for (let i = 0; i < prefix.length; i++) {
    const char = prefix[i];
    const next = prefix[i + 1];
    switch (state) {
      case 'line':
        if (char === '\n') state = 'code';
        break;
      case 'block':
        if (char === '*' && next === '/') {
          state = 'code';
          i++;
        }
        break;
      case "'":
      case '"':
        if (char === '\\') i++;
        else if (char === state || char === '\n') state = 'code';
        break;
      case '`':
        if (char === '\\') i++;
        else if (char === '`') state = 'code';
        else if (char === '$' && next === '{') {
          closers.push('}`');
          state = 'code';
          i++;
        }
        break;
      case 'code':
        if (char === '/' && next === '/') state = 'line';
        else if (char === '/' && next === '*') state = 'block';
        else if (char === "'" || char === '"' || char === '`') state = char;
        else if (char === '(') closers.push(')');
        else if (char === '[') closers.push(']');
        else if (char === '{') closers.push('}');
        else if (char === ')' || char === ']' || char === '}') {
          const closer = closers.pop();
          if (closer === '}`') state = '`';
        }
        break;
    }
  }
  const tail = { code: '', line: '\n', block: '*/', "'": "'", '"': '"', '`': '`' }[state];
  return prefix + tail + closers.reverse().join('');
}

interface Tally {
  linted: number;
  parsed: number;
}

const tallies = { untyped: { linted: 0, parsed: 0 }, typed: { linted: 0, parsed: 0 } } satisfies Record<string, Tally>;

/** Lints every variant of every cut of `text`; returns the failures, with where to reproduce them. */
async function lintCuts(
  text: string,
  step: number,
  tally: Tally,
  lint: (code: string) => Promise<Linter.LintMessage[]> | Linter.LintMessage[],
): Promise<string[]> {
  const failures = new Map<string, string>();
  for (const offset of cuts(text, step)) {
    const prefix = text.slice(0, offset);
    for (const [variant, code] of [
      ['cut', prefix],
      ['closed', closeOpen(prefix)],
    ] as const) {
      tally.linted++;
      try {
        const messages = await lint(code);
        if (!messages.some(message => message.fatal)) tally.parsed++;
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        const key = message.split('\n').slice(0, 3).join('\n');
        if (!failures.has(key) && failures.size < MAX_FAILURES) {
          failures.set(key, `cut at ${offset} (${variant}), ending ${JSON.stringify(code.slice(-60))}:\n${message}`);
        }
      }
    }
  }
  return [...failures.values()];
}

const relative = (file: string): string => path.relative(root, file);

describe('robustness: every rule survives truncated code', () => {
  afterAll(() => {
    const { untyped, typed } = tallies;
    console.info(
      `robustness: ${files.length} files; untyped ${untyped.linted} truncations linted (${untyped.parsed} parsed, cut every ${STEP} chars, as cut and auto-closed); ` +
        `typed ${typed.linted} (${typed.parsed} parsed, every ${TYPED_STEP} chars)`,
    );
  });

  // The parser takes JSX from the file's extension.
  const untypedConfig = configs({});
  const linter = new Linter({ configType: 'flat', cwd: examplesDir });

  it('runs every rule of the plugin on the example sources, and the rules report', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(Object.keys(plugin.configs.strict.rules ?? {}).sort()).toEqual(
      Object.keys(plugin.rules).map(name => `compliance/${name}`).sort(),
    );
    const reported = new Set(
      files.flatMap(file => linter.verify(readFileSync(file, 'utf8'), untypedConfig, file).map(message => message.ruleId)),
    );
    expect([...reported].filter(id => id?.startsWith('compliance/'))).not.toEqual([]);
  });

  describe('untyped (Linter)', () => {
    const config = untypedConfig;

    it.each(files.map(relative))('%s', async name => {
      const file = path.join(root, name);
      const text = readFileSync(file, 'utf8');
      // The whole file parses, so the cuts exercise the rules and not only the parser.
      expect(linter.verify(text, config, file).filter(message => message.fatal)).toEqual([]);
      const failures = await lintCuts(text, STEP, tallies.untyped, code => linter.verify(code, config, file));
      expect(failures, failures.join('\n\n')).toEqual([]);
    });
  });

  describe('typed (ESLint, projectService)', () => {
    const eslint = new ESLint({
      cwd: examplesDir,
      overrideConfigFile: true,
      overrideConfig: configs({ projectService: true, tsconfigRootDir: examplesDir }),
    });

    it.each(files.map(relative))('%s', async name => {
      const file = path.join(root, name);
      const text = readFileSync(file, 'utf8');
      const failures = await lintCuts(text, TYPED_STEP, tallies.typed, async code => {
        const [result] = await eslint.lintText(code, { filePath: file });
        return result?.messages ?? [];
      });
      expect(failures, failures.join('\n\n')).toEqual([]);
    });
  });
});
