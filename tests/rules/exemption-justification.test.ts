// The rule reads the rule map (an import cycle), so the map must be evaluated first.
import '../../src/index.js'; // registers the rule map, so citations narrow to the disabled rules' checks
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import rule from '../../rules/exemption-justification.js';
import { rules } from '../../rules/index.js';
import { citeControls } from '../../src/analysis/controls.js';
import { REGULATIONS } from '../../src/regulations/index.js';
import { CHECKS, type Check } from '../../src/regulations/types.js';
import { resolvePolicy } from '../../src/settings.js';
import { typedTester, untypedTester } from '../rule-tester.js';

/**
 * Test-only: a rule that never reports. ESLint reports "Definition for rule … was not found" for a
 * directive naming an unknown rule, so the directives below name this one (`compliance/test-only-rule`,
 * `other/test-only-rule`), ours, or core rules. It pretends to be no product rule.
 */
const testOnlyRule = {
  meta: { type: 'problem' as const, schema: [], messages: {} },
  create: () => ({}),
};

const testPlugins = {
  compliance: { rules: { 'exemption-justification': rule, 'test-only-rule': testOnlyRule } },
  other: { rules: { 'test-only-rule': testOnlyRule } },
};

// The shared testers, plus the test-only plugins; unused-directive reports are off because the
// directives here suppress nothing (that is ESLint's concern, not this rule's).
RuleTester.setDefaultConfig({
  plugins: testPlugins,
  linterOptions: { reportUnusedDisableDirectives: 'off' },
});
afterAll(() => RuleTester.resetDefaultConfig());

const PCI = { compliance: { regulations: { 'pci-dss': true } } };

function controls(settings: object = {}, checks: readonly Check[] = CHECKS): string {
  return citeControls(resolvePolicy(settings), { checks });
}

/** The citation with no regulation active (references such as OWASP are always cited). */
const noRegulation = controls();
const missing = (directive: string, line: number, column: number, cited = noRegulation) =>
  ({ messageId: 'missingJustification', data: { directive, controls: cited }, line, column }) as const;

