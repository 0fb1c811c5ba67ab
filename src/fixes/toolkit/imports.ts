/**
 * Imports: the local name under which a file already imports an export, and the fix that adds an import — an
 * `import { x } from 'm'` in an ES module, a `const { x } = require('m')` in CommonJS — merged into the file's
 * existing import of the module where there is one.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { resolvesTo } from './scope.js';
import { importedName } from '../../analysis/ast/imports.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** An export to import: `name` of module `module`. */
export interface ImportRequest {
  readonly module: string;
  readonly name: string;
}

/**
 * When a file is CommonJS, so that an added import must be a `require`:
 * - `syntax`: only where `import` would not parse — a script (`sourceType` `script` / `commonjs`), a `.cjs` / `.cts` file;
 * - `usage`: also an ES-module parse with no `import` declaration that `require`s at the top level.
 */
export type ModuleSystemPolicy = 'syntax' | 'usage';

export type ModuleSystem = 'esm' | 'commonjs';

type RequireDeclarator = TSESTree.VariableDeclarator & { init: TSESTree.CallExpression };

/** `require('m')` → `m`. */
function requiredModule(node: TSESTree.Node | null): string | undefined {
  if (node?.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'require') return undefined;
  const [argument] = node.arguments;
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : undefined;
}

/** The top-level `const … = require(…)` declarators of the program. */
function requireDeclarators(program: TSESTree.Program): RequireDeclarator[] {
  const found: RequireDeclarator[] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (requiredModule(declarator.init) !== undefined) found.push(declarator as RequireDeclarator);
    }
  }
  return found;
}

function importDeclarations(program: TSESTree.Program): TSESTree.ImportDeclaration[] {
  return program.body.filter((statement): statement is TSESTree.ImportDeclaration => statement.type === AST_NODE_TYPES.ImportDeclaration);
}

/** Whether an added import must be a `require` (see {@link ModuleSystemPolicy}). */
export function moduleSystemOf(sourceCode: SourceCode, filename: string | undefined, policy: ModuleSystemPolicy): ModuleSystem {
  const program = sourceCode.ast;
  // espree reports `commonjs` for such files, beyond the declared `'module' | 'script'`.
  const sourceType: string = program.sourceType;
  if (sourceType !== 'module' || (filename !== undefined && /\.c[jt]s$/u.test(filename))) return 'commonjs';
  if (policy === 'usage' && importDeclarations(program).length === 0 && requireDeclarators(program).length > 0) return 'commonjs';
  return 'esm';
}

/**
 * How the code at `at` can name `module`'s export `name` through what the file already imports: `scrub` for
 * `import { scrub }`, `clean` for `import { scrub as clean }` or `const { scrub: clean } = require(…)`, `pii.scrub` for
 * `import * as pii`, the default import's local for `default`. Type-only imports do not count, nor a local that a
 * binding around `at` shadows. undefined when the file does not import it.
 */
export function importedLocalName(sourceCode: SourceCode, at: TSESTree.Node, module: string, name: string): string | undefined {
  const program = sourceCode.ast;
  const visible = (local: TSESTree.Identifier, declaration: TSESTree.Node): boolean =>
    sourceCode.scopeManager?.getDeclaredVariables(declaration).some(variable => variable.name === local.name && resolvesTo(sourceCode, at, local.name, variable)) ?? false;
  for (const statement of importDeclarations(program)) {
    if (statement.source.value !== module || statement.importKind === 'type') continue;
    for (const specifier of statement.specifiers) {
      let text: string | undefined;
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) text = `${specifier.local.name}.${name}`;
      else if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) text = name === 'default' ? specifier.local.name : undefined;
      else if (specifier.importKind !== 'type' && importedName(specifier) === name) text = specifier.local.name;
      if (text !== undefined && visible(specifier.local, specifier)) return text;
    }
  }
  for (const declarator of requireDeclarators(program)) {
    if (requiredModule(declarator.init) !== module || declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
    for (const property of declarator.id.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed || property.value.type !== AST_NODE_TYPES.Identifier) continue;
      const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : String(property.key.value);
      if (key === name && visible(property.value, declarator)) return property.value.name;
    }
  }
  return undefined;
}

