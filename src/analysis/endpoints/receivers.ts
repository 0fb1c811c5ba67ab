/**
 * What the HTTP adapters (Express, Fastify, Koa, Hono) share: deciding which framework, if any, receives a
 * registration call (`app.post(...)`, `router.get(...)`, `fastify.route(...)`), and the small syntactic helpers
 * every adapter needs (paths, handler chains, const resolution, request-context presence).
 *
 * Receiver recognition, in order:
 *
 * 1. **Typed mode** (the parser has a `program`): the receiver's type decides. A type counts as a framework's when a
 *    symbol it goes by (its own, its alias, its apparent type's, a base type's, an intersection member's) has one of
 *    the framework's type names AND is declared in a file of the framework's packages under `node_modules`
 *    (see {@link FRAMEWORK_TYPES}). Any other resolved type (`Map`, an axios instance, a custom class with a `post`
 *    method, Express's `Request`) is not a receiver: no fallback to names. `any`, `unknown` and the error type of
 *    unresolved code fall through to the untyped logic.
 * 2. **Untyped mode** — the receiver's origin in the file, followed through scope analysis: `express()`,
 *    `express.Router()`, `Router()` from 'express'; `Fastify()` / `fastify()` from 'fastify'; `new Router()` from
 *    '@koa/router' (or 'koa-router'); `new Hono()` / `new OpenAPIHono()`; whatever alias the import has, ESM or
 *    `require`. Chained calls keep the framework (`app.get(...).post(...)`, `new Hono().basePath('/api')`,
 *    `app.route('/x')`). Parameters count when annotated with a framework type (`(router: Router)` imported from
 *    'express') and, for Fastify, when they are the first parameter of a plugin (a function passed to
 *    `.register(...)` or `fp(...)` from 'fastify-plugin', or typed `FastifyPlugin*`).
 * 3. **Conventional names**: a receiver of unknown origin named `app`, `router`, `api`, `server` or `fastify`
 *    is reported as `via: 'conventional'`; the adapters then also require the registration to look like one (a
 *    string path starting with `/` and a function or identifier handler). Its framework is guessed from the file's
 *    imports: the one HTTP framework the file imports, else Fastify for a receiver named `fastify`, else Express
 *    (whose `app.METHOD(path, handler)` is the generic shape). A receiver whose origin is visibly something else —
 *    created by or imported from a package that is not an HTTP framework (`axios.create()`, `import http from
 *    'node:http'`), or a built-in collection (`new Map()`) — is never conventional.
 */
