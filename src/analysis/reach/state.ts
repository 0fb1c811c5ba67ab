/**
 * The state of one reach analysis (one linted file, one depth): what it was built from, its per-file caches, and the
 * views of the modules it reads. Free functions in `reach/*.ts` take it as their first argument.
 *
 * Cache scopes: `localStore` and `viewMemo` live as long as this state (one linted file); summaries of other files are
 * shared through `summaries.ts` (per program in typed mode, per process and bounded in untyped mode).
 */
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { FunctionNode } from '../ast/functions.js';
import { fileMayExport, loadModuleView } from '../modules/files.js';
import { type ModuleSource, programModules } from '../modules/exports.js';
import { isAppSourceFile, type ModuleView, programModuleView, registerView, rootOf, viewOf } from '../modules/views.js';
import { getTypeServices, type TypeServices, typeServicesOf } from '../types/services.js';

export type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
export type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** A function with a body, in some module; `key` (`file:start:end`) names it in the summary caches. */
export interface FnRef {
  readonly view: ModuleView;
  readonly node: FunctionNode;
  readonly key: string;
}

/** Files (→ stamp) a cached result was computed from; undefined when the result cannot go stale (typed, in-memory). */
export type Deps = ReadonlyMap<string, string> | undefined;

export interface Found {
  readonly depth: number;
  readonly path: readonly string[];
}

export interface Callee {
  readonly label: string;
  readonly target: FnRef;
}

export interface Facts {
  /** Label of the first audit call in the body. */
  readonly direct?: string;
  readonly callees: readonly Callee[];
}

export interface Summary {
  /** The nearest audit call (exact: no nearer one exists). */
  readonly found?: Found;
  /** Without `found`: no audit call within this many hops. */
  readonly exploredTo: number;
  readonly deps: Deps;
}

/** A state change, or a call the analysis cannot see (which counts as one), `depth` calls down (`effects.ts`). */
export interface Effect {
  readonly kind: 'write' | 'unseen';
  readonly depth: number;
  readonly path: readonly string[];
}

/** `effect`, or clean within `height` calls (a clean answer holds for a budget of at least that). */
export interface EffectSummary {
  readonly effect?: Effect;
  readonly height: number;
  readonly deps: Deps;
}

export interface Entry {
  facts?: { readonly value: Facts; readonly deps: Deps };
  summary?: Summary;
  effects?: EffectSummary;
}

/** Summaries by `FnRef.key`. */
export type Store = Map<string, Entry>;

/** Typed mode: the program, its checker, and the linted file's SourceFile. */
export interface Typed {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly types: TypeServices;
  readonly currentSourceFile: ts.SourceFile | undefined;
}

export interface ReachState {
  readonly sourceCode: Context['sourceCode'];
  readonly maxDepth: number;
  /** What `isAuditCall` depends on: summaries are shared between states with the same key. */
  readonly cacheKey: object;
  readonly isAuditCall: (call: Call) => boolean;
  readonly typed: Typed | undefined;
  /** The linted file's view (its ESLint AST, with its parser services in typed mode). */
  readonly currentView: ModuleView;
  /** Where `findExport` gets modules: this state's views, with the cheap export scan of the mode's source. */
  readonly modules: ModuleSource;
  /** Untyped: summaries of in-memory code (this file's unsaved text). Scope: this state. */
  readonly localStore: Store;
  /** Untyped: each other file is loaded (stat + cache lookup) at most once per linted file. Scope: this state. */
  readonly viewMemo: Map<string, ModuleView | undefined>;
  /** Untyped: the files the result being computed depends on. */
  collecting: Map<string, string> | undefined;
}

export function createReachState(
  context: Context,
  isAuditCall: (call: Call) => boolean,
  options: { readonly maxDepth: number; readonly cacheKey?: object },
): ReachState {
  const { sourceCode } = context;
  const types = getTypeServices(context);
  const typed: Typed | undefined = types
    ? {
        program: types.program,
        checker: types.checker,
        types,
        currentSourceFile: types.tsNode(sourceCode.ast) as ts.SourceFile | undefined,
      }
    : undefined;
  const currentView = registerView({
    file: path.resolve(context.filename),
    ast: sourceCode.ast,
    ...(types ? { services: types.maps } : {}),
  });
  const base = typed ? programModules(typed.program) : undefined;
  const state: ReachState = {
    sourceCode,
    maxDepth: Math.max(0, Math.floor(options.maxDepth)),
    cacheKey: options.cacheKey ?? {},
    isAuditCall,
    typed,
    currentView,
    modules: {
      load: (file) => viewFor(state, file)?.ast,
      mayExport: (file, name) => (base?.mayExport ?? fileMayExport)(file, name),
    },
    localStore: new Map(),
    viewMemo: new Map(),
    collecting: undefined,
  };
  return state;
}

/** Records that the result being computed depends on a view read from disk. */
export function note(state: ReachState, view: ModuleView | undefined): void {
  if (state.collecting && view?.stamp !== undefined) state.collecting.set(view.file, view.stamp);
}

/** Typed: the view of a file of the program (the linted file's own view for its SourceFile); undefined for packages. */
export function viewForSourceFile(state: ReachState, sourceFile: ts.SourceFile): ModuleView | undefined {
  const { typed } = state;
  if (!typed) return undefined;
  if (sourceFile === typed.currentSourceFile) return state.currentView;
  return isAppSourceFile(typed.program, sourceFile) ? programModuleView(typed.program, sourceFile) : undefined;
}

/** The view of a file: the program's in typed mode (never parsed again), else read from disk (once per linted file). */
export function viewFor(state: ReachState, file: string): ModuleView | undefined {
  if (state.typed) {
    const sourceFile = state.typed.program.getSourceFile(file);
    if (sourceFile) return viewForSourceFile(state, sourceFile);
  }
  let view: ModuleView | undefined;
  if (state.viewMemo.has(file)) view = state.viewMemo.get(file);
  else {
    view = loadModuleView(file);
    state.viewMemo.set(file, view);
  }
  note(state, view);
  return view;
}

/** The view a node belongs to (registering an unknown root, so callers always get one). */
export function viewOfNode(state: ReachState, node: TSESTree.Node): ModuleView {
  const root = rootOf(node);
  if (root === state.sourceCode.ast) return state.currentView;
  const view = viewOf(node);
  if (view) {
    note(state, view);
    return view;
  }
  return registerView({ file: '<unknown>', ast: root as TSESTree.Program });
}

/** Whether every file a cached result depends on is still at the stamp it was read at. */
export function depsValid(state: ReachState, deps: Deps): boolean {
  if (!deps) return true;
  for (const [file, stamp] of deps) if (viewFor(state, file)?.stamp !== stamp) return false;
  return true;
}

export function makeRef(view: ModuleView, node: FunctionNode): FnRef {
  return { view, node, key: `${view.file}:${node.range[0]}:${node.range[1]}` };
}

/** The type services of a view made from the program (the linted file's, or a converted file's); undefined untyped. */
export function typesOfView(state: ReachState, view: ModuleView): TypeServices | undefined {
  if (!state.typed || !view.services) return undefined;
  return view === state.currentView ? state.typed.types : typeServicesOf(view.services);
}