/** A string literal for a module specifier, single-quoted. */
function quote(text: string): string {
  return `'${text.replace(/\\/gu, '\\\\').replace(/'/gu, "\\'")}'`;
}

/** The fix that adds `name` to an existing import of the module, when there is one it can join. */
function mergeFix(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, system: ModuleSystem, request: ImportRequest): TSESLint.RuleFix | undefined {
  const program = sourceCode.ast;
  if (system === 'esm') {
    // `import type { … }` would make the value a type; `import * as ns` cannot take named specifiers.
    const declaration = importDeclarations(program).find(
      statement =>
        statement.source.value === request.module &&
        statement.importKind !== 'type' &&
        statement.specifiers.length > 0 &&
        !statement.specifiers.some(specifier => specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier),
    );
    if (!declaration) return undefined;
    const last = declaration.specifiers.at(-1)!;
    if (last.type === AST_NODE_TYPES.ImportSpecifier) return fixer.insertTextAfter(last, `, ${request.name}`);
    return fixer.insertTextAfter(last, `, { ${request.name} }`);
  }
  const declarator = requireDeclarators(program).find(
    candidate =>
      requiredModule(candidate.init) === request.module &&
      candidate.id.type === AST_NODE_TYPES.ObjectPattern &&
      candidate.id.properties.length > 0 &&
      candidate.id.properties.every(property => property.type === AST_NODE_TYPES.Property),
  );
  const last = declarator?.id.type === AST_NODE_TYPES.ObjectPattern ? declarator.id.properties.at(-1) : undefined;
  return last ? fixer.insertTextAfter(last, `, ${request.name}`) : undefined;
}

/**
 * Where a new import line goes: after the last import, else after the directive prologue (`'use server'` stays
 * first), else before the first statement (below a shebang or header comment), else at the end of a shebang line.
 */
function newLineFix(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, text: string): TSESLint.RuleFix {
  const { body } = sourceCode.ast;
  const lastImport = importDeclarations(sourceCode.ast).at(-1);
  if (lastImport) return fixer.insertTextAfter(lastImport, `\n${text}`);
  let lastDirective: TSESTree.ProgramStatement | undefined;
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) break;
    lastDirective = statement;
  }
  if (lastDirective) return fixer.insertTextAfter(lastDirective, `\n${text}`);
  const first = body[0];
  if (first) return fixer.insertTextBefore(first, `${text}\n`);
  if (sourceCode.text.startsWith('#!')) {
    const end = sourceCode.text.indexOf('\n');
    return end === -1 ? fixer.insertTextAfterRange([0, sourceCode.text.length], `\n${text}\n`) : fixer.insertTextAfterRange([0, end + 1], `${text}\n`);
  }
  return fixer.insertTextBeforeRange([0, 0], `${text}\n`);
}

export interface AddImportOptions {
  /** The linted file's name (`.cjs` / `.cts` files are CommonJS); without it, the parse alone decides. */
  readonly filename?: string;
  readonly policy: ModuleSystemPolicy;
}

/**
 * The fix that imports `request.name` from `request.module` under its own name: merged into the file's import of the
 * module (`import { a, name }`, `import d, { name }`, `const { a, name } = require(…)`), else a new line. The caller
 * checks first that the name is free ({@link isNameFree}) and not imported yet ({@link importedLocalName}).
 */
export function addImport(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, request: ImportRequest, options: AddImportOptions): TSESLint.RuleFix {
  const system = moduleSystemOf(sourceCode, options.filename, options.policy);
  const merged = mergeFix(fixer, sourceCode, system, request);
  if (merged) return merged;
  const text =
    system === 'esm' ? `import { ${request.name} } from ${quote(request.module)};` : `const { ${request.name} } = require(${quote(request.module)});`;
  return newLineFix(fixer, sourceCode, text);
}
