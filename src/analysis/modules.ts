/**
 * Following imports without type information, the way import-x's export map does: resolve a specifier to a file
 * (relative paths with TypeScript's extension habits, tsconfig `paths` / `baseUrl`), parse that file once per version
 * (path + mtime + size), and find what it exports under a name (declarations, `export { a as b }`, re-exports,
 * `export *`, CommonJS `module.exports`). Package specifiers are never followed: package code is not the app's.
 *
 * Also: the light lexical binding lookup used on modules parsed here (they have no scope manager), and "module views" —
 * an ESTree Program with its file name and, for views made from a TypeScript program, the ESTree ↔ TS node maps.
 *
 * Nothing here throws: unreadable files, bad JSON, parse errors all come back as `undefined`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type * as Estree from '@typescript-eslint/typescript-estree';
import type * as ts from 'typescript';

// ---------------------------------------------------------------------------------------------------------------------
// Module views
// ---------------------------------------------------------------------------------------------------------------------

/** ESTree ↔ TS node maps of a view made from a TypeScript program (the linted file's parser services, or a conversion). */
export interface ViewServices {
  readonly program: ts.Program;
  readonly esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): ts.Node | undefined };
  readonly tsNodeToESTreeNodeMap: { get(node: ts.Node): TSESTree.Node | undefined };
}

/** One parsed module: its file, its ESTree, and where it came from. */
export interface ModuleView {
  readonly file: string;
  readonly ast: TSESTree.Program;
  /** Present when the view was made from a TypeScript program (typed mode). */
  readonly services?: ViewServices;
  /** `mtime:size` of the file the view was parsed from; undefined for in-memory views (the linted text, a program's text). */
  readonly stamp?: string;
}

const views = new WeakMap<TSESTree.Program, ModuleView>();

/** Makes `viewOf` find this view for every node of `view.ast`. */
export function registerView(view: ModuleView): ModuleView {
  views.set(view.ast, view);
  return view;
}

/** The root Program of a node (following `parent`). */
export function rootOf(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}

