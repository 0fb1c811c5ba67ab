/**
 * Matchers: the strings and objects of `settings.compliance` that name calls
 * (audit calls, wrappers, middleware, masking functions, sinks, factories) and decorators.
 *
 * Forms (SPEC.md):
 * - `name`            a call of that function, local or imported
 * - `a.b`             a member call whose receiver is named `a`
 * - `*`               a wildcard segment (`*.audit`, `*.auditService.log`)
 * - `this.x.y`        a call through `this`
 * - `{ import, name }` an import of module `import`, whatever its local name (named, default, namespace, require);
 *                     `name` may be `default`, or a dotted path whose first segment is the imported binding
 * - `{ type, method }` a method call whose receiver has type `type` (typed mode only)
 */
import { AST_NODE_TYPES, ASTUtils, ESLintUtils, type ParserServicesWithTypeInformation, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { SettingsError } from '../errors.js';
import { destructuredPath } from './ast/destructuring.js';
import { staticPropertyName } from './ast/keys.js';
import { unwrapExpression } from './ast/unwrap.js';

export type MatcherSpec = string | { readonly import: string; readonly name: string } | { readonly type: string; readonly method: string };

export type Matcher =
  | {
      readonly kind: 'path';
      /** Segments of the callee, e.g. `['*', 'auditService', 'log']`; `this` is kept as a segment. */
      readonly segments: readonly string[];
      readonly source: string;
    }
  | { readonly kind: 'import'; readonly module: string; readonly segments: readonly string[]; readonly source: string }
  | { readonly kind: 'type'; readonly type: string; readonly method: string; readonly source: string };

/** A decorator matcher: `Audit` (the decorator, called or not) or `UseInterceptors(AuditInterceptor)` (a call with that argument). */
export interface DecoratorMatcher {
  readonly name: string;
  readonly argument?: string;
  readonly source: string;
}

const IDENT = /^[A-Za-z_$][\w$]*$/u;
const EXPECTED_MATCHER = 'a string like "audit.log" or { import, name } or { type, method }';

function isPathString(value: string): boolean {
  const segments = value.split('.');
  return segments.every((segment, index) => segment === '*' || IDENT.test(segment) || (segment === 'this' && index === 0));
}

/** Compiles one matcher spec; throws a SettingsError naming `path` when it is malformed. */
export function compileMatcher(spec: unknown, path: string): Matcher {
  if (typeof spec === 'string') {
    if (spec.length === 0 || !isPathString(spec)) {
      throw new SettingsError(path, EXPECTED_MATCHER, spec, 'a matcher string is identifiers and * joined by dots');
    }
    return { kind: 'path', segments: spec.split('.'), source: spec };
  }
  if (typeof spec === 'object' && spec !== null && !Array.isArray(spec)) {
    const record = spec as Record<string, unknown>;
    const keys = Object.keys(record).sort().join(',');
    if (keys === 'import,name') {
      if (typeof record.import !== 'string' || record.import.length === 0) {
        throw new SettingsError(`${path}.import`, 'a module specifier string like "@acme/audit"', record.import);
      }
      if (typeof record.name !== 'string' || !isPathString(record.name) || record.name.startsWith('*') || record.name.startsWith('this')) {
        throw new SettingsError(`${path}.name`, 'an exported name like "record", "default" or "auditor.log"', record.name);
      }
      return { kind: 'import', module: record.import, segments: record.name.split('.'), source: `${record.import}#${record.name}` };
    }
    if (keys === 'method,type') {
      if (typeof record.type !== 'string' || !IDENT.test(record.type)) {
        throw new SettingsError(`${path}.type`, 'a type name like "AuditService"', record.type);
      }
      if (typeof record.method !== 'string' || !IDENT.test(record.method)) {
        throw new SettingsError(`${path}.method`, 'a method name like "log"', record.method);
      }
      return { kind: 'type', type: record.type, method: record.method, source: `${record.type}#${record.method}` };
    }
  }
  throw new SettingsError(path, EXPECTED_MATCHER, spec);
}

const DECORATOR = /^([A-Za-z_$][\w$]*)(?:\(\s*([A-Za-z_$][\w$]*)\s*\))?$/u;

/** Compiles a decorator matcher (`Audit`, `UseInterceptors(AuditInterceptor)`). */
export function compileDecoratorMatcher(spec: unknown, path: string): DecoratorMatcher {
  const match = typeof spec === 'string' ? DECORATOR.exec(spec.trim()) : null;
  if (!match?.[1]) {
    throw new SettingsError(path, 'a decorator like "Audit" or "UseInterceptors(AuditInterceptor)"', spec);
  }
  return match[2] ? { name: match[1], argument: match[2], source: spec as string } : { name: match[1], source: spec as string };
}

// ---------------------------------------------------------------------------------------------------------------------
// Matching ESTree nodes
// ---------------------------------------------------------------------------------------------------------------------

/**
 * The segment `calleePath` uses for a receiver that is not a name: a call result, `await x`, `new X()`, `a[i]`, a literal…
 * No matcher segment can equal it (matcher segments are identifiers), so only a `*` segment matches it.
 */
export const EXPRESSION_SEGMENT = '<expr>';

export { staticPropertyName, unwrapExpression };

export interface FlatPath {
  /** The unwrapped expression the static member chain starts from. */
  readonly root: TSESTree.Node;
  /** The property names after the root. */
  readonly properties: readonly string[];
}

/** `a.b['c']!.d` → root `a`, properties `[b, c, d]`; stops at the first member that has no static name. */
export function flattenMembers(node: TSESTree.Node): FlatPath {
  const properties: string[] = [];
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticPropertyName(current);
    if (name === undefined) break;
    properties.unshift(name);
    current = unwrapExpression(current.object);
  }
  return { root: current, properties };
}

