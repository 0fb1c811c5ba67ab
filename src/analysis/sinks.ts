/**
 * Log sinks: the calls whose arguments are written to a log or an audit trail, for `no-sensitive-data-in-logs`.
 *
 * A call is a sink, in this order of precedence:
 * 1. `audit` — an audit call (`audit.calls`, or the default heuristic), the call itself only (no reach);
 * 2. `configured` — a call named by `logging.sinks` (same matcher forms as every other list);
 * 3. a library logger's log method — the receiver is known by, first, its creation (syntax + scope analysis, imports of
 *    relative modules followed to the files they name), then, in typed mode, its type (the type's declaration must sit
 *    in the library's package: `pino.Logger`, winston `Logger`, NestJS `Logger`/`LoggerService`, `FastifyBaseLogger`,
 *    bunyan, log4js, loglevel, npmlog, consola, signale, `Console` from lib/@types/node), and last by a conventional
 *    name (`logger`, `log`, `*Logger`, `this.logger`, `req.log` …: kind `logger`);
 * 4. a callable sink: a `debug('ns')` instance (also `.extend()`), or a bound log method (`console.log.bind(console)`).
 *
 * A receiver whose creation or type is known and is not a logger (an array, a string, `pino.destination()`, a winston
 * transport, `Math`) is never a sink, whatever its name; the method must be a log method of the library (`logger.child()`,
 * `logger.flush()`, `logger.add()`, `console.time()` are not). `console.assert(cond, …data)` logs its data: its sink
 * arguments are those after the condition; `console.timeLog(label, …data)`, `group(label)`, `table`, `dir` log theirs;
 * `console.time/timeEnd/count/countReset` print only a label and are not sinks.
 *
 * Pino redaction: the `redact` option of the logger's creation (`pino({ redact })`, `.child(b, { redact })`,
 * `Fastify({ logger: { redact } | loggerInstance })`, `pinoHttp({ redact } | { logger })`) in this file or a file it
 * imports, and in typed mode from the declaration the checker resolves (`export const logger = pino({...})` anywhere in
 * the program, class fields in other files). Fastify `request.log` / `reply.log` / plugin `instance.log` inherit the app's
 * configuration when the handler is passed to a call on the app in this file; otherwise, when the file creates exactly one
 * Fastify app (or one pino-http middleware), `req.log` / `request.log` / `reply.log` / `fastify.log` of untraceable
 * receivers use that one. Only static string paths count: a path that is not a literal is ignored (not covered).
 *
 * Nothing here throws: checker errors, odd code and unreadable files mean "not known".
 */
import { AST_NODE_TYPES, ASTUtils, ESLintUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { Policy } from '../policy.js';
import { type AuditAnalysis, createAuditAnalysis } from './audit.js';
import { type CallMatcher, createCallMatcher, splitWords, staticPropertyName, unwrapExpression } from './matchers.js';
import { findExport, lookupBinding, moduleSource, resolveImport, rootOf, viewOf } from './modules.js';
import { getTypeServices } from './types/services.js';
import { destructuredPath } from './ast/destructuring.js';
import { loadTypeScript } from '../util/typescript.js';

export type SinkKind =
  | 'console'
  | 'pino'
  | 'winston'
  | 'bunyan'
  | 'log4js'
  | 'loglevel'
  | 'npmlog'
  | 'debug'
  | 'consola'
  | 'signale'
  | 'nest'
  | 'fastify'
  | 'audit'
  | 'configured'
  | 'logger';

export interface Sink {
  readonly kind: SinkKind;
  /** The callee as written, for messages: 'logger.info', 'console.log', 'this.logger.warn', 'debug' */
  readonly name: string;
  /** The arguments whose values are written to the log (all arguments, except e.g. a winston level string in `logger.log('info', …)` is still harmless to include). */
  readonly args: readonly TSESTree.Node[];
  /**
   * Pino redaction that applies to this call: the `redact` paths of the logger's creation (`pino({ redact: ['req.headers.authorization', '*.password'] })`
   * or `redact: { paths: [...] }`), each split into segments (`*` wildcard segment; bracket syntax `a["b-c"]` → 'b-c'), and the index of the argument
   * they apply to (the merging object: the first argument when it is an object; redaction never covers the message string or its interpolation args).
   * Undefined when the logger has no (known) redact configuration.
   */
  readonly redact?: { readonly paths: readonly (readonly string[])[]; readonly argumentIndex: number };
}

export interface SinkDetector {
  sinkOf(call: TSESTree.CallExpression): Sink | undefined;
}

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type LibraryKind = Exclude<SinkKind, 'audit' | 'configured'>;
type RedactPaths = readonly (readonly string[])[];

/** The pseudo-module of `globalThis` / `window` / `global` (`globalThis.console.log`). */
const GLOBAL = '<global>';

// ---------------------------------------------------------------------------------------------------------------------
// Pino redact paths
// ---------------------------------------------------------------------------------------------------------------------

/**
 * Splits a pino (fast-redact) path into segments: `a.b.c`, `a["b-c"].d`, `a['b']`, `a[0]`, `*.password`, `a[*].b`.
 * undefined for a malformed path (unclosed bracket or quote).
 */
export function parseRedactPath(path: string): string[] | undefined {
  const segments: string[] = [];
  let current = '';
  let index = 0;
  const flush = (): void => {
    const trimmed = current.trim();
    if (trimmed.length > 0) segments.push(trimmed);
    current = '';
  };
  while (index < path.length) {
    const char = path[index];
    if (char === '.') {
      flush();
      index += 1;
    } else if (char === '[') {
      flush();
      const quote = path[index + 1];
      if (quote === '"' || quote === "'" || quote === '`') {
        const end = path.indexOf(quote, index + 2);
        if (end < 0 || path[end + 1] !== ']') return undefined;
        segments.push(path.slice(index + 2, end));
        index = end + 2;
      } else {
        const end = path.indexOf(']', index);
        if (end < 0) return undefined;
        const segment = path.slice(index + 1, end).trim();
        if (segment.length === 0) return undefined;
        segments.push(segment);
        index = end + 1;
      }
    } else {
      current += char;
      index += 1;
    }
  }
  flush();
  return segments.length > 0 ? segments : undefined;
}

/** Whether a pino redact path list covers a logged property path (segments from the merging object's root, e.g. ['user','password']). */
export function redactCovers(paths: readonly (readonly string[])[], path: readonly string[]): boolean {
  return paths.some(
    (redactPath) => redactPath.length > 0 && redactPath.length <= path.length && redactPath.every((segment, index) => segment === '*' || segment === path[index]),
  );
}

function parsePaths(strings: readonly string[]): RedactPaths {
  const paths: string[][] = [];
  for (const text of strings) {
    const parsed = parseRedactPath(text);
    if (parsed) paths.push(parsed);
  }
  return paths;
}

// ---------------------------------------------------------------------------------------------------------------------
// Libraries: log methods, creations, types
// ---------------------------------------------------------------------------------------------------------------------

const PINO_METHODS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/** Methods that write their arguments to the log, per kind. */
const LOG_METHODS: Readonly<Record<LibraryKind, ReadonlySet<string>>> = {
  console: new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', 'assert', 'timeLog']),
  pino: new Set(PINO_METHODS),
  fastify: new Set(PINO_METHODS),
  winston: new Set([
    'log', 'error', 'warn', 'help', 'data', 'info', 'debug', 'prompt', 'http', 'verbose', 'input', 'silly',
    'emerg', 'alert', 'crit', 'warning', 'notice',
  ]),
  bunyan: new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']),
  log4js: new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'mark', 'log']),
  loglevel: new Set(['trace', 'debug', 'info', 'warn', 'error', 'log']),
  npmlog: new Set(['silly', 'verbose', 'info', 'timing', 'http', 'notice', 'warn', 'error', 'log']),
  debug: new Set(),
  consola: new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'fatal', 'success', 'fail', 'start', 'ready', 'box', 'verbose']),
  signale: new Set([
    'await', 'complete', 'error', 'debug', 'fatal', 'fav', 'info', 'note', 'pause', 'pending', 'star', 'start', 'success',
    'wait', 'warn', 'watch', 'log',
  ]),
  nest: new Set(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']),
  // A receiver known only by its name: the levels common to the libraries, not their oddities (`start`, `box`, `fav`).
  logger: new Set([
    'trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'log', 'verbose', 'silly', 'http', 'notice',
    'critical', 'crit', 'alert', 'emerg', 'success',
  ]),
};

