/**
 * What a module exports under a name, the way import-x's export map finds it: declarations, `export { a as b }`,
 * re-exports, `export *`, `export * as ns`, CommonJS `module.exports` / `exports.x`. Modules come from a
 * {@link ModuleSource}: the files on disk (untyped), or the program's SourceFiles converted to ESTree (typed: nothing is
 * parsed again). A source may say cheaply, from the text, that a file cannot export a name: that file is not loaded.
 *
 * Scope of the caches here: the export index per Program node (WeakMap, lives with the AST); the program source per
 * `ts.Program` (WeakMap).
 */
import path from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { topLevelBinding } from './bindings.js';
import { type TextDeclaration, textDeclaration } from './declarations.js';
import { fileDeclaration, fileMayExport, moduleStats, parseModule, scanExports, textMayExport } from './files.js';
import { resolveImport } from './resolve.js';
import { isAppSourceFile, programModuleView } from './views.js';

/**
 * What an export resolves to: `node` is a FunctionDeclaration, ClassDeclaration, TSEnumDeclaration, VariableDeclarator, an expression
 * (`export default <expr>`, `module.exports = <expr>`), or the target module's Program for a namespace
 * (`export * as ns from`, a re-exported `import * as ns`). `file` is the module that declares it.
 */
export interface ExportTarget {
  readonly file: string;
  readonly node: TSESTree.Node;
}

type ExportEntry =
  | { readonly kind: 'node'; readonly node: TSESTree.Node }
  | { readonly kind: 'local'; readonly name: string }
  | { readonly kind: 'from'; readonly source: string; readonly imported: string }
  | { readonly kind: 'namespace'; readonly source: string };

interface ExportIndex {
  readonly named: ReadonlyMap<string, ExportEntry>;
  /** `export * from '…'` sources, in order. */
  readonly stars: readonly string[];
}

const exportIndexes = new WeakMap<TSESTree.Program, ExportIndex>();

function moduleExportsMember(node: TSESTree.Node): string | undefined {
  // `module.exports`, `exports`, `module.exports.x`, `exports.x` → '' for the object itself, 'x' for a member.
  if (node.type === AST_NODE_TYPES.Identifier && node.name === 'exports') return '';
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (node.object.type === AST_NODE_TYPES.Identifier && node.object.name === 'module' && node.property.name === 'exports') return '';
  const base = moduleExportsMember(node.object);
  return base === '' ? node.property.name : undefined;
}