for (const [mode, tester, pciTester] of [
  ['untyped', untypedTester(), untypedTester(PCI)],
  ['typed', typedTester(), typedTester(PCI)],
] as const) {
  tester.run(`exemption-justification (${mode})`, rule, {
    valid: [
      '// eslint-disable-next-line compliance/test-only-rule -- health check endpoint, no state change\nfoo();',
      'foo(); // eslint-disable-line compliance/test-only-rule -- read-only probe, see ADR-12',
      '/* eslint-disable compliance/test-only-rule -- generated client, audited upstream */\nfoo();',
      '/* eslint-disable-next-line compliance/test-only-rule -- migration script, runs once */\nfoo();',
      '// eslint-disable-next-line -- vendored file, checked in its own repository\nfoo();',
      'foo();\n/* eslint-disable -- vendored below this line, audited upstream */\nbar();',
      // Exactly the minimum length.
      '// eslint-disable-next-line compliance/test-only-rule -- 0123456789\nfoo();',
      { code: '// eslint-disable-next-line compliance/test-only-rule -- ok!\nfoo();', options: [{ minLength: 3 }] },
      // Three dashes are a separator too.
      '// eslint-disable-next-line compliance/test-only-rule --- health check, no state\nfoo();',
      // Other plugins' and core rules need no justification.
      '// eslint-disable-next-line other/test-only-rule\nfoo();',
      'foo(); // eslint-disable-line no-console',
      '/* eslint-disable no-console, other/test-only-rule */\nfoo();',
      '// eslint-disable-next-line "other/test-only-rule"\nfoo();',
      // Enabling needs nothing.
      '/* eslint-enable compliance/test-only-rule */',
      '/* eslint-enable */',
      // Prose, not directives: a directive starts the comment, and `eslint-disable` is block-only.
      '// we never eslint-disable here',
      '/* see eslint-disable-next-line compliance/test-only-rule in the docs */',
      '// eslint-disable compliance/test-only-rule',
      '// eslint-disable-lines compliance/test-only-rule',
      {
        code: '// eslint-disable-next-line compliance/test-only-rule -- COMP-123 health check has no state\nfoo();',
        options: [{ pattern: '^[A-Z]+-\\d+' }],
      },
      {
        code: 'const el = (\n  <div>\n    {/* eslint-disable-next-line compliance/test-only-rule -- static demo page */}\n    <span />\n  </div>\n);',
        filename: 'react.tsx',
      },
    ],
    invalid: [
      {
        code: '// eslint-disable-next-line compliance/test-only-rule\nfoo();',
        output: null,
        errors: [{ ...missing('eslint-disable-next-line compliance/test-only-rule', 1, 1), endLine: 1, endColumn: 54 }],
      },
      {
        code: 'foo(); // eslint-disable-line compliance/test-only-rule',
        output: null,
        errors: [missing('eslint-disable-line compliance/test-only-rule', 1, 8)],
      },
      {
        code: '//eslint-disable-next-line   compliance/test-only-rule\nfoo();',
        output: null,
        errors: [missing('eslint-disable-next-line compliance/test-only-rule', 1, 1)],
      },
      {
        // An empty justification.
        code: '/* eslint-disable-next-line compliance/test-only-rule -- */\nfoo();',
        output: null,
        errors: [missing('eslint-disable-next-line compliance/test-only-rule', 1, 1)],
      },
      {
        code: '/* eslint-disable-next-line compliance/test-only-rule */\nfoo();',
        output: null,
        errors: [missing('eslint-disable-next-line compliance/test-only-rule', 1, 1)],
      },
      {
        // File-wide, from the top of the file.
        code: '/* eslint-disable compliance/test-only-rule */\nfoo();',
        output: null,
        errors: [missing('eslint-disable compliance/test-only-rule', 1, 1)],
      },
      {
        // Several rules, one of them a compliance rule.
        code: '// eslint-disable-next-line no-console, compliance/test-only-rule, other/test-only-rule\nfoo();',
        output: null,
        errors: [missing('eslint-disable-next-line no-console, compliance/test-only-rule, other/test-only-rule', 1, 1)],
      },
      {
        code: "// eslint-disable-next-line 'compliance/test-only-rule'\nfoo();",
        output: null,
        errors: [missing('eslint-disable-next-line compliance/test-only-rule', 1, 1)],
      },
      {
        // Blanket: disables the compliance rules too.
        code: '// eslint-disable-next-line\nfoo();',
        output: null,
        errors: [missing('eslint-disable-next-line', 1, 1)],
      },
      {
        code: '/* eslint-disable-next-line */\nfoo();',
        output: null,
        errors: [missing('eslint-disable-next-line', 1, 1)],
      },
      {
        // A blanket `eslint-disable` would swallow a report on itself: the report starts before it.
        code: 'foo();\n/* eslint-disable */\nbar();',
        output: null,
        errors: [{ ...missing('eslint-disable', 1, 7), endLine: 2, endColumn: 21 }],
      },
      {
        code: 'foo(); /* eslint-disable */',
        output: null,
        errors: [{ ...missing('eslint-disable', 1, 7), endLine: 1, endColumn: 28 }],
      },
      {
        code: 'foo();\n/* eslint-disable compliance/exemption-justification */',
        output: null,
        errors: [missing('eslint-disable compliance/exemption-justification', 1, 7)],
      },
      {
        code: '// eslint-disable-next-line compliance/test-only-rule -- todo\nfoo();',
        output: null,
        errors: [
          {
            messageId: 'shortJustification',
            data: { directive: 'eslint-disable-next-line compliance/test-only-rule', actual: 4, minimum: 10, controls: noRegulation },
            line: 1,
            column: 1,
          },
        ],
      },
      {
        // Characters, not UTF-16 code units.
        code: '// eslint-disable-next-line compliance/test-only-rule -- 🔒🔒🔒🔒🔒\nfoo();',
        output: null,
        errors: [
          {
            messageId: 'shortJustification',
            data: { directive: 'eslint-disable-next-line compliance/test-only-rule', actual: 5, minimum: 10, controls: noRegulation },
            line: 1,
            column: 1,
          },
        ],
      },
      {
        code: 'foo(); // eslint-disable-line compliance/test-only-rule -- health check, no state',
        options: [{ minLength: 30 }],
        output: null,
        errors: [
          {
            messageId: 'shortJustification',
            data: { directive: 'eslint-disable-line compliance/test-only-rule', actual: 22, minimum: 30, controls: noRegulation },
            line: 1,
            column: 8,
          },
        ],
      },
      {
        code: '// eslint-disable-next-line compliance/test-only-rule -- health check has no state\nfoo();',
        options: [{ pattern: '^[A-Z]+-\\d+' }],
        output: null,
        errors: [
          {
            messageId: 'patternMismatch',
            data: { directive: 'eslint-disable-next-line compliance/test-only-rule', pattern: '^[A-Z]+-\\d+', controls: noRegulation },
            line: 1,
            column: 1,
          },
        ],
      },
      {
        code: [
          '// eslint-disable-next-line compliance/test-only-rule',
          'foo();',
          'bar(); // eslint-disable-line other/test-only-rule',
          'baz(); // eslint-disable-line compliance/test-only-rule -- short',
        ].join('\n'),
        output: null,
        errors: [
          missing('eslint-disable-next-line compliance/test-only-rule', 1, 1),
          {
            messageId: 'shortJustification',
            data: { directive: 'eslint-disable-line compliance/test-only-rule', actual: 5, minimum: 10, controls: noRegulation },
            line: 4,
            column: 8,
          },
        ],
      },
      {
        code: 'const el = (\n  <div>\n    {/* eslint-disable-next-line compliance/test-only-rule */}\n    <span />\n  </div>\n);',
        filename: 'react.tsx',
        output: null,
        errors: [{ ...missing('eslint-disable-next-line compliance/test-only-rule', 3, 6), endLine: 3, endColumn: 62 }],
      },
    ],
  });

  pciTester.run(`exemption-justification (${mode}, PCI DSS active)`, rule, {
    valid: ['// eslint-disable-next-line compliance/test-only-rule -- PCI-42 approved by the QSA\nfoo();'],
    invalid: [
      {
        code: '// eslint-disable-next-line compliance/test-only-rule\nfoo();',
        output: null,
        errors: [missing('eslint-disable-next-line compliance/test-only-rule', 1, 1, controls(PCI))],
      },
      {
        code: 'foo();\n/* eslint-disable */',
        output: null,
        errors: [missing('eslint-disable', 1, 7, controls(PCI))],
      },
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Through ESLint's Linter: what lands in `messages` and what in `suppressedMessages`.

const RULE_ID = 'compliance/exemption-justification';

function lint(code: string, options: { settings?: object; ruleOptions?: object; plugins?: object } = {}) {
  // `getSuppressedMessages` exists on ESLint 10's Linter but is missing from its type declarations.
  const linter = new Linter({ configType: 'flat' }) as Linter & { getSuppressedMessages(): Linter.SuppressedLintMessage[] };
  const config: Linter.Config = {
    plugins: (options.plugins ?? testPlugins) as never,
    rules: { [RULE_ID]: options.ruleOptions ? ['error', options.ruleOptions] : 'error' },
    ...(options.settings ? { settings: options.settings as Record<string, unknown> } : {}),
  };
  const messages = linter.verify(code, config);
  const suppressed = linter.getSuppressedMessages();
  const ours = (list: readonly Linter.LintMessage[]) =>
    list.filter(m => m.ruleId === RULE_ID).map(m => ({ line: m.line, column: m.column, messageId: m.messageId, message: m.message }));
  return { messages: ours(messages), suppressed: ours(suppressed), all: messages };
}

describe('blanket directives and ESLint suppression (Linter)', () => {
  it.each([
    ['// eslint-disable-next-line\nfoo();', 1, 1],
    ['/* eslint-disable-next-line */\nfoo();', 1, 1],
    ['foo();\n/* eslint-disable */\nbar();', 1, 7],
    ['foo();\r\n/* eslint-disable */\r\nbar();', 1, 7],
    ['  /* eslint-disable */\nfoo();', 1, 2],
    ['foo(); /* eslint-disable */', 1, 7],
    ['foo();/* eslint-disable */', 1, 6],
    ['/** File header. */\n/* eslint-disable */\nfoo();', 1, 20],
    ['#!/usr/bin/env node\n/* eslint-disable */\nfoo();', 1, 20],
    ['foo();\n/* eslint-disable compliance/exemption-justification */', 1, 7],
  ])('reports %j in messages', (code, line, column) => {
    const result = lint(code);
    expect(result.messages).toEqual([expect.objectContaining({ line, column, messageId: 'missingJustification' })]);
    expect(result.suppressed).toEqual([]);
  });

  it.each([
    // The directive covers its whole line, the comment included.
    ['foo(); // eslint-disable-line', 1, 8],
    ['foo(); /* eslint-disable-line */', 1, 8],
    ['foo();\nbar(); // eslint-disable-line', 2, 8],
    // Naming this rule on the same line has the same effect.
    ['foo(); // eslint-disable-line compliance/exemption-justification', 1, 8],
    // At the very start of the file nothing precedes the comment.
    ['/* eslint-disable */\nfoo();', 1, 1],
    ['/* eslint-disable compliance/exemption-justification */\nfoo();', 1, 1],
  ])('reports %j only in suppressedMessages', (code, line, column) => {
    const result = lint(code);
    expect(result.messages).toEqual([]);
    expect(result.suppressed).toEqual([expect.objectContaining({ line, column, messageId: 'missingJustification' })]);
  });

  it.todo(
    'surface blanket `eslint-disable-line` and a blanket `eslint-disable` at the first character of the file in messages: ESLint suppresses every report inside the directive range, this rule included',
  );

  it.each([
    'foo(); // eslint-disable-line -- legacy module, ticket COMP-7',
    '/* eslint-disable -- vendored code, audited upstream */\nfoo();',
    'foo();\n/* eslint-disable -- vendored code, audited upstream */',
  ])('accepts the justified %j', code => {
    const result = lint(code);
    expect(result.messages).toEqual([]);
    expect(result.suppressed).toEqual([]);
  });

  it('leaves a multi-line eslint-disable-line to ESLint, which rejects it', () => {
    const result = lint('/* eslint-disable-line\n   compliance/test-only-rule */');
    expect(result.messages).toEqual([]);
    expect(result.all.map(m => [m.ruleId, m.message])).toEqual([[null, 'eslint-disable-line comment should not span multiple lines.']]);
  });
});

describe('cited controls (Linter)', () => {
  const citations = Object.values(REGULATIONS).map(regulation => regulation.citation);

  it('cites the active regulations', () => {
    const [message] = lint('// eslint-disable-next-line compliance/test-only-rule\nfoo();', { settings: PCI }).messages;
    expect(message?.message).toContain('PCI DSS');
    expect(message?.message).toContain(controls(PCI));
  });

  it('cites no regulation when noRegulation is active', () => {
    const [message] = lint('// eslint-disable-next-line compliance/test-only-rule\nfoo();').messages;
    expect(message).toBeDefined();
    for (const citation of citations) expect(message?.message).not.toContain(citation);
  });

  it.each(Object.keys(rules))('cites the checks of compliance/%s when it is disabled', name => {
    const settings = { compliance: { regulations: Object.fromEntries(Object.keys(REGULATIONS).map(id => [id, true])) } };
    const plugins = { compliance: { rules: { ...rules, 'test-only-rule': testOnlyRule } } };
    const [message] = lint(`// eslint-disable-next-line compliance/${name}\nfoo();`, { settings, plugins }).messages;
    expect(message?.message).toBe(
      `\`eslint-disable-next-line compliance/${name}\` needs a justification after \` -- \` stating why the exemption is acceptable${controls(settings, rules[name]?.meta.docs?.checks)}`,
    );
  });

  it('cites every check for a blanket directive and for an unknown compliance rule', () => {
    const expected = controls(PCI, CHECKS);
    expect(lint('// eslint-disable-next-line\nfoo();', { settings: PCI }).messages[0]?.message).toContain(expected);
    expect(lint('// eslint-disable-next-line compliance/test-only-rule\nfoo();', { settings: PCI }).messages[0]?.message).toContain(expected);
  });
});

describe('options', () => {
  it.each([
    [{ minLength: 0 }, 'Value 0 should be >= 1'],
    [{ minLength: 'x' }, 'Value "x" should be integer'],
    [{ minLength: 2.5 }, 'Value 2.5 should be integer'],
    [{ pattern: 5 }, 'Value 5 should be string'],
    [{ minLength: 5, ticket: true }, 'Unexpected property "ticket"'],
  ])('rejects %j by the schema', (ruleOptions, expected) => {
    expect(() => lint('foo();', { ruleOptions })).toThrow(expected);
    expect(() => lint('foo();', { ruleOptions })).toThrow(RULE_ID);
  });

  it('rejects an invalid regular expression, naming the option and the pattern', () => {
    expect(() => lint('foo();', { ruleOptions: { pattern: '[A-Z+-(' } })).toThrow(
      /Option "pattern" must be a valid regular expression .*got "\[A-Z\+-\("/u,
    );
  });

  it('names the pattern as written', () => {
    const [message] = lint('// eslint-disable-next-line compliance/test-only-rule -- see the wiki page on exemptions\nfoo();', {
      ruleOptions: { pattern: '^https?://' },
    }).messages;
    expect(message?.message).toContain('does not match the required pattern `^https?://`');
  });

  it('compiles the pattern with the u flag', () => {
    // `\p{Lu}` is only a property escape with the `u` flag.
    const ruleOptions = { pattern: '^\\p{Lu}+-\\d+' };
    expect(lint('// eslint-disable-next-line compliance/test-only-rule -- ÄÖ-12 reviewed by compliance\nfoo();', { ruleOptions }).messages).toEqual([]);
    expect(lint('// eslint-disable-next-line compliance/test-only-rule -- äö-12 reviewed by compliance\nfoo();', { ruleOptions }).messages).toEqual([
      expect.objectContaining({ messageId: 'patternMismatch' }),
    ]);
  });

  it('throws a settings error for bad settings', () => {
    expect(() => lint('foo();', { settings: { compliance: { regulations: { sox: true } } } })).toThrow('settings.compliance.regulations');
  });
});

describe('plugin namespace', () => {
  it('treats the rules of the namespace the plugin is registered under as compliance rules', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify('// eslint-disable-next-line audit/test-only-rule\nfoo();', {
      plugins: { audit: testPlugins.compliance as never },
      rules: { 'audit/exemption-justification': 'error' },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    });
    expect(messages).toEqual([
      expect.objectContaining({ ruleId: 'audit/exemption-justification', messageId: 'missingJustification', line: 1, column: 1 }),
    ]);
  });
});
