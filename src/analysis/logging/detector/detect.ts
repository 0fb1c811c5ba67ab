/**
 * Detection: whether a call's callee is a library's log method or log function (syntax first, the checker only where
 * the syntax cannot decide), and the `Sink` of a call with audit / configured precedence (see src/analysis/sinks.ts).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../../ast/keys.js';
import { chainRoot, unwrapExpression } from '../../ast/unwrap.js';
import { createCallMatcher } from '../../matchers.js';
import { fileMentions, fileOrigin } from '../../modules/files.js';
import type { TypeServices } from '../../types/services.js';
import { conventionalLogger, LOGGER_TABLES, type LoggerKind, type SinkKind } from '../index.js';
import type { RedactPaths } from '../redact.js';
import { auditCallWrites, auditLoggedArguments } from './audit-args.js';
import { wrapperSink } from './wrapper-summary.js';
import { bindingOf, isCurrent, resolveFrom } from './bindings.js';
import { classify } from './classify.js';
import { typedInfo, type Sink, type SinkState, type TypedVerdict } from './state.js';
import { anyTypePresent, isTypedLogFunction, logFunctionTypePresent, typedKindOf } from './typed.js';
import { tsLoggerRedact } from './typed-redact.js';
import { asLogFunction, isLogMethod, moduleKey, withRedact } from './values.js';

/** What the receiver / callee analysis found: a sink of that kind, definitely not a sink, or nothing known. */
type Detection = { readonly kind: LoggerKind; readonly redact?: RedactPaths; readonly bindings?: true } | 'none' | undefined;

const CONVENTIONAL_METHODS: ReadonlySet<string> = new Set(conventionalLogger.methods);

/** Every child method that binds its first argument into every line (`child`), of some record. */
const BINDINGS_METHODS: ReadonlySet<string> = new Set([...LOGGER_TABLES.byKind.values()].flatMap((record) => record.bindingsMethods ?? []));

/** `logger.child(bindings)`: a child method of the kind whose first argument is written into every line. */
function isBindingsMethod(kind: LoggerKind, method: string): boolean {
  return LOGGER_TABLES.byKind.get(kind)?.bindingsMethods?.includes(method) ?? false;
}

function attempt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

/** The name a receiver goes by (`logger`, `this.logger` → `logger`), for the conventional fallback. */
function receiverName(receiver: TSESTree.Node): string | undefined {
  if (receiver.type === AST_NODE_TYPES.Identifier) return receiver.name;
  if (receiver.type === AST_NODE_TYPES.MemberExpression) return staticPropertyName(receiver);
  return undefined;
}

/**
 * Whether the checker's answer can change the detection of `receiver.method(…)`: some library present in the program
 * logs with `method` (or custom-level log functions can occur), or the conventional fallback would fire and a
 * "not a logger" verdict would stop it.
 */
function typedCanDecide(typed: TypeServices, method: string, conventional: boolean): boolean {
  if (conventional) return true;
  const kinds = LOGGER_TABLES.kindsByMethod.get(method) ?? [];
  return anyTypePresent(typed, (kind) => kinds.includes(kind) || isBindingsMethod(kind, method)) || logFunctionTypePresent(typed);
}

function typedMember(state: SinkState, typed: TypeServices, member: TSESTree.MemberExpression, receiver: TSESTree.Node, method: string): Detection {
  const verdict: TypedVerdict | undefined = attempt(() => typedKindOf(state, typed, receiver));
  if (verdict === 'notLogger') return 'none';
  if (verdict === undefined || verdict === 'other' || verdict === 'audit' || verdict === 'configured') return undefined;
  const logs = isLogMethod(verdict, method) || (attempt(() => isTypedLogFunction(typed, member)) ?? false);
  if (!logs) return isBindingsMethod(verdict, method) ? { kind: verdict, bindings: true } : 'none';
  let redact: RedactPaths | undefined;
  if (LOGGER_TABLES.byKind.get(verdict)?.redact) {
    redact = attempt(() => {
      const tsNode = typed.tsNode(receiver);
      return tsNode ? tsLoggerRedact(typed, tsNode, 0) : undefined;
    });
  }
  return { kind: verdict, ...withRedact(redact) };
}