/** Methods of a logger that return a logger of the same library. */
const CHILD_METHODS: Readonly<Partial<Record<LibraryKind, ReadonlySet<string>>>> = {
  pino: new Set(['child']),
  fastify: new Set(['child']),
  winston: new Set(['child']),
  bunyan: new Set(['child']),
  loglevel: new Set(['getLogger']),
  consola: new Set(['withTag', 'create', 'withDefaults']),
  signale: new Set(['scope']),
  logger: new Set(['child']),
};

/** Packages whose values this module knows; any other package's values are "not known". */
const KNOWN_MODULES = new Set([
  'pino', 'pino-http', 'winston', 'bunyan', 'log4js', 'loglevel', 'npmlog', 'debug', 'consola', 'signale', '@nestjs/common',
  'console', 'fastify', GLOBAL,
]);

/** `import { pino } from 'pino'` is the default export: these named exports are the module's own function or instance. */
const SELF_EXPORTS: Readonly<Record<string, string>> = { pino: 'pino', debug: 'debug', fastify: 'fastify', 'pino-http': 'pinoHttp', consola: 'consola' };

/** Module values (by `module#path`) that are loggers themselves: `winston.info()`, `log.info()` (loglevel), `Logger.log()` (NestJS). */
const MODULE_LOGGERS: Readonly<Record<string, LibraryKind>> = {
  'winston#': 'winston',
  'loglevel#': 'loglevel',
  'npmlog#': 'npmlog',
  'consola#': 'consola',
  'signale#': 'signale',
  'console#': 'console',
  '@nestjs/common#Logger': 'nest',
  '@nestjs/common#ConsoleLogger': 'nest',
};

/** Calls that create a logger, by `module#path` of the callee. */
const CREATIONS: Readonly<Record<string, LibraryKind>> = {
  'winston#createLogger': 'winston',
  'winston#loggers.get': 'winston',
  'winston#loggers.add': 'winston',
  'winston#child': 'winston',
  'bunyan#createLogger': 'bunyan',
  'log4js#getLogger': 'log4js',
  'loglevel#getLogger': 'loglevel',
  'consola#createConsola': 'consola',
  'consola#create': 'consola',
  'consola#withTag': 'consola',
  'consola#withDefaults': 'consola',
  'signale#scope': 'signale',
};

/** `new X()` that creates a logger, by `module#path` of the constructor. */
const CONSTRUCTIONS: Readonly<Record<string, LibraryKind>> = {
  '@nestjs/common#Logger': 'nest',
  '@nestjs/common#ConsoleLogger': 'nest',
  'signale#Signale': 'signale',
  'console#Console': 'console',
  'bunyan#': 'bunyan',
};

/** Logger types by the package that declares them (`@types/x` counts as `x`; `lib` = TypeScript's default libraries). */
const LOGGER_TYPES: Readonly<Record<string, Readonly<Record<string, LibraryKind>>>> = {
  pino: { Logger: 'pino', BaseLogger: 'pino', LoggerExtras: 'pino' },
  fastify: { FastifyBaseLogger: 'fastify', FastifyLoggerInstance: 'fastify' },
  // `winston` is the module namespace itself: `winston.info(…)`.
  winston: { Logger: 'winston', winston: 'winston' },
  '@nestjs/common': { Logger: 'nest', ConsoleLogger: 'nest', LoggerService: 'nest' },
  bunyan: { Logger: 'bunyan' },
  log4js: { Logger: 'log4js' },
  loglevel: { Logger: 'loglevel', RootLogger: 'loglevel' },
  npmlog: { Logger: 'npmlog' },
  debug: { Debugger: 'debug' },
  consola: { Consola: 'consola', ConsolaInstance: 'consola' },
  signale: { Signale: 'signale', SignaleBase: 'signale' },
  lib: { Console: 'console' },
  node: { Console: 'console' },
};

/** Types of a logger's log-method property (custom levels: `pino({ customLevels })`, winston levels). */
const LOG_FUNCTION_TYPES: Readonly<Record<string, ReadonlySet<string>>> = {
  pino: new Set(['LogFn']),
  winston: new Set(['LeveledLogMethod', 'LogMethod']),
};

/** Receivers of `X.log` that, untraced, get the one Fastify app / pino-http middleware of the file. */
const FASTIFY_NAMES = new Set(['fastify', 'app', 'server', 'instance', 'request', 'req', 'reply']);
const PINO_HTTP_NAMES = new Set(['req', 'request', 'res']);

/** `logger`, `log`, `_logger`, `this.#log`, `appLogger`, `AUDIT_LOGGER`; not `changelog`, `logs`, `dialog`, `auditLog`. */
function isConventionalName(name: string): boolean {
  const words = splitWords(name);
  if (words.length === 1 && words[0] === 'log') return true;
  return words[words.length - 1] === 'logger';
}

// ---------------------------------------------------------------------------------------------------------------------
// Values: what an expression is, as far as logging is concerned
// ---------------------------------------------------------------------------------------------------------------------

