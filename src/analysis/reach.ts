/**
 * Interprocedural reach: "does executing this subtree emit an audit call, directly or through the functions it calls,
 * within `maxDepth` hops?" — for a handler body, a `switch` branch, a wrapper call.
 *
 * - The subtree is walked whole, nested closures included (transaction callbacks, `.then(…)`, arrays of promises).
 * - Each call is resolved to the function it runs. Typed mode: the checker (`getResolvedSignature`, symbols followed
 *   through aliases); declarations in `.d.ts` files or `node_modules` are not followed, nor interface methods (no body);
 *   a function in another file is reached through that file's SourceFile converted to ESTree with node maps, so the
 *   checker keeps working there. Untyped mode (and typed mode when the checker names nothing): scope analysis in the
 *   linted file, a lexical lookup in other files, imports followed with `modules.ts` (relative and tsconfig `paths`
 *   specifiers only: package code is never followed); function declarations, const functions, object-literal methods,
 *   class methods through `this.m()`, `this.field.m()` where the field is typed (constructor parameter properties, typed
 *   or `new X()`-initialized class properties, `this.x = param` in the constructor), `super.m()`, static methods,
 *   namespaces, default exports, re-exports. Identifiers passed as arguments that name functions count as calls
 *   (`items.map(auditOne)`).
 * - Depth: an audit call in the subtree itself is depth 0; in a function it calls, 1; and so on. Evidence past
 *   `maxDepth` is not found.
 * - Summaries ("the nearest audit call from this declaration, or none within k hops") are computed once per
 *   declaration and cached: typed mode per `ts.Program`; untyped mode in a module-level cache keyed by file + range and
 *   validated by the mtime/size of every file the summary depends on (so an editor session sees edits in other files).
 *   Recursion and mutual recursion terminate; results that depended on an unfinished caller are not cached.
 * - Nothing throws: odd code, checker failures and unreadable files count as "not found".
 */