function exportIndex(ast: TSESTree.Program): ExportIndex {
  const cached = exportIndexes.get(ast);
  if (cached) return cached;
  const named = new Map<string, ExportEntry>();
  const stars: string[] = [];
  const set = (name: string, entry: ExportEntry, replace = false): void => {
    if (replace || !named.has(name)) named.set(name, entry);
  };
  const nameOf = (node: TSESTree.Identifier | TSESTree.StringLiteral): string => (node.type === AST_NODE_TYPES.Identifier ? node.name : node.value);

  for (const statement of ast.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration: {
        const { declaration } = statement;
        if (declaration) {
          if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) set(declaration.id.name, { kind: 'node', node: declaration }, true);
          else if (declaration.type === AST_NODE_TYPES.ClassDeclaration && declaration.id) set(declaration.id.name, { kind: 'node', node: declaration });
          else if (declaration.type === AST_NODE_TYPES.TSEnumDeclaration) set(declaration.id.name, { kind: 'node', node: declaration });
          else if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
            for (const declarator of declaration.declarations) {
              if (declarator.id.type === AST_NODE_TYPES.Identifier) set(declarator.id.name, { kind: 'node', node: declarator });
            }
          }
        } else if (statement.source) {
          for (const specifier of statement.specifiers) {
            set(nameOf(specifier.exported), { kind: 'from', source: statement.source.value, imported: nameOf(specifier.local) });
          }
        } else {
          for (const specifier of statement.specifiers) set(nameOf(specifier.exported), { kind: 'local', name: nameOf(specifier.local) });
        }
        break;
      }
      case AST_NODE_TYPES.ExportDefaultDeclaration: {
        const { declaration } = statement;
        if (declaration.type === AST_NODE_TYPES.Identifier) set('default', { kind: 'local', name: declaration.name });
        else set('default', { kind: 'node', node: declaration });
        break;
      }
      case AST_NODE_TYPES.ExportAllDeclaration:
        if (statement.exported) set(nameOf(statement.exported), { kind: 'namespace', source: statement.source.value });
        else stars.push(statement.source.value);
        break;
      case AST_NODE_TYPES.TSExportAssignment:
        if (statement.expression.type === AST_NODE_TYPES.Identifier) set('default', { kind: 'local', name: statement.expression.name });
        else set('default', { kind: 'node', node: statement.expression });
        break;
      case AST_NODE_TYPES.ExpressionStatement: {
        // CommonJS: `module.exports = …`, `module.exports.x = …`, `exports.x = …`.
        const expression = statement.expression;
        if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') break;
        const member = moduleExportsMember(expression.left);
        if (member === undefined) break;
        const value = expression.right;
        const entry: ExportEntry = value.type === AST_NODE_TYPES.Identifier ? { kind: 'local', name: value.name } : { kind: 'node', node: value };
        if (member !== '') {
          set(member, entry, true);
          break;
        }
        set('default', entry, true);
        if (value.type === AST_NODE_TYPES.ObjectExpression) {
          for (const property of value.properties) {
            if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
            const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
            if (key === undefined) continue;
            const propertyValue = property.value;
            set(key, propertyValue.type === AST_NODE_TYPES.Identifier ? { kind: 'local', name: propertyValue.name } : { kind: 'node', node: propertyValue }, true);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  const index: ExportIndex = { named, stars };
  exportIndexes.set(ast, index);
  return index;
}

const MAX_EXPORT_HOPS = 16;

/** Loads a module's Program for `findExport`. */
export type ModuleLoader = (file: string) => TSESTree.Program | undefined;

/** Where `findExport` gets modules, and (optionally) a cheap test run before loading one: could it export `name`? */
export interface ModuleSource {
  load(file: string): TSESTree.Program | undefined;
  mayExport?(file: string, name: string): boolean;
  /** What the text says the export `name` is (a class or function), without loading the module; see `declarations.ts`. */
  declaration?(file: string, name: string): TextDeclaration | undefined;
}

/** Untyped: files on disk, each scanned for the name before it is parsed. */
export const diskModules: ModuleSource = { load: parseModule, mayExport: fileMayExport, declaration: fileDeclaration };

/** Scope: per program (WeakMap). */
const programSources = new WeakMap<ts.Program, ModuleSource>();
/** Scope: per SourceFile (WeakMap), so per program version. */
const sourceFileScans = new WeakMap<ts.SourceFile, ReturnType<typeof scanExports>>();
/** Scope: per SourceFile (WeakMap): {@link ModuleSource.declaration} answers by export name. */
const sourceFileDeclarations = new WeakMap<ts.SourceFile, Map<string, TextDeclaration | undefined>>();

/**
 * Typed: the program's own SourceFiles converted to ESTree (never parsed again); declaration files and packages are not
 * loaded. A file the program does not hold (a `.js` file without `allowJs`) is read from disk, as in untyped mode.
 */
export function programModules(program: ts.Program): ModuleSource {
  let source = programSources.get(program);
  if (source) return source;
  const sourceFileOf = (file: string): ts.SourceFile | undefined => {
    try {
      return program.getSourceFile(file);
    } catch {
      return undefined;
    }
  };
  source = {
    load(file) {
      const sourceFile = sourceFileOf(file);
      if (!sourceFile) return parseModule(file);
      return isAppSourceFile(program, sourceFile) ? programModuleView(program, sourceFile)?.ast : undefined;
    },
    mayExport(file, name) {
      const sourceFile = sourceFileOf(file);
      if (!sourceFile) return fileMayExport(file, name);
      let scan = sourceFileScans.get(sourceFile);
      if (!scan) {
        scan = scanExports(sourceFile.text);
        sourceFileScans.set(sourceFile, scan);
      }
      return textMayExport(scan, sourceFile.text, name);
    },
    declaration(file, name) {
      const sourceFile = sourceFileOf(file);
      if (!sourceFile) return fileDeclaration(file, name);
      let answers = sourceFileDeclarations.get(sourceFile);
      if (!answers) sourceFileDeclarations.set(sourceFile, (answers = new Map<string, TextDeclaration | undefined>()));
      if (!answers.has(name)) answers.set(name, textDeclaration(sourceFile.text, name));
      const declared = answers.get(name);
      if (declared) moduleStats.declaredByText++;
      return declared;
    },
  };
  programSources.set(program, source);
  return source;
}

/** The module source for a mode: the program's when there is one, else the disk. */
export function moduleSource(program: ts.Program | undefined): ModuleSource {
  return program ? programModules(program) : diskModules;
}

/** A declaration the module text shows, not loaded: see {@link findExportOrDeclaration}. */
export interface DeclaredExport {
  readonly file: string;
  readonly declared: TextDeclaration;
}

interface Search {
  readonly modules: ModuleSource;
  readonly seen: Set<string>;
  /** Stop at a declaration the text shows (a class or function) instead of loading its module. */
  readonly shallow: boolean;
}

function findExportIn(file: string, name: string, search: Search): ExportTarget | DeclaredExport | undefined {
  const { modules, seen } = search;
  const key = `${file}\0${name}`;
  if (seen.has(key) || seen.size > MAX_EXPORT_HOPS) return undefined;
  seen.add(key);
  if (modules.mayExport && !modules.mayExport(file, name)) return undefined;
  const declared = search.shallow ? modules.declaration?.(file, name) : undefined;
  if (declared) return { file, declared };
  const ast = modules.load(file);
  if (!ast) return undefined;
  const index = exportIndex(ast);
  const entry = index.named.get(name);
  if (entry) {
    switch (entry.kind) {
      case 'node':
        return { file, node: entry.node };
      case 'local':
        return localTarget(file, ast, entry.name, search);
      case 'from': {
        const target = resolveImport(file, entry.source);
        return target ? findExportIn(target, entry.imported, search) : undefined;
      }
      case 'namespace': {
        const target = resolveImport(file, entry.source);
        const targetAst = target ? modules.load(target) : undefined;
        return target && targetAst ? { file: target, node: targetAst } : undefined;
      }
    }
  }
  if (name === 'default') return undefined;
  for (const source of index.stars) {
    const target = resolveImport(file, source);
    const found = target ? findExportIn(target, name, search) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** A module-level name exported by `export { name }` / `export default name`: its declaration, or the import it re-exports. */
function localTarget(file: string, ast: TSESTree.Program, name: string, search: Search): ExportTarget | DeclaredExport | undefined {
  const { modules } = search;
  const binding = topLevelBinding(ast, name);
  if (!binding) return undefined;
  switch (binding.kind) {
    case 'function':
    case 'class':
      return { file, node: binding.node };
    case 'variable':
      return binding.node.id === binding.id ? { file, node: binding.node } : undefined;
    case 'import': {
      const target = resolveImport(file, binding.source);
      if (!target) return undefined;
      if (binding.imported === '*') {
        const targetAst = modules.load(target);
        return targetAst ? { file: target, node: targetAst } : undefined;
      }
      return findExportIn(target, binding.imported, search);
    }
    default:
      return undefined;
  }
}

/**
 * The declaration a module exports under `name` (`default` for the default export), following `export { a as b }`,
 * `export { x } from './y'`, `export * from './y'` (not for `default`), `export * as ns`, re-exported imports and
 * CommonJS `module.exports` / `exports.x`. Cycle-safe and bounded. undefined when not found or not followable.
 * `modules`: where modules come from (the disk by default; typed mode passes {@link programModules}); a bare loader
 * function loads every file it is asked for.
 */
export function findExport(file: string, name: string, modules: ModuleSource | ModuleLoader = diskModules): ExportTarget | undefined {
  try {
    const source = typeof modules === 'function' ? { load: modules } : modules;
    return findExportIn(path.resolve(file), name, { modules: source, seen: new Set(), shallow: false }) as ExportTarget | undefined;
  } catch {
    return undefined;
  }
}

/**
 * {@link findExport} for callers that only need to know what kind of value an export is: where the module text shows
 * that the export is a class or a function (`declarations.ts`), the answer is that, and the module is not loaded.
 */
export function findExportOrDeclaration(file: string, name: string, modules: ModuleSource = diskModules): ExportTarget | DeclaredExport | undefined {
  try {
    return findExportIn(path.resolve(file), name, { modules, seen: new Set(), shallow: true });
  } catch {
    return undefined;
  }
}