import { AST_NODE_TYPES, ASTUtils, ESLintUtils, type ParserServicesWithTypeInformation, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';
import type * as ts from 'typescript';
import { flattenMembers, staticPropertyName, unwrapExpression } from '../matchers.js';
import type { EndpointMethod, Framework, RequestContextAccess } from './types.js';
import { destructuredPath } from '../ast/destructuring.js';

export type HttpFramework = 'express' | 'fastify' | 'koa' | 'hono';

type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type SourceCode = Readonly<TSESLint.SourceCode>;

const { DefinitionType } = TSESLint.Scope;

/** Receiver names that make an unknown-origin receiver worth reporting when the call looks like a route. */
export const CONVENTIONAL_RECEIVER_NAMES: ReadonlySet<string> = new Set(['app', 'router', 'api', 'server', 'fastify']);

export interface ReceiverInfo {
  readonly framework: HttpFramework;
  /** `type`: the checker confirmed it; `origin`: its definition in this file; `conventional`: only its name (see module doc). */
  readonly via: 'type' | 'origin' | 'conventional';
  /** `route`: an Express route object (`app.route(path)`), whose methods take handlers only; `app` otherwise. */
  readonly role: 'app' | 'route';
}

// ---------------------------------------------------------------------------------------------------------------------
// Framework data
// ---------------------------------------------------------------------------------------------------------------------

interface FrameworkTypes {
  /** Declaration files of the framework's packages. */
  readonly files: RegExp;
  /** Type names of app / router / instance objects. */
  readonly names: ReadonlySet<string>;
  /** Type names of Express route objects (`IRoute`). */
  readonly routeNames?: ReadonlySet<string>;
}

const NODE_MODULES = String.raw`[\\/]node_modules[\\/]`;

/** Where each framework's receiver types are declared, and what they are called. */
export const FRAMEWORK_TYPES: Readonly<Record<HttpFramework, FrameworkTypes>> = {
  express: {
    files: new RegExp(`${NODE_MODULES}(?:@types[\\\\/])?(?:express|express-serve-static-core)[\\\\/]`, 'u'),
    names: new Set(['Express', 'Application', 'Router', 'IRouter']),
    routeNames: new Set(['IRoute']),
  },
  fastify: {
    files: new RegExp(`${NODE_MODULES}fastify[\\\\/]`, 'u'),
    names: new Set(['FastifyInstance']),
  },
  koa: {
    files: new RegExp(`${NODE_MODULES}(?:@koa[\\\\/]router|@types[\\\\/]koa__router|koa-router|@types[\\\\/]koa-router)[\\\\/]`, 'u'),
    names: new Set(['Router', 'RouterImplementation', 'RouterInstance', 'RouterWithMethods', 'KoaRouter']),
  },
  hono: {
    files: new RegExp(`${NODE_MODULES}(?:hono|@hono[\\\\/][^\\\\/]+)[\\\\/]`, 'u'),
    names: new Set(['Hono', 'HonoBase', 'OpenAPIHono']),
  },
};

const FRAMEWORKS = Object.keys(FRAMEWORK_TYPES) as HttpFramework[];

/** Route-registration methods of each framework (lower case, as called). */
export const ROUTE_METHODS: Readonly<Record<HttpFramework, ReadonlyMap<string, EndpointMethod>>> = {
  express: methodMap(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']),
  fastify: methodMap(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']),
  koa: new Map([...methodMap(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']), ['del', 'DELETE']]),
  hono: methodMap(['get', 'post', 'put', 'patch', 'delete', 'options', 'all']),
};

function methodMap(names: readonly string[]): ReadonlyMap<string, EndpointMethod> {
  return new Map(names.map((name) => [name, name.toUpperCase() as EndpointMethod]));
}

/** Methods whose result is the same app / router / instance (so `app.get(...).post(...)` stays recognized). */
const CHAINING_METHODS: Readonly<Record<HttpFramework, ReadonlySet<string>>> = {
  express: new Set(['use', 'param', 'engine', 'enable', 'disable']),
  fastify: new Set([
    'route', 'register', 'addHook', 'decorate', 'decorateRequest', 'decorateReply', 'setErrorHandler',
    'setNotFoundHandler', 'withTypeProvider', 'addSchema', 'addContentTypeParser', 'after',
  ]),
  koa: new Set(['use', 'prefix', 'param', 'redirect']),
  hono: new Set(['on', 'use', 'basePath', 'route', 'openapi', 'doc', 'doc31', 'notFound', 'onError', 'mount']),
};

/** HTTP method names a string may spell (`'post'`, `'POST'`), normalized; `ALL` is not a method string. */
const HTTP_METHOD_STRINGS: ReadonlyMap<string, EndpointMethod> = methodMap(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/** Normalizes a method string (`'post'`, `'POST'`) to an {@link EndpointMethod}; undefined for others (`'PURGE'`). */
export function normalizeMethod(value: string): EndpointMethod | undefined {
  return HTTP_METHOD_STRINGS.get(value.toLowerCase());
}

/** `'POST'`, `['GET', 'post']` (also through consts of this file) → normalized methods, unknown ones dropped; undefined when not static. */
export function staticMethods(sourceCode: SourceCode, node: TSESTree.Node): EndpointMethod[] | undefined {
  const single = constStringValue(sourceCode, node);
  if (single !== undefined) return [normalizeMethod(single)].filter((method) => method !== undefined);
  const resolved = resolveConst(sourceCode, node);
  if (resolved.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const values = resolved.elements.map((element) =>
    element && element.type !== AST_NODE_TYPES.SpreadElement ? constStringValue(sourceCode, element) : undefined,
  );
  if (!values.every((value) => value !== undefined)) return undefined;
  return [...new Set(values.map(normalizeMethod).filter((method) => method !== undefined))];
}

/** The HTTP framework a module specifier belongs to (for guessing the framework of a conventional receiver). */
function frameworkOfModule(module: string): HttpFramework | undefined {
  if (module === 'express') return 'express';
  if (module === 'fastify' || module === 'fastify-plugin' || module.startsWith('@fastify/')) return 'fastify';
  if (module === 'koa' || module === '@koa/router' || module === 'koa-router') return 'koa';
  if (module === 'hono' || module.startsWith('hono/') || module.startsWith('@hono/')) return 'hono';
  return undefined;
}

/** Specifiers of the project's own files (relative, absolute, and the usual path aliases `@/`, `~/`, `#x`). */
function isLocalSpecifier(module: string): boolean {
  return module.startsWith('.') || module.startsWith('/') || module.startsWith('@/') || module.startsWith('~') || module.startsWith('#');
}

// ---------------------------------------------------------------------------------------------------------------------
// Small syntactic helpers (shared by the adapters)
// ---------------------------------------------------------------------------------------------------------------------

const MAX_DEPTH = 8;

/** A string literal or a template literal without expressions → its value. */
export function stringValue(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'string') return expression.value;
  if (expression.type === AST_NODE_TYPES.TemplateLiteral && expression.expressions.length === 0 && expression.quasis.length === 1) {
    return expression.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

export function isInlineFunction(node: TSESTree.Node | null | undefined): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression {
  return node?.type === AST_NODE_TYPES.ArrowFunctionExpression || node?.type === AST_NODE_TYPES.FunctionExpression;
}

function findVariable(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  try {
    return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The initializer of a `const`-like binding (single definition, never reassigned, plain identifier declarator). */
function constInit(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = findVariable(sourceCode, identifier);
  if (variable?.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (def?.type !== DefinitionType.Variable) return undefined;
  const declarator = def.node;
  if (declarator.id !== def.name || !declarator.init) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  return declarator.init;
}

/** Follows identifiers bound to consts in this file (`const route = createRoute(...)`) to the expression they hold. */
export function resolveConst(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(node);
  for (let depth = 0; depth < MAX_DEPTH && current.type === AST_NODE_TYPES.Identifier; depth++) {
    const init = constInit(sourceCode, current);
    if (!init) break;
    current = unwrapExpression(init);
  }
  return current;
}

/** A string value, directly or through a const in this file. */
export function constStringValue(sourceCode: SourceCode, node: TSESTree.Node | null | undefined): string | undefined {
  return node ? stringValue(resolveConst(sourceCode, node)) : undefined;
}

/** An object literal, directly or through a const in this file. */
export function constObject(sourceCode: SourceCode, node: TSESTree.Node | null | undefined): TSESTree.ObjectExpression | undefined {
  if (!node) return undefined;
  const resolved = resolveConst(sourceCode, node);
  return resolved.type === AST_NODE_TYPES.ObjectExpression ? resolved : undefined;
}

/** The value of the last non-computed (or string-keyed) property `name` of an object literal; spreads are not looked into. */
export function propertyValue(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  let found: TSESTree.Node | undefined;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = property.computed
      ? stringValue(property.key)
      : property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : stringValue(property.key);
    if (key === name) found = property.value;
  }
  return found;
}

/**
 * Handler arguments in order, flattened: arrays (`[auth, validate]`) and spread arrays are opened; a spread of
 * something else contributes its argument (`...middlewares` → `middlewares`); `as` / `!` wrappers are stripped.
 */
export function flattenHandlers(nodes: readonly (TSESTree.Node | null)[]): TSESTree.Node[] {
  const chain: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node | null, depth: number): void => {
    if (!node || depth > MAX_DEPTH) return;
    const expression = unwrapExpression(node.type === AST_NODE_TYPES.SpreadElement ? node.argument : node);
    if (expression.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of expression.elements) visit(element, depth + 1);
      return;
    }
    chain.push(expression);
  };
  for (const node of nodes) visit(node, 0);
  return chain;
}

/** The handler of a chain: its last element when that is an inline function. */
export function lastInlineFunction(chain: readonly TSESTree.Node[]): TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | undefined {
  const last = chain[chain.length - 1];
  return isInlineFunction(last) ? last : undefined;
}

export interface RouteTarget {
  /** The static path, when the path is a string (or a template literal without expressions). */
  readonly route: string | undefined;
  /** What the label shows: the static path, or the source text of the path expression. */
  readonly text: string;
}

/** One target per static path of an array of strings (`app.get(['/a', '/b'], h)`), else the one path expression. */
export function routeTargets(sourceCode: SourceCode, node: TSESTree.Node): RouteTarget[] {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ArrayExpression && expression.elements.length > 0) {
    const values = expression.elements.map((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? stringValue(element) : undefined));
    if (values.every((value) => value !== undefined)) return values.map((value) => ({ route: value, text: value }));
  }
  const value = stringValue(expression);
  return [{ route: value, text: value ?? sourceCode.getText(node) }];
}

/** `POST /users/:id/role`; several methods are joined with `|` (`GET|POST /x`). */
export function endpointLabel(methods: readonly EndpointMethod[], text: string): string {
  return `${methods.join('|')} ${text}`;
}

/**
 * What a registration on a conventional-name receiver must look like to be reported: a string path starting with
 * `/` and at least one handler that is a function or an identifier.
 */
export function looksLikeRoute(sourceCode: SourceCode, path: TSESTree.Node | undefined, chain: readonly TSESTree.Node[]): boolean {
  const value = path ? stringValue(path) : undefined;
  return value?.startsWith('/') === true && hasHandlerLike(sourceCode, chain);
}

/** Values that are visibly no function: `api.post('/users', payload)` with `const payload = { … }` sends a body. */
const NON_FUNCTION_VALUES: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
]);

/**
 * Whether a chain has a handler that is a function or an identifier (the conventional-receiver bar); an identifier
 * bound in this file to an object, array, string or number literal is no handler.
 */
export function hasHandlerLike(sourceCode: SourceCode, chain: readonly TSESTree.Node[]): boolean {
  return chain.some(
    (node) =>
      isInlineFunction(node) || (node.type === AST_NODE_TYPES.Identifier && !NON_FUNCTION_VALUES.has(resolveConst(sourceCode, node).type)),
  );
}

/** The name of a function's parameter at `index` when it is a plain identifier (possibly with a default); else undefined. */
export function parameterAt(fn: TSESTree.FunctionLike | undefined, index: number): TSESTree.Identifier | undefined {
  const param = fn?.params[index];
  if (!param) return undefined;
  if (param.type === AST_NODE_TYPES.Identifier) return param;
  if (param.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier) return param.left;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------------
// Type support
// ---------------------------------------------------------------------------------------------------------------------

interface TypeSupport {
  readonly services: ParserServicesWithTypeInformation;
  readonly checker: ts.TypeChecker;
}

const typeSupportCache = new WeakMap<object, TypeSupport | null>();

function typeSupport(context: RuleContext): TypeSupport | undefined {
  const { sourceCode } = context;
  const cached = typeSupportCache.get(sourceCode);
  if (cached !== undefined) return cached ?? undefined;
  let support: TypeSupport | null = null;
  // `getParserServices` throws for parsers without a program (espree, no project): look before calling it.
  if (sourceCode.parserServices?.program) {
    try {
      const services = ESLintUtils.getParserServices(context, true);
      if (services.program) support = { services, checker: services.program.getTypeChecker() };
    } catch {
      support = null;
    }
  }
  typeSupportCache.set(sourceCode, support);
  return support ?? undefined;
}

/**
 * TypeScript's `TypeFlags`, loaded on first use: typescript is an optional peer (so not imported statically), and
 * the flag values differ between major versions (`String` is 4 in 5.x, 32 in 6.x), so they are never hard-coded.
 * Only typed mode calls this, and typed mode means typescript is installed.
 */
let typeFlags: typeof ts.TypeFlags | null | undefined;

function flags(): typeof ts.TypeFlags | undefined {
  if (typeFlags === undefined) {
    try {
      typeFlags = (createRequire(import.meta.url)('typescript') as typeof ts).TypeFlags;
    } catch {
      typeFlags = null;
    }
  }
  return typeFlags ?? undefined;
}

function isUnresolved(type: ts.Type): boolean {
  const known = flags();
  // Any and Unknown have been 1 and 2 in every version.
  return (type.flags & (known ? known.Any | known.Unknown : 1 | 2)) !== 0;
}

type TypedVerdict = { readonly framework: HttpFramework; readonly role: 'app' | 'route' } | 'other' | 'unresolved';

const MAX_TYPE_DEPTH = 6;

/** Symbols a type goes by: alias, own, apparent, base types (bounded), intersection members. */
function collectSymbols(checker: ts.TypeChecker, type: ts.Type, into: Set<ts.Symbol>, seen: Set<ts.Type>, depth: number): void {
  if (seen.has(type) || depth > MAX_TYPE_DEPTH) return;
  seen.add(type);
  if (type.aliasSymbol) into.add(type.aliasSymbol);
  if (type.isIntersection()) {
    for (const part of type.types) collectSymbols(checker, part, into, seen, depth + 1);
    return;
  }
  const apparent = checker.getApparentType(type);
  for (const candidate of apparent === type ? [type] : [type, apparent]) {
    const symbol = candidate.getSymbol();
    if (symbol) into.add(symbol);
    if (candidate.isClassOrInterface()) {
      for (const base of checker.getBaseTypes(candidate)) collectSymbols(checker, base, into, seen, depth + 1);
    }
  }
}

function frameworkOfSymbol(symbol: ts.Symbol): { framework: HttpFramework; role: 'app' | 'route' } | undefined {
  const name = symbol.getName();
  const files = (symbol.getDeclarations() ?? []).map((declaration) => declaration.getSourceFile().fileName);
  for (const framework of FRAMEWORKS) {
    const data = FRAMEWORK_TYPES[framework];
    const role = data.names.has(name) ? 'app' : data.routeNames?.has(name) ? 'route' : undefined;
    if (role && files.some((file) => data.files.test(file))) return { framework, role };
  }
  return undefined;
}

function classifyType(checker: ts.TypeChecker, type: ts.Type): TypedVerdict {
  if (isUnresolved(type)) return 'unresolved';
  const nonNullable = checker.getNonNullableType(type);
  const parts = nonNullable.isUnion() ? nonNullable.types : [nonNullable];
  let verdict: { framework: HttpFramework; role: 'app' | 'route' } | undefined;
  for (const part of parts) {
    if (isUnresolved(part)) return 'unresolved';
    const symbols = new Set<ts.Symbol>();
    collectSymbols(checker, part, symbols, new Set(), 0);
    let found: { framework: HttpFramework; role: 'app' | 'route' } | undefined;
    for (const symbol of symbols) {
      found = frameworkOfSymbol(symbol);
      if (found) break;
    }
    // Every constituent of a union must be the same framework's.
    if (!found || (verdict && verdict.framework !== found.framework)) return 'other';
    verdict = verdict?.role === 'app' ? verdict : found;
  }
  return verdict ?? 'other';
}

function typedReceiver(support: TypeSupport, node: TSESTree.Node): TypedVerdict {
  try {
    return classifyType(support.checker, support.services.getTypeAtLocation(node));
  } catch {
    return 'unresolved';
  }
}

/** `any` / `unknown`, or an interface extending `any` (Koa's `DefaultState`): any property access compiles. */
function isOpen(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (isUnresolved(type)) return true;
  const parts = type.isIntersection() ? type.types : [type];
  return parts.some((part) => isUnresolved(part) || (part.isClassOrInterface() && checker.getBaseTypes(part).some(isUnresolved)));
}

/**
 * Whether `node` (a handler parameter) has the property path `path` in typed mode:
 * - `present`: every property exists (or an `any`, an interface extending `any`, or a string index signature was
 *   reached after the root);
 * - `missing`: the root type is known and some property is missing (`req.user` on plain Express types);
 * - `untyped`: no type information, or the root type is `any` / `unknown` / an error.
 */
export function propertyPathPresence(context: RuleContext, node: TSESTree.Node, path: readonly string[]): 'present' | 'missing' | 'untyped' {
  const support = typeSupport(context);
  if (!support) return 'untyped';
  try {
    const { checker, services } = support;
    const tsNode = services.esTreeNodeToTSNodeMap.get(node);
    let type = checker.getTypeAtLocation(tsNode);
    if (isUnresolved(type)) return 'untyped';
    for (const name of path) {
      type = checker.getNonNullableType(type);
      if (isOpen(checker, type)) return 'present';
      const apparent = checker.getApparentType(type);
      const symbol = checker.getPropertyOfType(apparent, name);
      if (symbol) {
        type = checker.getTypeOfSymbolAtLocation(symbol, tsNode);
        continue;
      }
      // `Record<string, T>`-like types accept any property name.
      const indexed = apparent.getStringIndexType();
      if (!indexed) return 'missing';
      type = indexed;
    }
    return 'present';
  } catch {
    return 'untyped';
  }
}

/**
 * Typed mode: whether `node`'s type is a string (`'string'`), something else (`'other'`), or unknown (`undefined`:
 * no types, `any`, an error). A union is a string when every constituent is.
 */
export function typedStringness(context: RuleContext, node: TSESTree.Node): 'string' | 'other' | undefined {
  const support = typeSupport(context);
  if (!support) return undefined;
  try {
    const known = flags();
    const type = support.services.getTypeAtLocation(node);
    if (!known || isUnresolved(type)) return undefined;
    const parts = type.isUnion() ? type.types : [type];
    return parts.every((part) => (part.flags & known.StringLike) !== 0) ? 'string' : 'other';
  } catch {
    return undefined;
  }
}

/** The string-literal type of property `name` of `node`'s type (typed mode; e.g. an imported `createRoute` result's `method`). */
export function typedStringProperty(context: RuleContext, node: TSESTree.Node, name: string): string | undefined {
  const support = typeSupport(context);
  if (!support) return undefined;
  try {
    const { checker, services } = support;
    const tsNode = services.esTreeNodeToTSNodeMap.get(node);
    const type = checker.getTypeAtLocation(tsNode);
    if (isUnresolved(type)) return undefined;
    const symbol = checker.getPropertyOfType(checker.getApparentType(type), name);
    if (!symbol) return undefined;
    const propertyType = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(symbol, tsNode));
    return propertyType.isStringLiteral() ? propertyType.value : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Untyped origin
// ---------------------------------------------------------------------------------------------------------------------

type Origin =
  | { readonly kind: 'framework'; readonly framework: HttpFramework; readonly role: 'app' | 'route' }
  | { readonly kind: 'other' }
  | { readonly kind: 'unknown'; readonly name?: string; readonly role: 'app' | 'route' };

const OTHER: Origin = { kind: 'other' };
const UNKNOWN: Origin = { kind: 'unknown', role: 'app' };

interface ImportPath {
  readonly module: string;
  /** Export path below the module, a leading `default` dropped (`express.Router` → `['Router']`). */
  readonly path: readonly string[];
}

function requireModule(node: TSESTree.Node): string | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.AwaitExpression) return requireModule(expression.argument);
  if (expression.type === AST_NODE_TYPES.ImportExpression) return stringValue(expression.source);
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === 'require' &&
    expression.arguments.length === 1
  ) {
    return stringValue(expression.arguments[0]);
  }
  return undefined;
}

function dropDefault(path: readonly string[]): string[] {
  return path[0] === 'default' ? path.slice(1) : [...path];
}

/** Which module export an expression names: `express.Router` → express#Router, a `require` destructuring, an alias. */
function importPathOf(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): ImportPath | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const { root, properties } = flattenMembers(node);
  const required = requireModule(root);
  if (required !== undefined) return { module: required, path: dropDefault(properties) };
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(sourceCode, root);
  if (variable?.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (def?.type === DefinitionType.ImportBinding) {
    const specifier = def.node;
    if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = specifier.moduleReference;
      if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return undefined;
      const module = stringValue(reference.expression);
      return module === undefined ? undefined : { module, path: dropDefault(properties) };
    }
    const declaration = specifier.parent;
    if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    const module = declaration.source.value;
    if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier || specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
      return { module, path: dropDefault(properties) };
    }
    const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
    return { module, path: dropDefault([imported, ...properties]) };
  }
  if (def?.type === DefinitionType.Variable) {
    const declarator = def.node;
    if (!declarator.init || variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
    const path = destructuredPath(def.name, declarator.id);
    if (!path) return undefined;
    const base = importPathOf(sourceCode, declarator.init, depth + 1);
    return base ? { module: base.module, path: dropDefault([...base.path, ...path, ...properties]) } : undefined;
  }
  return undefined;
}

function samePath(path: readonly string[], ...candidates: ReadonlyArray<readonly string[]>): boolean {
  return candidates.some((candidate) => candidate.length === path.length && candidate.every((segment, index) => segment === path[index]));
}

/** Which framework a call / `new` of an imported export creates: `express()`, `Router()`, `Fastify()`, `new Hono()`, … */
function createdFramework(imported: ImportPath, kind: 'call' | 'new'): HttpFramework | undefined {
  const { module, path } = imported;
  if (module === 'express') return kind === 'call' && samePath(path, [], ['Router']) ? 'express' : undefined;
  if (module === 'fastify') return kind === 'call' && samePath(path, [], ['fastify']) ? 'fastify' : undefined;
  if (module === '@koa/router' || module === 'koa-router') return samePath(path, [], ['Router']) ? 'koa' : undefined;
  if (module === 'hono' || module.startsWith('hono/')) return kind === 'new' && samePath(path, ['Hono']) ? 'hono' : undefined;
  if (module === '@hono/zod-openapi') return kind === 'new' && samePath(path, ['OpenAPIHono']) ? 'hono' : undefined;
  return undefined;
}

/** A type annotation naming a framework type imported from its package: `Express`, `express.Router`, `FastifyInstance`, `Hono`. */
function frameworkOfAnnotation(sourceCode: SourceCode, annotation: TSESTree.TypeNode): Origin | undefined {
  if (annotation.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const segments: string[] = [];
  let name: TSESTree.EntityName = annotation.typeName;
  while (name.type === AST_NODE_TYPES.TSQualifiedName) {
    segments.unshift(name.right.name);
    name = name.left;
  }
  if (name.type !== AST_NODE_TYPES.Identifier) return undefined;
  const imported = importPathOf(sourceCode, name);
  if (!imported) return undefined;
  const framework = frameworkOfModule(imported.module);
  const typeName = [...imported.path, ...segments].at(-1);
  if (!framework || typeName === undefined) return undefined;
  const data = FRAMEWORK_TYPES[framework];
  if (data.names.has(typeName)) return { kind: 'framework', framework, role: 'app' };
  if (data.routeNames?.has(typeName)) return { kind: 'framework', framework, role: 'route' };
  return undefined;
}

function typeReferenceName(annotation: TSESTree.TypeNode | undefined): string | undefined {
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const { typeName } = annotation;
  if (typeName.type === AST_NODE_TYPES.Identifier) return typeName.name;
  if (typeName.type === AST_NODE_TYPES.TSQualifiedName) return typeName.right.name;
  return undefined;
}

/** `register(plugin)` on anything, or `fp(plugin)` / `fastifyPlugin(plugin)` from 'fastify-plugin'. */
function isPluginRegistration(sourceCode: SourceCode, call: TSESTree.CallExpression, argument: TSESTree.Node): boolean {
  if (call.arguments[0] !== argument) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(callee) === 'register') return true;
  return importPathOf(sourceCode, callee)?.module === 'fastify-plugin';
}

/** A Fastify plugin: passed to `.register(...)` / `fp(...)` (directly or by name in this file) or typed `FastifyPlugin*`. */
function isFastifyPlugin(sourceCode: SourceCode, fn: TSESTree.Node): boolean {
  let node: TSESTree.Node = fn;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)) {
    if (typeReferenceName(node.parent.typeAnnotation)?.startsWith('FastifyPlugin')) return true;
    node = node.parent;
  }
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && isPluginRegistration(sourceCode, parent, node)) return true;
  let name: TSESTree.Identifier | undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) name = fn.id;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    if (typeReferenceName(parent.id.typeAnnotation?.typeAnnotation)?.startsWith('FastifyPlugin')) return true;
    name = parent.id;
  }
  if (!name) return false;
  const variable = findVariable(sourceCode, name);
  return (
    variable?.references.some((reference) => {
      const use = reference.identifier.parent;
      return use?.type === AST_NODE_TYPES.CallExpression && isPluginRegistration(sourceCode, use, reference.identifier);
    }) === true
  );
}