import path from 'node:path';
import { AST_NODE_TYPES, ASTUtils, ESLintUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { calleePath, staticPropertyName, unwrapExpression } from './matchers.js';
import {
  type Binding,
  type ExportTarget,
  findExport,
  type FunctionNode,
  isFunctionNode,
  loadModuleView,
  lookupBinding,
  type ModuleView,
  programModuleView,
  registerView,
  resolveImport,
  rootOf,
  type ViewServices,
  viewOf,
} from './modules.js';
import { destructuredPath } from './ast/destructuring.js';

export type { FunctionNode } from './modules.js';

/** How an audit call was reached: `depth` hops (0 = in the subtree itself) and the calls followed, ending with the audit call. */
export interface Evidence {
  readonly depth: number;
  readonly path: readonly string[];
}

export interface ReachOptions {
  /** Hops to follow from the analyzed subtree (the rule's default is 4). */
  readonly maxDepth: number;
  /**
   * What `isAuditCall` depends on (e.g. the policy's `audit` object). Summaries are shared between `createReach`
   * instances (files) with the same key; without one, a summary lives only as long as this instance.
   */
  readonly cacheKey?: object;
}

export interface AuditInOptions {
  /** A subtree not to walk (the rest of a handler when only one of its branches is the endpoint). */
  readonly skip?: TSESTree.Node;
}

export interface Reach {
  /** The nearest audit call that executing `node` emits within `maxDepth` hops, or undefined. */
  auditIn(node: TSESTree.Node, options?: AuditInOptions): Evidence | undefined;
  /** The function an expression refers to (`handler`, `this.resetPassword`, `svc.create`, an import), in any file. */
  resolveFunction(expression: TSESTree.Node): FunctionNode | undefined;
  /**
   * What a reference stands for: a function, or the expression a constant is initialized with (`const handler =
   * withAudit(fn)` → the call), an object literal or class. undefined when unknown. The node may be in another file.
   */
  resolveDefinition(expression: TSESTree.Node): TSESTree.Node | undefined;
}

/** Counters for tests and benchmarks: declarations summarized (bodies scanned and their calls resolved). */
export const reachStats: { summarized: number; trace: Map<string, number> | undefined } = { summarized: 0, trace: undefined };

/** Resets the counters; `trace: true` also counts per declaration (`file:start:end`). */
export function resetReachStats(options: { trace?: boolean } = {}): void {
  reachStats.summarized = 0;
  reachStats.trace = options.trace ? new Map() : undefined;
}

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

// ---------------------------------------------------------------------------------------------------------------------
// Caches
// ---------------------------------------------------------------------------------------------------------------------

interface FnRef {
  readonly view: ModuleView;
  readonly node: FunctionNode;
  readonly key: string;
}

interface Callee {
  readonly label: string;
  readonly target: FnRef;
}

/** Files (→ stamp) a cached result was computed from; undefined when the result cannot go stale (typed, in-memory). */
type Deps = ReadonlyMap<string, string> | undefined;

interface Facts {
  /** Label of the first audit call in the body. */
  readonly direct?: string;
  readonly callees: readonly Callee[];
}

interface Found {
  readonly depth: number;
  readonly path: readonly string[];
}

interface Summary {
  /** The nearest audit call (exact: no nearer one exists). */
  readonly found?: Found;
  /** Without `found`: no audit call within this many hops. */
  readonly exploredTo: number;
  readonly deps: Deps;
}

interface Entry {
  facts?: { readonly value: Facts; readonly deps: Deps };
  summary?: Summary;
}

type Store = Map<string, Entry>;

/** Typed mode: per program, per cache key. */
const programStores = new WeakMap<ts.Program, WeakMap<object, Store>>();
/**
 * Untyped mode, modules read from disk: per cache key, per file; a file's entries are dropped when its stamp changes
 * (so an editor session does not accumulate entries of old versions), and each entry is validated by its deps.
 */
const diskStores = new WeakMap<object, Map<string, { readonly stamp: string; readonly entries: Store }>>();

function storeIn<K extends object>(map: WeakMap<K, WeakMap<object, Store>>, key: K, cacheKey: object): Store {
  let byKey = map.get(key);
  if (!byKey) {
    byKey = new WeakMap();
    map.set(key, byKey);
  }
  let store = byKey.get(cacheKey);
  if (!store) {
    store = new Map();
    byKey.set(cacheKey, store);
  }
  return store;
}

function diskStore(cacheKey: object, file: string, stamp: string): Store {
  let byFile = diskStores.get(cacheKey);
  if (!byFile) {
    byFile = new Map();
    diskStores.set(cacheKey, byFile);
  }
  let store = byFile.get(file);
  if (store?.stamp !== stamp) {
    store = { stamp, entries: new Map() };
    byFile.set(file, store);
  }
  return store.entries;
}

// ---------------------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------------------

const { DefinitionType } = TSESLint.Scope;

const SKIP_KEYS = new Set([
  'parent',
  'loc',
  'range',
  'tokens',
  'comments',
  'typeAnnotation',
  'returnType',
  'typeParameters',
  'typeArguments',
  'superTypeArguments',
  'implements',
  'decorators',
]);

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Every call and `new` in a subtree (pre-order, source order), not entering `skip`; type annotations are not entered. */
export function collectCalls(roots: readonly TSESTree.Node[], skip: TSESTree.Node | undefined): Call[] {
  const calls: Call[] = [];
  const stack = [...roots].reverse();
  const children: TSESTree.Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || node === skip) continue;
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) calls.push(node);
    children.length = 0;
    for (const key in node) {
      if (SKIP_KEYS.has(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) children.push(item);
      } else if (isNode(value)) {
        children.push(value);
      }
    }
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as TSESTree.Node);
  }
  return calls;
}

function callLabel(call: Call): string {
  const name = calleePath(call.callee)?.join('.') ?? '(call)';
  return call.type === AST_NODE_TYPES.NewExpression ? `new ${name}` : name;
}

function referenceLabel(node: TSESTree.Node): string {
  return calleePath(node)?.join('.') ?? '(function)';
}

function keyName(member: { key: TSESTree.Node; computed: boolean }): string | undefined {
  const { key } = member;
  if (!member.computed) {
    if (key.type === AST_NODE_TYPES.Identifier) return key.name;
    if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  }
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return undefined;
}

/** The function a declaration-ish ESTree node stands for: a function itself, a method's value, a const's initializer. */
function functionOf(node: TSESTree.Node | undefined): FunctionNode | undefined {
  if (!node) return undefined;
  if (isFunctionNode(node)) return node.body ? node : undefined;
  switch (node.type) {
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition:
      return node.value ? functionOf(unwrapExpression(node.value)) : undefined;
    case AST_NODE_TYPES.VariableDeclarator:
      return node.init ? functionOf(unwrapExpression(node.init)) : undefined;
    default:
      return undefined;
  }
}

/** `SymbolFlags.Alias` (1 << 21, unchanged since TypeScript 2): read without loading `typescript` at runtime. */
const SYMBOL_FLAGS_ALIAS = 1 << 21;
const NODE_MODULES = /[\\/]node_modules[\\/]/u;
const MAX_RESOLVE_DEPTH = 12;

type TsFunction = ts.Node & { readonly body?: ts.Node; readonly parameters?: unknown; readonly name?: ts.Node };

// ---------------------------------------------------------------------------------------------------------------------
// Entities: what an expression evaluates to, as far as following calls needs
// ---------------------------------------------------------------------------------------------------------------------