type Value =
  /** A known package's module object (`path` []) or a value exported under `path`. */
  | { readonly t: 'module'; readonly module: string; readonly path: readonly string[] }
  /** A relative module's namespace (`import * as logging from './logging'`). */
  | { readonly t: 'localModule'; readonly file: string }
  | { readonly t: 'logger'; readonly kind: LibraryKind; readonly redact?: RedactPaths; readonly levels?: readonly string[] }
  /** A function that logs its arguments (`debug('ns')`, `console.log.bind(console)`). */
  | { readonly t: 'logFn'; readonly kind: LibraryKind; readonly redact?: RedactPaths }
  /** A Fastify app (or a request / reply / plugin instance of it): its `.log` is its logger. */
  | { readonly t: 'fastify'; readonly redact?: RedactPaths }
  /** A pino-http middleware: its `.logger`, and `req.log` of the file's handlers. */
  | { readonly t: 'pinoHttp'; readonly redact?: RedactPaths }
  | { readonly t: 'notLogger' };

const NOT_LOGGER: Value = { t: 'notLogger' };

function moduleValue(module: string, path: readonly string[]): Value | undefined {
  let name = module.startsWith('node:') ? module.slice(5) : module;
  let rest = [...path];
  if (name === GLOBAL && rest[0] === 'console') {
    name = 'console';
    rest = rest.slice(1);
  }
  if (!KNOWN_MODULES.has(name)) return undefined;
  while (rest.length > 0 && (rest[0] === 'default' || rest[0] === SELF_EXPORTS[name])) rest = rest.slice(1);
  return { t: 'module', module: name, path: rest };
}

function moduleKey(value: { readonly module: string; readonly path: readonly string[] }): string {
  return `${value.module}#${value.path.join('.')}`;
}

/** Every method name that is a log method of some library. */
const ANY_LOG_METHOD: ReadonlySet<string> = new Set(Object.values(LOG_METHODS).flatMap(methods => [...methods]));

function isLogMethod(kind: LibraryKind, method: string, levels?: readonly string[]): boolean {
  return LOG_METHODS[kind].has(method) || (levels?.includes(method) ?? false);
}

/** A value that logs when called: a log function, or a module logger's log method (`console.log`, `winston.info`). */
function asLogFunction(value: Value | undefined): Value | undefined {
  if (value?.t === 'logFn') return value;
  if (value?.t !== 'module' || value.path.length === 0) return undefined;
  const method = value.path[value.path.length - 1] ?? '';
  const kind = MODULE_LOGGERS[moduleKey({ module: value.module, path: value.path.slice(0, -1) })];
  return kind && isLogMethod(kind, method) ? { t: 'logFn', kind } : undefined;
}

/** Variables bound to something other than a value we follow. */
type Bound =
  | { readonly k: 'import'; readonly source: string; readonly imported: string }
  | { readonly k: 'variable'; readonly declarator: TSESTree.VariableDeclarator; readonly id: TSESTree.Identifier }
  | { readonly k: 'parameter'; readonly fn: TSESTree.Node | undefined; readonly id: TSESTree.Identifier }
  | { readonly k: 'global' }
  | { readonly k: 'other' };

const MAX_DEPTH = 12;

const { DefinitionType } = TSESLint.Scope;

// ---------------------------------------------------------------------------------------------------------------------
// TypeScript (typed mode only; `typescript` is an optional peer, loaded when a program exists)
// ---------------------------------------------------------------------------------------------------------------------


interface Typed {
  readonly ts: typeof ts;
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly toTs: (node: TSESTree.Node) => ts.Node | undefined;
}

function typedSupport(context: Context): Typed | undefined {
  if (!context.sourceCode.parserServices?.program) return undefined;
  try {
    const services = ESLintUtils.getParserServices(context, true);
    const typescript = loadTypeScript();
    if (!services.program || !typescript) return undefined;
    const map = services.esTreeNodeToTSNodeMap;
    return {
      ts: typescript,
      program: services.program,
      checker: services.program.getTypeChecker(),
      toTs: (node) => map.get(node),
    };
  } catch {
    return undefined;
  }
}

/** Per program: the library kind of a type (null: not a library logger), and the redact paths of a declaration. */
interface ProgramCache {
  readonly typeKinds: WeakMap<ts.Type, LibraryKind | null>;
  readonly declarationRedact: Map<ts.Symbol, RedactPaths | null>;
}

const programCaches = new WeakMap<ts.Program, ProgramCache>();

function programCache(program: ts.Program): ProgramCache {
  let cache = programCaches.get(program);
  if (!cache) {
    cache = { typeKinds: new WeakMap(), declarationRedact: new Map() };
    programCaches.set(program, cache);
  }
  return cache;
}

/** The package a declaration file belongs to (`@types/x` → `x`), `lib` for TypeScript's default libraries. */
function packageOf(typed: Typed, sourceFile: ts.SourceFile): string | undefined {
  if (typed.program.isSourceFileDefaultLibrary(sourceFile)) return 'lib';
  const file = sourceFile.fileName.replace(/\\/gu, '/');
  const index = file.lastIndexOf('/node_modules/');
  if (index < 0) return undefined;
  const parts = file.slice(index + '/node_modules/'.length).split('/');
  const first = parts[0] ?? '';
  const name = first.startsWith('@') ? `${first}/${parts[1] ?? ''}` : first;
  return name.startsWith('@types/') ? name.slice('@types/'.length) : name;
}

function kindOfSymbol(typed: Typed, symbol: ts.Symbol | undefined): LibraryKind | undefined {
  if (!symbol) return undefined;
  for (const declaration of symbol.declarations ?? []) {
    const pkg = packageOf(typed, declaration.getSourceFile());
    const kind = pkg === undefined ? undefined : LOGGER_TYPES[pkg]?.[symbol.name];
    if (kind) return kind;
  }
  return undefined;
}

/** The library kind of a type: its symbol or alias, an intersection's parts, base classes and implemented interfaces. */
function kindOfType(typed: Typed, type: ts.Type, depth: number): LibraryKind | undefined {
  const cache = programCache(typed.program).typeKinds;
  const cached = cache.get(type);
  if (cached !== undefined) return cached ?? undefined;
  cache.set(type, null); // cycles
  let kind = kindOfSymbol(typed, type.aliasSymbol) ?? kindOfSymbol(typed, type.getSymbol());
  if (!kind && depth < 6) {
    const { ts: typescript, checker } = typed;
    if (type.isIntersection()) {
      for (const part of type.types) {
        kind = kindOfType(typed, part, depth + 1);
        if (kind) break;
      }
    }
    const target =
      type.flags & typescript.TypeFlags.Object && (type as ts.ObjectType).objectFlags & typescript.ObjectFlags.Reference
        ? (type as ts.TypeReference).target
        : type;
    if (!kind && target.isClassOrInterface()) {
      for (const base of checker.getBaseTypes(target)) {
        kind = kindOfType(typed, base, depth + 1);
        if (kind) break;
      }
      for (const declaration of target.getSymbol()?.declarations ?? []) {
        if (kind) break;
        const clauses = (declaration as Partial<ts.ClassLikeDeclaration | ts.InterfaceDeclaration>).heritageClauses;
        for (const clause of clauses ?? []) {
          for (const heritage of clause.types) {
            kind ??= kindOfType(typed, checker.getTypeAtLocation(heritage), depth + 1);
          }
        }
      }
    }
  }
  cache.set(type, kind ?? null);
  return kind;
}