function rootSegment(root: TSESTree.Node): string {
  if (root.type === AST_NODE_TYPES.Identifier) return root.name;
  if (root.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (root.type === AST_NODE_TYPES.Super) return 'super';
  return EXPRESSION_SEGMENT;
}

/**
 * The dotted path of a callee, e.g. `['this', 'auditService', 'log']` for `this.auditService.log`.
 *
 * - Members may be `a.b`, `a?.b`, `a['b']`, ``a[`b`]``, `this.#b`; `a!`, `a as X`, `<X>a`, `a satisfies X`, `f<T>` and
 *   parentheses are looked through.
 * - A receiver that is not a name (`a.b().c`, `(await k()).d`, `new X().y`, `a[i].z`) becomes ONE segment
 *   {@link EXPRESSION_SEGMENT}: `a.b().c` → `['<expr>', 'c']`. Only a `*` matcher segment matches it.
 * - undefined when the callee itself has no name: `(() => 0)()`, `fns[i]()`, `make()()`.
 */
export function calleePath(callee: TSESTree.Node): string[] | undefined {
  const { root, properties } = flattenMembers(callee);
  const first = rootSegment(root);
  if (properties.length === 0 && first === EXPRESSION_SEGMENT) return undefined;
  return [first, ...properties];
}

/** Whether matcher segments (with `*` wildcards) equal a path segment for segment (same length). */
export function pathMatches(pattern: readonly string[], path: readonly string[]): boolean {
  if (pattern.length !== path.length) return false;
  return pattern.every((segment, index) => segment === '*' || segment === path[index]);
}

/** The callee of a call / new expression, the expression of a decorator, or the node itself (already a callee). */
function calleeOf(node: TSESTree.Node): TSESTree.Node {
  if (node.type === AST_NODE_TYPES.Decorator) return calleeOf(unwrapExpression(node.expression));
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) return node.callee;
  return node;
}

// ---------------------------------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------------------------------