function parameterOrigin(sourceCode: SourceCode, def: TSESLint.Scope.Definition, identifier: TSESTree.Identifier): Origin {
  const fn = def.node as TSESTree.Node;
  const unknown: Origin = { kind: 'unknown', name: identifier.name, role: 'app' };
  if (
    fn.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
    fn.type !== AST_NODE_TYPES.FunctionExpression &&
    fn.type !== AST_NODE_TYPES.FunctionDeclaration
  ) {
    return unknown;
  }
  const name = def.name;
  const index = fn.params.findIndex((param) => param === name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === name));
  if (index < 0 || name.type !== AST_NODE_TYPES.Identifier) return unknown;
  const annotation = name.typeAnnotation?.typeAnnotation;
  if (annotation) {
    const annotated = frameworkOfAnnotation(sourceCode, annotation);
    if (annotated) return annotated;
  }
  if (index === 0 && isFastifyPlugin(sourceCode, fn)) return { kind: 'framework', framework: 'fastify', role: 'app' };
  return unknown;
}

const variableOrigins = new WeakMap<TSESLint.Scope.Variable, Origin>();

function identifierOrigin(sourceCode: SourceCode, identifier: TSESTree.Identifier, depth: number): Origin {
  const variable = findVariable(sourceCode, identifier);
  const unknown: Origin = { kind: 'unknown', name: identifier.name, role: 'app' };
  if (variable?.defs.length !== 1) return unknown;
  const cached = variableOrigins.get(variable);
  if (cached) return cached;
  variableOrigins.set(variable, unknown); // cycles
  const origin = variableOrigin(sourceCode, variable, identifier, depth);
  variableOrigins.set(variable, origin);
  return origin;
}

