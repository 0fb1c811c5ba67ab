/**
 * The suggestions of `audit-event-fields`:
 *
 * - add the missing fields to the audit event — into the call's object literal (a property that holds `undefined`,
 *   `null` or `''` gets its value replaced), or, for any other argument (a variable, a builder's result, a class
 *   instance), by wrapping it: `audit.log({ ...event, actor: … })`;
 * - replace a hard-coded timestamp with `new Date().toISOString()`.
 *
 * Values come from the request context where the enclosing code has it (a parameter or variable in scope, and in
 * typed mode only when its type has the property path, so the code type-checks): actor `req.user?.id`,
 * `request.user?.id`, `ctx.state.user?.id`, `session.user.id`; source `req.ip`, `request.ip`, `ctx.ip`,
 * `c.req.header('x-forwarded-for')`; timestamp `new Date().toISOString()`; outcome `'success'` (`'failure'` on a
 * failure path: a catch block or a `.catch()` handler). Otherwise a placeholder that parses in JavaScript and
 * TypeScript and that a reviewer must replace: `undefined /* TODO: … *\/` — the rule keeps reporting a field given
 * `undefined`, and the compiler rejects it where the event's type requires the field.
 */
import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { AuditEvent } from '../analysis/audit-event.js';
import { type ContextCandidate, FRAMEWORKS } from '../analysis/endpoints/frameworks/index.js';
import { propertyPathPresence } from '../analysis/endpoints/typed-receiver.js';
import type { AuditField } from '../regulations/types.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Variable = TSESLint.Scope.Variable;

/** What the placeholder of each field asks the reviewer for. */
const PLACEHOLDERS: Readonly<Record<AuditField, string>> = {
  actor: "TODO: the acting user's id",
  action: "TODO: what happened, e.g. 'user.update'",
  timestamp: 'TODO: when it happened',
  outcome: "TODO: 'success' or 'failure'",
  source: "TODO: the client's address",
  resource: 'TODO: the affected record',
};

/** The placeholder for a field without a value from context: parses everywhere, and is reported until replaced. */
export function placeholder(field: AuditField): string {
  return `undefined /* ${PLACEHOLDERS[field]} */`;
}

/**
 * Where the request context is, by the web-framework records (`analysis/endpoints/frameworks/`): a conventional
 * variable name in scope (`req`, `request`, `ctx`, `c`, `session`), the property path checked against its type in
 * typed mode, and, for names other code uses too (`ctx` of tRPC, `c`), the members that show it is the framework's.
 * `typedOnly` (Fastify's `request.user`) is the adapters' rule; a suggestion names the actor in untyped mode too.
 */
const ACTOR_CANDIDATES: readonly ContextCandidate[] = FRAMEWORKS.actorCandidates;
const SOURCE_CANDIDATES: readonly ContextCandidate[] = FRAMEWORKS.sourceCandidates;

/** The variable `name` visible at `node` (declared in an enclosing scope of this file). */
function visibleVariable(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, name: string): Variable | undefined {
  let scope: TSESLint.Scope.Scope | null;
  try {
    scope = sourceCode.getScope(node);
  } catch {
    return undefined;
  }
  for (; scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable && variable.defs.length > 0) return variable;
  }
  return undefined;
}

/** Whether the variable is read as `name.<member>` somewhere. */
function readWith(variable: Variable, members: readonly string[]): boolean {
  return variable.references.some((reference) => {
    const parent = (reference.identifier as TSESTree.Node).parent;
    return (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === reference.identifier &&
      !parent.computed &&
      parent.property.type === AST_NODE_TYPES.Identifier &&
      members.includes(parent.property.name)
    );
  });
}

function fromCandidates(context: Context, at: TSESTree.Node, candidates: readonly ContextCandidate[]): string | undefined {
  for (const candidate of candidates) {
    const variable = visibleVariable(context.sourceCode, at, candidate.name);
    const declaration = variable?.defs[0]?.name;
    if (!variable || !declaration) continue;
    const presence = propertyPathPresence(context, declaration, candidate.path);
    if (presence === 'missing') continue;
    if (presence === 'untyped' && candidate.evidence && !readWith(variable, candidate.evidence)) continue;
    return candidate.text(candidate.name);
  }
  return undefined;
}

/**
 * Whether a node runs on a failure path: inside a catch block, or inside a function handed to `.catch(…)` or as the
 * second argument of `.then(…)`.
 */
export function isOnFailurePath(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause && current.body === child) return true;
    if (current.type === AST_NODE_TYPES.CallExpression && current.arguments.includes(child as TSESTree.CallExpressionArgument)) {
      const callee = current.callee;
      const isFunction = child.type === AST_NODE_TYPES.ArrowFunctionExpression || child.type === AST_NODE_TYPES.FunctionExpression;
      if (isFunction && callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
        const method = callee.property.name;
        if (method === 'catch' || (method === 'then' && current.arguments[1] === child)) return true;
      }
    }
  }
  return false;
}

/** The value text for a field at the audit call: from the request context, else a placeholder. */
export function fieldValueText(context: Context, at: TSESTree.Node, field: AuditField): string {
  switch (field) {
    case 'actor':
      return fromCandidates(context, at, ACTOR_CANDIDATES) ?? placeholder(field);
    case 'source':
      return fromCandidates(context, at, SOURCE_CANDIDATES) ?? placeholder(field);
    case 'timestamp':
      return 'new Date().toISOString()';
    case 'outcome':
      return isOnFailurePath(at) ? "'failure'" : "'success'";
    default:
      return placeholder(field);
  }
}

