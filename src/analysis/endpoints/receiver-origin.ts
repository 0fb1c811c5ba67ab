/**
 * Untyped mode for the HTTP adapters: a receiver's origin in the file, followed through scope analysis — created by
 * a framework (`express()`, `new Hono()`, whatever alias the import has, ESM or `require`), chained on such a
 * receiver (`app.get(...).post(...)`, `app.route('/x')`), a parameter annotated with a framework type or a plugin's
 * first parameter, something visibly else (`axios.create()`, `new Map()`), or unknown but named.
 * All framework knowledge comes from the records (`frameworks/`).
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../ast/keys.js';
import { stringValue } from '../ast/static-values.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { findVariable } from '../ast/variables.js';
import { flattenMembers } from '../matchers.js';
import { FRAMEWORKS, frameworkOfModule, httpFramework, inModules } from './frameworks/index.js';
import type { HttpFramework } from './frameworks/types.js';
import { importPathOf, type ImportPath, isLocalSpecifier, requireModule } from './imports.js';
import { pluginFramework } from './plugins.js';
import type { Role } from './typed-receiver.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

const { DefinitionType } = TSESLint.Scope;
const MAX_DEPTH = 8;

export type Origin =
  | { readonly kind: 'framework'; readonly framework: HttpFramework; readonly role: Role }
  | { readonly kind: 'other' }
  | { readonly kind: 'unknown'; readonly name?: string; readonly role: Role };

const OTHER: Origin = { kind: 'other' };
const UNKNOWN: Origin = { kind: 'unknown', role: 'app' };

/** An import from a package that is no HTTP framework (`axios`, `node:http`): what it makes is no receiver. */
function isForeign(imported: ImportPath): boolean {
  return !isLocalSpecifier(imported.module) && !frameworkOfModule(imported.module);
}

function samePath(path: readonly string[], candidates: readonly (readonly string[])[]): boolean {
  return candidates.some((candidate) => candidate.length === path.length && candidate.every((segment, index) => segment === path[index]));
}

/** Which framework a call / `new` of an imported export creates: `express()`, `Router()`, `Fastify()`, `new Hono()`, … */
function createdFramework(imported: ImportPath, kind: 'call' | 'new'): HttpFramework | undefined {
  for (const tables of FRAMEWORKS.http) {
    for (const creation of tables.creations) {
      if (!inModules(creation.modules, imported.module)) continue;
      if ((creation.kind === 'any' || creation.kind === kind) && samePath(imported.path, creation.exports)) return tables.framework;
    }
  }
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
  const tables = httpFramework(framework);
  if (tables.typeNames.has(typeName)) return { kind: 'framework', framework, role: 'app' };
  if (tables.routeTypeNames.has(typeName)) return { kind: 'framework', framework, role: 'route' };
  return undefined;
}

function parameterOrigin(sourceCode: SourceCode, def: TSESLint.Scope.Definition, identifier: TSESTree.Identifier): Origin {
  const fn = def.node as TSESTree.Node;
  const unknown: Origin = { kind: 'unknown', name: identifier.name, role: 'app' };
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.FunctionDeclaration) {
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
  const plugin = index === 0 ? pluginFramework(sourceCode, fn) : undefined;
  return plugin ? { kind: 'framework', framework: plugin, role: 'app' } : unknown;
}