function variableOrigin(sourceCode: SourceCode, variable: TSESLint.Scope.Variable, identifier: TSESTree.Identifier, depth: number): Origin {
  const def = variable.defs[0];
  const unknown: Origin = { kind: 'unknown', name: identifier.name, role: 'app' };
  if (!def) return unknown;
  switch (def.type) {
    case DefinitionType.Variable: {
      const declarator = def.node;
      if (!declarator.init || variable.references.some((reference) => reference.isWrite() && !reference.init)) return unknown;
      if (declarator.id !== def.name) {
        // `const { app } = require('./app')`: only an import from another package says something.
        const imported = importPathOf(sourceCode, def.name);
        return imported && !isLocalSpecifier(imported.module) && !frameworkOfModule(imported.module) ? OTHER : unknown;
      }
      const origin = originOf(sourceCode, declarator.init, depth + 1);
      return origin.kind === 'unknown' ? { kind: 'unknown', name: origin.name ?? identifier.name, role: origin.role } : origin;
    }
    case DefinitionType.Parameter:
      return parameterOrigin(sourceCode, def, identifier);
    case DefinitionType.ImportBinding: {
      const imported = importPathOf(sourceCode, identifier);
      if (!imported || isLocalSpecifier(imported.module) || frameworkOfModule(imported.module)) return unknown;
      return OTHER;
    }
    case DefinitionType.ClassName:
    case DefinitionType.FunctionName:
    case DefinitionType.TSEnumName:
    case DefinitionType.TSModuleName:
      return OTHER;
    default:
      return unknown;
  }
}

