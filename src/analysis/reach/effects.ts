/**
 * Effects: "does executing this subtree change state, as far as the code shows?" — the read-only inference of
 * require-endpoint-audit (a POST that only reads needs no audit). The answer is the first state change found, or the
 * first call the analysis cannot see (which counts as one), or undefined: every call resolved and none writes.
 *
 * What each call is, in order:
 * 1. an audit call: not a state change of its own;
 * 2. a data operation a data-access record recognizes in the linted file (typed or traced): reads are reads, every
 *    other operation (create, update, upsert, delete, truncate, drop, raw SQL) is a write;
 * 3. a function of the app the call resolves to (the reach's resolution: the checker, then scope and imports): followed,
 *    as are functions passed by name (`items.map(present)`) and the functions a wrapper constant wraps
 *    (`const get = cache(async () => …)`); deeper than the budget counts as unseen;
 * 4. anything else, by what it is and then by its name:
 *    - a command handed to a client or bus (`send(new PutObjectCommand(…))`): by the command's first word;
 *    - `fetch(url, { method })`: a write unless GET/HEAD; a JavaScript builtin (`JSON`, `Math`, `Promise`…) reads;
 *    - a method a data-access record lists (`destroy`, `findMany`, `scope`): that record's verdict; a builtin method
 *      (arrays, strings, maps…), a framework's response method (its record's `responseMethods`) or a logger's method
 *      (the logging records) reads;
 *    - a name whose first word writes (`create`, `update`, `delete`, `save`, `archive`…) is a write; whose first word
 *      reads or computes (`find`, `get`, `is`, `to`, `format`…) reads; any other name: a method, or a library's
 *      function, computes; a plain app function that does not resolve, a function of a sibling package of the same
 *      npm scope (`@acme/lib` from `@acme/api`), or a method of a client the app made from a package
 *      (`new OAuth2Server({ model })`) is unseen.
 *
 * Summaries per function are cached with the reach's (same stores, same validation).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { staticKeyName } from '../ast/keys.js';
import { chainRoot, unwrapExpression } from '../ast/unwrap.js';
import { dataOperationOf } from '../data-access/classify.js';
import { DATA_METHOD_NAMES } from '../data-access/index.js';
import { RESPONSE_METHODS } from '../endpoints/frameworks/index.js';
import { LOGGER_TABLES } from '../logging/index.js';
import { calleePath, EXPRESSION_SEGMENT } from '../matchers.js';
import { splitWords } from '../matchers/words.js';
import { isSiblingPackage, resolveImport } from '../modules/resolve.js';
import type { ModuleView } from '../modules/views.js';
import { callLabel, callTargets, collectCalls, referenceTarget } from './calls.js';
import { bindingOf } from './scope.js';
import { type Call, type Deps, depsValid, type Effect, type EffectSummary, type FnRef, type ReachState } from './state.js';
import { entryFor, mergeDeps } from './summaries.js';

export type { Effect } from './state.js';

type CallEffect =
  | { readonly kind: 'pure' }
  | { readonly kind: 'write' | 'unseen'; readonly label: string }
  | { readonly kind: 'follow'; readonly label: string; readonly targets: readonly FnRef[] };

/** First words of a method that change state. */
const WRITE_VERBS = new Set([
  'create', 'insert', 'update', 'upsert', 'delete', 'remove', 'destroy', 'save', 'set', 'add', 'put', 'patch', 'post',
  'write', 'append', 'increment', 'decrement', 'restore', 'truncate', 'drop', 'clear', 'reset', 'revoke', 'grant',
  'assign', 'unassign', 'invite', 'publish', 'enqueue', 'schedule', 'persist', 'store', 'move', 'rename', 'archive',
  'unarchive', 'enable', 'disable', 'activate', 'deactivate', 'approve', 'reject', 'cancel', 'bulk', 'mark', 'toggle',
  'register', 'unregister', 'link', 'unlink', 'attach', 'detach', 'merge', 'sync', 'commit',
  'query', 'raw', 'transfer', 'charge', 'refund', 'pay', 'upload', 'import', 'duplicate', 'copy',
  'login', 'logout', 'suspend', 'unsuspend', 'ban', 'unban', 'block', 'unblock', 'pin', 'unpin',
  'star', 'unstar', 'subscribe', 'unsubscribe', 'follow', 'unfollow', 'join', 'leave', 'accept', 'decline', 'dismiss',
  'resolve', 'reopen', 'close', 'open', 'lock', 'unlock', 'transition', 'emit', 'dispatch', 'trigger', 'notify',
  'purge', 'prune', 'expire', 'rotate', 'regenerate', 'provision', 'promote', 'demote',
  'submit', 'complete', 'finish', 'start', 'stop', 'confirm', 'redeem', 'claim', 'reorder', 'replace', 'restart',
  'retry', 'apply', 'change', 'resync', 'refresh', 'reindex', 'rebuild', 'forgot', 'request', 'resend', 'edit', 'modify', 'erase', 'wipe', 'install', 'uninstall', 'connect', 'disconnect',
  'deliver', 'forward', 'reply', 'react', 'vote', 'like', 'unlike', 'comment', 'share', 'unshare', 'transfer',
]);

