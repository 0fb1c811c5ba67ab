/**
 * Endpoints built by the team's own factories (`settings.compliance.endpoints.factories`) and route tables
 * (PATTERNS.md #10, #11), plus the small toolkit the application-framework adapters share (NestJS, Next.js, tRPC):
 * type lookups that never throw, static strings, functions named in the file, handlers inside wrapper calls, file
 * directives and the Next.js file kinds (the factory adapter must leave Next.js exports to the Next.js adapter).
 *
 * Factories: `export const postThing = createApiRequestHandler(schema)(async (req) => …)` (curried: the outer call
 * whose callee is a call of the factory) and `export const deleteUser = createHandler(async (req) => …)` (direct: needs
 * a handler argument, so a bare `createApiRequestHandler(schema)` stored for later is not an endpoint). The method comes
 * from the name the endpoint is stored under (`postThing` → POST, `deleteUser` → DELETE, `updateX` → PUT), else `ALL`.
 *
 * Route tables: `this.route({ method: 'post', path: '/reset', handler: this.resetPassword })` (also `this.route([...])`
 * / `this.routes([...])` with such objects). Only the receiver `this`: `fastify.route({...})` belongs to the Fastify adapter.
 */
import { AST_NODE_TYPES, ASTUtils, type ParserServicesWithTypeInformation, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { calleePath, createCallMatcher, EXPRESSION_SEGMENT, splitWords, staticPropertyName, typeSupport, unwrapExpression } from '../matchers.js';
import type { AdapterContext, EndpointAdapter, EndpointMethod, RequestContextAccess } from './types.js';

type RuleContext = AdapterContext['context'];
type SourceCode = Readonly<TSESLint.SourceCode>;

// =====================================================================================================================
// Shared toolkit of the application adapters
// =====================================================================================================================

/** HTTP methods an endpoint can name, upper case. */
export const HTTP_VERBS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']);

// ---------------------------------------------------------------------------------------------------------------------
// Type information (never throws)

export interface TypeTools {
  readonly services: ParserServicesWithTypeInformation;
  readonly checker: ts.TypeChecker;
}

/** `ts.SymbolFlags.Alias` — `typescript` is an optional peer, so its enums are not imported at run time. */
const SYMBOL_FLAG_ALIAS = 2_097_152;
/** `ts.TypeFlags.Any | ts.TypeFlags.Unknown`. */
const TYPE_FLAGS_ANY_OR_UNKNOWN = 1 | 2;

/** The checker, when the file was parsed with type information; undefined otherwise (and for espree). */
export function typeTools(context: RuleContext): TypeTools | undefined {
  return typeSupport(context);
}

/** The symbol a name refers to, through import aliases (`import { Post as P }`, barrel re-exports); undefined if unresolved. */
export function resolvedSymbol(tools: TypeTools, node: TSESTree.Node): ts.Symbol | undefined {
  try {
    const tsNode = tools.services.esTreeNodeToTSNodeMap.get(node);
    let symbol = tools.checker.getSymbolAtLocation(tsNode);
    if (symbol && (symbol.flags & SYMBOL_FLAG_ALIAS) !== 0) symbol = tools.checker.getAliasedSymbol(symbol);
    return symbol?.declarations?.length ? symbol : undefined;
  } catch {
    return undefined;
  }
}

const PACKAGE_IN_PATH = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gu;

/** The npm package a declaration file belongs to (the innermost `node_modules/<pkg>/`), or undefined for project files. */
function packageOfFile(fileName: string): string | undefined {
  let found: string | undefined;
  for (const match of fileName.replaceAll('\\', '/').matchAll(PACKAGE_IN_PATH)) found = match[1];
  return found;
}

/** The package that declares a symbol; `null` when it is declared in the project; undefined when unknown. */
export function packageOfSymbol(symbol: ts.Symbol | undefined): string | null | undefined {
  const declaration = symbol?.declarations?.[0];
  if (!declaration) return undefined;
  try {
    return packageOfFile(declaration.getSourceFile().fileName) ?? null;
  } catch {
    return undefined;
  }
}

/** Whether the type (or its alias) is declared in package `pkg`. */
export function typeFromPackage(tools: TypeTools, type: ts.Type, pkg: string): boolean {
  try {
    return [type.aliasSymbol, type.getSymbol()].some((symbol) => symbol !== undefined && packageOfSymbol(symbol) === pkg);
  } catch {
    return false;
  }
}

/** The type of an expression or pattern; undefined without types or when the checker fails. */
export function typeOfNode(tools: TypeTools | undefined, node: TSESTree.Node): ts.Type | undefined {
  if (!tools) return undefined;
  try {
    return tools.services.getTypeAtLocation(node);
  } catch {
    return undefined;
  }
}

/** Whether a type is `any` / `unknown` (nothing can be confirmed from it). */
export function isLooseType(type: ts.Type): boolean {
  return (type.flags & TYPE_FLAGS_ANY_OR_UNKNOWN) !== 0;
}

/**
 * Builds `base.a?.b` for a property path that exists on the type of `node` (`?.` after a nullable step); undefined when
 * a step is missing, and `conventional` when the type of `node` itself is `any` / `unknown` (nothing to check against).
 * With `call`, the last step must be a method and the text ends with the call (`req.headers.get('x-forwarded-for')`).
 * Used to name the actor and source only with what the handler's types really offer, so a suggested audit call type-checks.
 */
export function typedAccess(
  tools: TypeTools,
  node: TSESTree.Node,
  base: string,
  path: readonly string[],
  options: { readonly conventional?: string; readonly call?: string } = {},
): string | undefined {
  const type = typeOfNode(tools, node);
  if (!type) return undefined;
  if (isLooseType(type)) return options.conventional;
  try {
    let current: ts.Type = type;
    let text = base;
    let loose = false;
    for (const name of path) {
      if (loose || isLooseType(current)) {
        loose = true;
        text += `?.${name}`;
        continue;
      }
      const nonNullable = tools.checker.getNonNullableType(current);
      const property = tools.checker.getPropertyOfType(nonNullable, name);
      if (!property) return undefined;
      text += nonNullable === current ? `.${name}` : `?.${name}`;
      current = tools.checker.getTypeOfSymbol(property);
    }
    if (options.call === undefined) return text;
    const callable = loose || isLooseType(current) || tools.checker.getNonNullableType(current).getCallSignatures().length > 0;
    return callable ? `${text}(${options.call})` : undefined;
  } catch {
    return undefined;
  }
}

/** {@link typedAccess} with types, else the conventional text (untyped mode names what the framework conventionally offers). */
export function contextAccess(tools: TypeTools | undefined, node: TSESTree.Node, base: string, path: readonly string[], conventional: string | undefined, call?: string): string | undefined {
  if (!tools) return conventional;
  return typedAccess(tools, node, base, path, { ...(conventional === undefined ? {} : { conventional }), ...(call === undefined ? {} : { call }) });
}

// ---------------------------------------------------------------------------------------------------------------------
// Scope and static values

function findVariable(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  try {
    return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  } catch {
    return null;
  }
}

const MAX_DEPTH = 6;

/** The initializer of a `const` (or never reassigned) binding declared by a plain identifier; undefined otherwise. */
export function constantInit(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = findVariable(sourceCode, identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== TSESLint.Scope.DefinitionType.Variable) return undefined;
  const declarator = def.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  if (variable?.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  return declarator.init;
}

/** How a name is bound in the file: an import (module and imported name), a local declaration, or nothing (a global). */
export type Binding =
  | { readonly kind: 'import'; readonly module: string; readonly imported: string | undefined }
  | { readonly kind: 'local' }
  | { readonly kind: 'unbound' };

export function bindingOf(sourceCode: SourceCode, identifier: TSESTree.Identifier): Binding {
  const variable = findVariable(sourceCode, identifier);
  if (!variable || variable.defs.length === 0) return { kind: 'unbound' };
  const def = variable.defs[0];
  if (def?.type === TSESLint.Scope.DefinitionType.ImportBinding && def.node.parent?.type === AST_NODE_TYPES.ImportDeclaration) {
    const specifier = def.node;
    const module = def.node.parent.source.value;
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
      return { kind: 'import', module, imported };
    }
    if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { kind: 'import', module, imported: 'default' };
    return { kind: 'import', module, imported: undefined }; // namespace
  }
  return { kind: 'local' };
}

/** A string known statically: a literal, a template without expressions, or a `const` bound to one of these. */
export function staticString(node: TSESTree.Node | null | undefined, sourceCode: SourceCode, depth = 0): string | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Literal) return typeof expression.value === 'string' ? expression.value : undefined;
  if (expression.type === AST_NODE_TYPES.TemplateLiteral) {
    return expression.expressions.length === 0 ? (expression.quasis[0]?.value.cooked ?? undefined) : undefined;
  }
  if (expression.type === AST_NODE_TYPES.Identifier) return staticString(constantInit(sourceCode, expression), sourceCode, depth + 1);
  return undefined;
}