/** The registered view a node belongs to. */
export function viewOf(node: TSESTree.Node): ModuleView | undefined {
  const root = rootOf(node);
  return root.type === AST_NODE_TYPES.Program ? views.get(root) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------------
// Lazily loaded parser (typescript-estree requires `typescript`, an optional peer: never load it at plugin start)
// ---------------------------------------------------------------------------------------------------------------------

const require = createRequire(import.meta.url);
let estree: typeof Estree | null | undefined;

function loadEstree(): typeof Estree | undefined {
  if (estree === undefined) {
    try {
      estree = require('@typescript-eslint/typescript-estree') as typeof Estree;
    } catch {
      estree = null;
    }
  }
  return estree ?? undefined;
}

/** Sets `parent` on every node (typescript-estree leaves it to ESLint). */
function setParents(ast: TSESTree.Program, parser: typeof Estree): void {
  parser.simpleTraverse(ast, { enter() {} }, true);
}

// ---------------------------------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------------------------------

/** Files bigger than this (bundles, generated code) are not parsed. */
const MAX_FILE_SIZE = 2_000_000;

function statFile(file: string): fs.Stats | undefined {
  try {
    const stats = fs.statSync(file, { throwIfNoEntry: false });
    return stats?.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

function isFile(file: string): boolean {
  return statFile(file) !== undefined;
}

/** `mtime:size` of a file, the version key of every cache here; undefined when it is not a readable file. */
export function fileStamp(file: string): string | undefined {
  const stats = statFile(file);
  return stats ? `${stats.mtimeMs}:${stats.size}` : undefined;
}

const JSX_EXTENSIONS = new Set(['.tsx', '.jsx', '.js', '.mjs', '.cjs']);

interface ParsedEntry {
  readonly stamp: string;
  readonly view: ModuleView | undefined;
}

const parsed = new Map<string, ParsedEntry>();

/** Counts real parses (not cache hits), for tests. */
export const moduleStats = { parsed: 0 };

/**
 * The module view of a file on disk, parsed with typescript-estree (ranges, locations, parents; JSX by extension),
 * cached by path + mtime + size. undefined when the file cannot be read or parsed, or is too big.
 */
export function loadModuleView(file: string): ModuleView | undefined {
  const absolute = path.resolve(file);
  const stats = statFile(absolute);
  if (!stats || stats.size > MAX_FILE_SIZE) return undefined;
  const stamp = `${stats.mtimeMs}:${stats.size}`;
  const cached = parsed.get(absolute);
  if (cached?.stamp === stamp) return cached.view;
  const parser = loadEstree();
  let view: ModuleView | undefined;
  if (parser) {
    try {
      const code = fs.readFileSync(absolute, 'utf8');
      const ast: TSESTree.Program = parser.parse(code, {
        range: true,
        loc: true,
        comment: false,
        tokens: false,
        jsx: JSX_EXTENSIONS.has(path.extname(absolute)),
        filePath: absolute,
        jsDocParsingMode: 'none',
        suppressDeprecatedPropertyWarnings: true,
      });
      setParents(ast, parser);
      moduleStats.parsed++;
      view = registerView({ file: absolute, ast, stamp });
    } catch {
      view = undefined;
    }
  }
  parsed.set(absolute, { stamp, view });
  return view;
}

/** The ESTree Program of a file on disk (see {@link loadModuleView}); undefined on read or parse failure. Never throws. */
export function parseModule(file: string): TSESTree.Program | undefined {
  return loadModuleView(file)?.ast;
}

const programViews = new WeakMap<ts.SourceFile, ModuleView | null>();

/**
 * The view of a file of a TypeScript program: its SourceFile converted to ESTree with node maps (no re-parse, so
 * positions and nodes agree with the checker). Cached per SourceFile (so per program version).
 */
export function programModuleView(program: ts.Program, sourceFile: ts.SourceFile): ModuleView | undefined {
  const cached = programViews.get(sourceFile);
  if (cached !== undefined) return cached ?? undefined;
  const parser = loadEstree();
  let view: ModuleView | undefined;
  if (parser) {
    try {
      const result = parser.parseAndGenerateServices(sourceFile.text, {
        programs: [program],
        filePath: sourceFile.fileName,
        range: true,
        loc: true,
        comment: false,
        tokens: false,
        preserveNodeMaps: true,
        suppressDeprecatedPropertyWarnings: true,
      });
      const ast = result.ast;
      setParents(ast, parser);
      const services = result.services as Partial<ViewServices>;
      if (services.program && services.esTreeNodeToTSNodeMap && services.tsNodeToESTreeNodeMap) {
        view = registerView({ file: path.resolve(sourceFile.fileName), ast, services: services as ViewServices });
      }
    } catch {
      view = undefined;
    }
  }
  programViews.set(sourceFile, view ?? null);
  return view;
}

// ---------------------------------------------------------------------------------------------------------------------
// tsconfig.json: nearest one up from a directory, `extends` of relative files (and simple package paths)
// ---------------------------------------------------------------------------------------------------------------------

interface PathsConfig {
  /** Absolute `baseUrl`, when set. */
  readonly baseUrl?: string;
  readonly paths?: Readonly<Record<string, readonly string[]>>;
  /** What `paths` targets are relative to: `baseUrl`, else the directory of the config that declares `paths`. */
  readonly pathsBase?: string;
}

/** Strips comments and trailing commas from JSONC (strings kept intact). */
export function stripJsonComments(text: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    const next = text[index + 1];
    if (char === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(index, end + 1);
      index = end + 1;
    } else if (char === '/' && next === '/') {
      while (index < text.length && text[index] !== '\n') index++;
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end < 0 ? text.length : end + 2;
    } else {
      out += char;
      index++;
    }
  }
  return out.replace(/,(\s*[}\]])/gu, '$1');
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(stripJsonComments(fs.readFileSync(file, 'utf8')));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Where an `extends` entry points: a relative/absolute file (`.json` optional) or `pkg/path` in a node_modules up the tree. */
function resolveExtends(fromDir: string, spec: string): string | undefined {
  const candidates = (base: string): string[] => (base.endsWith('.json') ? [base] : [base, `${base}.json`, path.join(base, 'tsconfig.json')]);
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    return candidates(path.resolve(fromDir, spec)).find(isFile);
  }
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const found = candidates(path.join(dir, 'node_modules', spec)).find(isFile);
    if (found) return found;
    if (path.dirname(dir) === dir) return undefined;
  }
}

const MAX_EXTENDS = 10;