type TypedVerdict = LibraryKind | 'notLogger' | 'other';

/** The library kind of an expression's type; `notLogger` for primitives and arrays; `other` for other known types; undefined for `any`/`unknown`/errors. */
function typedKindOf(typed: Typed, node: TSESTree.Node): TypedVerdict | undefined {
  const tsNode = typed.toTs(node);
  if (!tsNode) return undefined;
  const { ts: typescript, checker } = typed;
  const type = checker.getTypeAtLocation(tsNode);
  if (type.flags & (typescript.TypeFlags.Any | typescript.TypeFlags.Unknown)) return undefined;
  const nonNullable = checker.getNonNullableType(type);
  const parts = nonNullable.isUnion() ? nonNullable.types : [nonNullable];
  const plain =
    typescript.TypeFlags.StringLike |
    typescript.TypeFlags.NumberLike |
    typescript.TypeFlags.BooleanLike |
    typescript.TypeFlags.BigIntLike |
    typescript.TypeFlags.ESSymbolLike |
    typescript.TypeFlags.Null |
    typescript.TypeFlags.Undefined |
    typescript.TypeFlags.Void |
    typescript.TypeFlags.Never;
  let allPlain = true;
  for (const part of parts) {
    const kind = kindOfType(typed, part, 0);
    if (kind) return kind;
    if (!(part.flags & plain) && !checker.isArrayType(part) && !checker.isTupleType(part)) allPlain = false;
  }
  return allPlain ? 'notLogger' : 'other';
}

/** Whether a member's type is a library's log function (`pino({ customLevels })` methods, winston custom levels). */
function isTypedLogFunction(typed: Typed, member: TSESTree.MemberExpression): boolean {
  const tsNode = typed.toTs(member);
  if (!tsNode) return false;
  const type = typed.checker.getTypeAtLocation(tsNode);
  for (const symbol of [type.aliasSymbol, type.getSymbol()]) {
    for (const declaration of symbol?.declarations ?? []) {
      const pkg = packageOf(typed, declaration.getSourceFile());
      if (pkg !== undefined && symbol && LOG_FUNCTION_TYPES[pkg]?.has(symbol.name)) return true;
    }
  }
  return false;
}

function skipOuter(typed: Typed, node: ts.Node): ts.Node {
  const typescript = typed.ts;
  let current = node;
  while (
    typescript.isParenthesizedExpression(current) ||
    typescript.isAsExpression(current) ||
    typescript.isSatisfiesExpression(current) ||
    typescript.isNonNullExpression(current) ||
    typescript.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

function symbolAt(typed: Typed, node: ts.Node): ts.Symbol | undefined {
  const typescript = typed.ts;
  const target = typescript.isPropertyAccessExpression(node) ? node.name : node;
  let symbol = typed.checker.getSymbolAtLocation(target);
  if (symbol && symbol.flags & typescript.SymbolFlags.Alias) symbol = typed.checker.getAliasedSymbol(symbol);
  return symbol;
}

/** The initializer a symbol is declared with: `const x = …`, a class field `x = …`, `export default …`. */
function initializerOf(typed: Typed, symbol: ts.Symbol): ts.Expression | undefined {
  const typescript = typed.ts;
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  if (!declaration) return undefined;
  if (typescript.isVariableDeclaration(declaration)) {
    return typescript.getCombinedNodeFlags(declaration) & typescript.NodeFlags.Const ? declaration.initializer : undefined;
  }
  if (typescript.isPropertyDeclaration(declaration)) return declaration.initializer;
  if (typescript.isExportAssignment(declaration)) return declaration.expression;
  return undefined;
}

function tsStrings(typed: Typed, node: ts.Node, depth: number): string[] | undefined {
  const typescript = typed.ts;
  const expression = skipOuter(typed, node);
  if (typescript.isIdentifier(expression) && depth < MAX_DEPTH) {
    const symbol = symbolAt(typed, expression);
    const init = symbol ? initializerOf(typed, symbol) : undefined;
    return init ? tsStrings(typed, init, depth + 1) : undefined;
  }
  if (!typescript.isArrayLiteralExpression(expression)) return undefined;
  const strings: string[] = [];
  for (const element of expression.elements) {
    if (typescript.isStringLiteralLike(element)) strings.push(element.text);
    else if (typescript.isSpreadElement(element)) strings.push(...(tsStrings(typed, element.expression, depth + 1) ?? []));
    // other elements: not known, not counted
  }
  return strings;
}

function tsProperty(typed: Typed, object: ts.ObjectLiteralExpression, name: string): ts.Node | undefined {
  const typescript = typed.ts;
  for (const property of object.properties) {
    const key = property.name;
    const keyText = key && (typescript.isIdentifier(key) || typescript.isStringLiteral(key)) ? key.text : undefined;
    if (keyText !== name) continue;
    if (typescript.isPropertyAssignment(property)) return property.initializer;
    if (typescript.isShorthandPropertyAssignment(property)) return property.name;
  }
  return undefined;
}

function tsObject(typed: Typed, node: ts.Node, depth: number): ts.ObjectLiteralExpression | undefined {
  const typescript = typed.ts;
  const expression = skipOuter(typed, node);
  if (typescript.isObjectLiteralExpression(expression)) return expression;
  if (typescript.isIdentifier(expression) && depth < MAX_DEPTH) {
    const symbol = symbolAt(typed, expression);
    const init = symbol ? initializerOf(typed, symbol) : undefined;
    return init ? tsObject(typed, init, depth + 1) : undefined;
  }
  return undefined;
}

/** `{ redact: [...] }` / `{ redact: { paths: [...] } }` → paths; undefined when there is none. */
function tsRedactOfOptions(typed: Typed, options: ts.Node): RedactPaths | undefined {
  const object = tsObject(typed, options, 0);
  const redact = object ? tsProperty(typed, object, 'redact') : undefined;
  if (!redact) return undefined;
  const strings = tsStrings(typed, redact, 0);
  if (strings) return parsePaths(strings);
  const inner = tsObject(typed, redact, 0);
  const paths = inner ? tsProperty(typed, inner, 'paths') : undefined;
  return paths ? parsePaths(tsStrings(typed, paths, 0) ?? []) : undefined;
}

/** Whether a call is `pino(…)` — by the declaration the checker resolves it to, whatever the local name. */
function isTsPinoCall(typed: Typed, call: ts.CallExpression): boolean {
  const declaration = typed.checker.getResolvedSignature(call)?.getDeclaration();
  if (!declaration) return false;
  const name = declaration.name && typed.ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
  return name === 'pino' && packageOf(typed, declaration.getSourceFile()) === 'pino';
}

/** The redact paths of the pino logger an expression evaluates to (another file's code included). */
function tsLoggerRedact(typed: Typed, node: ts.Node, depth: number): RedactPaths | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const typescript = typed.ts;
  const expression = skipOuter(typed, node);
  if (typescript.isIdentifier(expression) || typescript.isPropertyAccessExpression(expression)) {
    const symbol = symbolAt(typed, expression);
    return symbol ? tsSymbolRedact(typed, symbol, depth + 1) : undefined;
  }
  if (typescript.isCallExpression(expression)) {
    const callee = skipOuter(typed, expression.expression);
    if (typescript.isPropertyAccessExpression(callee) && callee.name.text === 'child') {
      const options = expression.arguments[1];
      const own = options ? tsRedactOfOptions(typed, options) : undefined;
      return own ?? tsLoggerRedact(typed, callee.expression, depth + 1);
    }
    if (isTsPinoCall(typed, expression)) {
      const options = expression.arguments[0];
      return options ? tsRedactOfOptions(typed, options) : undefined;
    }
  }
  return undefined;
}

function tsSymbolRedact(typed: Typed, symbol: ts.Symbol, depth: number): RedactPaths | undefined {
  const cache = programCache(typed.program).declarationRedact;
  if (cache.has(symbol)) return cache.get(symbol) ?? undefined;
  cache.set(symbol, null); // cycles
  const init = initializerOf(typed, symbol);
  const redact = init ? tsLoggerRedact(typed, init, depth) : undefined;
  cache.set(symbol, redact ?? null);
  return redact;
}

// ---------------------------------------------------------------------------------------------------------------------
// The detector
// ---------------------------------------------------------------------------------------------------------------------

/** What the receiver / callee analysis found: a sink of that kind, definitely not a sink, or nothing known. */
type Detection = { readonly kind: LibraryKind; readonly redact?: RedactPaths } | 'none' | undefined;

function isFunctionLike(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

function keyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  return undefined;
}

function stringOf(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** A value that is syntactically a string (the message, not a merging object): `'x'`, `` `a ${b}` ``, `'a' + b`. */
function isStringExpression(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Literal) return typeof expression.value !== 'object' || expression.value === null;
  if (expression.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (expression.type === AST_NODE_TYPES.BinaryExpression && expression.operator === '+') {
    return isStringExpression(expression.left) || isStringExpression(expression.right);
  }
  return false;
}

/** The (nearest) class whose instance `this` is at `node`; undefined where a non-arrow function rebinds it. */
function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current.parent;
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      const parent = current.parent;
      if (parent?.type !== AST_NODE_TYPES.MethodDefinition && parent?.type !== AST_NODE_TYPES.PropertyDefinition) return undefined;
    }
  }
  return undefined;
}