/** The static name of an object property's key (`a`, `'a'`, `['a']`). */
export function propertyKeyName(property: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition, sourceCode: SourceCode): string | undefined {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  if (!property.computed && property.key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${property.key.name}`;
  return staticString(property.key, sourceCode);
}

/** The property named `name` of an object literal (not spread, not computed from a variable). */
export function objectProperty(object: TSESTree.ObjectExpression, name: string, sourceCode: SourceCode): TSESTree.Property | undefined {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyKeyName(property, sourceCode) === name) return property;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------------
// Functions

export type InlineFunction = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

export function isInlineFunction(node: TSESTree.Node | null | undefined): node is InlineFunction {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

/** The class a `this` inside `node` refers to: the nearest class whose body encloses it (through arrow functions and methods). */
function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return current;
    // A plain function (not a method, not an arrow) has its own `this`.
    if (
      (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression) &&
      current.parent?.type !== AST_NODE_TYPES.MethodDefinition &&
      current.parent?.type !== AST_NODE_TYPES.PropertyDefinition
    ) {
      return undefined;
    }
  }
  return undefined;
}

/** The function a class member `name` holds: a method, or a property initialized with a function. */
export function classMemberFunction(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string, sourceCode: SourceCode): InlineFunction | undefined {
  for (const member of classNode.body.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'method' && propertyKeyName(member, sourceCode) === name) {
      return member.value.type === AST_NODE_TYPES.FunctionExpression ? member.value : undefined;
    }
    if (member.type === AST_NODE_TYPES.PropertyDefinition && propertyKeyName(member, sourceCode) === name && member.value) {
      const value = unwrapExpression(member.value);
      return isInlineFunction(value) ? value : undefined;
    }
  }
  return undefined;
}

/**
 * The function an expression names in this file: an inline function, `fn.bind(this)`, an identifier bound to a function
 * declaration or to a `const` function, `this.method` of the enclosing class. Wrapper calls are not entered (see
 * {@link innermostHandler}).
 */
export function resolveFunction(node: TSESTree.Node | null | undefined, sourceCode: SourceCode, depth = 0): InlineFunction | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  const expression = unwrapExpression(node);
  if (isInlineFunction(expression)) return expression;
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(expression.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(callee) === 'bind') return resolveFunction(callee.object, sourceCode, depth + 1);
    return undefined;
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(sourceCode, expression);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === TSESLint.Scope.DefinitionType.FunctionName && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
    return resolveFunction(constantInit(sourceCode, expression), sourceCode, depth + 1);
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(expression.object).type === AST_NODE_TYPES.ThisExpression) {
    const name = staticPropertyName(expression);
    const classNode = enclosingClass(expression);
    return name && classNode ? classMemberFunction(classNode, name, sourceCode) : undefined;
  }
  return undefined;
}

/**
 * The handler inside wrapper calls: `withA(withB(async () => …))`, `withX(opts)(fn)`, `wrap({ action, handler })`,
 * `withAudit('created', 'survey', fn)`, a `const` bound to one of these. Arguments are searched from the last one.
 */
export function innermostHandler(node: TSESTree.Node | null | undefined, sourceCode: SourceCode, depth = 0): InlineFunction | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  const direct = resolveFunction(node, sourceCode);
  if (direct) return direct;
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return innermostHandler(constantInit(sourceCode, expression), sourceCode, depth + 1);
  if (expression.type === AST_NODE_TYPES.AwaitExpression) return innermostHandler(expression.argument, sourceCode, depth + 1);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) {
    const handler = objectProperty(expression, 'handler', sourceCode);
    return handler ? innermostHandler(handler.value, sourceCode, depth + 1) : undefined;
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  for (let index = expression.arguments.length - 1; index >= 0; index--) {
    const found = innermostHandler(expression.arguments[index], sourceCode, depth + 1);
    if (found) return found;
  }
  const callee = unwrapExpression(expression.callee);
  return callee.type === AST_NODE_TYPES.CallExpression ? innermostHandler(callee, sourceCode, depth + 1) : undefined;
}

/** The name of a function as written: its id, the variable / property / class member it initializes. */
export function functionName(node: InlineFunction, sourceCode: SourceCode): { name: string; node: TSESTree.Node } | undefined {
  if (node.id) return { name: node.id.name, node: node.id };
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return { name: parent.id.name, node: parent.id };
  if ((parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.PropertyDefinition || parent?.type === AST_NODE_TYPES.MethodDefinition) && parent.value === node) {
    const name = propertyKeyName(parent, sourceCode);
    if (name !== undefined) return { name, node: parent.key };
  }
  return undefined;
}

/** Identifier parameter names, through defaults and TS parameter properties. */
export function parameterIdentifier(parameter: TSESTree.Parameter | undefined): TSESTree.Identifier | undefined {
  if (!parameter) return undefined;
  if (parameter.type === AST_NODE_TYPES.Identifier) return parameter;
  if (parameter.type === AST_NODE_TYPES.AssignmentPattern && parameter.left.type === AST_NODE_TYPES.Identifier) return parameter.left;
  if (parameter.type === AST_NODE_TYPES.TSParameterProperty) return parameterIdentifier(parameter.parameter);
  return undefined;
}

/** The local name of property `key` destructured in an object-pattern parameter (`({ req: request })` → `request`). */
export function destructuredName(parameter: TSESTree.Parameter | undefined, key: string, sourceCode: SourceCode): TSESTree.Identifier | undefined {
  const pattern = parameter?.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  if (pattern?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || propertyKeyName(property, sourceCode) !== key) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    return value.type === AST_NODE_TYPES.Identifier ? value : undefined;
  }
  return undefined;
}

/** The name of the type annotation of a parameter (`req: NextRequest` → `NextRequest`, `ns.Request` → `Request`). */
export function annotationName(identifier: TSESTree.Identifier): string | undefined {
  const annotation = identifier.typeAnnotation?.typeAnnotation;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const name = annotation.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return name.name;
  if (name.type === AST_NODE_TYPES.TSQualifiedName) return name.right.name;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------------
// Files

/** The directives of a directive prologue (`'use server'`, `'use client'`, `'use strict'`). */
export function directivesOf(body: readonly TSESTree.Node[]): string[] {
  const directives: string[] = [];
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) break;
    directives.push(statement.directive);
  }
  return directives;
}

function pathSegments(filename: string): string[] {
  return filename.replaceAll('\\', '/').split('/');
}

const ROUTE_FILE = /^route\.(?:[cm]?[jt]s|[jt]sx)$/u;
const SCRIPT_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/u;

/**
 * The route of a Next.js App Router route handler file (`…/app/api/users/[id]/route.ts` → `/api/users/[id]`): route
 * groups `(admin)` and parallel-route slots `@modal` are dropped. Undefined when the file is not `route.*` under `app/`.
 */
export function appRouterRoute(filename: string): string | undefined {
  const segments = pathSegments(filename);
  if (!ROUTE_FILE.test(segments[segments.length - 1] ?? '')) return undefined;
  const directories = segments.slice(0, -1);
  // `src/app` wins over a route segment that happens to be called `app`; otherwise the last `app` directory.
  let appIndex = -1;
  for (let index = directories.length - 1; index > 0; index--) {
    if (directories[index] === 'app' && directories[index - 1] === 'src') {
      appIndex = index;
      break;
    }
  }
  if (appIndex < 0) appIndex = directories.lastIndexOf('app');
  if (appIndex < 0) return undefined;
  const parts = directories.slice(appIndex + 1).filter((part) => part.length > 0 && !/^\([^.].*\)$/u.test(part) && !part.startsWith('@'));
  return `/${parts.join('/')}`;
}

/** The route of a Next.js `pages/api` file (`…/pages/api/users/[id].ts` → `/api/users/[id]`, `index` dropped). */
export function pagesApiRoute(filename: string): string | undefined {
  const segments = pathSegments(filename);
  const file = segments[segments.length - 1] ?? '';
  if (!SCRIPT_FILE.test(file) || /\.d\.[cm]?ts$/u.test(file)) return undefined;
  let pagesIndex = -1;
  for (let index = segments.length - 2; index >= 0; index--) {
    if (segments[index] === 'pages' && segments[index + 1] === 'api') {
      pagesIndex = index;
      break;
    }
  }
  if (pagesIndex < 0 || pagesIndex + 2 >= segments.length) return undefined;
  const parts = [...segments.slice(pagesIndex + 1, -1), file.replace(SCRIPT_FILE, '')];
  if (parts[parts.length - 1] === 'index') parts.pop();
  return `/${parts.join('/')}`;
}

// =====================================================================================================================
// The factory adapter
// =====================================================================================================================

/** First words of a name and the method they mean. Only clear verbs: anything else is `ALL` (audited as state-changing). */
const VERB_WORDS: ReadonlyMap<string, EndpointMethod> = new Map<string, EndpointMethod>([
  ['get', 'GET'],
  ['head', 'HEAD'],
  ['options', 'OPTIONS'],
  ['post', 'POST'],
  ['put', 'PUT'],
  ['patch', 'PATCH'],
  ['delete', 'DELETE'],
  ['list', 'GET'],
  ['find', 'GET'],
  ['search', 'GET'],
  ['read', 'GET'],
  ['create', 'POST'],
  ['add', 'POST'],
  ['insert', 'POST'],
  ['update', 'PUT'],
  ['edit', 'PUT'],
  ['modify', 'PUT'],
  ['replace', 'PUT'],
  ['remove', 'DELETE'],
  ['destroy', 'DELETE'],
  ['del', 'DELETE'],
]);

/** `postThing` → POST, `DELETE` → DELETE, `deleteUser` → DELETE, `updateX` → PUT, `createX` → POST; else ALL. */
export function methodFromName(name: string | undefined): EndpointMethod {
  if (!name) return 'ALL';
  if (HTTP_VERBS.has(name.toUpperCase())) return name.toUpperCase() as EndpointMethod;
  const first = splitWords(name)[0];
  return (first !== undefined && VERB_WORDS.get(first)) || 'ALL';
}

/** Where an expression's value is stored: `const x = …`, `export default …`, `{ x: … }`, `this.x = …` (through TS wrappers and `await`). */
function storageName(node: TSESTree.Node, sourceCode: SourceCode): { name: string; node: TSESTree.Node; exported: boolean } | undefined {
  let current: TSESTree.Node = node;
  let parent = current.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.AwaitExpression)
  ) {
    current = parent;
    parent = current.parent;
  }
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) {
    const exported = parent.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
    return { name: parent.id.name, node: parent.id, exported };
  }
  if (parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return { name: 'default', node: parent, exported: true };
  if (parent.type === AST_NODE_TYPES.Property && parent.value === current) {
    const name = propertyKeyName(parent, sourceCode);
    return name === undefined ? undefined : { name, node: parent.key, exported: false };
  }
  if (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.value === current) {
    const name = propertyKeyName(parent, sourceCode);
    return name === undefined ? undefined : { name, node: parent.key, exported: false };
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticPropertyName(parent.left);
    return name === undefined ? undefined : { name, node: parent.left.property, exported: parent.left.object.type === AST_NODE_TYPES.Identifier && ['exports', 'module'].includes(parent.left.object.name) };
  }
  return undefined;
}

const ROUTE_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']);

/** `router.post('/x', createHandler(…))`: the route registration is the endpoint, reported by the router's adapter. */
function isRouteRegistrationArgument(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  const parent = call.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee === call || !parent.arguments.includes(call)) return false;
  const callee = unwrapExpression(parent.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const verb = staticPropertyName(callee);
  return verb !== undefined && ROUTE_VERBS.has(verb.toLowerCase()) && staticString(parent.arguments[0], sourceCode) !== undefined;
}

/** The identifier `export default x` names, if any. */
function defaultExportedName(program: TSESTree.Program): string | undefined {
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && statement.declaration.type === AST_NODE_TYPES.Identifier) {
      return statement.declaration.name;
    }
  }
  return undefined;
}

/**
 * Next.js endpoints are the Next.js adapter's even when built by a factory: `export const POST = createHandler(…)` in
 * a route file, the default export of a `pages/api` file, an export of a `'use server'` file.
 */
function nextClaims(storage: { name: string; exported: boolean } | undefined, filename: string, program: TSESTree.Program): boolean {
  if (!storage) return false;
  if (appRouterRoute(filename) !== undefined && storage.exported && HTTP_VERBS.has(storage.name)) return true;
  if (pagesApiRoute(filename) !== undefined && (storage.name === 'default' || storage.name === defaultExportedName(program))) return true;
  return storage.exported && directivesOf(program.body).includes('use server');
}

/** The route table entry `{ method: 'post', path|url: '/reset', handler, middleware? }`, or undefined. */
function routeTableEntry(
  entry: TSESTree.Node,
  sourceCode: SourceCode,
): { methods: EndpointMethod[]; route: string | undefined; handlerNode: TSESTree.Node; middleware: TSESTree.Node[]; methodNode: TSESTree.Node } | undefined {
  const object = unwrapExpression(entry);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const handler = objectProperty(object, 'handler', sourceCode);
  const method = objectProperty(object, 'method', sourceCode);
  if (!handler || !method) return undefined;
  const values = unwrapExpression(method.value);
  const names = values.type === AST_NODE_TYPES.ArrayExpression ? values.elements.map((element) => staticString(element, sourceCode)) : [staticString(values, sourceCode)];
  const methods: EndpointMethod[] = [];
  for (const name of names) {
    const upper = name?.toUpperCase();
    if (upper === undefined || !(HTTP_VERBS.has(upper) || upper === 'ALL')) return undefined;
    methods.push(upper as EndpointMethod);
  }
  if (methods.length === 0) return undefined;
  const path = objectProperty(object, 'path', sourceCode) ?? objectProperty(object, 'url', sourceCode);
  const middleware: TSESTree.Node[] = [];
  for (const key of ['middleware', 'middlewares']) {
    const value = objectProperty(object, key, sourceCode)?.value;
    if (!value) continue;
    const list = unwrapExpression(value);
    if (list.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of list.elements) if (element && element.type !== AST_NODE_TYPES.SpreadElement) middleware.push(element);
    } else {
      middleware.push(value);
    }
  }
  return { methods, route: staticString(path?.value, sourceCode), handlerNode: handler.value, middleware, methodNode: method };
}

/** Actor and source from a factory handler's request parameter, only as far as its type shows (typed mode). */
function requestContext(tools: TypeTools | undefined, handler: InlineFunction | undefined): RequestContextAccess {
  const request = parameterIdentifier(handler?.params[0]);
  if (!tools || !request) return {};
  const name = request.name;
  const actor = typedAccess(tools, request, name, ['user', 'id']);
  const source = typedAccess(tools, request, name, ['ip']) ?? typedAccess(tools, request, name, ['headers', 'get'], { call: "'x-forwarded-for'" });
  return { ...(actor ? { actor } : {}), ...(source ? { source } : {}) };
}

export const factoryAdapter: EndpointAdapter = {
  framework: 'factory',
  create({ context, sourceCode, policy, report }) {
    const matcher = policy.endpoints.factories.length > 0 ? createCallMatcher(policy.endpoints.factories, context) : undefined;
    const filename = context.filename;
    let tools: TypeTools | null | undefined;
    const types = (): TypeTools | undefined => {
      if (tools === undefined) tools = typeTools(context) ?? null;
      return tools ?? undefined;
    };

    function factoryName(call: TSESTree.CallExpression): string {
      const path = calleePath(call.callee);
      const last = path?.[path.length - 1];
      return last && last !== EXPRESSION_SEGMENT ? last : 'factory';
    }

    function checkFactory(node: TSESTree.CallExpression): void {
      if (!matcher) return;
      const callee = unwrapExpression(node.callee);
      let factoryCall: TSESTree.CallExpression;
      if (callee.type === AST_NODE_TYPES.CallExpression && matcher.matches(callee)) {
        if (node.arguments.length === 0) return; // `createApiRequestHandler(schema)()` mid-edit
        factoryCall = callee; // createApiRequestHandler(schema)(async (req) => …)
      } else if (callee.type !== AST_NODE_TYPES.CallExpression && matcher.matches(node)) {
        // createHandler(async (req) => …); `createApiRequestHandler(schema)` alone is a factory waiting for its handler.
        const parent = node.parent;
        if (parent?.type === AST_NODE_TYPES.CallExpression && unwrapExpression(parent.callee) === node) return;
        if (!node.arguments.some((argument) => innermostHandler(argument, sourceCode) !== undefined)) return;
        factoryCall = node;
      } else {
        return;
      }
      if (isRouteRegistrationArgument(node, sourceCode)) return;
      const storage = storageName(node, sourceCode);
      if (nextClaims(storage, filename, sourceCode.ast)) return;
      const handler = innermostHandler(node, sourceCode);
      const method = methodFromName(storage?.name === 'default' ? undefined : storage?.name);
      const factory = factoryName(factoryCall);
      const route = storage?.name;
      const label = `${method === 'ALL' ? '' : `${method} `}${route ?? 'endpoint'} (${factory})`;
      report({
        framework: 'factory',
        methods: [method],
        route,
        label,
        reportNode: storage && storage.node.type !== AST_NODE_TYPES.ExportDefaultDeclaration ? storage.node : factoryCall.callee,
        chain: [node],
        handler,
        context: requestContext(types(), handler),
      });
    }

    function checkRouteTable(node: TSESTree.CallExpression): void {
      const callee = unwrapExpression(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || unwrapExpression(callee.object).type !== AST_NODE_TYPES.ThisExpression) return;
      const name = staticPropertyName(callee);
      if (name !== 'route' && name !== 'routes') return;
      const first = node.arguments[0] ? unwrapExpression(node.arguments[0]) : undefined;
      const table = first?.type === AST_NODE_TYPES.ArrayExpression;
      const entries = first?.type === AST_NODE_TYPES.ArrayExpression ? first.elements : [first];
      for (const entry of entries) {
        if (!entry || entry.type === AST_NODE_TYPES.SpreadElement) continue;
        const found = routeTableEntry(entry, sourceCode);
        if (!found) continue;
        const handler = resolveFunction(found.handlerNode, sourceCode);
        report({
          framework: 'factory',
          methods: found.methods,
          route: found.route,
          label: `${found.methods.join('|')} ${found.route ?? '<dynamic route>'}`,
          reportNode: table ? found.methodNode : callee,
          chain: [...found.middleware, found.handlerNode],
          handler,
          receiver: callee.object,
          context: requestContext(types(), handler),
        });
      }
    }

    return {
      CallExpression(node) {
        checkFactory(node);
        checkRouteTable(node);
      },
    };
  },
};
