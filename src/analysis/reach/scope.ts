/**
 * What an identifier is bound to: by ESLint's scope analysis in the linted file, by the lexical lookup of
 * `modules/bindings.ts` in other files (they have no scope manager).
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../ast/functions.js';
import { findVariable } from '../ast/variables.js';
import { type Binding, lookupBinding } from '../modules/bindings.js';
import type { ModuleView } from '../modules/views.js';
import type { ReachState } from './state.js';
import { importedBy } from '../ast/imports.js';

const { DefinitionType } = TSESLint.Scope;

/** The linted file: ESLint's scope analysis (a binding written after its declaration is not followed). */
function scopeBinding(state: ReachState, identifier: TSESTree.Identifier): Binding | undefined {
  const variable = findVariable(state.sourceCode, identifier);
  if (!variable || variable.defs.length === 0) return undefined;
  const def =
    variable.defs.find((candidate) => candidate.type === DefinitionType.FunctionName && isFunctionNode(candidate.node) && candidate.node.body) ??
    variable.defs[0];
  if (!def) return undefined;
  switch (def.type) {
    case DefinitionType.FunctionName:
      return isFunctionNode(def.node) ? { kind: 'function', node: def.node } : { kind: 'other' };
    case DefinitionType.ClassName:
      return def.node.type === AST_NODE_TYPES.ClassDeclaration || def.node.type === AST_NODE_TYPES.ClassExpression
        ? { kind: 'class', node: def.node }
        : { kind: 'other' };
    case DefinitionType.Variable: {
      if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.name.type !== AST_NODE_TYPES.Identifier) return { kind: 'other' };
      // A binding written after its declaration (`let svc = a; svc = b`) is not followed.
      if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return { kind: 'other' };
      return { kind: 'variable', node: def.node, id: def.name };
    }
    case DefinitionType.Parameter: {
      if (def.name.type !== AST_NODE_TYPES.Identifier) return { kind: 'other' };
      const parent = def.name.parent;
      const defaultValue = parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.left === def.name ? parent.right : undefined;
      return defaultValue ? { kind: 'parameter', id: def.name, defaultValue } : { kind: 'parameter', id: def.name };
    }
    case DefinitionType.ImportBinding: {
      const node = def.node;
      if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) return { kind: 'other' };
      const declaration = node.parent;
      if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return { kind: 'other' };
      return { kind: 'import', node, source: declaration.source.value, imported: importedBy(node) };
    }
    default:
      return { kind: 'other' };
  }
}

export function bindingOf(state: ReachState, identifier: TSESTree.Identifier, view: ModuleView): Binding | undefined {
  return view === state.currentView ? scopeBinding(state, identifier) : lookupBinding(identifier);
}