/** First words of a method that read or compute. */
const READ_VERBS = new Set([
  'get', 'find', 'list', 'fetch', 'read', 'load', 'search', 'count', 'select', 'aggregate', 'group', 'is', 'has', 'can',
  'should', 'must', 'check', 'assert', 'validate', 'parse', 'safe', 'format', 'serialize', 'deserialize', 'to', 'as',
  'from', 'build', 'make', 'compute', 'calculate', 'present', 'render', 'map', 'filter', 'reduce', 'sort', 'pick',
  'omit', 'compare', 'equals', 'match', 'test', 'includes', 'contains', 'index', 'slice', 'split', 'join', 'trim',
  'replace', 'encode', 'decode', 'hash', 'normalize', 'sanitize', 'escape', 'unescape', 'stringify', 'json', 'text',
  'keys', 'values', 'entries', 'some', 'every', 'for', 'flat', 'concat', 'at', 'pad', 'starts', 'ends', 'then',
  'catch', 'finally', 'all', 'race', 'any', 'allowed', 'cannot', 'compile', 'describe', 'extract',
  'lookup', 'next', 'clone', 'verify',
  'generate', 'random', 'track',
  'uniq', 'unique', 'chunk', 'flatten', 'max', 'min', 'sum', 'round', 'floor', 'ceil', 'abs', 'now', 'exists',
  'ensure', 'require', 'paginate', 'with', 'where', 'order', 'limit', 'offset', 'include', 'exclude', 'sanitized',
]);

/** Globals whose calls only compute. */
const PURE_GLOBALS = new Set([
  'JSON', 'Math', 'Object', 'Array', 'Number', 'String', 'Boolean', 'BigInt', 'Symbol', 'Date', 'Promise', 'Reflect',
  'Map', 'Set', 'WeakMap', 'WeakSet', 'Error', 'TypeError', 'RangeError', 'URL', 'URLSearchParams', 'RegExp', 'Buffer',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI',
  'structuredClone', 'console', 'Intl', 'TextEncoder', 'TextDecoder', 'atob', 'btoa', 'setTimeout', 'clearTimeout',
  'queueMicrotask', 'AbortController', 'Headers', 'Response', 'Request', 'crypto', 'performance', 'process', 'require',
  'Uint8Array', 'ArrayBuffer', 'DataView', 'Proxy', 'globalThis', 'undefined',
]);

