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
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Matcher } from '../analysis/matchers.js';
import type { Policy } from '../policy.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** A masking function as the file can call it. */
export interface MaskingCallee {
  /** The callee as written, e.g. `mask`, `pii.scrub`. */
  readonly text: string;
  /** An import to add first (`{ import, name }` not imported yet). */
  readonly addImport?: { readonly module: string; readonly name: string };
}

/** Fields listed by a pick suggestion, at most. */
export const MAX_PICKED_FIELDS = 6;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;

function inScope(context: Context, at: TSESTree.Node, name: string): boolean {
  try {
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(at), name);
    // A declared binding (import, function, const…); globals configured without definitions do not count.
    return variable !== null && variable.defs.length > 0;
  } catch {
    return false;
  }
}

/** The local text under which `module`'s export `name` is imported in this file (`scrub`, `pii.scrub`, `default` local). */
function importedAs(program: TSESTree.Program, module: string, name: string): string | undefined {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== module || statement.importKind === 'type') continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return `${specifier.local.name}.${name}`;
      if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
        if (name === 'default') return specifier.local.name;
        continue;
      }
      if (specifier.importKind === 'type') continue;
      const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
      if (imported === name) return specifier.local.name;
    }
  }
  return undefined;
}

function calleeOfMatcher(context: Context, matcher: Matcher, at: TSESTree.Node): MaskingCallee | undefined {
  if (matcher.kind === 'path') {
    const [root] = matcher.segments;
    if (!root || root === 'this' || matcher.segments.includes('*')) return undefined;
    return inScope(context, at, root) ? { text: matcher.source } : undefined;
  }
  if (matcher.kind === 'import') {
    const [first, ...rest] = matcher.segments;
    if (!first) return undefined;
    const local = importedAs(context.sourceCode.ast, matcher.module, first);
    if (local) return { text: [local, ...rest].join('.') };
    // A default export has no name to import it by; a local binding of the name would be shadowed.
    if (first === 'default' || !IDENTIFIER.test(first) || inScope(context, at, first)) return undefined;
    return { text: matcher.segments.join('.'), addImport: { module: matcher.module, name: first } };
  }
  return undefined;
}

/** The first masking function of the policy that the code at `at` can call, or undefined. */
export function nameMaskingCallee(context: Context, policy: Policy, at: TSESTree.Node): MaskingCallee | undefined {
  for (const matcher of policy.masking.functions) {
    const callee = calleeOfMatcher(context, matcher, at);
    if (callee) return callee;
  }
  return undefined;
}

/** Where a new import goes: after the last import, after directives and a shebang, or at the top. */
function addImportFix(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, module: string, name: string): TSESLint.RuleFix {
  const program = sourceCode.ast;
  const imports = program.body.filter(statement => statement.type === AST_NODE_TYPES.ImportDeclaration);
  const commonjs = program.sourceType === 'script' || (imports.length === 0 && program.body.some(isRequireDeclaration));
  const text = commonjs ? `const { ${name} } = require(${quote(module)});` : `import { ${name} } from ${quote(module)};`;
  const lastImport = imports.at(-1);
  if (lastImport) return fixer.insertTextAfter(lastImport, `\n${text}`);
  const directives = program.body.filter(
    (statement): statement is TSESTree.ExpressionStatement => statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined,
  );
  let lastDirective: TSESTree.ExpressionStatement | undefined;
  for (const statement of program.body) {
    if (!directives.includes(statement as TSESTree.ExpressionStatement)) break;
    lastDirective = statement as TSESTree.ExpressionStatement;
  }
  if (lastDirective) return fixer.insertTextAfter(lastDirective, `\n${text}`);
  if (sourceCode.text.startsWith('#!')) {
    const end = sourceCode.text.indexOf('\n');
    return end === -1 ? fixer.insertTextAfterRange([0, sourceCode.text.length], `\n${text}\n`) : fixer.insertTextAfterRange([0, end + 1], `${text}\n`);
  }
  return fixer.insertTextBeforeRange([0, 0], `${text}\n`);
}

/** `const x = require('m')` at the top level: a CommonJS module, where an `import` would not run. */
function isRequireDeclaration(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  return statement.declarations.some(
    declarator =>
      declarator.init?.type === AST_NODE_TYPES.CallExpression &&
      declarator.init.callee.type === AST_NODE_TYPES.Identifier &&
      declarator.init.callee.name === 'require',
  );
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
    if (callee.addImport) fixes.push(addImportFix(fixer, sourceCode, callee.addImport.module, callee.addImport.name));
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
