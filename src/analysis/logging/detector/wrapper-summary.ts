/**
 * Log wrappers, the summary side: which parameter indices of a function reach a sink (see wrappers.ts), and the sink a
 * call of such a function is. Summaries are cached per policy and function node (see wrappers.ts for the lifetime).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Policy } from '../../../policy.js';
import type { FunctionNode } from '../../ast/functions.js';
import { unwrapExpression } from '../../ast/unwrap.js';
import type { SinkKind } from '../index.js';
import type { Sink, SinkState } from './state.js';
import { isRequestContext } from './audit-args.js';
import { calleeFunction, parameterNames } from './wrappers.js';

/** How many wrapper hops a summary follows (`a(x)` → `b(x)` → `c(x)` → `logger.info(x)`). */
export const MAX_WRAPPER_DEPTH = 3;

/** Functions longer than this (characters of the body) are not summarized: log wrappers are short, and it bounds the cost. */
export const MAX_WRAPPER_BODY = 4000;

export interface WrapperSummary {
  /** The parameter indices that reach a sink. */
  readonly params: ReadonlySet<number>;
  /** Every index from here on reaches a sink (a rest parameter spread, `arguments`). */
  readonly restFrom: number | undefined;
  /** The kind of the sink reached. */
  readonly kind: SinkKind;
  /** Parameter index → the properties of it that are written (`opts.comment`): an object literal passed there has those values written. */
  readonly members: ReadonlyMap<number, ReadonlySet<string>>;
}

/** The sink of a call other than a wrapper's (library logger, audit, configured): injected by detect.ts. */
export type BaseSink = (state: SinkState, call: TSESTree.CallExpression) => Sink | undefined;

/** Per policy, per function node: null = not a wrapper, or being computed (cycles). */
const summaries = new WeakMap<Policy, WeakMap<TSESTree.Node, WrapperSummary | null>>();

type Keys = Readonly<Record<string, readonly string[] | undefined>>;

function children(node: TSESTree.Node, keys: Keys): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  for (const key of keys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) for (const item of value) {
      if (item && typeof (item as TSESTree.Node).type === 'string') out.push(item as TSESTree.Node);
    }
    else if (value && typeof (value as TSESTree.Node).type === 'string') out.push(value as TSESTree.Node);
  }
  return out;
}

/**
 * The identifiers whose whole value an expression writes: `data` in `{ data }`, `` `${message}` ``, `...args`; not
 * `ctx` in `ctx.request.ip` (a member of it is written, not it: the wrapper's own file reports that member), not a
 * property name, not a callee.
 */
function readNames(node: TSESTree.Node, keys: Keys, out: Set<string>, members?: Map<string, Set<string>>): void {
  if (node.type === AST_NODE_TYPES.Identifier) {
    const parent = node.parent;
    if (members && parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && !parent.computed && parent.property.type === AST_NODE_TYPES.Identifier) {
      const above = parent.parent;
      const whole = !(above?.type === AST_NODE_TYPES.MemberExpression && above.object === parent) && !(above?.type === AST_NODE_TYPES.CallExpression && above.callee === parent);
      if (whole) {
        const props = members.get(node.name) ?? new Set<string>();
        props.add(parent.property.name);
        members.set(node.name, props);
      }
    }
    const partial = (parent?.type === AST_NODE_TYPES.MemberExpression && (parent.object === node || (parent.property === node && !parent.computed))) ||
      (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && !parent.shorthand) ||
      (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node);
    if (!partial) out.add(node.name);
    return;
  }
  // A value handed to another call is not written whole (`${user.getToken(ctx)}`), unless the call only renders it.
  if (node.type === AST_NODE_TYPES.CallExpression && !isRendering(node)) return;
  // A test, a comparison or a `typeof` writes a boolean or a type name, not the value: `email ? hash(email) : id`.
  if (node.type === AST_NODE_TYPES.ConditionalExpression) {
    readNames(node.consequent, keys, out, members);
    readNames(node.alternate, keys, out, members);
    return;
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && COMPARISONS.has(node.operator)) return;
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator !== '-' && node.operator !== '+' && node.operator !== '~') return;
  if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression) return;
  for (const child of children(node, keys)) readNames(child, keys, out, members);
}

const COMPARISONS: ReadonlySet<string> = new Set(['===', '!==', '==', '!=', '<', '>', '<=', '>=', 'instanceof', 'in']);

/** `JSON.stringify(x)`, `String(x)`, `util.inspect(x)`, `util.format(…)`: calls that write their argument whole into a string. */
function isRendering(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'String' || callee.name === 'inspect' || callee.name === 'format';
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return false;
  const object = unwrapExpression(callee.object);
  const owner = object.type === AST_NODE_TYPES.Identifier ? object.name : undefined;
  return (owner === 'JSON' && callee.property.name === 'stringify') || (owner === 'util' && (callee.property.name === 'inspect' || callee.property.name === 'format'));
}

interface Reach {
  members: Map<number, Set<string>>;
  params: Set<number>;
  restFrom: number | undefined;
  kind: SinkKind | undefined;
}

