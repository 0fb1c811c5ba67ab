/** The packages a file imports or requires at its top level (`import x from 'bull'`, `const x = require('bull')`). */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from '../ast/unwrap.js';
import type { FlowState } from './state.js';

/** Per file (keyed by the Program node). */
const importedPackages = new WeakMap<TSESTree.Program, ReadonlySet<string>>();

export function packagesOf(state: FlowState): ReadonlySet<string> {
  const program = state.sourceCode.ast;
  let found = importedPackages.get(program);
  if (!found) {
    const names = new Set<string>();
    for (const statement of program.body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration) names.add(statement.source.value);
      if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
      for (const declarator of statement.declarations) {
        const init = declarator.init ? unwrapExpression(declarator.init) : undefined;
        const argument = init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require' ? init.arguments[0] : undefined;
        if (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') names.add(argument.value);
      }
    }
    found = names;
    importedPackages.set(program, found);
  }
  return found;
}

/** Typed mode: whether a symbol is declared in one of `packages` (its own folder or its `@types` one). */
export function declaredInPackage(declarations: readonly { getSourceFile(): { fileName: string } }[], packages: readonly string[]): boolean {
  return declarations.some(declaration => {
    const file = declaration.getSourceFile().fileName.replace(/\\/gu, '/');
    return packages.some(name => file.includes(`/node_modules/${name}/`) || file.includes(`/node_modules/@types/${name.replace(/^@([^/]+)\//u, '$1__')}/`));
  });
}