export interface FieldToAdd {
  readonly field: AuditField;
  /** The property name to write (the field, or the alias the event's type expects). */
  readonly key: string;
  /** A property of the call's object literal holding a missing value (`actor: null`): its value is replaced. */
  readonly property?: TSESTree.Property;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;

function keyText(key: string): string {
  return IDENTIFIER.test(key) ? key : `'${key.replace(/\\/gu, '\\\\').replace(/'/gu, "\\'")}'`;
}

/** Expressions that can follow `...` without parentheses and read the same. */
function spreadsBare(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.ObjectExpression:
      return true;
    default:
      return false;
  }
}

/** Leading whitespace of the line `node` starts on. */
function lineIndent(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  return /^\s*/u.exec(sourceCode.lines[node.loc.start.line - 1] ?? '')?.[0] ?? '';
}

/**
 * Inserts `name: value` texts at the end of an object literal, keeping its layout (one line, or one per line).
 * `lastEnd`: where the last property ends, as far as other fixes of the same suggestion reach.
 */
function insertIntoLiteral(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fixer: TSESLint.RuleFixer,
  literal: TSESTree.ObjectExpression,
  texts: readonly string[],
  lastEnd: number,
): TSESLint.RuleFix {
  const last = literal.properties.at(-1);
  if (!last) {
    const open = literal.range[0];
    const inside = sourceCode.text.slice(open + 1, literal.range[1] - 1);
    if (/^\s*$/u.test(inside)) return fixer.replaceText(literal, `{ ${texts.join(', ')} }`);
    return fixer.insertTextAfterRange([open, open + 1], ` ${texts.join(', ')},`);
  }
  const after = sourceCode.getTokenAfter(last);
  const comma = after?.value === ',' && after.range[1] <= literal.range[1] ? after : undefined;
  const first = literal.properties[0]!;
  const multiline = first.loc.start.line !== literal.loc.start.line;
  if (multiline) {
    const indent = lineIndent(sourceCode, last);
    return comma
      ? fixer.insertTextAfter(comma, texts.map((text) => `\n${indent}${text},`).join(''))
      : fixer.insertTextAfterRange([lastEnd, lastEnd], texts.map((text) => `,\n${indent}${text}`).join(''));
  }
  return comma ? fixer.insertTextAfter(comma, ` ${texts.join(', ')},`) : fixer.insertTextAfterRange([lastEnd, lastEnd], `, ${texts.join(', ')}`);
}

/** A placeholder's comment right after a value (`undefined /* TODO: … *\/`): replaced along with the value. */
function placeholderComment(sourceCode: Readonly<TSESLint.SourceCode>, value: TSESTree.Node): TSESTree.Comment | undefined {
  const [comment] = sourceCode.getCommentsAfter(value);
  if (comment?.type !== AST_TOKEN_TYPES.Block || !/^\s*TODO:/u.test(comment.value)) return undefined;
  return /^[ \t]*$/u.test(sourceCode.text.slice(value.range[1], comment.range[0])) ? comment : undefined;
}

/** A replacement of the call's literal: a property holding a missing value gets the new value. */
function replacement(
  sourceCode: Readonly<TSESLint.SourceCode>,
  property: TSESTree.Property,
  key: string,
  value: string,
): { range: TSESTree.Range; text: string } {
  if (property.shorthand) return { range: property.range, text: `${keyText(key)}: ${value}` };
  const comment = placeholderComment(sourceCode, property.value);
  return { range: [property.value.range[0], comment ? comment.range[1] : property.value.range[1]], text: value };
}

/**
 * The fix that adds the missing fields to the event; undefined when it would change nothing (every field already
 * holds the placeholder the suggestion would write).
 */
export function buildAddFieldsFix(context: Context, event: AuditEvent, fields: readonly FieldToAdd[]): TSESLint.ReportFixFunction | undefined {
  const { sourceCode } = context;
  const replaced: { range: TSESTree.Range; text: string }[] = [];
  const added: string[] = [];
  for (const field of fields) {
    const value = fieldValueText(context, event.call, field.field);
    if (field.property && event.literal?.properties.includes(field.property)) {
      const change = replacement(sourceCode, field.property, field.key, value);
      if (sourceCode.text.slice(...change.range) !== change.text) replaced.push(change);
    } else {
      added.push(`${keyText(field.key)}: ${value}`);
    }
  }
  if (replaced.length === 0 && added.length === 0) return undefined;
  return (fixer) => {
    const fixes = replaced.map((change) => fixer.replaceTextRange(change.range, change.text));
    if (added.length > 0) {
      if (event.literal) {
        const lastEnd = Math.max(event.literal.properties.at(-1)?.range[1] ?? 0, ...replaced.map((change) => change.range[1]));
        fixes.push(insertIntoLiteral(sourceCode, fixer, event.literal, added, lastEnd));
      } else {
        const text = sourceCode.getText(event.argument);
        const spread = spreadsBare(event.argument) ? text : `(${text})`;
        fixes.push(fixer.replaceText(event.argument, `{ ...${spread}, ${added.join(', ')} }`));
      }
    }
    return fixes;
  };
}

/** The fix that replaces a hard-coded timestamp with the current time. */
export function buildCurrentTimeFix(value: TSESTree.Node): TSESLint.ReportFixFunction {
  return (fixer) => fixer.replaceText(value, 'new Date().toISOString()');
}
