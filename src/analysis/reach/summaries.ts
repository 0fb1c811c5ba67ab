/**
 * Summaries: "the nearest audit call from this declaration, or none within k hops", computed once per declaration and
 * shared by every linted file. Recursion and mutual recursion terminate; results that depended on an unfinished
 * caller are not cached.
 *
 * Cache scopes: typed mode, per `ts.Program` (WeakMap) and per cache key (what `isAuditCall` depends on); untyped mode,
 * per process and per cache key, per file (bounded: LRU, {@link MAX_SUMMARIZED_FILES} files), a file's entries dropped
 * when its stamp changes and each entry validated by the stamps of every file it depends on; in-memory code (the
 * linted text), per reach state.
 */
import type * as ts from 'typescript';
import { LruMap } from '../modules/lru.js';
import { computeFacts } from './calls.js';
import { type Deps, depsValid, type Entry, type Facts, type FnRef, type Found, note, type ReachState, type Store } from './state.js';

/** Files whose summaries untyped mode keeps per cache key (an editor session must not grow without end). */
export const MAX_SUMMARIZED_FILES = 4096;

/** Counters for tests and benchmarks: declarations summarized (bodies scanned and their calls resolved). */
export const reachStats: { summarized: number; trace: Map<string, number> | undefined } = { summarized: 0, trace: undefined };

/** Resets the counters; `trace: true` also counts per declaration (`file:start:end`). */
export function resetReachStats(options: { trace?: boolean } = {}): void {
  reachStats.summarized = 0;
  reachStats.trace = options.trace ? new Map() : undefined;
}

/** Typed mode: per program, per cache key. */
const programStores = new WeakMap<ts.Program, WeakMap<object, Store>>();
/** Untyped mode, modules read from disk: per cache key, per file (LRU). */
const diskStores = new WeakMap<object, LruMap<string, { readonly stamp: string; readonly entries: Store }>>();

function programStore(program: ts.Program, cacheKey: object): Store {
  let byKey = programStores.get(program);
  if (!byKey) {
    byKey = new WeakMap();
    programStores.set(program, byKey);
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
    byFile = new LruMap(MAX_SUMMARIZED_FILES);
    diskStores.set(cacheKey, byFile);
  }
  let store = byFile.get(file);
  if (store?.stamp !== stamp) {
    store = { stamp, entries: new Map() };
    byFile.set(file, store);
  }
  return store.entries;
}

function storeFor(state: ReachState, ref: FnRef): Store {
  if (state.typed) return programStore(state.typed.program, state.cacheKey);
  return ref.view.stamp === undefined ? state.localStore : diskStore(state.cacheKey, ref.view.file, ref.view.stamp);
}

export function entryFor(state: ReachState, ref: FnRef): Entry {
  const store = storeFor(state, ref);
  let entry = store.get(ref.key);
  if (!entry) {
    entry = {};
    store.set(ref.key, entry);
  }
  return entry;
}

function factsFor(state: ReachState, ref: FnRef, entry: Entry): { value: Facts; deps: Deps } {
  if (entry.facts && depsValid(state, entry.facts.deps)) return entry.facts;
  entry.summary = undefined;
  const outer = state.collecting;
  state.collecting = state.typed ? undefined : new Map();
  note(state, ref.view);
  try {
    const value = computeFacts(state, [...ref.node.params, ref.node.body], ref.view, undefined, ref.key);
    reachStats.summarized++;
    if (reachStats.trace) reachStats.trace.set(ref.key, (reachStats.trace.get(ref.key) ?? 0) + 1);
    entry.facts = { value, deps: state.collecting && state.collecting.size > 0 ? state.collecting : undefined };
    return entry.facts;
  } finally {
    state.collecting = outer;
  }
}

export interface Result {
  readonly found?: Found;
  /** Index of the deepest unfinished caller this result depended on (Infinity: none). */
  readonly low: number;
  readonly deps: Deps;
}

export function mergeDeps(into: Map<string, string> | undefined, deps: Deps): Map<string, string> | undefined {
  if (!deps) return into;
  const target = into ?? new Map<string, string>();
  for (const [file, stamp] of deps) target.set(file, stamp);
  return target;
}

/** The nearest audit call from `ref` within `budget` hops; `stack`: the keys of the callers being summarized. */
export function summarize(state: ReachState, ref: FnRef, budget: number, stack: string[]): Result {
  const entry = entryFor(state, ref);
  const facts = factsFor(state, ref, entry);
  if (facts.value.direct !== undefined) {
    return { found: { depth: 0, path: [facts.value.direct] }, low: Infinity, deps: facts.deps };
  }
  const cached = entry.summary;
  if (cached && depsValid(state, cached.deps)) {
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
    const result = summarize(state, callee.target, budget - 1, stack);
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