function readPathsConfig(file: string, seen: Set<string>): PathsConfig {
  if (seen.has(file) || seen.size > MAX_EXTENDS) return {};
  seen.add(file);
  const json = readJson(file);
  if (!json) return {};
  const dir = path.dirname(file);
  let result: PathsConfig = {};
  const extendsValue = json.extends;
  const bases = typeof extendsValue === 'string' ? [extendsValue] : Array.isArray(extendsValue) ? extendsValue : [];
  for (const base of bases) {
    if (typeof base !== 'string') continue;
    const baseFile = resolveExtends(dir, base);
    if (baseFile) result = { ...result, ...definedOnly(readPathsConfig(baseFile, seen)) };
  }
  const options = json.compilerOptions;
  if (typeof options === 'object' && options !== null) {
    const { baseUrl, paths } = options as Record<string, unknown>;
    if (typeof baseUrl === 'string') result = { ...result, baseUrl: path.resolve(dir, baseUrl) };
    if (typeof paths === 'object' && paths !== null && !Array.isArray(paths)) {
      const clean: Record<string, string[]> = {};
      for (const [key, targets] of Object.entries(paths as Record<string, unknown>)) {
        if (Array.isArray(targets)) clean[key] = targets.filter((target): target is string => typeof target === 'string');
      }
      result = { ...result, paths: clean, pathsBase: dir };
    }
  }
  return result;
}

function definedOnly(config: PathsConfig): PathsConfig {
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined));
}

/** Directory → nearest tsconfig.json (or null). */
const configByDir = new Map<string, string | null>();
/** tsconfig.json → its resolved paths config, with the stamp it was read at. */
const configCache = new Map<string, { stamp: string; config: PathsConfig }>();

function nearestTsconfig(dir: string): string | undefined {
  const visited: string[] = [];
  let found: string | null = null;
  for (let current = dir; ; current = path.dirname(current)) {
    const cached = configByDir.get(current);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(current);
    const candidate = path.join(current, 'tsconfig.json');
    if (isFile(candidate)) {
      found = candidate;
      break;
    }
    if (path.dirname(current) === current) break;
  }
  for (const visitedDir of visited) configByDir.set(visitedDir, found);
  return found ?? undefined;
}

function pathsConfigFor(dir: string): PathsConfig | undefined {
  const file = nearestTsconfig(dir);
  if (!file) return undefined;
  const stamp = fileStamp(file);
  if (stamp === undefined) return undefined;
  const cached = configCache.get(file);
  if (cached?.stamp === stamp) return cached.config;
  const config = readPathsConfig(file, new Set());
  configCache.set(file, { stamp, config });
  return config;
}

// ---------------------------------------------------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------------------------------------------------

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** NodeNext habit: the import names the emitted file (`./x.js`), the source is `./x.ts`. */
const EMITTED_TO_SOURCE: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

function isDeclarationFile(file: string): boolean {
  return /\.d\.[cm]?ts$/u.test(file);
}

/** A file for a path without knowing its extension: `x.ts` for `x.js`, `x` + extension, `x/index` + extension. */
function resolveAsFile(base: string): string | undefined {
  const extension = path.extname(base);
  const found = ((): string | undefined => {
    for (const source of EMITTED_TO_SOURCE[extension] ?? []) {
      const candidate = base.slice(0, -extension.length) + source;
      if (isFile(candidate)) return candidate;
    }
    if (SOURCE_EXTENSIONS.includes(extension) && isFile(base)) return base;
    for (const candidate of SOURCE_EXTENSIONS) if (isFile(base + candidate)) return base + candidate;
    for (const candidate of SOURCE_EXTENSIONS) {
      const index = path.join(base, `index${candidate}`);
      if (isFile(index)) return index;
    }
    return undefined;
  })();
  return found && !isDeclarationFile(found) && !/[\\/]node_modules[\\/]/u.test(found) ? found : undefined;
}

/** `paths` patterns that match a specifier, best first (exact, then longest prefix), with the `*` part substituted. */
function pathsCandidates(config: PathsConfig, specifier: string): string[] {
  const { paths, pathsBase } = config;
  if (!paths || !pathsBase) return [];
  const base = config.baseUrl ?? pathsBase;
  const exact = paths[specifier];
  if (exact) return exact.map((target) => path.resolve(base, target));
  let best: { prefix: string; star: string; targets: readonly string[] } | undefined;
  for (const [pattern, targets] of Object.entries(paths)) {
    const star = pattern.indexOf('*');
    if (star < 0 || pattern.indexOf('*', star + 1) >= 0) continue;
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) continue;
    if (best && best.prefix.length >= prefix.length) continue;
    best = { prefix, star: specifier.slice(prefix.length, specifier.length - suffix.length), targets };
  }
  return best ? best.targets.map((target) => path.resolve(base, target.replace('*', best.star))) : [];
}

