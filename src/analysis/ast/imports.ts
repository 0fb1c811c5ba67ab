/** What an import specifier imports. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** The exported name of `import { a as b }` → `a`; `import { 'a-b' as c }` → `a-b`. */
export function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

/** What any import clause imports: its exported name, `default` for a default import, `*` for a namespace. */
export function importedBy(specifier: TSESTree.ImportClause): string {
  if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return 'default';
  if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return '*';
  return importedName(specifier);
}