type Entity =
  | { readonly kind: 'function'; readonly ref: FnRef }
  | { readonly kind: 'class'; readonly view: ModuleView; readonly node: TSESTree.ClassDeclaration | TSESTree.ClassExpression; readonly instance: boolean }
  | { readonly kind: 'object'; readonly view: ModuleView; readonly node: TSESTree.ObjectExpression }
  | { readonly kind: 'module'; readonly view: ModuleView }
  /** Some other value whose definition is known (a call result: `withAudit(fn)`). */
  | { readonly kind: 'value'; readonly view: ModuleView; readonly node: TSESTree.Node };

interface Typed {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly currentSourceFile: ts.SourceFile | undefined;
}

function typedSupport(context: Context): { services: ViewServices; typed: Typed } | undefined {
  if (!context.sourceCode.parserServices?.program) return undefined;
  try {
    const services = ESLintUtils.getParserServices(context, true);
    if (!services.program) return undefined;
    const currentSourceFile = services.esTreeNodeToTSNodeMap.get(context.sourceCode.ast) as ts.Node | undefined;
    return {
      services: services,
      typed: {
        program: services.program,
        checker: services.program.getTypeChecker(),
        currentSourceFile: currentSourceFile as ts.SourceFile | undefined,
      },
    };
  } catch {
    return undefined;
  }
}

/** A declaration the checker resolved to, but that must not be followed (interface method, `.d.ts`, package). */
const NOT_FOLLOWED = Symbol('not followed');

/**
 * Builds the reach analysis for one linted file. `isAuditCall` is asked about calls in this file and in the other files
 * reached (their nodes come from `modules.ts` views: use `viewOf(node)` to tell them apart).
 */