/**
 * The source file a specifier names, from `fromFile`: relative and absolute paths (with `.ts/.tsx/.mts/.cts/.js/.jsx/
 * .mjs/.cjs`, `/index.*`, and `./x.js` meaning `./x.ts`), then the nearest tsconfig.json's `paths` and `baseUrl`.
 * undefined for packages (`express`, `@acme/audit`), declaration files, and anything not found.
 */
export function resolveImport(fromFile: string, specifier: string): string | undefined {
  try {
    const dir = path.dirname(path.resolve(fromFile));
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..' || path.isAbsolute(specifier)) {
      return resolveAsFile(path.resolve(dir, specifier));
    }
    if (specifier.startsWith('node:') || specifier.length === 0) return undefined;
    const config = pathsConfigFor(dir);
    if (!config) return undefined;
    for (const candidate of pathsCandidates(config, specifier)) {
      const found = resolveAsFile(candidate);
      if (found) return found;
    }
    return config.baseUrl ? resolveAsFile(path.resolve(config.baseUrl, specifier)) : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Bindings without a scope manager
// ---------------------------------------------------------------------------------------------------------------------

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

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
  const imported =
    specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
      ? 'default'
      : specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier
        ? '*'
        : specifier.imported.type === AST_NODE_TYPES.Identifier
          ? specifier.imported.name
          : specifier.imported.value;
  return { kind: 'import', node: specifier, source: declaration.source.value, imported };
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

function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
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

export { isFunctionNode };

// ---------------------------------------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------------------------------------

/**
 * What an export resolves to: `node` is a FunctionDeclaration, ClassDeclaration, VariableDeclarator, an expression
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

/** Loads a module's Program for `findExport` (disk by default; typed mode passes the program's views). */
export type ModuleLoader = (file: string) => TSESTree.Program | undefined;

function findExportIn(file: string, name: string, load: ModuleLoader, seen: Set<string>): ExportTarget | undefined {
  const key = `${file}\0${name}`;
  if (seen.has(key) || seen.size > MAX_EXPORT_HOPS) return undefined;
  seen.add(key);
  const ast = load(file);
  if (!ast) return undefined;
  const index = exportIndex(ast);
  const entry = index.named.get(name);
  if (entry) {
    switch (entry.kind) {
      case 'node':
        return { file, node: entry.node };
      case 'local':
        return localTarget(file, ast, entry.name, load, seen);
      case 'from': {
        const target = resolveImport(file, entry.source);
        return target ? findExportIn(target, entry.imported, load, seen) : undefined;
      }
      case 'namespace': {
        const target = resolveImport(file, entry.source);
        const targetAst = target ? load(target) : undefined;
        return target && targetAst ? { file: target, node: targetAst } : undefined;
      }
    }
  }
  if (name === 'default') return undefined;
  for (const source of index.stars) {
    const target = resolveImport(file, source);
    const found = target ? findExportIn(target, name, load, seen) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** A module-level name exported by `export { name }` / `export default name`: its declaration, or the import it re-exports. */
function localTarget(file: string, ast: TSESTree.Program, name: string, load: ModuleLoader, seen: Set<string>): ExportTarget | undefined {
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
        const targetAst = load(target);
        return targetAst ? { file: target, node: targetAst } : undefined;
      }
      return findExportIn(target, binding.imported, load, seen);
    }
    default:
      return undefined;
  }
}

/**
 * The declaration a module exports under `name` (`default` for the default export), following `export { a as b }`,
 * `export { x } from './y'`, `export * from './y'` (not for `default`), `export * as ns`, re-exported imports and
 * CommonJS `module.exports` / `exports.x`. Cycle-safe and bounded. undefined when not found or not followable.
 */
export function findExport(file: string, name: string, load: ModuleLoader = parseModule): ExportTarget | undefined {
  try {
    return findExportIn(path.resolve(file), name, load, new Set());
  } catch {
    return undefined;
  }
}