/** Per file: keyed by the scope manager's Variable objects, which live as long as the file's AST. */
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
        return imported && isForeign(imported) ? OTHER : unknown;
      }
      const origin = originOf(sourceCode, declarator.init, depth + 1);
      return origin.kind === 'unknown' ? { kind: 'unknown', name: origin.name ?? identifier.name, role: origin.role } : origin;
    }
    case DefinitionType.Parameter:
      return parameterOrigin(sourceCode, def, identifier);
    case DefinitionType.ImportBinding: {
      const imported = importPathOf(sourceCode, identifier);
      return imported && isForeign(imported) ? OTHER : unknown;
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

/** What a method call on a receiver of unknown origin returns: the receiver for a registration or `use`, a route object. */
function chainedOnUnknown(origin: Extract<Origin, { kind: 'unknown' }>, method: string, call: TSESTree.CallExpression): Origin | undefined {
  if (origin.name === undefined) return undefined;
  if (origin.role === 'route') return FRAMEWORKS.routeObjectMethods.has(method) ? origin : undefined;
  if (FRAMEWORKS.routeObjectFactories.has(method) && call.arguments.length === 1) return { kind: 'unknown', name: origin.name, role: 'route' };
  const isRoute = FRAMEWORKS.anyRouteMethods.has(method) && call.arguments.length >= 2;
  return isRoute || FRAMEWORKS.useMethods.has(method) ? origin : undefined;
}

/** What a method call on a receiver of `origin` returns, when it is the same receiver (chaining) or a route object. */
function chainedOrigin(origin: Origin, method: string, call: TSESTree.CallExpression): Origin | undefined {
  if (origin.kind === 'other') return OTHER;
  if (origin.kind === 'unknown') return chainedOnUnknown(origin, method, call);
  const tables = httpFramework(origin.framework);
  if (tables.routeObject !== undefined) {
    if (origin.role === 'route') return tables.routeMethods.has(method) ? origin : undefined;
    if (method === tables.routeObject && call.arguments.length === 1) return { kind: 'framework', framework: origin.framework, role: 'route' };
  }
  // `app.get('port')` is Express's settings getter: only a registration returns the app.
  if (tables.minArguments > 0 && tables.routeMethods.has(method)) return call.arguments.length >= tables.minArguments ? origin : undefined;
  if (tables.routeMethods.has(method) || tables.chaining.has(method)) return origin;
  return undefined;
}

/** Built-in constructors whose instances have route-method names (`new Map()`'s `get` / `delete`): never a framework. */
const BUILTIN_CONSTRUCTORS: ReadonlySet<string> = new Set(['Map', 'WeakMap', 'Set', 'WeakSet', 'URLSearchParams', 'Headers', 'FormData']);

/** An identifier that names no binding of this file (a global such as `Map`). */
function isGlobal(sourceCode: SourceCode, identifier: TSESTree.Identifier): boolean {
  const variable = findVariable(sourceCode, identifier);
  return !variable || variable.defs.length === 0;
}

function callOrigin(sourceCode: SourceCode, expression: TSESTree.CallExpression | TSESTree.NewExpression, depth: number): Origin {
  const kind = expression.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call';
  const imported = importPathOf(sourceCode, expression.callee);
  if (imported) {
    const framework = createdFramework(imported, kind);
    if (framework) return { kind: 'framework', framework, role: 'app' };
    if (isForeign(imported)) return OTHER; // axios.create()
  }
  const callee = unwrapExpression(expression.callee);
  if (callee.type === AST_NODE_TYPES.Identifier && BUILTIN_CONSTRUCTORS.has(callee.name) && isGlobal(sourceCode, callee)) return OTHER;
  if (expression.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = staticPropertyName(callee);
    if (method !== undefined) {
      const chained = chainedOrigin(originOf(sourceCode, callee.object, depth + 1), method, expression);
      if (chained) return chained;
    }
  }
  return UNKNOWN;
}

/** The origin of a receiver expression (see the module comment). */
export function originOf(sourceCode: SourceCode, node: TSESTree.Node, depth: number): Origin {
  if (depth > MAX_DEPTH) return UNKNOWN;
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return identifierOrigin(sourceCode, expression, depth);
    case AST_NODE_TYPES.AwaitExpression:
      return originOf(sourceCode, expression.argument, depth + 1);
    case AST_NODE_TYPES.MemberExpression: {
      const imported = importPathOf(sourceCode, expression);
      if (imported && isForeign(imported)) return OTHER;
      const name = staticPropertyName(expression);
      return name === undefined ? UNKNOWN : { kind: 'unknown', name, role: 'app' };
    }
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression:
      return callOrigin(sourceCode, expression, depth);
    default:
      return UNKNOWN;
  }
}

/** Per file: keyed by the Program node. */
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

/**
 * The framework of a conventional-name receiver: the one HTTP framework the file imports; else the framework whose
 * conventional name it is (`fastify`); else the default (Express, whose `app.METHOD(path, handler)` is the generic shape).
 */
export function guessFramework(sourceCode: SourceCode, name: string): HttpFramework | undefined {
  const imported = importedFrameworks(sourceCode.ast);
  if (imported.size === 1) return [...imported][0];
  return FRAMEWORKS.conventionalGuess.get(name) ?? FRAMEWORKS.conventionalDefault;
}
