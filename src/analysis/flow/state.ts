/**
 * The state of one flow: what the free functions of `flow/` read and update. One state per `createFlow` call, that is
 * per linted file, rule run and set of options (a log flow and an audit flow differ in what masking excuses).
 *
 * Caches, all per state (so per file): answers by node (only those computed with no variable being followed, since a
 * cycle cut short is not the whole answer), the variable each identifier refers to, the writes of each variable and
 * the values each `try` block throws (syntax only, so each is computed once however many logged arguments reach it).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable, type Variable } from '../ast/variables.js';
import type { SensitiveData } from '../sensitive-data.js';
import { getTypeServices, type TypeServices } from '../types/services.js';
import type { FlowResult } from './result.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface FlowOptions {
  readonly sensitive: SensitiveData;
  /** Whether a call is a masking function (`settings.compliance.masking.functions`). */
  readonly isMaskingCall: (call: TSESTree.CallExpression) => boolean;
  /**
   * Categories that masking does not excuse (audit events: credentials and card data never belong in
   * one, masked or not). Values of these categories stay sources through a masking call, with `masked`.
   */
  readonly unmaskable?: ReadonlySet<string>;
  /** false: names and origins only, even in typed mode (a cheap first answer; see the log-wrapper gate of the rule). */
  readonly types?: false;
}

export interface FlowState {
  readonly context: Context;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly sensitive: SensitiveData;
  readonly isMaskingCall: (call: TSESTree.CallExpression) => boolean;
  readonly unmaskable: ReadonlySet<string>;
  /** The file's type services, looked up on first typed question: null in untyped mode. */
  types: TypeServices | null | undefined;
  /** Per state: answers by node. */
  readonly results: WeakMap<TSESTree.Node, FlowResult>;
  /** Per state: the variable an identifier refers to (null: none). */
  readonly variables: WeakMap<TSESTree.Identifier, Variable | null>;
  /** Per state: the identifiers that write a variable, in source order. */
  readonly writes: WeakMap<Variable, readonly TSESTree.Identifier[]>;
  /** Per state: the values a `try` block visibly throws. */
  readonly thrown: WeakMap<TSESTree.BlockStatement, readonly TSESTree.Node[]>;
  /** Variables being followed: a cycle (`x = x + y`) reads as unknown. */
  readonly following: Set<Variable>;
  /** Expressions being read, nested (bounded: a 10 000-term concatenation is not worth a stack overflow). */
  nesting: number;
  /** Variables followed from the current use (bounded). */
  hops: number;
}

export function createFlowState(context: Context, options: FlowOptions): FlowState {
  return {
    context,
    sourceCode: context.sourceCode,
    sensitive: options.sensitive,
    isMaskingCall: options.isMaskingCall,
    unmaskable: options.unmaskable ?? new Set<string>(),
    types: options.types === false ? null : undefined,
    results: new WeakMap(),
    variables: new WeakMap(),
    writes: new WeakMap(),
    thrown: new WeakMap(),
    following: new Set(),
    nesting: 0,
    hops: 0,
  };
}

/** The file's type services, or undefined in untyped mode. */
export function typeServices(state: FlowState): TypeServices | undefined {
  if (state.types === undefined) state.types = getTypeServices(state.context) ?? null;
  return state.types ?? undefined;
}

/** The variable `identifier` refers to (scope analysis once per identifier). */
export function variableOf(state: FlowState, identifier: TSESTree.Identifier): Variable | undefined {
  let variable = state.variables.get(identifier);
  if (variable === undefined) {
    variable = findVariable(state.sourceCode, identifier) ?? null;
    state.variables.set(identifier, variable);
  }
  return variable ?? undefined;
}

/** The identifiers that write `variable` (declarations with a value, assignments, loop heads), in reference order. */
export function writesOf(state: FlowState, variable: Variable): readonly TSESTree.Identifier[] {
  let writes = state.writes.get(variable);
  if (!writes) {
    writes = variable.references.filter(reference => reference.isWrite()).map(reference => reference.identifier as TSESTree.Identifier);
    state.writes.set(variable, writes);
  }
  return writes;
}
