/** Scope lookups: the variable a name refers to, and what a `const`-like binding holds. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint as Lint } from '@typescript-eslint/utils';

import { stringValue } from './static-values.js';
import { unwrapExpression } from './unwrap.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
export type Variable = TSESLint.Scope.Variable;

const MAX_CONST_DEPTH = 8;

/** The variable `identifier` refers to in its scope; undefined for a global without declaration, or when scope analysis fails. */
export function findVariable(sourceCode: SourceCode, identifier: TSESTree.Identifier): Variable | undefined {
  try {
    return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The initializer of a variable declared once by a plain name and never reassigned; undefined otherwise. */
export function constInitOf(variable: Variable | undefined): TSESTree.Expression | undefined {
  if (variable?.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (def?.type !== Lint.Scope.DefinitionType.Variable) return undefined;
  const declarator = def.node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== def.name || !declarator.init) return undefined;
  if (variable.references.some(reference => reference.isWrite() && !reference.init)) return undefined;
  return declarator.init;
}

/** The initializer of the `const`-like binding `identifier` refers to. */
export function constInit(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  return constInitOf(findVariable(sourceCode, identifier));
}

/** Follows identifiers bound to consts in this file (`const route = createRoute(...)`) to the expression they hold. */
export function resolveConst(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(node);
  for (let depth = 0; depth < MAX_CONST_DEPTH && current.type === AST_NODE_TYPES.Identifier; depth++) {
    const init = constInit(sourceCode, current);
    if (!init) break;
    current = unwrapExpression(init);
  }
  return current;
}

/** A string value, directly or through consts in this file. */
export function constStringValue(sourceCode: SourceCode, node: TSESTree.Node | null | undefined): string | undefined {
  return node ? stringValue(resolveConst(sourceCode, node)) : undefined;
}