/** What a method call on a receiver of `origin` returns, when it is the same receiver (chaining) or an Express route. */
function chainedOrigin(origin: Origin, method: string, call: TSESTree.CallExpression): Origin | undefined {
  if (origin.kind === 'other') return OTHER;
  if (origin.kind === 'unknown') {
    if (origin.name === undefined) return undefined;
    if (origin.role === 'route') return ROUTE_METHODS.express.has(method) ? origin : undefined;
    if (method === 'route' && call.arguments.length === 1) return { kind: 'unknown', name: origin.name, role: 'route' };
    const isRoute = FRAMEWORKS.some((framework) => ROUTE_METHODS[framework].has(method)) && call.arguments.length >= 2;
    return isRoute || method === 'use' ? origin : undefined;
  }
  const { framework } = origin;
  if (framework === 'express') {
    if (origin.role === 'route') return ROUTE_METHODS.express.has(method) ? origin : undefined;
    if (method === 'route' && call.arguments.length === 1) return { kind: 'framework', framework, role: 'route' };
    // `app.get('port')` is a settings getter: only a registration returns the app.
    if (ROUTE_METHODS.express.has(method)) return call.arguments.length >= 2 ? origin : undefined;
  }
  if (ROUTE_METHODS[framework].has(method) || CHAINING_METHODS[framework].has(method)) return origin;
  return undefined;
}