function compute(state: SinkState, fn: FunctionNode, base: BaseSink, depth: number): WrapperSummary | undefined {
  const keys = state.sourceCode.visitorKeys as Keys;
  const { names, rest, restIndex } = parameterNames(fn);
  if (names.size === 0 && rest === undefined) return undefined;
  // name → the parameter indices it carries (parameters, and `const`s built from them).
  const carries = new Map<string, Set<number>>([...names].map(([name, index]) => [name, new Set([index])]));
  const reach: Reach = { params: new Set(), members: new Map(), restFrom: undefined, kind: undefined };
  const addRest = (from: number): void => {
    reach.restFrom = reach.restFrom === undefined ? from : Math.min(reach.restFrom, from);
  };
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init) {
      const read = new Set<string>();
      readNames(node.init, keys, read);
      const indices = new Set([...read].flatMap((name) => [...(carries.get(name) ?? [])]));
      if (indices.size > 0) carries.set(node.id.name, indices);
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const sink = base(state, node) ?? wrapperSinkAt(state, node, base, depth + 1);
      if (sink) {
        for (const argument of sink.args) {
          const read = new Set<string>();
          const partial = new Map<string, Set<string>>();
          readNames(argument, keys, read, partial);
          for (const name of read) for (const index of carries.get(name) ?? []) reach.params.add(index);
          // `opts.comment` of a parameter itself (not of a local built from one): that property of an object literal
          for (const [name, props] of partial) {
            const index = names.get(name);
            if (index === undefined) continue;
            const known = reach.members.get(index) ?? new Set<string>();
            for (const prop of props) known.add(prop);
            reach.members.set(index, known);
          }
          if (read.has('arguments') && !isArrow(fn)) addRest(0);
          if (rest !== undefined && restIndex !== undefined && read.has(rest)) addRest(restIndex);
          const reached = reach.params.size > 0 || reach.restFrom !== undefined || reach.members.size > 0;
          if ((read.size > 0 || partial.size > 0) && reach.kind === undefined && reached) reach.kind = sink.kind;
        }
      }
    }
    for (const child of children(node, keys)) visit(child);
  };
  if (fn.body && fn.body.range[1] - fn.body.range[0] <= MAX_WRAPPER_BODY) visit(fn.body);
  if (reach.kind === undefined) return undefined;
  return { params: reach.params, members: reach.members, restFrom: reach.restFrom, kind: reach.kind };
}

function isArrow(fn: FunctionNode): boolean {
  return fn.type === AST_NODE_TYPES.ArrowFunctionExpression;
}

/** The summary of a function (cached), or undefined when no parameter reaches a sink. */
export function summarize(state: SinkState, fn: FunctionNode, base: BaseSink, depth = 0): WrapperSummary | undefined {
  let byNode = summaries.get(state.policy);
  if (!byNode) summaries.set(state.policy, (byNode = new WeakMap()));
  const cached = byNode.get(fn);
  if (cached !== undefined) return cached ?? undefined;
  if (depth > MAX_WRAPPER_DEPTH) return undefined;
  byNode.set(fn, null);
  let summary: WrapperSummary | undefined;
  try {
    summary = compute(state, fn, base, depth);
  } catch {
    summary = undefined;
  }
  byNode.set(fn, summary ?? null);
  return summary;
}

function wrapperSinkAt(state: SinkState, call: TSESTree.CallExpression, base: BaseSink, depth: number): Sink | undefined {
  if (depth > MAX_WRAPPER_DEPTH || !call.arguments.some(mayCarryData)) return undefined;
  const fn = calleeFunction(state, call.callee);
  if (!fn || fn === enclosing(call)) return undefined;
  const summary = summarize(state, fn, base, depth);
  if (!summary) return undefined;
  const reaches = (index: number): boolean => summary.params.has(index) || (summary.restFrom !== undefined && index >= summary.restFrom);
  const highest = Math.max(-1, ...summary.params);
  const args = call.arguments.filter((argument, index) => {
    if (argument.type === AST_NODE_TYPES.SpreadElement) return summary.restFrom !== undefined || index <= highest;
    // What an audit call resolves its actor from is not written (audit-args.ts), through a wrapper neither.
    return reaches(index) && !(summary.kind === 'audit' && isRequestContext(state, argument));
  });
  // An object literal at a position whose properties are written: those properties' values (`{ comment: \`… ${email}\` }`).
  call.arguments.forEach((argument, index) => {
    const props = summary.members.get(index);
    const object = unwrapExpression(argument);
    if (!props || reaches(index) || object.type !== AST_NODE_TYPES.ObjectExpression) return;
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed || property.kind !== 'init') continue;
      const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
      if (key !== undefined && props.has(key) && mayCarryData(property.value)) args.push(property.value as TSESTree.Expression);
    }
  });
  if (args.length === 0) return undefined;
  return { kind: summary.kind, name: state.sourceCode.getText(unwrapExpression(call.callee)).replace(/\s*\n\s*/gu, ''), args };
}

/** An argument that may carry data: not a literal, a template without expressions, or a function. */
function mayCarryData(argument: TSESTree.Node): boolean {
  const value = unwrapExpression(argument);
  if (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.ArrowFunctionExpression || value.type === AST_NODE_TYPES.FunctionExpression) return false;
  return value.type !== AST_NODE_TYPES.TemplateLiteral || value.expressions.length > 0;
}

function enclosing(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = node.parent;
  while (current && current.type !== AST_NODE_TYPES.FunctionDeclaration && current.type !== AST_NODE_TYPES.FunctionExpression && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
    current = current.parent;
  }
  return current;
}

/** The sink a call of a log wrapper is: named after the wrapper, on the arguments at the positions that reach a sink. */
export function wrapperSink(state: SinkState, call: TSESTree.CallExpression, base: BaseSink): Sink | undefined {
  return wrapperSinkAt(state, call, base, 0);
}
