/**
 * Names as the code at an insertion point sees them: whether a name is bound there (and to what), and whether a new
 * binding of a name would collide with one. Suggestions only write names that resolve where they are written.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;
export type Variable = TSESLint.Scope.Variable;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;

export interface ScopeOptions {
  /**
   * Whether a global configured for the linter (`languageOptions.globals`: a variable without a declaration in the
   * file) counts as bound. Default true.
   */
  readonly globals?: boolean;
}

/** Whether `name` can be written as an identifier. */
export function isIdentifierName(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** The variable `name` refers to when written at `at` (the innermost binding, so a shadowing one wins); undefined when unbound. */
export function variableAt(sourceCode: SourceCode, at: TSESTree.Node, name: string): Variable | undefined {
  try {
    return ASTUtils.findVariable(sourceCode.getScope(at), name) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Whether `name` written at `at` refers to a binding: a declaration of the file, or (unless `globals: false`) a configured global. */
export function nameInScope(sourceCode: SourceCode, at: TSESTree.Node, name: string, options: ScopeOptions = {}): boolean {
  const variable = variableAt(sourceCode, at, name);
  if (!variable) return false;
  return (options.globals ?? true) || variable.defs.length > 0;
}

/**
 * Whether a new module-level binding `name` (an added import) would be seen at `at` as itself: `name` is an
 * identifier and nothing of that name is bound at `at` already (which it would clash with, or be shadowed by).
 */
export function isNameFree(sourceCode: SourceCode, at: TSESTree.Node, name: string, options: ScopeOptions = {}): boolean {
  return isIdentifierName(name) && !nameInScope(sourceCode, at, name, options);
}

/** Whether `name` written at `at` refers to `variable` (and not to a binding that shadows it). */
export function resolvesTo(sourceCode: SourceCode, at: TSESTree.Node, name: string, variable: Variable): boolean {
  return variableAt(sourceCode, at, name) === variable;
}