/** A member call `receiver.method(…)`. */
function detectMember(state: SinkState, member: TSESTree.MemberExpression): Detection {
  const method = staticPropertyName(member);
  if (method === undefined) return undefined;
  const receiver = unwrapExpression(member.object);
  const value = classify(state, receiver);
  if (value) {
    if (value.t === 'logger') {
      if (isLogMethod(value.kind, method, value.levels)) return { kind: value.kind, ...withRedact(value.redact) };
      return isBindingsMethod(value.kind, method) ? { kind: value.kind, bindings: true, ...withRedact(value.redact) } : 'none';
    }
    if (value.t === 'module') {
      const kind = LOGGER_TABLES.moduleLoggers.get(moduleKey(value));
      return kind && isLogMethod(kind, method) ? { kind } : 'none';
    }
    if (value.t !== 'localModule') return 'none';
  }
  const name = receiverName(receiver);
  const bindings = isBindingsMethod('logger', method);
  const conventional = name !== undefined && conventionalLogger.isName(name) && (CONVENTIONAL_METHODS.has(method) || bindings);
  // Asking the checker is the expensive part: only for method names some logger has, when its answer can matter.
  const typed = isCurrent(state, member) && (LOGGER_TABLES.anyLogMethod.has(method) || BINDINGS_METHODS.has(method)) ? typedInfo(state) : undefined;
  if (typed && typedCanDecide(typed, method, conventional)) {
    const detection = typedMember(state, typed, member, receiver, method);
    if (detection !== undefined) return detection;
  }
  if (!conventional) return undefined;
  return bindings ? { kind: 'logger', bindings: true } : { kind: 'logger' };
}

/**
 * Whether a callee names a declared function or method (`save(…)`, `repo.find(…)`, imports followed): its type is the
 * function's own, never a function logger's type (a `Debugger` is a variable's or property's type), so the checker
 * need not compute it.
 */
function isDeclaredFunction(typed: TypeServices, callee: TSESTree.Node): boolean {
  const name = callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed ? callee.property : callee.type === AST_NODE_TYPES.Identifier ? callee : undefined;
  const symbol = name ? typed.symbolOf(name) : undefined;
  if (!symbol) return false;
  const { SymbolFlags } = typed.ts;
  return (symbol.flags & (SymbolFlags.Function | SymbolFlags.Method)) !== 0 && (symbol.flags & (SymbolFlags.Variable | SymbolFlags.Property | SymbolFlags.Accessor)) === 0 && !LOGGER_TABLES.typeNames.has(symbol.name);
}

/** Typed mode: whether a callee's type is a function logger's (`Debugger`); asked only when such a library is in the program. */
function typedCallable(state: SinkState, callee: TSESTree.Node): Detection {
  const typed = isCurrent(state, callee) ? typedInfo(state) : undefined;
  if (!typed || !anyTypePresent(typed, (kind) => LOGGER_TABLES.byKind.get(kind)?.functionLogger !== undefined)) return undefined;
  if (attempt(() => isDeclaredFunction(typed, callee))) return undefined;
  const verdict = attempt(() => typedKindOf(state, typed, callee));
  return verdict !== undefined && verdict !== 'other' && verdict !== 'notLogger' && LOGGER_TABLES.byKind.get(verdict as LoggerKind)?.functionLogger
    ? { kind: verdict as LoggerKind }
    : undefined;
}

/**
 * Whether a member call may log. A method some logger, child logger, bound log function or tracker has may; any other
 * method only as a custom level of a pino logger, declared under `customLevels` in the text of the module the logger is
 * made in. So a receiver imported from a module that makes the value without `customLevels` in its text (`User.findOne`
 * with `User` from a model module, through barrels that re-export it) is not identified: no module is parsed for it;
 * nor is a receiver of the linted file when its text declares no custom levels (`ctx.assertPresent`, `this.repo.save`).
 * Imports that cannot be followed by text are identified as before.
 */