/** Methods of JavaScript's builtins (arrays, strings, maps, sets, promises, dates…): in-memory, for a receiver nothing identifies. */
const BUILTIN_METHODS = new Set([
  'push', 'pop', 'shift', 'unshift', 'splice', 'concat', 'slice', 'indexOf', 'lastIndexOf', 'includes', 'find', 'findIndex',
  'findLast', 'findLastIndex', 'filter', 'map', 'flatMap', 'flat', 'forEach', 'reduce', 'reduceRight', 'some', 'every',
  'sort', 'toSorted', 'reverse', 'toReversed', 'join', 'keys', 'values', 'entries', 'at', 'fill', 'substring', 'substr',
  'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd', 'padStart',
  'padEnd', 'split', 'replace', 'replaceAll', 'match', 'matchAll', 'search', 'startsWith', 'endsWith', 'charAt',
  'charCodeAt', 'codePointAt', 'normalize', 'localeCompare', 'repeat', 'get', 'set', 'has', 'delete', 'clear', 'add',
  'then', 'catch', 'finally', 'getTime', 'toISOString', 'toJSON', 'toString', 'toFixed', 'toPrecision', 'valueOf',
  'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString', 'toDateString', 'toTimeString', 'toUTCString',
  'getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getSeconds', 'getMilliseconds',
  'getUTCFullYear', 'getUTCMonth', 'getUTCDate', 'setFullYear', 'setMonth', 'setDate', 'setHours', 'setMinutes',
  'setSeconds', 'setMilliseconds', 'setTime', 'test', 'exec', 'bind', 'call', 'apply', 'abort', 'setTimeout',
  'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'write', 'end', 'digest', 'update', 'json', 'text',
  'arrayBuffer', 'blob', 'formData',
]);

const READ_METHODS_OF_FETCH = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * What a name says, when nothing else does. `method`: a method of a value the analysis cannot identify, or a package's
 * function — a name that does not write computes (`schema.strict()`, `doc.descendants(…)`, `storage.run(…)`); a plain
 * function of the app that does not resolve must read by its name.
 */
function byName(name: string, label: string, method: boolean): CallEffect {
  const words = splitWords(name.replace(/^\$+/u, ''));
  const word = words[0];
  // `ValidationError(…)`, `NotFoundException(…)`: building an error to throw.
  if (words.length > 1 && (words.at(-1) === 'error' || words.at(-1) === 'exception')) return { kind: 'pure' };
  if (word !== undefined && WRITE_VERBS.has(word)) return { kind: 'write', label };
  if (method || (word !== undefined && READ_VERBS.has(word))) return { kind: 'pure' };
  return { kind: 'unseen', label };
}

/** `fetch(url, { method: 'POST' })`: a write unless GET/HEAD (the default). */
function fetchEffect(call: Call, label: string): CallEffect {
  const options = call.arguments[1] ? unwrapExpression(call.arguments[1]) : undefined;
  if (!options) return { kind: 'pure' };
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return { kind: 'unseen', label };
  for (const property of options.properties) {
    if (property.type !== AST_NODE_TYPES.Property) return { kind: 'unseen', label };
    if (staticKeyName(property.key, property.computed) !== 'method') continue;
    const value = unwrapExpression(property.value);
    if (value.type !== AST_NODE_TYPES.Literal || typeof value.value !== 'string') return { kind: 'unseen', label };
    return READ_METHODS_OF_FETCH.has(value.value.toUpperCase()) ? { kind: 'pure' } : { kind: 'write', label };
  }
  return { kind: 'pure' };
}

/**
 * A command object handed to a bus or a client (`client.send(new PutObjectCommand(…))` of the AWS SDK v3,
 * `commandBus.execute(new CreateUserCommand(…))` of CQRS): judged by the command's name. undefined: no command.
 */
function commandEffect(call: Call, label: string): CallEffect | undefined {
  for (const argument of call.arguments) {
    const value = unwrapExpression(argument);
    if (value.type !== AST_NODE_TYPES.NewExpression) continue;
    const name = calleePath(value.callee)?.at(-1);
    if (name?.endsWith('Command')) return byName(name, `${label}(new ${name})`, true);
  }
  return undefined;
}

function isPackageImport(view: ModuleView, source: string): boolean {
  if (source.startsWith('.') || source.startsWith('/')) return false;
  return resolveImport(view.file, source) === undefined;
}

/** `const client = new Client(…)` / `createClient(…)` (awaited or not) from a package. */
function isPackageClient(state: ReachState, declarator: TSESTree.VariableDeclarator, view: ModuleView): boolean {
  let init = declarator.init ? unwrapExpression(declarator.init) : undefined;
  if (init?.type === AST_NODE_TYPES.AwaitExpression) init = unwrapExpression(init.argument);
  if (init?.type !== AST_NODE_TYPES.NewExpression && init?.type !== AST_NODE_TYPES.CallExpression) return false;
  let callee = unwrapExpression(init.callee);
  while (callee.type === AST_NODE_TYPES.MemberExpression) callee = unwrapExpression(callee.object);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const binding = bindingOf(state, callee, view);
  return binding?.kind === 'import' && isPackageImport(view, binding.source);
}