/** `APIKey` → API, Key; `userIDs` → user, IDs; `userID2` → user, ID, 2; other letters (CJK…) form their own words. */
const WORD = /\p{Lu}{2,}s(?![\p{Ll}\p{M}])|\p{Lu}?[\p{Ll}\p{M}]+|\p{Lu}+[\p{M}]*(?![\p{Ll}])|[\p{Lt}\p{Lo}\p{Lm}][\p{M}]*(?:[\p{Lo}\p{Lm}][\p{M}]*)*|\p{N}+/gu;

/**
 * Splits an identifier (or any text) into lower-case words: camelCase, PascalCase, snake_case, kebab-case, SCREAMING_CASE,
 * acronyms and digit runs. `userPasswordHash` → user, password, hash; `DB_PASSWORD` → db, password; `APIKey` → api, key;
 * `x-api-key` → x, api, key; `cardNumber2` → card, number, 2; `$__proto__` → proto.
 */
export function splitWords(name: string): string[] {
  return Array.from(name.matchAll(WORD), (match) => match[0].toLowerCase());
}

/** Whether `word` (lower case) is one of the words of `name` (`hasWord('sendAudit', 'audit')`, not `'auditorium'`). */
export function hasWord(name: string, word: string): boolean {
  return splitWords(name).includes(word);
}

// ---------------------------------------------------------------------------------------------------------------------
// The default audit-call heuristic
// ---------------------------------------------------------------------------------------------------------------------

/**
 * First words of a method name that read, build, test or erase rather than emit: `getAuditLogs()`,
 * `prisma.auditLog.findMany()`, `isAuditEnabled()`, `buildAuditEvent()`, `auditLog.destroy()` are not audit writes.
 */
const NON_EMITTING_VERBS = new Set([
  'get', 'find', 'list', 'fetch', 'read', 'load', 'query', 'search', 'count', 'select', 'aggregate', 'group',
  'is', 'has', 'can', 'should', 'use', 'build', 'make', 'format', 'parse', 'validate', 'serialize', 'to', 'map',
  'export', 'download', 'delete', 'remove', 'destroy', 'clear', 'purge', 'truncate', 'drop', 'erase', 'wipe', 'prune',
  'update', 'upsert', 'restore', 'disable', 'stop',
]);

/**
 * The default audit-call recognizer, used when `audit.calls` is not configured: the called name (last segment) or a
 * receiver segment contains `audit` as a whole word part (see {@link splitWords}), and the called name does not start
 * with a read/build/test/erase verb ({@link NON_EMITTING_VERBS}).
 *
 * Matches `audit()`, `auditLog()`, `sendAudit()`, `insertAuditLogs()`, `req.audit()`, `ctx.auditLog()`,
 * `this.auditService.log()`, `AuditLog.create()`, `AUDIT.push()`. Does not match `audited()`, `auditorium.book()`,
 * `logger.info('user audited')` (arguments are not looked at), `createEvent({ type: 'audit' })`, `getAuditLogs()`,
 * `prisma.auditLog.deleteMany()`, `new AuditEvent()` (constructing is not emitting). Accepts the callee, or a call.
 */
export function isDefaultAuditCall(callee: TSESTree.Node): boolean {
  if (callee.type === AST_NODE_TYPES.NewExpression) return false;
  const path = calleePath(calleeOf(callee));
  if (!path) return false;
  const method = path[path.length - 1] ?? '';
  const methodWords = splitWords(method);
  if (methodWords.length === 0 || NON_EMITTING_VERBS.has(methodWords[0] ?? '')) return false;
  if (methodWords.includes('audit')) return true;
  return path.slice(0, -1).some((segment) => segment !== EXPRESSION_SEGMENT && hasWord(segment, 'audit'));
}

// ---------------------------------------------------------------------------------------------------------------------
// Call matchers
// ---------------------------------------------------------------------------------------------------------------------

const { DefinitionType } = TSESLint.Scope;

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type PathMatcher = Extract<Matcher, { kind: 'path' }>;
type ImportMatcher = Extract<Matcher, { kind: 'import' }>;
type TypeMatcher = Extract<Matcher, { kind: 'type' }>;