/**
 * Recognizes the calls that write their arguments to a log (see the module comment). Build one per linted file; results
 * are cached per call. Works on the linted file's calls.
 */
export function createSinkDetector(context: Context, policy: Policy): SinkDetector {
  const { sourceCode } = context;
  const sinks = new WeakMap<TSESTree.CallExpression, Sink | null>();
  const values = new WeakMap<TSESTree.Node, Value | null>();
  /** Files of the modules other than the linted one whose nodes we classify (reached through imports). */
  const moduleFiles = new WeakMap<TSESTree.Node, string>();
  let audit: AuditAnalysis | undefined;
  let configured: CallMatcher | null | undefined;
  let typed: Typed | null | undefined;
  let fileHttp: Value | null | undefined;

  const currentFile = (): string => context.physicalFilename || context.filename;
  const isCurrent = (node: TSESTree.Node): boolean => rootOf(node) === sourceCode.ast;

  function typedInfo(): Typed | undefined {
    if (typed === undefined) typed = typedSupport(context) ?? null;
    return typed ?? undefined;
  }

  function fileOf(node: TSESTree.Node): string | undefined {
    const root = rootOf(node);
    if (root === sourceCode.ast) return currentFile();
    return moduleFiles.get(root) ?? viewOf(node)?.file;
  }

  // ---- bindings ----------------------------------------------------------------------------------------------------

  function bindingOf(id: TSESTree.Identifier): Bound {
    if (!isCurrent(id)) {
      const binding = lookupBinding(id);
      if (!binding) return { k: 'global' };
      if (binding.kind === 'import') return { k: 'import', source: binding.source, imported: binding.imported };
      if (binding.kind === 'variable') return binding.node.parent.kind === 'const' ? { k: 'variable', declarator: binding.node, id: binding.id } : { k: 'other' };
      if (binding.kind === 'parameter') return { k: 'parameter', fn: undefined, id: binding.id };
      return { k: 'other' };
    }
    const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
    if (!variable || variable.defs.length === 0) return { k: 'global' };
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || !def) return { k: 'other' };
    switch (def.type) {
      case DefinitionType.ImportBinding: {
        const node = def.node;
        if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
          const reference = node.moduleReference;
          const source = reference.type === AST_NODE_TYPES.TSExternalModuleReference ? stringOf(reference.expression) : undefined;
          return source === undefined ? { k: 'other' } : { k: 'import', source, imported: '*' };
        }
        const declaration = node.parent;
        if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return { k: 'other' };
        const source = declaration.source.value;
        if (node.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { k: 'import', source, imported: '*' };
        if (node.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { k: 'import', source, imported: 'default' };
        const imported = node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : node.imported.value;
        return { k: 'import', source, imported };
      }
      case DefinitionType.Variable: {
        // Reassigned bindings (`let logger = pino(); logger = other`) are not followed.
        if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return { k: 'other' };
        return def.name.type === AST_NODE_TYPES.Identifier ? { k: 'variable', declarator: def.node, id: def.name } : { k: 'other' };
      }
      case DefinitionType.Parameter:
        return def.name.type === AST_NODE_TYPES.Identifier ? { k: 'parameter', fn: def.node, id: def.name } : { k: 'other' };
      default:
        return { k: 'other' };
    }
  }

  /** `const X = <init>` (not destructured) → init. */
  function constInit(id: TSESTree.Identifier): TSESTree.Node | undefined {
    const bound = bindingOf(id);
    return bound.k === 'variable' && bound.declarator.id === bound.id && bound.declarator.init ? bound.declarator.init : undefined;
  }

  // ---- redact options (ESTree) -------------------------------------------------------------------------------------

  function objectOf(node: TSESTree.Node, depth = 0): TSESTree.ObjectExpression | undefined {
    const expression = unwrapExpression(node);
    if (expression.type === AST_NODE_TYPES.ObjectExpression) return expression;
    if (expression.type === AST_NODE_TYPES.Identifier && depth < MAX_DEPTH) {
      const init = constInit(expression);
      return init ? objectOf(init, depth + 1) : undefined;
    }
    return undefined;
  }

  function propertyOf(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
    for (const property of object.properties) {
      if (property.type === AST_NODE_TYPES.Property && keyName(property.key, property.computed) === name) return property.value;
    }
    return undefined;
  }

  function stringsOf(node: TSESTree.Node, depth = 0): string[] | undefined {
    const expression = unwrapExpression(node);
    if (expression.type === AST_NODE_TYPES.Identifier && depth < MAX_DEPTH) {
      const init = constInit(expression);
      return init ? stringsOf(init, depth + 1) : undefined;
    }
    if (expression.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
    const strings: string[] = [];
    for (const element of expression.elements) {
      if (!element) continue;
      if (element.type === AST_NODE_TYPES.SpreadElement) {
        strings.push(...(stringsOf(element.argument, depth + 1) ?? []));
        continue;
      }
      let text = stringOf(unwrapExpression(element));
      if (text === undefined && element.type === AST_NODE_TYPES.Identifier) {
        const init = constInit(element);
        text = init ? stringOf(unwrapExpression(init)) : undefined;
      }
      if (text !== undefined) strings.push(text);
    }
    return strings;
  }

  function redactOfOptions(options: TSESTree.Node | undefined): RedactPaths | undefined {
    const object = options ? objectOf(options) : undefined;
    const redact = object ? propertyOf(object, 'redact') : undefined;
    if (!redact) return undefined;
    const strings = stringsOf(redact);
    if (strings) return parsePaths(strings);
    const inner = objectOf(redact);
    const paths = inner ? propertyOf(inner, 'paths') : undefined;
    return paths ? parsePaths(stringsOf(paths) ?? []) : undefined;
  }

  function levelsOfOptions(options: TSESTree.Node | undefined): string[] | undefined {
    const object = options ? objectOf(options) : undefined;
    const custom = object ? propertyOf(object, 'customLevels') : undefined;
    const levels = custom ? objectOf(custom) : undefined;
    if (!levels) return undefined;
    const names: string[] = [];
    for (const property of levels.properties) {
      const name = property.type === AST_NODE_TYPES.Property ? keyName(property.key, property.computed) : undefined;
      if (name !== undefined) names.push(name);
    }
    return names;
  }

  /** `pino(options)`: a pino logger with the options' redact paths and custom levels. */
  function pinoLogger(options: TSESTree.Node | undefined): Value {
    const redact = redactOfOptions(options);
    const levels = levelsOfOptions(options);
    return { t: 'logger', kind: 'pino', ...(redact ? { redact } : {}), ...(levels ? { levels } : {}) };
  }

  /** The redact paths of a logger given as an option value (`loggerInstance: pino(...)`) or written inline (`logger: { redact }`). */
  function loggerOption(value: TSESTree.Node | undefined, depth: number): RedactPaths | undefined {
    if (!value) return undefined;
    const logger = classify(value, depth + 1);
    if (logger?.t === 'logger') return logger.redact;
    return redactOfOptions(value);
  }

  function fastifyApp(options: TSESTree.Node | undefined, depth: number): Value {
    const object = options ? objectOf(options) : undefined;
    const redact = object ? (loggerOption(propertyOf(object, 'loggerInstance'), depth) ?? loggerOption(propertyOf(object, 'logger'), depth)) : undefined;
    return { t: 'fastify', ...(redact ? { redact } : {}) };
  }

  function pinoHttpMiddleware(options: TSESTree.Node | undefined, depth: number): Value {
    const object = options ? objectOf(options) : undefined;
    const logger = object ? propertyOf(object, 'logger') : undefined;
    const redact = logger ? loggerOption(logger, depth) : redactOfOptions(options);
    return { t: 'pinoHttp', ...(redact ? { redact } : {}) };
  }

  // ---- values --------------------------------------------------------------------------------------------------------

  function memberValue(base: Value, name: string): Value | undefined {
    switch (base.t) {
      case 'module':
        return moduleValue(base.module, [...base.path, name]);
      case 'localModule':
        return exportValue(base.file, name);
      case 'fastify':
        return name === 'log' ? { t: 'logger', kind: 'fastify', ...(base.redact ? { redact: base.redact } : {}) } : undefined;
      case 'pinoHttp':
        return name === 'logger' ? { t: 'logger', kind: 'pino', ...(base.redact ? { redact: base.redact } : {}) } : undefined;
      case 'logger':
        return isLogMethod(base.kind, name, base.levels) ? { t: 'logFn', kind: base.kind, ...(base.redact ? { redact: base.redact } : {}) } : undefined;
      default:
        return undefined;
    }
  }

  function exportValue(file: string, name: string): Value | undefined {
    const target = findExport(file, name, moduleSource(getTypeServices(context)?.program));
    if (!target) return undefined;
    const root = rootOf(target.node);
    if (root !== sourceCode.ast) moduleFiles.set(root, target.file);
    const node = target.node;
    if (node.type === AST_NODE_TYPES.Program) return { t: 'localModule', file: target.file };
    if (node.type === AST_NODE_TYPES.VariableDeclarator) {
      const declaration = node.parent;
      return declaration.kind === 'const' && node.id.type === AST_NODE_TYPES.Identifier && node.init ? classify(node.init) : undefined;
    }
    if (node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.ClassDeclaration) return undefined;
    return classify(node);
  }

  /** `this.x`: the class field's initializer, or the one `this.x = …` assignment of the constructor. */
  function classMemberValue(member: TSESTree.MemberExpression, name: string, depth: number): Value | undefined {
    const cls = enclosingClass(member);
    if (!cls) return undefined;
    const assigned: TSESTree.Node[] = [];
    for (const element of cls.body.body) {
      if (element.type === AST_NODE_TYPES.PropertyDefinition && keyName(element.key, element.computed) === name && element.value) {
        assigned.push(element.value);
      }
      if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
        for (const statement of element.value.body?.body ?? []) {
          if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
          const expression = statement.expression;
          if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') continue;
          const left = unwrapExpression(expression.left);
          if (left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression && staticPropertyName(left) === name) {
            assigned.push(expression.right);
          }
        }
      }
    }
    return assigned.length === 1 && assigned[0] ? classify(assigned[0], depth + 1) : undefined;
  }

  /**
   * A parameter of a function passed to a call on a Fastify app (`app.get('/', (request, reply) => …)`,
   * `app.register(async (instance) => …)`, `{ handler }` of `app.route`): it carries the app's logger as `.log`;
   * destructured (`({ log }) => …`), the binding is that member.
   */
  function parameterValue(fn: TSESTree.Node | undefined, id: TSESTree.Identifier, depth: number): Value | undefined {
    if (!fn || !isFunctionLike(fn)) return undefined;
    const params = (fn as TSESTree.FunctionLike).params;
    const param = params.find((candidate) => candidate.range[0] <= id.range[0] && id.range[1] <= candidate.range[1]);
    const path = param ? destructuredPath(id, param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param) : undefined;
    if (!path) return undefined;
    let holder: TSESTree.Node | undefined = fn.parent;
    if (holder?.type === AST_NODE_TYPES.Property && holder.value === fn) holder = holder.parent?.parent; // `{ handler }`
    if (holder?.type !== AST_NODE_TYPES.CallExpression || !holder.arguments.some((argument) => argument === fn || argument === fn.parent?.parent)) {
      return undefined;
    }
    const callee = unwrapExpression(holder.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    let value = classify(callee.object, depth + 1);
    if (value?.t !== 'fastify') return undefined;
    for (const segment of path) value = value ? memberValue(value, segment) : undefined;
    return value;
  }

  function identifierValue(id: TSESTree.Identifier, depth: number): Value | undefined {
    const bound = bindingOf(id);
    switch (bound.k) {
      case 'global':
        if (id.name === 'console') return moduleValue('console', []);
        if (id.name === 'globalThis' || id.name === 'window' || id.name === 'global') return moduleValue(GLOBAL, []);
        if (id.name === 'Math' || id.name === 'JSON' || id.name === 'process') return NOT_LOGGER;
        return undefined;
      case 'import': {
        const from = fileOf(id);
        const file = from === undefined ? undefined : resolveImport(from, bound.source);
        if (file) return bound.imported === '*' ? { t: 'localModule', file } : exportValue(file, bound.imported);
        return moduleValue(bound.source, bound.imported === '*' || bound.imported === 'default' ? [] : [bound.imported]);
      }
      case 'variable': {
        const { declarator } = bound;
        if (!declarator.init) return undefined;
        const path = destructuredPath(bound.id, declarator.id);
        if (!path) return undefined;
        let value = classify(declarator.init, depth + 1);
        for (const segment of path) value = value ? memberValue(value, segment) : undefined;
        return value;
      }
      case 'parameter':
        return parameterValue(bound.fn, bound.id, depth);
      default:
        return undefined;
    }
  }

  function callValue(call: TSESTree.CallExpression, depth: number): Value | undefined {
    const callee = unwrapExpression(call.callee);
    const [first, second] = call.arguments;
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require' && first && call.arguments.length === 1) {
      const source = stringOf(first);
      if (source !== undefined) {
        const from = fileOf(call);
        const file = from === undefined ? undefined : resolveImport(from, source);
        return file ? { t: 'localModule', file } : moduleValue(source, []);
      }
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = staticPropertyName(callee);
      const base = name === undefined ? undefined : classify(callee.object, depth + 1);
      if (base && name !== undefined) {
        const fn = asLogFunction(base);
        if (fn?.t === 'logFn' && (name === 'bind' || (fn.kind === 'debug' && name === 'extend'))) return fn;
        if (base.t === 'logger' && CHILD_METHODS[base.kind]?.has(name)) {
          if (base.kind !== 'pino' && base.kind !== 'fastify') return { t: 'logger', kind: base.kind };
          const own = redactOfOptions(second);
          const redact = own ?? base.redact;
          return { t: 'logger', kind: base.kind, ...(redact ? { redact } : {}), ...(base.levels ? { levels: base.levels } : {}) };
        }
      }
    }
    const fn = classify(callee, depth + 1);
    if (fn?.t !== 'module') return undefined;
    const key = moduleKey(fn);
    if (key === 'pino#') return pinoLogger(first);
    if (key === 'debug#') return { t: 'logFn', kind: 'debug' };
    if (key === 'fastify#') return fastifyApp(first, depth);
    if (key === 'pino-http#') return pinoHttpMiddleware(first, depth);
    const kind = CREATIONS[key];
    return kind ? { t: 'logger', kind } : undefined;
  }

  function compute(node: TSESTree.Node, depth: number): Value | undefined {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return identifierValue(node, depth);
      case AST_NODE_TYPES.MemberExpression: {
        const name = staticPropertyName(node);
        if (name === undefined) return undefined;
        const object = unwrapExpression(node.object);
        if (object.type === AST_NODE_TYPES.ThisExpression) return classMemberValue(node, name, depth);
        const base = classify(object, depth + 1);
        if (base) return memberValue(base, name);
        if (name === 'log' && object.type === AST_NODE_TYPES.Identifier) return httpLoggerOf(object);
        return undefined;
      }
      case AST_NODE_TYPES.CallExpression:
        return callValue(node, depth);
      case AST_NODE_TYPES.NewExpression: {
        const callee = unwrapExpression(node.callee);
        if (callee.type === AST_NODE_TYPES.Identifier && ['Map', 'Set', 'WeakMap', 'Array', 'String', 'URLSearchParams'].includes(callee.name)) {
          if (bindingOf(callee).k === 'global') return NOT_LOGGER;
        }
        const ctor = classify(callee, depth + 1);
        const kind = ctor?.t === 'module' ? CONSTRUCTIONS[moduleKey(ctor)] : undefined;
        return kind ? { t: 'logger', kind } : undefined;
      }
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.UnaryExpression:
        return NOT_LOGGER;
      default:
        return undefined;
    }
  }

  /** What an expression is (module, logger, log function…), or undefined when not known. Cached; cycle-safe; bounded. */
  function classify(node: TSESTree.Node, depth = 0): Value | undefined {
    const expression = unwrapExpression(node);
    const cached = values.get(expression);
    if (cached !== undefined) return cached ?? undefined;
    if (depth > MAX_DEPTH) return undefined;
    values.set(expression, null); // cycles
    let value: Value | undefined;
    try {
      value = compute(expression, depth);
    } catch {
      value = undefined;
    }
    values.set(expression, value ?? null);
    return value;
  }

  // ---- Fastify / pino-http of the file -----------------------------------------------------------------------------

  /** The one Fastify app or pino-http middleware the file creates (null: none, or several). */
  function fileHttpLogger(): Value | undefined {
    if (fileHttp !== undefined) return fileHttp ?? undefined;
    fileHttp = null;
    const found: Value[] = [];
    const keys = sourceCode.visitorKeys;
    const visit = (node: TSESTree.Node): void => {
      if (node.type === AST_NODE_TYPES.CallExpression) {
        // Only `name(…)`, `name.default(…)` / `.fastify(…)` / `.pinoHttp(…)` and `require('m')(…)` can create one.
        const callee = unwrapExpression(node.callee);
        const candidate =
          callee.type === AST_NODE_TYPES.Identifier ||
          callee.type === AST_NODE_TYPES.CallExpression ||
          (callee.type === AST_NODE_TYPES.MemberExpression && ['default', 'fastify', 'pinoHttp'].includes(staticPropertyName(callee) ?? ''));
        const fn = candidate ? classify(callee) : undefined;
        if (fn?.t === 'module' && (moduleKey(fn) === 'fastify#' || moduleKey(fn) === 'pino-http#')) {
          const value = classify(node);
          if (value) found.push(value);
        }
      }
      for (const key of keys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(child)) {
          for (const item of child as unknown[]) if (item && typeof (item as TSESTree.Node).type === 'string') visit(item as TSESTree.Node);
        } else if (child && typeof (child as TSESTree.Node).type === 'string') {
          visit(child as TSESTree.Node);
        }
      }
    };
    try {
      visit(sourceCode.ast);
    } catch {
      found.length = 0;
    }
    if (found.length === 1 && found[0]) fileHttp = found[0];
    return fileHttp ?? undefined;
  }

  /** `req.log`, `request.log`, `reply.log`, `fastify.log` of a receiver that cannot be traced: the file's one HTTP logger. */
  function httpLoggerOf(object: TSESTree.Identifier): Value | undefined {
    if (!isCurrent(object)) return undefined;
    const bound = bindingOf(object);
    if (bound.k !== 'parameter' && bound.k !== 'global') return undefined;
    const http = fileHttpLogger();
    if (http?.t === 'fastify' && FASTIFY_NAMES.has(object.name)) return memberValue(http, 'log');
    if (http?.t === 'pinoHttp' && PINO_HTTP_NAMES.has(object.name)) {
      return { t: 'logger', kind: 'pino', ...(http.redact ? { redact: http.redact } : {}) };
    }
    return undefined;
  }

  // ---- detection -----------------------------------------------------------------------------------------------------

  function typedRedact(info: Typed, receiver: TSESTree.Node): RedactPaths | undefined {
    const tsNode = info.toTs(receiver);
    return tsNode ? tsLoggerRedact(info, tsNode, 0) : undefined;
  }

  /** A member call `receiver.method(…)`. */
  function detectMember(member: TSESTree.MemberExpression): Detection {
    const method = staticPropertyName(member);
    if (method === undefined) return undefined;
    const receiver = unwrapExpression(member.object);
    const value = classify(receiver);
    if (value) {
      if (value.t === 'logger') return isLogMethod(value.kind, method, value.levels) ? { kind: value.kind, ...(value.redact ? { redact: value.redact } : {}) } : 'none';
      if (value.t === 'module') {
        const kind = MODULE_LOGGERS[moduleKey(value)];
        return kind && isLogMethod(kind, method) ? { kind } : 'none';
      }
      if (value.t !== 'localModule') return 'none';
    }
    // Asking the checker is the expensive part: only for method names some logger has.
    const info = isCurrent(member) && ANY_LOG_METHOD.has(method) ? typedInfo() : undefined;
    if (info) {
      let verdict: TypedVerdict | undefined;
      try {
        verdict = typedKindOf(info, receiver);
      } catch {
        verdict = undefined;
      }
      if (verdict === 'notLogger') return 'none';
      if (verdict !== undefined && verdict !== 'other') {
        let logs = isLogMethod(verdict, method);
        if (!logs) {
          try {
            logs = isTypedLogFunction(info, member);
          } catch {
            logs = false;
          }
        }
        if (!logs) return 'none';
        let redact: RedactPaths | undefined;
        if (verdict === 'pino' || verdict === 'fastify') {
          try {
            redact = typedRedact(info, receiver);
          } catch {
            redact = undefined;
          }
        }
        return { kind: verdict, ...(redact ? { redact } : {}) };
      }
    }
    const name =
      receiver.type === AST_NODE_TYPES.Identifier
        ? receiver.name
        : receiver.type === AST_NODE_TYPES.MemberExpression
          ? staticPropertyName(receiver)
          : undefined;
    if (name !== undefined && isConventionalName(name) && LOG_METHODS.logger.has(method)) return { kind: 'logger' };
    return undefined;
  }

  /** A call of a function value: `dbg('x')`, `debug('app')('x')`, `info(x)` with `const info = console.info.bind(console)`. */
  function detectCallable(callee: TSESTree.Node): Detection {
    const value = classify(callee);
    const fn = asLogFunction(value);
    if (fn?.t === 'logFn') return { kind: fn.kind, ...(fn.redact ? { redact: fn.redact } : {}) };
    if (value) return 'none';
    const info = isCurrent(callee) ? typedInfo() : undefined;
    if (info) {
      try {
        if (typedKindOf(info, callee) === 'debug') return { kind: 'debug' };
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  function detect(call: TSESTree.CallExpression): Detection {
    const callee = unwrapExpression(call.callee);
    const callable = detectCallable(callee);
    if (callable !== undefined && callable !== 'none') return callable;
    if (callee.type === AST_NODE_TYPES.MemberExpression) return detectMember(callee);
    return callable;
  }

  function isAudit(call: TSESTree.CallExpression): boolean {
    audit ??= createAuditAnalysis(context, policy, { maxDepth: 0 });
    return audit.isAuditCall(call);
  }

  function isConfigured(call: TSESTree.CallExpression): boolean {
    if (configured === undefined) configured = policy.logging.sinks.length > 0 ? createCallMatcher(policy.logging.sinks, context) : null;
    return configured ? configured.matches(call) !== undefined : false;
  }

  /** The merging object's index (0), unless the first argument is the message string (or missing). */
  function mergingObjectIndex(call: TSESTree.CallExpression): number | undefined {
    const first = call.arguments[0];
    if (!first || first.type === AST_NODE_TYPES.SpreadElement || isStringExpression(first)) return undefined;
    const info = typedInfo();
    if (info) {
      try {
        const tsNode = info.toTs(first);
        if (tsNode && info.checker.getTypeAtLocation(tsNode).flags & info.ts.TypeFlags.StringLike) return undefined;
      } catch {
        // not known: treat it as the merging object
      }
    }
    return 0;
  }

  function calleeName(callee: TSESTree.Node): string {
    return sourceCode.getText(callee).replace(/\s*\n\s*/gu, '');
  }

  function computeSink(call: TSESTree.CallExpression): Sink | undefined {
    const detection = detect(call);
    let kind: SinkKind | undefined;
    if (isAudit(call)) kind = 'audit';
    else if (isConfigured(call)) kind = 'configured';
    else if (detection !== undefined && detection !== 'none') kind = detection.kind;
    if (!kind) return undefined;
    const callee = unwrapExpression(call.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
    const args = kind === 'console' && method === 'assert' ? call.arguments.slice(1) : call.arguments;
    const paths = detection !== undefined && detection !== 'none' ? detection.redact : undefined;
    const argumentIndex = paths && paths.length > 0 ? mergingObjectIndex(call) : undefined;
    return {
      kind,
      name: calleeName(call.callee),
      args,
      ...(paths && argumentIndex !== undefined ? { redact: { paths, argumentIndex } } : {}),
    };
  }

  return {
    sinkOf(call) {
      const cached = sinks.get(call);
      if (cached !== undefined) return cached ?? undefined;
      let sink: Sink | undefined;
      try {
        sink = computeSink(call);
      } catch {
        sink = undefined;
      }
      sinks.set(call, sink ?? null);
      return sink;
    },
  };
}
