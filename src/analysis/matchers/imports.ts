/**
 * Import matchers' half of call matching: which import, `require`, `import()` or `import x = require()` a callee's
 * root name comes from (through destructuring and const aliases), and the export path it calls.
 */
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { destructuredPath } from '../ast/destructuring.js';
import { stringValue } from '../ast/static-values.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { findVariable } from '../ast/variables.js';
import { calleePath, flattenMembers } from './paths.js';
import { importedName } from '../ast/imports.js';

const { DefinitionType } = TSESLint.Scope;

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What a callee resolves to: the import it comes from and the export path it calls. */
export type ImportResolver = (callee: TSESTree.Node) => { origin: ImportOrigin; path: string[] } | undefined;

/** Where a local binding comes from: module `module`, export path `exports` (`[]` = the module object itself). */
export interface ImportOrigin {
  readonly module: string;
  readonly exports: readonly string[];
  /** From `require`/`import =`/`import()`: calling the module object itself means calling its default export. */
  readonly commonjs: boolean;
}

const MAX_ALIAS_DEPTH = 4;

/** Builds the import matcher part: scope-based resolution of local names to the import / require they come from. */
export function createImportResolver(context: Context): ImportResolver {
  const { sourceCode } = context;
  const variableOrigins = new Map<TSESLint.Scope.Variable, ImportOrigin | null>();

  /** `require` is the global one, or `const require = createRequire(import.meta.url)` (also `module.createRequire`). */
  function isRequire(identifier: TSESTree.Identifier): boolean {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    if (!variable || variable.defs.length === 0) return true;
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || def?.type !== DefinitionType.Variable || def.node.id !== def.name || !def.node.init) return false;
    const init = unwrapExpression(def.node.init);
    if (init.type !== AST_NODE_TYPES.CallExpression) return false;
    const path = calleePath(init.callee);
    return path?.[path.length - 1] === 'createRequire';
  }

  /** `require('m')`, `import('m')`, `await import('m')` → the module specifier. */
  function moduleOfExpression(node: TSESTree.Node): { module: string; commonjs: boolean } | undefined {
    const expression = unwrapExpression(node);
    if (expression.type === AST_NODE_TYPES.AwaitExpression) return moduleOfExpression(expression.argument);
    if (expression.type === AST_NODE_TYPES.ImportExpression) {
      const module = stringValue(expression.source);
      return module === undefined ? undefined : { module, commonjs: true };
    }
    if (
      expression.type === AST_NODE_TYPES.CallExpression &&
      expression.callee.type === AST_NODE_TYPES.Identifier &&
      expression.callee.name === 'require' &&
      expression.arguments.length === 1 &&
      isRequire(expression.callee)
    ) {
      const module = stringValue(expression.arguments[0]);
      return module === undefined ? undefined : { module, commonjs: true };
    }
    return undefined;
  }

  /** Where an expression's value comes from: `require('m').a.b`, an imported name, a const alias of one. */
  function originOfExpression(node: TSESTree.Node, depth: number): ImportOrigin | undefined {
    const { root, properties } = flattenMembers(node);
    const direct = moduleOfExpression(root);
    if (direct) return { module: direct.module, exports: properties, commonjs: direct.commonjs };
    if (root.type !== AST_NODE_TYPES.Identifier || depth > MAX_ALIAS_DEPTH) return undefined;
    const base = originOfIdentifier(root, depth + 1);
    return base ? { ...base, exports: [...base.exports, ...properties] } : undefined;
  }

  function originOfVariable(variable: TSESLint.Scope.Variable, depth: number): ImportOrigin | undefined {
    if (variable.defs.length !== 1) return undefined;
    const def = variable.defs[0];
    if (!def) return undefined;
    if (def.type === DefinitionType.ImportBinding) {
      const node = def.node;
      if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
        const reference = node.moduleReference;
        if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return undefined;
        const module = stringValue(reference.expression);
        return module === undefined ? undefined : { module, exports: [], commonjs: true };
      }
      const declaration = node.parent;
      if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
      const module = declaration.source.value;
      if (node.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { module, exports: [], commonjs: false };
      if (node.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { module, exports: ['default'], commonjs: false };
      if (node.type === AST_NODE_TYPES.ImportSpecifier) {
        const imported = importedName(node);
        return { module, exports: [imported], commonjs: false };
      }
      return undefined;
    }
    if (def.type === DefinitionType.Variable) {
      const declarator = def.node;
      if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) return undefined;
      // Reassigned bindings (`let a = require('x'); a = other`) are not followed.
      if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
      const path = destructuredPath(def.name, declarator.id);
      if (!path) return undefined;
      const base = originOfExpression(declarator.init, depth);
      return base ? { ...base, exports: [...base.exports, ...path] } : undefined;
    }
    return undefined;
  }

  function originOfIdentifier(identifier: TSESTree.Identifier, depth: number): ImportOrigin | undefined {
    const variable = findVariable(sourceCode, identifier);
    if (!variable) return undefined;
    if (variableOrigins.has(variable)) return variableOrigins.get(variable) ?? undefined;
    variableOrigins.set(variable, null); // cycles
    const origin = originOfVariable(variable, depth);
    variableOrigins.set(variable, origin ?? null);
    return origin;
  }

  return (callee) => {
    const { root, properties } = flattenMembers(callee);
    const direct = moduleOfExpression(root);
    let origin: ImportOrigin | undefined;
    if (direct) origin = { module: direct.module, exports: [], commonjs: direct.commonjs };
    else if (root.type === AST_NODE_TYPES.Identifier) origin = originOfIdentifier(root, 0);
    if (!origin) return undefined;
    return { origin, path: [...origin.exports, ...properties] };
  };
}

/** Candidate export paths of a call through an import: itself; `default` for the CJS module object; `default.x` → `x`. */
export function importCandidates(origin: ImportOrigin, path: readonly string[]): string[][] {
  if (path.length === 0) return origin.commonjs ? [['default']] : [];
  if (path[0] === 'default' && path.length > 1) return [[...path], path.slice(1)];
  return [[...path]];
}