function unresolvedEffect(state: ReachState, call: Call, view: ModuleView, label: string): CallEffect {
  // Constructing is not writing; `super(…)` runs the base constructor.
  if (call.type === AST_NODE_TYPES.NewExpression || call.callee.type === AST_NODE_TYPES.Super) return { kind: 'pure' };
  const path = calleePath(call.callee);
  const method = path?.at(-1);
  if (!path || method === undefined || method === EXPRESSION_SEGMENT) return { kind: 'unseen', label };
  const command = commandEffect(call, label);
  if (command) return command;
  const root = chainRoot(call.callee);
  if (root.type === AST_NODE_TYPES.Identifier) {
    const binding = bindingOf(state, root, view);
    if (!binding && path.length === 1 && root.name === 'fetch') return fetchEffect(call, label);
    if (!binding && PURE_GLOBALS.has(root.name)) return { kind: 'pure' };
    if (binding?.kind === 'import' && isPackageImport(view, binding.source)) {
      // A function of a sibling package of a monorepo (`forgotPassword(…)` from `@documenso/lib`) is the app's code,
      // unseen: its name must say it reads. A library's function (`compact`, `z.object`, `bcrypt.compare`) and any
      // method computes unless its name writes.
      if (path.length > 1) return byName(method, label, true);
      const name = binding.imported === 'default' || binding.imported === '*' ? root.name : binding.imported;
      return byName(name, label, !isSiblingPackage(view.file, binding.source));
    }
    // A client the app made from a package (`new OAuth2Server({ model })`, `new Stripe(key)`) talks to another system.
    if (binding?.kind === 'variable' && path.length > 1 && isPackageClient(state, binding.node, view)) {
      if (!BUILTIN_METHODS.has(method)) return byName(method, label, false);
    }
    if (path.length === 1) return byName(root.name, label, false);
  }
  if (DATA_METHOD_NAMES.write.has(method)) return { kind: 'write', label };
  if (DATA_METHOD_NAMES.read.has(method) || BUILTIN_METHODS.has(method)) return { kind: 'pure' };
  // Answering the request (the frameworks' records) and logging (the loggers' records) change nothing here.
  if (path.length > 1 && (RESPONSE_METHODS.has(method) || LOGGER_TABLES.anyLogMethod.has(method))) return { kind: 'pure' };
  return byName(method, label, path.length > 1);
}

function callEffect(state: ReachState, call: Call, view: ModuleView): CallEffect {
  try {
    if (state.isAuditCall(call)) return { kind: 'pure' };
  } catch {
    // not an audit call
  }
  const label = callLabel(call);
  if (view === state.currentView && call.type === AST_NODE_TYPES.CallExpression) {
    const operation = dataOperationOf(call, { sourceCode: state.sourceCode });
    if (operation) return operation.operation === 'read' ? { kind: 'pure' } : { kind: 'write', label: `${label} (${operation.operation})` };
  }
  const targets = callTargets(state, call, view);
  if (targets.length > 0) return { kind: 'follow', label, targets };
  return unresolvedEffect(state, call, view, label);
}

interface EffectFacts {
  /** The first write or unseen call of the body itself. */
  readonly found?: { readonly kind: 'write' | 'unseen'; readonly label: string };
  readonly callees: readonly { readonly label: string; readonly target: FnRef }[];
}