function mayLog(state: SinkState, member: TSESTree.MemberExpression): boolean {
  const method = staticPropertyName(member);
  if (method === undefined || LOGGER_TABLES.anyLogMethod.has(method) || BINDINGS_METHODS.has(method)) return true;
  const root = chainRoot(member.object);
  if (root.type === AST_NODE_TYPES.Identifier && !isCurrent(state, root)) return true;
  const bound = root.type === AST_NODE_TYPES.Identifier ? bindingOf(state, root) : undefined;
  // a logger of this file (a variable, a parameter, `this.logger`, a call's result) has custom levels only if the file
  // declares some
  if (bound?.k !== 'import') return fileDeclaresLevels(state);
  if (bound.imported === '*') return true;
  const key = `${bound.source}\0${bound.imported}`;
  let answer = state.customLevelImports.get(key);
  if (answer === undefined) state.customLevelImports.set(key, (answer = importMayHaveLevels(state, bound.source, bound.imported)));
  return answer;
}

/** Whether the linted file's text declares custom levels (once per file). */
function fileDeclaresLevels(state: SinkState): boolean {
  state.declaresLevels ??= [...LOGGER_TABLES.levelsOptions].some((option) => state.sourceCode.text.includes(option));
  return state.declaresLevels;
}

/** Whether the value imported as `name` from `source` may be a logger with custom levels, by the modules' texts. */
function importMayHaveLevels(state: SinkState, source: string, name: string): boolean {
  let from: string = state.file;
  let origin: { readonly source: string; readonly name: string } = { source, name };
  for (let hop = 0; hop < MAX_TEXT_HOPS; hop += 1) {
    // a package's value: the detector knows it by its record, not by loading it (an unresolved import is not followed)
    const file = resolveFrom(state, from, origin.source);
    if (file === undefined) return false;
    if ([...LOGGER_TABLES.levelsOptions].some((option) => fileMentions(file, option))) return true;
    const next = fileOrigin(file, origin.name);
    if (next === undefined) return false;
    if (next === '*') return true;
    from = file;
    origin = next;
  }
  return true;
}

/** Modules followed by text from an import to where its value is made (barrels, re-exports). */
const MAX_TEXT_HOPS = 4;

/** A call of a function value: `dbg('x')`, `debug('app')('x')`, `info(x)` with `const info = console.info.bind(console)`. */
function detectCallable(state: SinkState, callee: TSESTree.Node): Detection {
  const value = classify(state, callee);
  const fn = asLogFunction(value);
  if (fn?.t === 'logFn') return { kind: fn.kind, ...withRedact(fn.redact) };
  if (value) return 'none';
  return typedCallable(state, callee);
}

function detect(state: SinkState, call: TSESTree.CallExpression): Detection {
  const callee = unwrapExpression(call.callee);
  // `User.findOne(…)`: a method no logger has, on an import of a module that declares no custom levels, is never a log
  // call; that module is not worth loading.
  if (callee.type === AST_NODE_TYPES.MemberExpression && !mayLog(state, callee)) return undefined;
  const callable = detectCallable(state, callee);
  if (callable !== undefined && callable !== 'none') return callable;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return detectMember(state, callee);
  return callable;
}

function isConfigured(state: SinkState, call: TSESTree.CallExpression): boolean {
  if (state.configured === undefined) {
    state.configured = state.policy.logging.sinks.length > 0 ? createCallMatcher(state.policy.logging.sinks, state.context) : null;
  }
  return state.configured ? state.configured.matches(call) !== undefined : false;
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

/** The merging object's index (0), unless the first argument is the message string (or missing). */
function mergingObjectIndex(state: SinkState, call: TSESTree.CallExpression): number | undefined {
  const first = call.arguments[0];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement || isStringExpression(first)) return undefined;
  const typed = typedInfo(state);
  const type = typed?.typeOf(first);
  if (typed && type && type.flags & typed.ts.TypeFlags.StringLike) return undefined;
  return 0;
}