export function createReach(context: Context, isAuditCall: (call: Call) => boolean, options: ReachOptions): Reach {
  const { sourceCode } = context;
  const maxDepth = Math.max(0, Math.floor(options.maxDepth));
  const cacheKey = options.cacheKey ?? {};
  const support = typedSupport(context);
  const typed = support?.typed;
  const currentView: ModuleView = registerView({
    file: path.resolve(context.filename),
    ast: sourceCode.ast,
    ...(support ? { services: support.services } : {}),
  });
  /** Untyped: summaries of in-memory code (this file's unsaved text) live as long as this instance. */
  const localStore: Store = new Map();
  /** Untyped: each other file is loaded (stat + cache lookup) at most once per linted file. */
  const viewMemo = new Map<string, ModuleView | undefined>();
  /** Untyped: the files the result being computed depends on. */
  let collecting: Map<string, string> | undefined;

  function note(view: ModuleView | undefined): void {
    if (collecting && view?.stamp !== undefined) collecting.set(view.file, view.stamp);
  }

  // ---- views --------------------------------------------------------------------------------------------------------

  function viewForSourceFile(sourceFile: ts.SourceFile): ModuleView | undefined {
    if (!typed) return undefined;
    if (sourceFile === typed.currentSourceFile) return currentView;
    if (sourceFile.isDeclarationFile || typed.program.isSourceFileFromExternalLibrary(sourceFile) || NODE_MODULES.test(sourceFile.fileName)) {
      return undefined;
    }
    return programModuleView(typed.program, sourceFile);
  }

  function viewFor(file: string): ModuleView | undefined {
    if (typed) {
      const sourceFile = typed.program.getSourceFile(file);
      if (sourceFile) return viewForSourceFile(sourceFile);
    }
    let view: ModuleView | undefined;
    if (viewMemo.has(file)) view = viewMemo.get(file);
    else {
      view = loadModuleView(file);
      viewMemo.set(file, view);
    }
    note(view);
    return view;
  }

  const loader = (file: string): TSESTree.Program | undefined => viewFor(file)?.ast;

  function viewOfNode(node: TSESTree.Node): ModuleView {
    const root = rootOf(node);
    if (root === sourceCode.ast) return currentView;
    const view = viewOf(node);
    if (view) {
      note(view);
      return view;
    }
    return registerView({ file: '<unknown>', ast: root as TSESTree.Program });
  }

  function depsValid(deps: Deps): boolean {
    if (!deps) return true;
    for (const [file, stamp] of deps) if (viewFor(file)?.stamp !== stamp) return false;
    return true;
  }

  // ---- bindings -----------------------------------------------------------------------------------------------------

  function scopeBinding(identifier: TSESTree.Identifier): Binding | undefined {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    if (!variable || variable.defs.length === 0) return undefined;
    const def =
      variable.defs.find((candidate) => candidate.type === DefinitionType.FunctionName && isFunctionNode(candidate.node) && candidate.node.body) ??
      variable.defs[0];
    if (!def) return undefined;
    switch (def.type) {
      case DefinitionType.FunctionName:
        return isFunctionNode(def.node) ? { kind: 'function', node: def.node } : { kind: 'other' };
      case DefinitionType.ClassName:
        return def.node.type === AST_NODE_TYPES.ClassDeclaration || def.node.type === AST_NODE_TYPES.ClassExpression
          ? { kind: 'class', node: def.node }
          : { kind: 'other' };
      case DefinitionType.Variable: {
        if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.name.type !== AST_NODE_TYPES.Identifier) return { kind: 'other' };
        // A binding written after its declaration (`let svc = a; svc = b`) is not followed.
        if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return { kind: 'other' };
        return { kind: 'variable', node: def.node, id: def.name };
      }
      case DefinitionType.Parameter: {
        if (def.name.type !== AST_NODE_TYPES.Identifier) return { kind: 'other' };
        const parent = def.name.parent;
        const defaultValue = parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.left === def.name ? parent.right : undefined;
        return defaultValue ? { kind: 'parameter', id: def.name, defaultValue } : { kind: 'parameter', id: def.name };
      }
      case DefinitionType.ImportBinding: {
        const node = def.node;
        if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) return { kind: 'other' };
        const declaration = node.parent;
        if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return { kind: 'other' };
        const imported =
          node.type === AST_NODE_TYPES.ImportDefaultSpecifier
            ? 'default'
            : node.type === AST_NODE_TYPES.ImportNamespaceSpecifier
              ? '*'
              : node.imported.type === AST_NODE_TYPES.Identifier
                ? node.imported.name
                : node.imported.value;
        return { kind: 'import', node, source: declaration.source.value, imported };
      }
      default:
        return { kind: 'other' };
    }
  }

  function bindingOf(identifier: TSESTree.Identifier, view: ModuleView): Binding | undefined {
    return view === currentView ? scopeBinding(identifier) : lookupBinding(identifier);
  }

  // ---- entities -----------------------------------------------------------------------------------------------------

  function functionEntity(view: ModuleView, node: FunctionNode): Entity | undefined {
    return node.body ? { kind: 'function', ref: makeRef(view, node) } : undefined;
  }

  function resolveEntity(node: TSESTree.Node, view: ModuleView, depth: number): Entity | undefined {
    if (depth > MAX_RESOLVE_DEPTH) return undefined;
    const expression = unwrapExpression(node);
    switch (expression.type) {
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
        return functionEntity(view, expression);
      case AST_NODE_TYPES.ClassExpression:
      case AST_NODE_TYPES.ClassDeclaration:
        return { kind: 'class', view, node: expression, instance: false };
      case AST_NODE_TYPES.ObjectExpression:
        return { kind: 'object', view, node: expression };
      case AST_NODE_TYPES.Identifier: {
        const binding = bindingOf(expression, view);
        return binding ? entityOfBinding(binding, view, depth + 1) : undefined;
      }
      case AST_NODE_TYPES.ThisExpression:
        return thisEntity(expression, view);
      case AST_NODE_TYPES.MemberExpression: {
        const name = staticPropertyName(expression);
        if (name === undefined) return undefined;
        if (expression.object.type === AST_NODE_TYPES.Super) {
          const self = thisEntity(expression.object, view);
          if (self?.kind !== 'class' || !self.node.superClass) return undefined;
          const parent = resolveEntity(self.node.superClass, self.view, depth + 1);
          return parent?.kind === 'class' ? classMember(parent.view, parent.node, name, !self.instance, depth + 1) : undefined;
        }
        const base = resolveEntity(expression.object, view, depth + 1);
        return base ? memberEntity(base, name, depth + 1) : undefined;
      }
      case AST_NODE_TYPES.NewExpression: {
        const callee = resolveEntity(expression.callee, view, depth + 1);
        return callee?.kind === 'class' && !callee.instance ? { ...callee, instance: true } : undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrapExpression(expression.callee);
        // `fn.bind(this)` is `fn`.
        if (callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(callee) === 'bind') {
          const bound = resolveEntity(callee.object, view, depth + 1);
          if (bound?.kind === 'function') return bound;
        }
        // `require('./x')` is the module.
        if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require' && expression.arguments.length === 1) {
          const argument = expression.arguments[0];
          if (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') {
            const target = resolveImport(view.file, argument.value);
            const targetView = target ? viewFor(target) : undefined;
            return targetView ? { kind: 'module', view: targetView } : undefined;
          }
        }
        return { kind: 'value', view, node: expression };
      }
      default:
        return undefined;
    }
  }

  function entityOfBinding(binding: Binding, view: ModuleView, depth: number): Entity | undefined {
    switch (binding.kind) {
      case 'function':
        return functionEntity(view, binding.node);
      case 'class':
        return { kind: 'class', view, node: binding.node, instance: false };
      case 'variable': {
        const declarator = binding.node;
        if (declarator.id === binding.id) {
          const fromInit = declarator.init ? resolveEntity(declarator.init, view, depth) : undefined;
          return fromInit ?? typeEntity(binding.id.typeAnnotation, view, depth);
        }
        const members = destructuredPath(binding.id, declarator.id);
        if (!members || !declarator.init) return undefined;
        let entity = resolveEntity(declarator.init, view, depth);
        for (const member of members) entity = entity ? memberEntity(entity, member, depth + 1) : undefined;
        return entity;
      }
      case 'parameter': {
        const fromDefault = binding.defaultValue ? resolveEntity(binding.defaultValue, view, depth) : undefined;
        return fromDefault ?? typeEntity(binding.id.typeAnnotation, view, depth);
      }
      case 'import':
        return importEntity(view.file, binding.source, binding.imported, depth);
      default:
        return undefined;
    }
  }

  function importEntity(file: string, source: string, imported: string, depth: number): Entity | undefined {
    const target = resolveImport(file, source);
    if (!target) return undefined;
    if (imported === '*') {
      const view = viewFor(target);
      return view ? { kind: 'module', view } : undefined;
    }
    const found = findExport(target, imported, loader);
    return found ? entityOfExport(found, depth + 1) : undefined;
  }

  function entityOfExport(target: ExportTarget, depth: number): Entity | undefined {
    const view = viewOfNode(target.node);
    const { node } = target;
    switch (node.type) {
      case AST_NODE_TYPES.Program:
        return { kind: 'module', view };
      case AST_NODE_TYPES.VariableDeclarator: {
        const fromInit = node.init ? resolveEntity(node.init, view, depth) : undefined;
        return fromInit ?? (node.id.type === AST_NODE_TYPES.Identifier ? typeEntity(node.id.typeAnnotation, view, depth) : undefined);
      }
      default:
        return resolveEntity(node, view, depth);
    }
  }

  function typeEntity(annotation: TSESTree.TSTypeAnnotation | undefined, view: ModuleView, depth: number): Entity | undefined {
    const type = annotation?.typeAnnotation;
    if (type?.type !== AST_NODE_TYPES.TSTypeReference || depth > MAX_RESOLVE_DEPTH) return undefined;
    let entity: Entity | undefined;
    const { typeName } = type;
    if (typeName.type === AST_NODE_TYPES.Identifier) {
      const binding = bindingOf(typeName, view);
      entity = binding ? entityOfBinding(binding, view, depth + 1) : undefined;
    } else if (typeName.type === AST_NODE_TYPES.TSQualifiedName && typeName.left.type === AST_NODE_TYPES.Identifier) {
      const binding = bindingOf(typeName.left, view);
      const base = binding ? entityOfBinding(binding, view, depth + 1) : undefined;
      entity = base ? memberEntity(base, typeName.right.name, depth + 1) : undefined;
    }
    return entity?.kind === 'class' ? { ...entity, instance: true } : undefined;
  }

  function thisEntity(node: TSESTree.Node, view: ModuleView): Entity | undefined {
    for (let current = node.parent; current; current = current.parent) {
      switch (current.type) {
        case AST_NODE_TYPES.ArrowFunctionExpression:
          continue;
        case AST_NODE_TYPES.FunctionExpression:
        case AST_NODE_TYPES.FunctionDeclaration: {
          const owner = current.parent;
          if ((owner?.type === AST_NODE_TYPES.MethodDefinition || owner?.type === AST_NODE_TYPES.TSAbstractMethodDefinition) && owner.value === current) {
            const cls = owner.parent.parent;
            return cls.type === AST_NODE_TYPES.ClassDeclaration || cls.type === AST_NODE_TYPES.ClassExpression
              ? { kind: 'class', view, node: cls, instance: !owner.static }
              : undefined;
          }
          if (owner?.type === AST_NODE_TYPES.Property && owner.value === current && owner.parent.type === AST_NODE_TYPES.ObjectExpression) {
            return { kind: 'object', view, node: owner.parent };
          }
          return undefined;
        }
        case AST_NODE_TYPES.PropertyDefinition:
        case AST_NODE_TYPES.AccessorProperty:
        case AST_NODE_TYPES.StaticBlock: {
          const cls = current.parent.parent;
          const isStatic = current.type === AST_NODE_TYPES.StaticBlock || current.static;
          return cls && (cls.type === AST_NODE_TYPES.ClassDeclaration || cls.type === AST_NODE_TYPES.ClassExpression)
            ? { kind: 'class', view, node: cls, instance: !isStatic }
            : undefined;
        }
        case AST_NODE_TYPES.Program:
          return undefined;
        default:
          continue;
      }
    }
    return undefined;
  }

  function memberEntity(base: Entity, name: string, depth: number): Entity | undefined {
    if (depth > MAX_RESOLVE_DEPTH) return undefined;
    switch (base.kind) {
      case 'object':
        return objectMember(base.view, base.node, name, depth);
      case 'class':
        return classMember(base.view, base.node, name, !base.instance, depth);
      case 'module': {
        const found = findExport(base.view.file, name, loader);
        return found ? entityOfExport(found, depth + 1) : undefined;
      }
      case 'function':
        return name === 'call' || name === 'apply' ? base : undefined;
      default:
        return undefined;
    }
  }

  function objectMember(view: ModuleView, object: TSESTree.ObjectExpression, name: string, depth: number): Entity | undefined {
    for (let index = object.properties.length - 1; index >= 0; index--) {
      const property = object.properties[index];
      if (!property) continue;
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        const spread = resolveEntity(property.argument, view, depth + 1);
        const found = spread ? memberEntity(spread, name, depth + 1) : undefined;
        if (found) return found;
        continue;
      }
      if (property.kind !== 'init' || keyName(property) !== name) continue;
      return resolveEntity(property.value, view, depth + 1);
    }
    return undefined;
  }

  function classMember(
    view: ModuleView,
    cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
    name: string,
    isStatic: boolean,
    depth: number,
  ): Entity | undefined {
    if (depth > MAX_RESOLVE_DEPTH) return undefined;
    let constructor: TSESTree.FunctionExpression | undefined;
    for (const member of cls.body.body) {
      switch (member.type) {
        case AST_NODE_TYPES.MethodDefinition:
        case AST_NODE_TYPES.TSAbstractMethodDefinition:
          if (member.kind === 'constructor' && member.value.type === AST_NODE_TYPES.FunctionExpression) constructor = member.value;
          if (member.kind === 'method' && member.static === isStatic && keyName(member) === name) {
            return member.value.type === AST_NODE_TYPES.FunctionExpression ? functionEntity(view, member.value) : undefined;
          }
          break;
        case AST_NODE_TYPES.PropertyDefinition:
        case AST_NODE_TYPES.AccessorProperty:
          if (member.static === isStatic && keyName(member) === name) {
            const fromValue = member.value ? resolveEntity(member.value, view, depth + 1) : undefined;
            return fromValue ?? typeEntity(member.typeAnnotation, view, depth + 1);
          }
          break;
        default:
          break;
      }
    }
    if (!isStatic && constructor) {
      for (const param of constructor.params) {
        if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const inner = param.parameter;
        const id = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
        if (id.type !== AST_NODE_TYPES.Identifier || id.name !== name) continue;
        const fromDefault = inner.type === AST_NODE_TYPES.AssignmentPattern ? resolveEntity(inner.right, view, depth + 1) : undefined;
        return fromDefault ?? typeEntity(id.typeAnnotation, view, depth + 1);
      }
      // `this.name = value` in the constructor (plain JS, or a parameter without a modifier).
      for (const statement of constructor.body?.body ?? []) {
        if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
        const assignment = statement.expression;
        if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') continue;
        const target = assignment.left;
        if (target.type !== AST_NODE_TYPES.MemberExpression || target.object.type !== AST_NODE_TYPES.ThisExpression) continue;
        if (staticPropertyName(target) !== name) continue;
        return resolveEntity(assignment.right, view, depth + 1);
      }
    }
    if (cls.superClass) {
      const parent = resolveEntity(cls.superClass, view, depth + 1);
      if (parent?.kind === 'class') return classMember(parent.view, parent.node, name, isStatic, depth + 1);
    }
    return undefined;
  }

  // ---- typed resolution ---------------------------------------------------------------------------------------------

  function functionWithBody(declaration: ts.Node | undefined): TsFunction | undefined {
    if (!declaration || !typed) return undefined;
    const candidate = declaration as TsFunction;
    if (candidate.parameters === undefined) return undefined;
    if (candidate.body) return candidate;
    // An overload signature: the implementation is another declaration of the same symbol.
    if (!candidate.name) return undefined;
    const symbol = typed.checker.getSymbolAtLocation(candidate.name);
    for (const other of symbol?.declarations ?? []) {
      const fn = other as TsFunction;
      if (fn.parameters !== undefined && fn.body) return fn;
    }
    return undefined;
  }

  function refForTs(fn: TsFunction): FnRef | undefined {
    const view = viewForSourceFile(fn.getSourceFile());
    const node = functionOf(view?.services?.tsNodeToESTreeNodeMap.get(fn));
    return view && node ? makeRef(view, node) : undefined;
  }

  /** The function a call runs, by the checker: a ref, NOT_FOLLOWED (resolved to something without a body here), or undefined (unknown). */
  function typedCallTarget(call: Call, view: ModuleView): FnRef | typeof NOT_FOLLOWED | undefined {
    if (!typed || !view.services) return undefined;
    try {
      const tsCall = view.services.esTreeNodeToTSNodeMap.get(call);
      if (!tsCall) return undefined;
      const declaration = typed.checker.getResolvedSignature(tsCall as ts.CallLikeExpression)?.declaration;
      if (!declaration) return undefined;
      const fn = functionWithBody(declaration);
      return (fn && refForTs(fn)) ?? NOT_FOLLOWED;
    } catch {
      return undefined;
    }
  }

  /** What a reference names, by the checker's symbol (aliases followed). */
  function typedReference(expression: TSESTree.Node, view: ModuleView): Entity | undefined {
    if (!typed || !view.services) return undefined;
    try {
      const tsNode = view.services.esTreeNodeToTSNodeMap.get(unwrapExpression(expression));
      if (!tsNode) return undefined;
      const location = (tsNode as ts.Node & { name?: ts.Node }).name ?? tsNode;
      let symbol = typed.checker.getSymbolAtLocation(location);
      if (symbol && symbol.flags & SYMBOL_FLAGS_ALIAS) symbol = typed.checker.getAliasedSymbol(symbol);
      const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
      if (!declaration) return undefined;
      const fn = functionWithBody(declaration);
      if (fn) {
        const ref = refForTs(fn);
        return ref ? { kind: 'function', ref } : undefined;
      }
      const initializer = (declaration as ts.Node & { initializer?: ts.Node }).initializer;
      if (!initializer) return undefined;
      const initializerFn = functionWithBody(initializer);
      if (initializerFn) {
        const ref = refForTs(initializerFn);
        return ref ? { kind: 'function', ref } : undefined;
      }
      const targetView = viewForSourceFile(initializer.getSourceFile());
      const node = targetView?.services?.tsNodeToESTreeNodeMap.get(initializer);
      return targetView && node ? { kind: 'value', view: targetView, node } : undefined;
    } catch {
      return undefined;
    }
  }

  // ---- calls --------------------------------------------------------------------------------------------------------

  function syntacticCallTarget(call: Call, view: ModuleView): FnRef | undefined {
    const callee = resolveEntity(call.callee, view, 0);
    if (call.type === AST_NODE_TYPES.NewExpression) {
      if (callee?.kind !== 'class' || callee.instance) return undefined;
      for (const member of callee.node.body.body) {
        if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor' && member.value.type === AST_NODE_TYPES.FunctionExpression) {
          return member.value.body ? makeRef(callee.view, member.value) : undefined;
        }
      }
      return undefined;
    }
    return callee?.kind === 'function' ? callee.ref : undefined;
  }

  function callTarget(call: Call, view: ModuleView): FnRef | undefined {
    const byChecker = typedCallTarget(call, view);
    if (byChecker === NOT_FOLLOWED) return undefined;
    return byChecker ?? syntacticCallTarget(call, view);
  }

  function referenceTarget(expression: TSESTree.Node, view: ModuleView): FnRef | undefined {
    const entity = resolveEntity(expression, view, 0) ?? typedReference(expression, view);
    return entity?.kind === 'function' ? entity.ref : undefined;
  }

  function safeIsAuditCall(call: Call): boolean {
    try {
      return isAuditCall(call);
    } catch {
      return false;
    }
  }

  function computeFacts(roots: readonly TSESTree.Node[], view: ModuleView, skip: TSESTree.Node | undefined, self: string | undefined): Facts {
    const calls = collectCalls(roots, skip);
    for (const call of calls) {
      if (safeIsAuditCall(call)) return { direct: callLabel(call), callees: [] };
    }
    const callees: Callee[] = [];
    const seen = new Set<string>(self ? [self] : []);
    const add = (label: string, target: FnRef | undefined): void => {
      if (!target || seen.has(target.key) || target.node === skip) return;
      seen.add(target.key);
      callees.push({ label, target });
    };
    for (const call of calls) {
      try {
        add(callLabel(call), callTarget(call, view));
        for (const argument of call.arguments) {
          const value = unwrapExpression(argument);
          if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
            add(referenceLabel(value), referenceTarget(value, view));
          }
        }
      } catch {
        // odd code: this call is not followed
      }
    }
    return { callees };
  }

  // ---- summaries ----------------------------------------------------------------------------------------------------

  function makeRef(view: ModuleView, node: FunctionNode): FnRef {
    return { view, node, key: `${view.file}:${node.range[0]}:${node.range[1]}` };
  }

  function storeFor(ref: FnRef): Store {
    if (typed) return storeIn(programStores, typed.program, cacheKey);
    return ref.view.stamp === undefined ? localStore : diskStore(cacheKey, ref.view.file, ref.view.stamp);
  }

  function entryFor(ref: FnRef): Entry {
    const store = storeFor(ref);
    let entry = store.get(ref.key);
    if (!entry) {
      entry = {};
      store.set(ref.key, entry);
    }
    return entry;
  }

  function factsFor(ref: FnRef, entry: Entry): { value: Facts; deps: Deps } {
    if (entry.facts && depsValid(entry.facts.deps)) return entry.facts;
    entry.summary = undefined;
    const outer = collecting;
    collecting = typed ? undefined : new Map();
    note(ref.view);
    try {
      const value = computeFacts([...ref.node.params, ref.node.body], ref.view, undefined, ref.key);
      reachStats.summarized++;
      if (reachStats.trace) reachStats.trace.set(ref.key, (reachStats.trace.get(ref.key) ?? 0) + 1);
      entry.facts = { value, deps: collecting && collecting.size > 0 ? collecting : undefined };
      return entry.facts;
    } finally {
      collecting = outer;
    }
  }

  interface Result {
    readonly found?: Found;
    /** Index of the deepest unfinished caller this result depended on (Infinity: none). */
    readonly low: number;
    readonly deps: Deps;
  }

  function mergeDeps(into: Map<string, string> | undefined, deps: Deps): Map<string, string> | undefined {
    if (!deps) return into;
    const target = into ?? new Map<string, string>();
    for (const [file, stamp] of deps) target.set(file, stamp);
    return target;
  }

  function summarize(ref: FnRef, budget: number, stack: string[]): Result {
    const entry = entryFor(ref);
    const facts = factsFor(ref, entry);
    if (facts.value.direct !== undefined) {
      return { found: { depth: 0, path: [facts.value.direct] }, low: Infinity, deps: facts.deps };
    }
    const cached = entry.summary;
    if (cached && depsValid(cached.deps)) {
      if (cached.found) return cached.found.depth <= budget ? { found: cached.found, low: Infinity, deps: cached.deps } : { low: Infinity, deps: cached.deps };
      if (cached.exploredTo >= budget) return { low: Infinity, deps: cached.deps };
    }
    if (budget <= 0 || facts.value.callees.length === 0) {
      if (facts.value.callees.length === 0) entry.summary = { exploredTo: Number.POSITIVE_INFINITY, deps: facts.deps };
      return { low: Infinity, deps: facts.deps };
    }
    const onStack = stack.indexOf(ref.key);
    if (onStack >= 0) return { low: onStack, deps: undefined };
    stack.push(ref.key);
    const index = stack.length - 1;
    let best: Found | undefined;
    let low = Infinity;
    let deps = mergeDeps(undefined, facts.deps);
    for (const callee of facts.value.callees) {
      const result = summarize(callee.target, budget - 1, stack);
      low = Math.min(low, result.low);
      deps = mergeDeps(deps, result.deps);
      if (result.found && (!best || result.found.depth + 1 < best.depth)) {
        best = { depth: result.found.depth + 1, path: [callee.label, ...result.found.path] };
        if (best.depth === 1) break;
      }
    }
    stack.pop();
    if (low >= index) {
      entry.summary = best ? { found: best, exploredTo: budget, deps } : { exploredTo: budget, deps };
      low = Infinity;
    }
    return best ? { found: best, low, deps } : { low, deps };
  }

  // ---- API ----------------------------------------------------------------------------------------------------------

  function auditIn(node: TSESTree.Node, auditOptions: AuditInOptions = {}): Evidence | undefined {
    try {
      const view = viewOfNode(node);
      if (isFunctionNode(node) && node.body && !auditOptions.skip) {
        return summarize(makeRef(view, node), maxDepth, []).found;
      }
      const facts = computeFacts([node], view, auditOptions.skip, undefined);
      if (facts.direct !== undefined) return { depth: 0, path: [facts.direct] };
      if (maxDepth <= 0) return undefined;
      let best: Evidence | undefined;
      for (const callee of facts.callees) {
        const found = summarize(callee.target, maxDepth - 1, []).found;
        if (found && (!best || found.depth + 1 < best.depth)) {
          best = { depth: found.depth + 1, path: [callee.label, ...found.path] };
          if (best.depth === 1) break;
        }
      }
      return best;
    } catch {
      return undefined;
    }
  }

  function resolveReference(expression: TSESTree.Node): Entity | undefined {
    try {
      const view = viewOfNode(expression);
      return resolveEntity(expression, view, 0) ?? typedReference(expression, view);
    } catch {
      return undefined;
    }
  }

  return {
    auditIn,
    resolveFunction(expression) {
      const entity = resolveReference(expression);
      return entity?.kind === 'function' ? entity.ref.node : undefined;
    },
    resolveDefinition(expression) {
      const entity = resolveReference(expression);
      switch (entity?.kind) {
        case 'function':
          return entity.ref.node;
        case 'class':
        case 'object':
        case 'value':
          return entity.node;
        default:
          return undefined;
      }
    },
  };
}
