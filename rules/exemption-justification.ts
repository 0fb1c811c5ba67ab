/**
 * Every disable directive that covers a `compliance/*` rule (by name, or blanket: no rule named)
 * states why the exemption is acceptable, in ESLint's `-- justification` syntax, so that the
 * exemption and its reason show up in `suppressedMessages` for the auditor.
 *
 * The directive grammar below follows ESLint's (`@eslint/plugin-kit` ConfigCommentParser and
 * `SourceCode#getDisableDirectives`): a directive starts the comment, the justification follows the
 * first run of two or more dashes surrounded by whitespace, line comments only carry the `-line`
 * and `-next-line` forms, and an `eslint-disable-line` spanning lines is no directive.
 */
import { AST_TOKEN_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { citeControls } from '../src/analysis/controls.js';
import { CHECKS, type Check } from '../src/regulations/types.js';
import { getPolicy } from '../src/settings.js';
import { createRule } from '../src/util/create-rule.js';
import { checksOfRule } from '../src/rule-registry.js';

export interface Options {
  /** Minimum number of characters of the justification, after trimming. */
  minLength?: number;
  /** Regular expression source (compiled with the `u` flag) that the justification must match. */
  pattern?: string;
}

export type MessageIds = 'missingJustification' | 'shortJustification' | 'patternMismatch';

const NAMESPACE = 'compliance';
const RULE_NAME = 'exemption-justification';

type DirectiveKind = 'eslint-disable' | 'eslint-disable-line' | 'eslint-disable-next-line';

interface Directive {
  readonly comment: TSESTree.Comment;
  readonly kind: DirectiveKind;
  /** The rules it names; empty for a blanket directive. */
  readonly ruleIds: readonly string[];
  /** Trimmed text after the ` -- ` separator; `''` when there is none. */
  readonly justification: string;
}

/** `eslint-disable`, `eslint-disable-line` or `eslint-disable-next-line`, as a whole word at the start. */
const DISABLE_LABEL = /^eslint-disable(?:-next-line|-line)?(?=\s|$)/u;
/** The separator of the justification: two or more dashes with whitespace on both sides. */
const JUSTIFICATION_SEPARATOR = /\s-{2,}\s/u;
/** A rule id wrapped in matching quotes, as ESLint accepts in rule lists. */
const QUOTED = /^(['"]?)(.*)\1$/su;

/** The disable directive a comment holds, read the way ESLint reads it, or `undefined`. */
function parseDisableDirective(comment: TSESTree.Comment): Directive | undefined {
  const separator = JUSTIFICATION_SEPARATOR.exec(comment.value);
  const directivePart = (separator ? comment.value.slice(0, separator.index) : comment.value).trim();
  const justification = separator ? comment.value.slice(separator.index + separator[0].length).trim() : '';
  const label = DISABLE_LABEL.exec(directivePart)?.[0] as DirectiveKind | undefined;
  if (!label) return undefined;
  if (comment.type === AST_TOKEN_TYPES.Line && label === 'eslint-disable') return undefined;
  if (label === 'eslint-disable-line' && comment.loc.start.line !== comment.loc.end.line) return undefined;
  const ruleIds = directivePart
    .slice(label.length)
    .split(',')
    .map(part => part.trim().replace(QUOTED, '$2'))
    .filter(id => id.length > 0);
  return { comment, kind: label, ruleIds, justification };
}

/** The checks guarded by the rules a directive disables: every check for a blanket or unknown rule. */
function disabledChecks(coveredIds: readonly string[], blanket: boolean): Check[] {
  if (blanket) return [...CHECKS];
  const checks = new Set<Check>();
  for (const id of coveredIds) {
    const name = id.slice(id.lastIndexOf('/') + 1);
    const known = checksOfRule(name);
    for (const check of known ?? CHECKS) checks.add(check);
  }
  return CHECKS.filter(check => checks.has(check));
}

const compiledPatterns = new Map<string, RegExp>();

function compilePattern(pattern: string): RegExp {
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    try {
      compiled = new RegExp(pattern, 'u');
    } catch (error) {
      throw new Error(
        `Option "pattern" must be a valid regular expression (compiled with the "u" flag), got ${JSON.stringify(pattern)}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    compiledPatterns.set(pattern, compiled);
  }
  return compiled;
}

export default createRule<[Options], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a justification on every disable directive that covers a compliance rule',
      recommended: true,
      checks: CHECKS,
    },
    schema: [
      {
        type: 'object',
        properties: {
          minLength: {
            type: 'integer',
            minimum: 1,
            description: 'Minimum number of characters of the justification after ` -- `, after trimming.',
          },
          pattern: {
            type: 'string',
            description:
              'Regular expression (compiled with the `u` flag) the justification must match, e.g. `^[A-Z]+-\\d+` for a leading ticket id.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ minLength: 10 }],
    messages: {
      missingJustification:
        '`{{directive}}` needs a justification after ` -- ` stating why the exemption is acceptable{{controls}}',
      shortJustification:
        'The justification of `{{directive}}` is {{actual}} characters long; state in at least {{minimum}} why the exemption is acceptable{{controls}}',
      patternMismatch: 'The justification of `{{directive}}` does not match the required pattern `{{pattern}}`{{controls}}',
    },
  },
  create(context, [options]) {
    const minLength = options.minLength ?? 10;
    const pattern = options.pattern === undefined ? undefined : compilePattern(options.pattern);
    const policy = getPolicy(context);
    const sourceCode = context.sourceCode;
    // Compliance rules: `compliance/*`, and the rules of the namespace this rule runs under
    // (the plugin may be registered under another name).
    const selfId = context.id;
    const namespaceOf = (id: string): string | undefined => (id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : undefined);
    const namespaces = new Set([NAMESPACE, namespaceOf(selfId) ?? NAMESPACE]);
    const isComplianceRule = (id: string): boolean => namespaces.has(namespaceOf(id) ?? '');

    /**
     * Where to report. A directive that disables this rule from its position on (`eslint-disable`
     * blanket or naming this rule) would suppress a report on itself, so the report starts on the
     * character before the comment. `eslint-disable-line` covers its whole line: no escape there.
     */
    function reportLoc(directive: Directive): TSESTree.SourceLocation {
      const { loc } = directive.comment;
      const disablesSelf =
        directive.ruleIds.length === 0 || directive.ruleIds.some(id => id === selfId || id === `${NAMESPACE}/${RULE_NAME}`);
      if (directive.kind !== 'eslint-disable' || !disablesSelf) return loc;
      if (loc.start.column > 0) return { start: { line: loc.start.line, column: loc.start.column - 1 }, end: loc.end };
      if (loc.start.line > 1) {
        const previous = loc.start.line - 1;
        return { start: { line: previous, column: sourceCode.lines[previous - 1]?.length ?? 0 }, end: loc.end };
      }
      return loc; // The first character of the file: ESLint suppresses this report (see the docs).
    }

    function check(directive: Directive): void {
      const blanket = directive.ruleIds.length === 0;
      const covered = directive.ruleIds.filter(isComplianceRule);
      if (!blanket && covered.length === 0) return;
      const text = blanket ? directive.kind : `${directive.kind} ${directive.ruleIds.join(', ')}`;
      const length = [...directive.justification].length;
      let messageId: MessageIds | undefined;
      let data: Record<string, string | number> = {};
      if (length === 0) messageId = 'missingJustification';
      else if (length < minLength) {
        messageId = 'shortJustification';
        data = { actual: length, minimum: minLength };
      } else if (pattern && !pattern.test(directive.justification)) {
        messageId = 'patternMismatch';
        data = { pattern: options.pattern ?? pattern.source };
      }
      if (!messageId) return;
      const controls = citeControls(policy, { checks: disabledChecks(covered, blanket) });
      context.report({ loc: reportLoc(directive), messageId, data: { ...data, directive: text, controls } });
    }

    return {
      Program(): void {
        for (const comment of sourceCode.getAllComments()) {
          // Only line and block comments can be directives (a shebang cannot).
          if (comment.type !== AST_TOKEN_TYPES.Line && comment.type !== AST_TOKEN_TYPES.Block) continue;
          const directive = parseDisableDirective(comment);
          if (directive) check(directive);
        }
      },
    };
  },
});