function computeEffectFacts(state: ReachState, roots: readonly TSESTree.Node[], view: ModuleView, skip: TSESTree.Node | undefined, self: string | undefined): EffectFacts {
  const callees: { label: string; target: FnRef }[] = [];
  const seen = new Set<string>(self ? [self] : []);
  const follow = (label: string, target: FnRef | undefined): void => {
    if (!target || seen.has(target.key) || target.node === skip) return;
    seen.add(target.key);
    callees.push({ label, target });
  };
  for (const call of collectCalls(roots, skip)) {
    const effect = callEffect(state, call, view);
    if (effect.kind === 'write' || effect.kind === 'unseen') return { found: effect, callees: [] };
    if (effect.kind === 'follow') for (const target of effect.targets) follow(effect.label, target);
    for (const argument of call.arguments) {
      const value = unwrapExpression(argument);
      if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
        const target = referenceTarget(state, value, view);
        if (target) follow(calleePath(value)?.join('.') ?? '(function)', target);
      }
    }
  }
  return { callees };
}

interface EffectResult {
  readonly effect?: Effect;
  readonly height: number;
  /** Index of the deepest unfinished caller this result depended on (Infinity: none). */
  readonly low: number;
  readonly deps: Deps;
}

const TOO_DEEP = '(deeper than the analysis follows)';

function summarizeEffects(state: ReachState, ref: FnRef, budget: number, stack: string[]): EffectResult {
  const entry = entryFor(state, ref);
  const cached = entry.effects;
  if (cached && depsValid(state, cached.deps) && (cached.effect || cached.height <= budget)) return { ...cached, low: Infinity };
  const onStack = stack.indexOf(ref.key);
  if (onStack >= 0) return { height: 0, low: onStack, deps: undefined };
  const outer = state.collecting;
  state.collecting = state.typed ? undefined : new Map();
  let facts: EffectFacts;
  let deps: Deps;
  try {
    facts = computeEffectFacts(state, [...ref.node.params, ref.node.body], ref.view, undefined, ref.key);
    deps = state.collecting && state.collecting.size > 0 ? state.collecting : undefined;
  } finally {
    state.collecting = outer;
  }
  if (facts.found) {
    const summary: EffectSummary = { effect: { kind: facts.found.kind, depth: 0, path: [facts.found.label] }, height: 0, deps };
    entry.effects = summary;
    return { ...summary, low: Infinity };
  }
  if (facts.callees.length > 0 && budget <= 0) {
    const first = facts.callees[0] as { label: string };
    return { effect: { kind: 'unseen', depth: 0, path: [first.label, TOO_DEEP] }, height: 0, low: Infinity, deps };
  }
  stack.push(ref.key);
  const index = stack.length - 1;
  let merged = mergeDeps(undefined, deps);
  let low = Infinity;
  let height = 0;
  let effect: Effect | undefined;
  let cut = false;
  for (const callee of facts.callees) {
    const result = summarizeEffects(state, callee.target, budget - 1, stack);
    low = Math.min(low, result.low);
    merged = mergeDeps(merged, result.deps);
    if (result.effect) {
      effect = { kind: result.effect.kind, depth: result.effect.depth + 1, path: [callee.label, ...result.effect.path] };
      cut = result.effect.path.at(-1) === TOO_DEEP;
      break;
    }
    height = Math.max(height, result.height + 1);
  }
  stack.pop();
  // Cached only when no unfinished caller decided it, and (for an effect) when it is not a budget cut.
  if (low >= index && !cut) entry.effects = effect ? { effect, height: 0, deps: merged } : { height, deps: merged };
  return { ...(effect ? { effect } : {}), height, low: low >= index ? Infinity : low, deps: merged };
}

/**
 * The first state change (or unseen call) executing `roots` reaches within `budget` calls, or undefined when every
 * call resolves to reads. `skip`: a subtree not to walk.
 */
export function stateChangeIn(state: ReachState, roots: readonly TSESTree.Node[], view: ModuleView, budget: number, skip?: TSESTree.Node): Effect | undefined {
  const facts = computeEffectFacts(state, roots, view, skip, undefined);
  if (facts.found) return { kind: facts.found.kind, depth: 0, path: [facts.found.label] };
  for (const callee of facts.callees) {
    if (budget <= 0) return { kind: 'unseen', depth: 0, path: [callee.label, TOO_DEEP] };
    const result = summarizeEffects(state, callee.target, budget - 1, []);
    if (result.effect) return { kind: result.effect.kind, depth: result.effect.depth + 1, path: [callee.label, ...result.effect.path] };
  }
  return undefined;
}
