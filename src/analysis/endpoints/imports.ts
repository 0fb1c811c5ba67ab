/**
 * Which module export an expression names, followed through the file's imports, `require` calls, destructurings and
 * aliases: `express.Router` → `express` `['Router']`. Used by the untyped receiver analysis.
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { destructuredPath } from '../ast/destructuring.js';
import { stringValue } from '../ast/static-values.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { findVariable } from '../ast/variables.js';
import { flattenMembers } from '../matchers.js';
import { importedName } from '../ast/imports.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

const { DefinitionType } = TSESLint.Scope;
const MAX_DEPTH = 8;

export interface ImportPath {
  readonly module: string;
  /** Export path below the module, a leading `default` dropped (`express.Router` → `['Router']`). */
  readonly path: readonly string[];
}

/** Specifiers of the project's own files (relative, absolute, and the usual path aliases `@/`, `~/`, `#x`). */
export function isLocalSpecifier(module: string): boolean {
  return module.startsWith('.') || module.startsWith('/') || module.startsWith('@/') || module.startsWith('~') || module.startsWith('#');
}

/** The module of `require('x')`, `import('x')`, `await import('x')`. */
export function requireModule(node: TSESTree.Node): string | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.AwaitExpression) return requireModule(expression.argument);
  if (expression.type === AST_NODE_TYPES.ImportExpression) return stringValue(expression.source);
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === 'require' &&
    expression.arguments.length === 1
  ) {
    return stringValue(expression.arguments[0]);
  }
  return undefined;
}

function dropDefault(path: readonly string[]): string[] {
  return path[0] === 'default' ? path.slice(1) : [...path];
}

function importBindingPath(def: TSESLint.Scope.Definition, properties: readonly string[]): ImportPath | undefined {
  if (def.type !== DefinitionType.ImportBinding) return undefined;
  const specifier = def.node;
  if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const reference = specifier.moduleReference;
    if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return undefined;
    const module = stringValue(reference.expression);
    return module === undefined ? undefined : { module, path: dropDefault(properties) };
  }
  const declaration = specifier.parent;
  if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  const module = declaration.source.value;
  if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier || specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
    return { module, path: dropDefault(properties) };
  }
  const imported = importedName(specifier);
  return { module, path: dropDefault([imported, ...properties]) };
}

/** Which module export an expression names: `express.Router` → express#Router, a `require` destructuring, an alias. */
export function importPathOf(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): ImportPath | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const { root, properties } = flattenMembers(node);
  const required = requireModule(root);
  if (required !== undefined) return { module: required, path: dropDefault(properties) };
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(sourceCode, root);
  if (variable?.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (def?.type === DefinitionType.ImportBinding) return importBindingPath(def, properties);
  if (def?.type === DefinitionType.Variable) {
    const declarator = def.node;
    if (!declarator.init || variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
    const path = destructuredPath(def.name, declarator.id);
    if (!path) return undefined;
    const base = importPathOf(sourceCode, declarator.init, depth + 1);
    return base ? { module: base.module, path: dropDefault([...base.path, ...path, ...properties]) } : undefined;
  }
  return undefined;
}