/** Built-in constructors whose instances have route-method names (`new Map()`'s `get` / `delete`): never a framework. */
const BUILTIN_CONSTRUCTORS: ReadonlySet<string> = new Set(['Map', 'WeakMap', 'Set', 'WeakSet', 'URLSearchParams', 'Headers', 'FormData']);

/** An identifier that names no binding of this file (a global such as `Map`). */
function isGlobal(sourceCode: SourceCode, identifier: TSESTree.Identifier): boolean {
  const variable = findVariable(sourceCode, identifier);
  return !variable || variable.defs.length === 0;
}

function originOf(sourceCode: SourceCode, node: TSESTree.Node, depth: number): Origin {
  if (depth > MAX_DEPTH) return UNKNOWN;
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return identifierOrigin(sourceCode, expression, depth);
    case AST_NODE_TYPES.AwaitExpression:
      return originOf(sourceCode, expression.argument, depth + 1);
    case AST_NODE_TYPES.MemberExpression: {
      const imported = importPathOf(sourceCode, expression);
      if (imported && !isLocalSpecifier(imported.module) && !frameworkOfModule(imported.module)) return OTHER;
      const name = staticPropertyName(expression);
      return name === undefined ? UNKNOWN : { kind: 'unknown', name, role: 'app' };
    }
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression: {
      const kind = expression.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call';
      const imported = importPathOf(sourceCode, expression.callee);
      if (imported) {
        const framework = createdFramework(imported, kind);
        if (framework) return { kind: 'framework', framework, role: 'app' };
        if (!isLocalSpecifier(imported.module) && !frameworkOfModule(imported.module)) return OTHER; // axios.create()
      }
      const callee = unwrapExpression(expression.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && BUILTIN_CONSTRUCTORS.has(callee.name) && isGlobal(sourceCode, callee)) return OTHER;
      if (kind === 'call' && callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = staticPropertyName(callee);
        if (method !== undefined) {
          const chained = chainedOrigin(originOf(sourceCode, callee.object, depth + 1), method, expression as TSESTree.CallExpression);
          if (chained) return chained;
        }
      }
      return UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Conventional receivers: the framework the file is about
// ---------------------------------------------------------------------------------------------------------------------

const fileFrameworks = new WeakMap<TSESTree.Program, ReadonlySet<HttpFramework>>();

/** HTTP frameworks the file imports (top-level `import` declarations and `require` calls). */
function importedFrameworks(program: TSESTree.Program): ReadonlySet<HttpFramework> {
  const cached = fileFrameworks.get(program);
  if (cached) return cached;
  const found = new Set<HttpFramework>();
  const add = (module: string | undefined): void => {
    const framework = module === undefined ? undefined : frameworkOfModule(module);
    if (framework) found.add(framework);
  };
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) add(statement.source.value);
    else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration && statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) {
      add(stringValue(statement.moduleReference.expression));
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (declarator.init) add(requireModule(flattenMembers(declarator.init).root));
      }
    }
  }
  fileFrameworks.set(program, found);
  return found;
}