/** The arguments a call logs: all, or from the record's `dataFrom` (`console.assert(condition, …data)`). */
function loggedArguments(kind: SinkKind, call: TSESTree.CallExpression): readonly TSESTree.Node[] {
  const callee = unwrapExpression(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
  const record = kind === 'audit' || kind === 'configured' ? undefined : LOGGER_TABLES.byKind.get(kind);
  const from = method === undefined ? undefined : record?.dataFrom?.[method];
  return from ? call.arguments.slice(from) : call.arguments;
}

function librarySink(state: SinkState, call: TSESTree.CallExpression): Sink | undefined {
  const detection = detect(state, call);
  let kind: SinkKind | undefined;
  if (state.isAuditCall(call) && auditCallWrites(state, call)) kind = 'audit';
  else if (isConfigured(state, call)) kind = 'configured';
  else if (detection !== undefined && detection !== 'none') kind = detection.kind;
  if (!kind) return undefined;
  const found = detection !== undefined && detection !== 'none' ? detection : undefined;
  const paths = found?.redact;
  const bindingsOnly = found?.bindings === true && kind === found.kind;
  const argumentIndex = paths && paths.length > 0 ? mergingObjectIndex(state, call) : undefined;
  return {
    kind,
    name: state.sourceCode.getText(call.callee).replace(/\s*\n\s*/gu, ''),
    args: kind === 'audit' ? auditLoggedArguments(state, call) : bindingsOnly ? call.arguments.slice(0, 1) : loggedArguments(kind, call),
    ...(paths && argumentIndex !== undefined ? { redact: { paths, argumentIndex } } : {}),
  };
}

/**
 * `log.apply(thisArg, args)` / `log.call(thisArg, …args)` of a log function or method (`console.log.apply(console,
 * arguments)`): a sink on the arguments array, or on the arguments after `thisArg`.
 */
function forwardedSink(state: SinkState, call: TSESTree.CallExpression): Sink | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const forward = staticPropertyName(callee);
  if (forward !== 'apply' && forward !== 'call') return undefined;
  const target = unwrapExpression(callee.object);
  const detection = detectCallable(state, target) ?? (target.type === AST_NODE_TYPES.MemberExpression ? detectMember(state, target) : undefined);
  if (detection === undefined || detection === 'none' || detection.bindings) return undefined;
  const args = forward === 'apply' ? call.arguments.slice(1, 2) : call.arguments.slice(1);
  return { kind: detection.kind, name: state.sourceCode.getText(target).replace(/\s*\n\s*/gu, ''), args };
}

/** The sink of a call, wrappers aside: an audit call, a configured sink, a library's log method, a forwarded call. */
function baseSink(state: SinkState, call: TSESTree.CallExpression): Sink | undefined {
  return attempt(() => librarySink(state, call) ?? forwardedSink(state, call));
}

/**
 * The sink a call of the linted file is, or undefined; computed once per call. Never throws.
 *
 * `carries`, when given, says whether an argument carries data the caller cares about: a call that is no sink by
 * itself is only resolved as a log wrapper (which may load the callee's module) when one of its arguments does. The
 * answer is then not cached, so that a caller without the gate still gets the full answer.
 */
export function sinkOf(state: SinkState, call: TSESTree.CallExpression, carries?: (argument: TSESTree.Node) => boolean): Sink | undefined {
  const cached = state.sinks.get(call);
  if (cached !== undefined) return cached ?? undefined;
  const base = baseSink(state, call);
  if (!base && carries && !call.arguments.some((argument) => attempt(() => carries(argument)) ?? true)) return undefined;
  const sink = base ?? attempt(() => wrapperSink(state, call, baseSink));
  state.sinks.set(call, sink ?? null);
  return sink;
}
