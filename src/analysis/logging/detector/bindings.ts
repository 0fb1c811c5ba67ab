/** What a name is bound to (in the linted file by scope analysis, in an imported file by its module view), and where a node lives. */
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { stringValue } from '../../ast/static-values.js';
import { lookupBinding, resolveImport, rootOf, viewOf } from '../../modules.js';
import type { SinkState } from './state.js';
import { importedName } from '../../ast/imports.js';

/** Variables bound to something other than a value we follow. */
export type Bound =
  | { readonly k: 'import'; readonly source: string; readonly imported: string }
  | { readonly k: 'variable'; readonly declarator: TSESTree.VariableDeclarator; readonly id: TSESTree.Identifier }
  | { readonly k: 'parameter'; readonly fn: TSESTree.Node | undefined; readonly id: TSESTree.Identifier }
  | { readonly k: 'global' }
  | { readonly k: 'other' };

const { DefinitionType } = TSESLint.Scope;

export function isCurrent(state: SinkState, node: TSESTree.Node): boolean {
  return rootOf(node) === state.sourceCode.ast;
}

/** The file a node belongs to: the linted file, or the imported module it was reached in. */
export function fileOf(state: SinkState, node: TSESTree.Node): string | undefined {
  const root = rootOf(node);
  if (root === state.sourceCode.ast) return state.file;
  return state.moduleFiles.get(root) ?? viewOf(node)?.file;
}

/** The file a relative import names, resolved once per file and specifier. */
export function resolveFrom(state: SinkState, from: string, specifier: string): string | undefined {
  const key = `${from}\0${specifier}`;
  const cached = state.imports.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const file = resolveImport(from, specifier);
  state.imports.set(key, file ?? null);
  return file;
}

function importBinding(node: TSESTree.Node): Bound {
  if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const reference = node.moduleReference;
    const source = reference.type === AST_NODE_TYPES.TSExternalModuleReference ? stringValue(reference.expression) : undefined;
    return source === undefined ? { k: 'other' } : { k: 'import', source, imported: '*' };
  }
  const declaration = node.parent;
  if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return { k: 'other' };
  const source = declaration.source.value;
  if (node.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { k: 'import', source, imported: '*' };
  if (node.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { k: 'import', source, imported: 'default' };
  if (node.type !== AST_NODE_TYPES.ImportSpecifier) return { k: 'other' };
  const imported = importedName(node);
  return { k: 'import', source, imported };
}

/** An identifier of an imported module (no scope manager there): the module view's binding. */
function viewBinding(id: TSESTree.Identifier): Bound {
  const binding = lookupBinding(id);
  if (!binding) return { k: 'global' };
  if (binding.kind === 'import') return { k: 'import', source: binding.source, imported: binding.imported };
  if (binding.kind === 'variable') return binding.node.parent.kind === 'const' ? { k: 'variable', declarator: binding.node, id: binding.id } : { k: 'other' };
  if (binding.kind === 'parameter') return { k: 'parameter', fn: undefined, id: binding.id };
  return { k: 'other' };
}

export function bindingOf(state: SinkState, id: TSESTree.Identifier): Bound {
  if (!isCurrent(state, id)) return viewBinding(id);
  const variable = ASTUtils.findVariable(state.sourceCode.getScope(id), id);
  if (!variable || variable.defs.length === 0) return { k: 'global' };
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || !def) return { k: 'other' };
  switch (def.type) {
    case DefinitionType.ImportBinding:
      return importBinding(def.node);
    case DefinitionType.Variable:
      // Reassigned bindings (`let logger = pino(); logger = other`) are not followed.
      if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return { k: 'other' };
      return def.name.type === AST_NODE_TYPES.Identifier ? { k: 'variable', declarator: def.node, id: def.name } : { k: 'other' };
    case DefinitionType.Parameter:
      return def.name.type === AST_NODE_TYPES.Identifier ? { k: 'parameter', fn: def.node, id: def.name } : { k: 'other' };
    default:
      return { k: 'other' };
  }
}

/** `const X = <init>` (not destructured) → init. */
export function constInitOf(state: SinkState, id: TSESTree.Identifier): TSESTree.Node | undefined {
  const bound = bindingOf(state, id);
  return bound.k === 'variable' && bound.declarator.id === bound.id && bound.declarator.init ? bound.declarator.init : undefined;
}