/** The one HTTP framework the file imports; else Fastify for a receiver named `fastify`; else Express. */
function guessFramework(sourceCode: SourceCode, name: string): HttpFramework {
  const imported = importedFrameworks(sourceCode.ast);
  if (imported.size === 1) return [...imported][0] ?? 'express';
  return name === 'fastify' ? 'fastify' : 'express';
}

// ---------------------------------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------------------------------

const receiverCache = new WeakMap<TSESTree.Node, ReceiverInfo | null>();

/**
 * Which HTTP framework receives registrations on `node` (the object of `node.post(...)`), how that is known, and
 * whether it is an Express route object; undefined when it is not (or not recognizably) a framework's app, router or
 * instance. See the module comment for the rules. Never throws.
 */
export function frameworkOfReceiver(node: TSESTree.Node, context: RuleContext): ReceiverInfo | undefined {
  const cached = receiverCache.get(node);
  if (cached !== undefined) return cached ?? undefined;
  let info: ReceiverInfo | undefined;
  try {
    info = computeReceiver(node, context);
  } catch {
    info = undefined;
  }
  receiverCache.set(node, info ?? null);
  return info;
}

function computeReceiver(node: TSESTree.Node, context: RuleContext): ReceiverInfo | undefined {
  const support = typeSupport(context);
  if (support) {
    const verdict = typedReceiver(support, node);
    if (verdict === 'other') return undefined;
    if (verdict !== 'unresolved') return { framework: verdict.framework, via: 'type', role: verdict.role };
  }
  const { sourceCode } = context;
  const origin = originOf(sourceCode, node, 0);
  if (origin.kind === 'framework') return { framework: origin.framework, via: 'origin', role: origin.role };
  if (origin.kind === 'unknown' && origin.name !== undefined && CONVENTIONAL_RECEIVER_NAMES.has(origin.name)) {
    return { framework: guessFramework(sourceCode, origin.name), via: 'conventional', role: origin.role };
  }
  return undefined;
}