/** Recognizes the calls a matcher list names. Build one per file (`create`); results are cached per node. */
export interface CallMatcher {
  /**
   * The first matcher (in list order) that names this call, or undefined.
   * Accepts a `CallExpression` / `NewExpression`, a `Decorator`, or a callee node. Pass the call, not its callee, when
   * the callee is itself a call (`make()(x)`): a call node is always read as the call.
   */
  matches(node: TSESTree.Node): Matcher | undefined;
}

interface CompiledMatchers {
  /** Path matchers by last segment; `*` for those ending in a wildcard. */
  readonly pathByLast: ReadonlyMap<string, readonly PathMatcher[]>;
  readonly imports: readonly ImportMatcher[];
  /** Type matchers by method name. */
  readonly typesByMethod: ReadonlyMap<string, readonly TypeMatcher[]>;
  /** Position of each matcher in the list, to return the first match. */
  readonly order: ReadonlyMap<Matcher, number>;
}

const compiledCache = new WeakMap<readonly Matcher[], CompiledMatchers>();

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compileList(matchers: readonly Matcher[]): CompiledMatchers {
  const cached = compiledCache.get(matchers);
  if (cached) return cached;
  const pathByLast = new Map<string, PathMatcher[]>();
  const imports: ImportMatcher[] = [];
  const typesByMethod = new Map<string, TypeMatcher[]>();
  const order = new Map<Matcher, number>();
  matchers.forEach((matcher, index) => {
    if (!order.has(matcher)) order.set(matcher, index);
    if (matcher.kind === 'path') pushTo(pathByLast, matcher.segments[matcher.segments.length - 1] ?? '*', matcher);
    else if (matcher.kind === 'import') imports.push(matcher);
    else pushTo(typesByMethod, matcher.method, matcher);
  });
  const compiled: CompiledMatchers = { pathByLast, imports, typesByMethod, order };
  compiledCache.set(matchers, compiled);
  return compiled;
}

/** Where a local binding comes from: module `module`, export path `exports` (`[]` = the module object itself). */
interface ImportOrigin {
  readonly module: string;
  readonly exports: readonly string[];
  /** From `require`/`import =`/`import()`: calling the module object itself means calling its default export. */
  readonly commonjs: boolean;
}

const MAX_ALIAS_DEPTH = 4;

