/**
 * Bindings without a scope manager: the light lexical lookup used on modules parsed here (they have no scope
 * analysis). Scope of the cache: per block node (WeakMap), so it lives as long as the AST.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../ast/functions.js';
import { importedBy } from '../ast/imports.js';

/** What a name is bound to, as far as following calls needs to know. */
export type Binding =
  | { readonly kind: 'function'; readonly node: FunctionNode }
  | { readonly kind: 'class'; readonly node: TSESTree.ClassDeclaration | TSESTree.ClassExpression }
  | { readonly kind: 'variable'; readonly node: TSESTree.VariableDeclarator; readonly id: TSESTree.Identifier }
  | { readonly kind: 'parameter'; readonly id: TSESTree.Identifier; readonly defaultValue?: TSESTree.Expression }
  | {
      readonly kind: 'import';
      readonly node: TSESTree.ImportSpecifier | TSESTree.ImportDefaultSpecifier | TSESTree.ImportNamespaceSpecifier;
      readonly source: string;
      /** `default`, `*` (namespace) or the imported name. */
      readonly imported: string;
    }
  /** A binding that shadows but that we do not follow: catch parameters, enums, namespaces, destructured parameters… */
  | { readonly kind: 'other' };

/** Identifiers a binding pattern declares. */
function patternNames(pattern: TSESTree.Node, out: TSESTree.Identifier[]): void {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      out.push(pattern);
      break;
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) patternNames(property.type === AST_NODE_TYPES.Property ? property.value : property, out);
      break;
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of pattern.elements) if (element) patternNames(element, out);
      break;
    case AST_NODE_TYPES.RestElement:
      patternNames(pattern.argument, out);
      break;
    case AST_NODE_TYPES.AssignmentPattern:
      patternNames(pattern.left, out);
      break;
    case AST_NODE_TYPES.TSParameterProperty:
      patternNames(pattern.parameter, out);
      break;
    default:
      break;
  }
}

function importBinding(specifier: TSESTree.ImportClause, declaration: TSESTree.ImportDeclaration): Binding {
  return { kind: 'import', node: specifier, source: declaration.source.value, imported: importedBy(specifier) };
}

/** Declarations of one statement list, by name (first declaration wins, except that a function with a body beats an overload). */
function declareStatements(statements: readonly TSESTree.Node[], into: Map<string, Binding>): void {
  const add = (name: string, binding: Binding): void => {
    const existing = into.get(name);
    if (!existing) into.set(name, binding);
  };
  for (const raw of statements) {
    const statement =
      (raw.type === AST_NODE_TYPES.ExportNamedDeclaration || raw.type === AST_NODE_TYPES.ExportDefaultDeclaration) && raw.declaration
        ? raw.declaration
        : raw;
    switch (statement.type) {
      case AST_NODE_TYPES.FunctionDeclaration:
        if (statement.id) add(statement.id.name, { kind: 'function', node: statement });
        break;
      case AST_NODE_TYPES.ClassDeclaration:
        if (statement.id) add(statement.id.name, { kind: 'class', node: statement });
        break;
      case AST_NODE_TYPES.VariableDeclaration:
        for (const declarator of statement.declarations) {
          const ids: TSESTree.Identifier[] = [];
          patternNames(declarator.id, ids);
          for (const id of ids) add(id.name, { kind: 'variable', node: declarator, id });
        }
        break;
      case AST_NODE_TYPES.ImportDeclaration:
        for (const specifier of statement.specifiers) add(specifier.local.name, importBinding(specifier, statement));
        break;
      case AST_NODE_TYPES.TSEnumDeclaration:
        add(statement.id.name, { kind: 'other' });
        break;
      case AST_NODE_TYPES.TSModuleDeclaration:
        if (statement.id.type === AST_NODE_TYPES.Identifier) add(statement.id.name, { kind: 'other' });
        break;
      case AST_NODE_TYPES.TSImportEqualsDeclaration:
        add(statement.id.name, { kind: 'other' });
        break;
      default:
        break;
    }
  }
}

const blockBindings = new WeakMap<TSESTree.Node, Map<string, Binding>>();

function bindingsOfBlock(block: TSESTree.Node, statements: readonly TSESTree.Node[]): Map<string, Binding> {
  let map = blockBindings.get(block);
  if (!map) {
    map = new Map();
    declareStatements(statements, map);
    blockBindings.set(block, map);
  }
  return map;
}

/** The top-level binding of `name` in a module (declarations and imports). */
export function topLevelBinding(ast: TSESTree.Program, name: string): Binding | undefined {
  return bindingsOfBlock(ast, ast.body).get(name);
}

function parameterBinding(fn: FunctionNode | TSESTree.TSEmptyBodyFunctionExpression, name: string): Binding | undefined {
  for (const param of fn.params) {
    const ids: TSESTree.Identifier[] = [];
    patternNames(param, ids);
    const id = ids.find((candidate) => candidate.name === name);
    if (!id) continue;
    const inner = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
    if (inner === id) return { kind: 'parameter', id };
    if (inner.type === AST_NODE_TYPES.AssignmentPattern && inner.left === id) return { kind: 'parameter', id, defaultValue: inner.right };
    return { kind: 'other' };
  }
  return undefined;
}

/**
 * The binding a (value) identifier refers to, by walking up the enclosing blocks, functions, loops and classes — a
 * scope lookup for modules parsed here, which have no scope manager. `var` hoisting out of nested blocks is not
 * modelled. undefined for globals and anything not declared in the module.
 */
export function lookupBinding(identifier: TSESTree.Identifier): Binding | undefined {
  const { name } = identifier;
  for (let node: TSESTree.Node | undefined = identifier.parent; node; node = node.parent) {
    switch (node.type) {
      case AST_NODE_TYPES.Program:
        return bindingsOfBlock(node, node.body).get(name);
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.StaticBlock:
      case AST_NODE_TYPES.TSModuleBlock: {
        const found = bindingsOfBlock(node, node.body).get(name);
        if (found) return found;
        break;
      }
      case AST_NODE_TYPES.SwitchStatement: {
        const found = bindingsOfBlock(
          node,
          node.cases.flatMap((switchCase) => switchCase.consequent),
        ).get(name);
        if (found) return found;
        break;
      }
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression: {
        const found = parameterBinding(node, name);
        if (found) return found;
        if (node.type === AST_NODE_TYPES.FunctionExpression && node.id?.name === name) return { kind: 'function', node };
        break;
      }
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement: {
        const init = node.type === AST_NODE_TYPES.ForStatement ? node.init : node.left;
        if (init?.type === AST_NODE_TYPES.VariableDeclaration) {
          const found = bindingsOfBlock(node, [init]).get(name);
          if (found) return found;
        }
        break;
      }
      case AST_NODE_TYPES.CatchClause: {
        if (node.param) {
          const ids: TSESTree.Identifier[] = [];
          patternNames(node.param, ids);
          if (ids.some((id) => id.name === name)) return { kind: 'other' };
        }
        break;
      }
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.ClassExpression:
        if (node.id?.name === name) return { kind: 'class', node };
        break;
      default:
        break;
    }
  }
  return undefined;
}