/**
 * A route registration `receiver.name(…)` on a receiver of `framework`, for the method names `accepts`
 * takes; undefined for any other call.
 */
export function registrationCall(
  context: RuleContext,
  call: TSESTree.CallExpression,
  framework: Framework,
  accepts: (name: string) => boolean,
): { callee: TSESTree.MemberExpression; name: string; info: ReceiverInfo } | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = staticPropertyName(callee);
  if (name === undefined || !accepts(name)) return undefined;
  const info = frameworkOfReceiver(callee.object, context);
  return info?.framework === framework ? { callee, name, info } : undefined;
}

/**
 * The request context of a handler named after its first parameter (`req`, `ctx`, `c`): the actor
 * expression when the parameter's type has `actorPath` (untyped: always, unless `typedOnly`), and the source.
 */
export function requestContextOf(
  context: RuleContext,
  handler: TSESTree.FunctionLike | undefined,
  access: {
    readonly actorPath: readonly string[];
    readonly actor: (name: string) => string;
    readonly source: (name: string) => string;
    /** Name the actor only when the type shows it (never untyped). */
    readonly typedOnly?: boolean;
  },
): RequestContextAccess | undefined {
  const parameter = parameterAt(handler, 0);
  if (!parameter) return undefined;
  const presence = propertyPathPresence(context, parameter, access.actorPath);
  const named = access.typedOnly ? presence === 'present' : presence !== 'missing';
  return { actor: named ? access.actor(parameter.name) : undefined, source: access.source(parameter.name) };
}