function stringValue(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0 && node.quasis.length === 1) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** Builds the import matcher part: scope-based resolution of local names to the import / require they come from. */
function createImportResolver(context: Context): (callee: TSESTree.Node) => { origin: ImportOrigin; path: string[] } | undefined {
  const { sourceCode } = context;
  const variableOrigins = new Map<TSESLint.Scope.Variable, ImportOrigin | null>();

  /** `require` is the global one, or `const require = createRequire(import.meta.url)` (also `module.createRequire`). */
  function isRequire(identifier: TSESTree.Identifier): boolean {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    if (!variable || variable.defs.length === 0) return true;
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || def?.type !== DefinitionType.Variable || def.node.id !== def.name || !def.node.init) return false;
    const init = unwrapExpression(def.node.init);
    if (init.type !== AST_NODE_TYPES.CallExpression) return false;
    const path = calleePath(init.callee);
    return path?.[path.length - 1] === 'createRequire';
  }

  /** `require('m')`, `import('m')`, `await import('m')` → the module specifier. */
  function moduleOfExpression(node: TSESTree.Node): { module: string; commonjs: boolean } | undefined {
    const expression = unwrapExpression(node);
    if (expression.type === AST_NODE_TYPES.AwaitExpression) return moduleOfExpression(expression.argument);
    if (expression.type === AST_NODE_TYPES.ImportExpression) {
      const module = stringValue(expression.source);
      return module === undefined ? undefined : { module, commonjs: true };
    }
    if (
      expression.type === AST_NODE_TYPES.CallExpression &&
      expression.callee.type === AST_NODE_TYPES.Identifier &&
      expression.callee.name === 'require' &&
      expression.arguments.length === 1 &&
      isRequire(expression.callee)
    ) {
      const module = stringValue(expression.arguments[0]);
      return module === undefined ? undefined : { module, commonjs: true };
    }
    return undefined;
  }

  /** Where an expression's value comes from: `require('m').a.b`, an imported name, a const alias of one. */
  function originOfExpression(node: TSESTree.Node, depth: number): ImportOrigin | undefined {
    const { root, properties } = flattenMembers(node);
    const direct = moduleOfExpression(root);
    if (direct) return { module: direct.module, exports: properties, commonjs: direct.commonjs };
    if (root.type !== AST_NODE_TYPES.Identifier || depth > MAX_ALIAS_DEPTH) return undefined;
    const base = originOfIdentifier(root, depth + 1);
    return base ? { ...base, exports: [...base.exports, ...properties] } : undefined;
  }

  function originOfVariable(variable: TSESLint.Scope.Variable, depth: number): ImportOrigin | undefined {
    if (variable.defs.length !== 1) return undefined;
    const def = variable.defs[0];
    if (!def) return undefined;
    if (def.type === DefinitionType.ImportBinding) {
      const node = def.node;
      if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
        const reference = node.moduleReference;
        if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return undefined;
        const module = stringValue(reference.expression);
        return module === undefined ? undefined : { module, exports: [], commonjs: true };
      }
      const declaration = node.parent;
      if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
      const module = declaration.source.value;
      if (node.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { module, exports: [], commonjs: false };
      if (node.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { module, exports: ['default'], commonjs: false };
      if (node.type === AST_NODE_TYPES.ImportSpecifier) {
        const imported = node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : node.imported.value;
        return { module, exports: [imported], commonjs: false };
      }
      return undefined;
    }
    if (def.type === DefinitionType.Variable) {
      const declarator = def.node;
      if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) return undefined;
      // Reassigned bindings (`let a = require('x'); a = other`) are not followed.
      if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
      const path = destructuredPath(def.name, declarator.id);
      if (!path) return undefined;
      const base = originOfExpression(declarator.init, depth);
      return base ? { ...base, exports: [...base.exports, ...path] } : undefined;
    }
    return undefined;
  }

  function originOfIdentifier(identifier: TSESTree.Identifier, depth: number): ImportOrigin | undefined {
    let variable: TSESLint.Scope.Variable | null;
    try {
      variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    } catch {
      return undefined;
    }
    if (!variable) return undefined;
    if (variableOrigins.has(variable)) return variableOrigins.get(variable) ?? undefined;
    variableOrigins.set(variable, null); // cycles
    const origin = originOfVariable(variable, depth);
    variableOrigins.set(variable, origin ?? null);
    return origin;
  }

  return (callee) => {
    const { root, properties } = flattenMembers(callee);
    const direct = moduleOfExpression(root);
    let origin: ImportOrigin | undefined;
    if (direct) origin = { module: direct.module, exports: [], commonjs: direct.commonjs };
    else if (root.type === AST_NODE_TYPES.Identifier) origin = originOfIdentifier(root, 0);
    if (!origin) return undefined;
    return { origin, path: [...origin.exports, ...properties] };
  };
}

/** Candidate export paths of a call through an import: itself; `default` for the CJS module object; `default.x` → `x`. */
function importCandidates(origin: ImportOrigin, path: readonly string[]): string[][] {
  if (path.length === 0) return origin.commonjs ? [['default']] : [];
  if (path[0] === 'default' && path.length > 1) return [[...path], path.slice(1)];
  return [[...path]];
}

/** The part of the type-matcher machinery that needs the checker. */
export interface TypeSupport {
  readonly services: ParserServicesWithTypeInformation;
  readonly checker: ts.TypeChecker;
}

/** The checker, when the file was parsed with type information; undefined otherwise (and for espree). */
export function typeSupport(context: Context): TypeSupport | undefined {
  // `getParserServices` throws for parsers other than @typescript-eslint/parser (espree): look before calling it.
  if (!context.sourceCode.parserServices?.program) return undefined;
  try {
    const services = ESLintUtils.getParserServices(context, true);
    if (!services.program) return undefined;
    return { services, checker: services.program.getTypeChecker() };
  } catch {
    return undefined;
  }
}

