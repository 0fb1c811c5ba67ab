/**
 * Suggestions of `no-sensitive-data-in-logs`:
 *
 * - wrap the logged value in a masking function (`mask(user.email)`), named from
 *   `settings.compliance.masking.functions` in order: the first one the file can call — a name or dotted
 *   path whose root is in scope here, or an `{ import, name }` that is imported (under any local name) or
 *   can be imported (the import is added). No masking function the file can call: no suggestion, since a
 *   suggestion that does not compile is worse than none;
 * - drop a property from an object literal, with its comma;
 * - replace a whole object of a sensitive type by an explicit pick of its non-sensitive fields.
 *
 * Every output parses: property shorthands are expanded before wrapping, sequences are parenthesized.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Policy } from '../policy.js';
import { type NamedCallee, nameFirstCallee, type NamingOptions } from './toolkit/callee.js';
import { addImport } from './toolkit/imports.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** A masking function as the file can call it (`mask`, `pii.scrub`), and the import to add first. */
export type MaskingCallee = NamedCallee;

/** Fields listed by a pick suggestion, at most. */
export const MAX_PICKED_FIELDS = 6;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;

/** A masking function is a declared binding or an import (configured globals do not count), never `this.x`. */
const NAMING: NamingOptions = { throughThis: false, globals: false };

/** The first masking function of the policy that the code at `at` can call, or undefined. */
export function nameMaskingCallee(context: Context, policy: Policy, at: TSESTree.Node): MaskingCallee | undefined {
  return nameFirstCallee(context.sourceCode, policy.masking.functions, at, NAMING);
}

function quote(text: string): string {
  return `'${text.replace(/\\/gu, '\\\\').replace(/'/gu, "\\'")}'`;
}

/** Text of `node` as an argument: a sequence expression needs parentheses. */
function argumentText(sourceCode: SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  return node.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
}

/**
 * Wraps the value `node` in the masking function. `node` may be an expression, or a property of an object
 * literal (its value is wrapped; a shorthand `{ email }` becomes `{ email: mask(email) }`).
 * Undefined for values that cannot be wrapped (spreads, patterns).
 */
export function buildMaskFix(sourceCode: SourceCode, node: TSESTree.Node, callee: MaskingCallee): TSESLint.ReportFixFunction | undefined {
  let target: TSESTree.Node = node;
  let shorthand: TSESTree.Property | undefined;
  if (node.type === AST_NODE_TYPES.Property) {
    if (node.kind !== 'init' || node.method) return undefined;
    target = node.value;
    if (node.shorthand) shorthand = node;
  } else if (node.parent?.type === AST_NODE_TYPES.Property && node.parent.shorthand && node.parent.value === node) {
    shorthand = node.parent;
  }
  if (
    target.type === AST_NODE_TYPES.SpreadElement ||
    target.type === AST_NODE_TYPES.AssignmentPattern ||
    target.type === AST_NODE_TYPES.ObjectPattern ||
    target.type === AST_NODE_TYPES.ArrayPattern
  ) {
    return undefined;
  }
  const wrapped = `${callee.text}(${argumentText(sourceCode, target)})`;
  return fixer => {
    const fixes: TSESLint.RuleFix[] = [];
    if (callee.addImport) fixes.push(addImport(fixer, sourceCode, callee.addImport, { policy: 'usage' }));
    if (shorthand) fixes.push(fixer.insertTextAfter(shorthand.key, `: ${wrapped}`));
    else fixes.push(fixer.replaceText(target, wrapped));
    return fixes;
  };
}

/** The property (or spread) of an object literal that holds `node`, when `node` is one or is its value. */
export function enclosingProperty(node: TSESTree.Node): TSESTree.Property | TSESTree.SpreadElement | undefined {
  if (node.type === AST_NODE_TYPES.Property && node.parent.type === AST_NODE_TYPES.ObjectExpression) return node;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression) return parent;
  if (parent?.type === AST_NODE_TYPES.SpreadElement && parent.parent.type === AST_NODE_TYPES.ObjectExpression) return parent;
  return undefined;
}

/** Removes a property (or spread) from its object literal, with the comma that separates it. */
export function buildDropPropertyFix(sourceCode: SourceCode, property: TSESTree.Property | TSESTree.SpreadElement): TSESLint.ReportFixFunction {
  const object = property.parent as TSESTree.ObjectExpression;
  const index = object.properties.indexOf(property);
  const next = object.properties[index + 1];
  const previous = object.properties[index - 1];
  return fixer => {
    if (next) return fixer.removeRange([property.range[0], next.range[0]]);
    if (previous) {
      // The last one: from the comma after the previous property; a trailing comma stays.
      const comma = sourceCode.getTokenAfter(previous);
      const start = comma && comma.value === ',' ? comma.range[0] : previous.range[1];
      return fixer.removeRange([start, property.range[1]]);
    }
    // The only one: the object becomes `{}` (comments inside it stay).
    const open = sourceCode.getFirstToken(object);
    const close = sourceCode.getLastToken(object);
    if (!open || !close || sourceCode.getCommentsInside(object).length > 0) {
      const after = sourceCode.getTokenAfter(property);
      return fixer.removeRange([property.range[0], after && after.value === ',' ? after.range[1] : property.range[1]]);
    }
    return fixer.removeRange([open.range[1], close.range[0]]);
  };
}

/** `id: user.id, name: user.name` for the picked fields of `objectText` (`user?.id` when it may be nullish). */
function pickText(objectText: string, fields: readonly string[], optional: boolean): string {
  const dot = optional ? '?.' : '.';
  return fields
    .map(field => (IDENTIFIER.test(field) ? `${field}: ${objectText}${dot}${field}` : `${quote(field)}: ${objectText}${optional ? '?.' : ''}[${quote(field)}]`))
    .join(', ');
}

/**
 * Replaces a whole object (`logger.info(user)`, `{ user }`, `{ ...user }`) by an explicit pick of its
 * non-sensitive fields, at most {@link MAX_PICKED_FIELDS}. `object` must be a simple chain (`user`, `this.user`,
 * `req.user`), so repeating it is harmless; `optional` reads the fields with `?.` (a value that may be nullish).
 * Undefined when there is no field to keep.
 */
export function buildPickFieldsFix(
  sourceCode: SourceCode,
  object: TSESTree.Node,
  fields: readonly string[],
  optional = false,
): { fix: TSESLint.ReportFixFunction; fields: string[] } | undefined {
  const picked = fields.slice(0, MAX_PICKED_FIELDS);
  if (picked.length === 0) return undefined;
  const text = sourceCode.getText(object);
  const simple =
    object.type === AST_NODE_TYPES.Identifier || object.type === AST_NODE_TYPES.MemberExpression || object.type === AST_NODE_TYPES.ThisExpression;
  const body = pickText(simple ? text : `(${text})`, picked, optional);
  const parent = object.parent;
  return {
    fields: picked,
    fix: fixer => {
      if (parent?.type === AST_NODE_TYPES.SpreadElement && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
        return fixer.replaceText(parent, body);
      }
      if (parent?.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === object) {
        return fixer.insertTextAfter(parent.key, `: { ${body} }`);
      }
      return fixer.replaceText(object, `{ ${body} }`);
    },
  };
}