const MAX_TYPE_DEPTH = 8;

/** Names a type goes by: its symbol, alias, apparent type's symbol, and those of base classes / implemented or extended interfaces. */
function typeNames(checker: ts.TypeChecker, type: ts.Type, names: Set<string>, seen: Set<ts.Type>, depth: number): void {
  if (seen.has(type) || depth > MAX_TYPE_DEPTH) return;
  seen.add(type);
  if (type.aliasSymbol) names.add(type.aliasSymbol.name);
  if (type.isIntersection()) {
    for (const part of type.types) typeNames(checker, part, names, seen, depth + 1);
    return;
  }
  const apparent = checker.getApparentType(type);
  for (const candidate of apparent === type ? [type] : [type, apparent]) {
    const symbol = candidate.getSymbol();
    if (!symbol) continue;
    names.add(symbol.name);
    if (candidate.isClassOrInterface()) {
      for (const base of checker.getBaseTypes(candidate)) typeNames(checker, base, names, seen, depth + 1);
    }
    // `implements` clauses (not base types) and generic instantiations: read the declarations' heritage clauses.
    for (const declaration of symbol.declarations ?? []) {
      const clauses = (declaration as Partial<ts.ClassLikeDeclaration | ts.InterfaceDeclaration>).heritageClauses;
      for (const clause of clauses ?? []) {
        for (const heritage of clause.types) typeNames(checker, checker.getTypeAtLocation(heritage), names, seen, depth + 1);
      }
    }
  }
}

/** Whether a receiver type is named `name` — for a union, every constituent but `null`/`undefined`. */
function receiverTypeIs(checker: ts.TypeChecker, type: ts.Type, name: string): boolean {
  const nonNullable = checker.getNonNullableType(type);
  const parts = nonNullable.isUnion() ? nonNullable.types : [nonNullable];
  if (parts.length === 0) return false;
  return parts.every((part) => {
    const names = new Set<string>();
    typeNames(checker, part, names, new Set(), 0);
    return names.has(name);
  });
}

/**
 * Recognizes the calls named by `matchers` (see the module comment for the forms):
 *
 * - `path`: the callee path ({@link calleePath}) equals the segments, `*` matching any one segment (`this`, and a
 *   non-name receiver included). Purely syntactic: `sendAudit` is the identifier as called, whatever it is bound to.
 * - `import`: the callee's root identifier is resolved through scope analysis to the import / `require` / `import()` /
 *   `import x = require()` that declares it (destructuring and const aliases followed); the export path plus the
 *   callee's members must equal `name`. `name: 'default'` also matches calling a `require`d module object; a call
 *   through the default export (`lib.record()` for `import lib from`) also matches `name: 'record'` (CJS interop).
 *   A shadowing local binding of the same name does not match.
 * - `type` (typed mode only; never matches without type information): a member call whose property is `method` and
 *   whose receiver's type — or, for a union, every non-nullish constituent — is named `type` by its symbol, alias,
 *   apparent type, a base class or an implemented/extended interface. Checker errors count as no match.
 */
export function createCallMatcher(matchers: readonly Matcher[], context: Context): CallMatcher {
  const compiled = compileList(matchers);
  const results = new WeakMap<TSESTree.Node, Matcher | null>();
  let resolveImport: ReturnType<typeof createImportResolver> | undefined;
  let types: TypeSupport | null | undefined;

  function better(current: Matcher | undefined, candidate: Matcher): Matcher {
    if (!current) return candidate;
    return (compiled.order.get(candidate) ?? 0) < (compiled.order.get(current) ?? 0) ? candidate : current;
  }

  function compute(callee: TSESTree.Node): Matcher | undefined {
    const path = calleePath(callee);
    if (!path) return undefined;
    const last = path[path.length - 1] ?? '';
    let found: Matcher | undefined;

    for (const key of last === '*' ? ['*'] : [last, '*']) {
      for (const matcher of compiled.pathByLast.get(key) ?? []) {
        if (pathMatches(matcher.segments, path)) found = better(found, matcher);
      }
    }

    if (compiled.imports.length > 0) {
      resolveImport ??= createImportResolver(context);
      let resolved: ReturnType<typeof resolveImport>;
      try {
        resolved = resolveImport(callee);
      } catch {
        resolved = undefined;
      }
      if (resolved) {
        const candidates = importCandidates(resolved.origin, resolved.path);
        for (const matcher of compiled.imports) {
          if (matcher.module === resolved.origin.module && candidates.some((candidate) => pathMatches(matcher.segments, candidate))) {
            found = better(found, matcher);
          }
        }
      }
    }

    const typeMatchers = compiled.typesByMethod.get(last);
    if (typeMatchers && path.length > 1) {
      if (types === undefined) types = typeSupport(context) ?? null;
      const member = unwrapExpression(callee);
      if (types && member.type === AST_NODE_TYPES.MemberExpression) {
        try {
          const receiver = types.services.getTypeAtLocation(member.object);
          for (const matcher of typeMatchers) {
            if (receiverTypeIs(types.checker, receiver, matcher.type)) found = better(found, matcher);
          }
        } catch {
          // odd code the checker cannot type: no match
        }
      }
    }
    return found;
  }

  return {
    matches(node) {
      const callee = calleeOf(node);
      const cached = results.get(callee);
      if (cached !== undefined) return cached ?? undefined;
      const result = compute(callee);
      results.set(callee, result ?? null);
      return result;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Decorator matchers
// ---------------------------------------------------------------------------------------------------------------------

/** Recognizes decorators named by `audit.decorators`. */
export interface DecoratorMatcherSet {
  /** The first matcher (in list order) that names this decorator, or undefined. */
  matches(decorator: TSESTree.Decorator): DecoratorMatcher | undefined;
}

const decoratorCache = new WeakMap<readonly DecoratorMatcher[], ReadonlyMap<string, readonly DecoratorMatcher[]>>();

/** The name an argument of a decorator call goes by: `AuditInterceptor`, `interceptors.Audit` → `Audit`, `new AuditInterceptor()`. */
function argumentName(argument: TSESTree.Node): string | undefined {
  const expression = unwrapExpression(argument);
  if (expression.type === AST_NODE_TYPES.NewExpression) return argumentName(expression.callee);
  const path = calleePath(expression);
  const last = path?.[path.length - 1];
  return last === EXPRESSION_SEGMENT ? undefined : last;
}

/**
 * Recognizes decorators: `Audit` matches `@Audit` and `@Audit(...)`; `UseInterceptors(AuditInterceptor)` matches a
 * `@UseInterceptors(...)` call with an argument `AuditInterceptor` (any position), `ns.AuditInterceptor` or
 * `new AuditInterceptor(...)`. The decorator is named by the last segment of its path (`@nest.Audit()` is `Audit`).
 */
export function createDecoratorMatcher(matchers: readonly DecoratorMatcher[]): DecoratorMatcherSet {
  let byName = decoratorCache.get(matchers);
  if (!byName) {
    const map = new Map<string, DecoratorMatcher[]>();
    for (const matcher of matchers) pushTo(map, matcher.name, matcher);
    byName = map;
    decoratorCache.set(matchers, byName);
  }
  const index = byName;
  return {
    matches(decorator) {
      const expression = unwrapExpression(decorator.expression);
      const call = expression.type === AST_NODE_TYPES.CallExpression ? expression : undefined;
      const path = calleePath(call ? call.callee : expression);
      const name = path?.[path.length - 1];
      if (!name || name === EXPRESSION_SEGMENT) return undefined;
      for (const matcher of index.get(name) ?? []) {
        if (matcher.argument === undefined) return matcher;
        if (call?.arguments.some((argument) => argumentName(argument) === matcher.argument)) return matcher;
      }
      return undefined;
    },
  };
}
