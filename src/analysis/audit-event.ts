/**
 * The event object of an audit call and its properties, in both modes — shared by the rules that read audit events
 * (`audit-event-fields`, and any rule that needs to know what an audit record holds).
 *
 * **Which argument.** `audit.eventArgument` when configured (an index; a spread argument at or before it makes it
 * unknown). Otherwise the first object argument: an object literal or a variable bound to one (both modes), or any
 * argument whose type is an object (typed mode: a variable, a builder's result, a class instance). Where several
 * arguments are objects (`insertAuditLogs(tx, { … })`), the first that has a property named by a field alias wins,
 * else the first object literal, else the first object. When an argument the analysis cannot see (an untyped
 * parameter, a call) comes before an object that has no field alias, the event may be that argument: unknown.
 * A string literal before the event names the action (`auditLogger.info('user.login', { … })`).
 *
 * **Syntax (both modes).** Object literals in order of their properties; spreads of object literals and of `const`-like
 * variables bound to one in the same function or module (nothing imported, no reassigned or mutated variable), and
 * conditional spreads (`...(x ? { a } : {})`, `...(x && { a })`) whose keys are "maybe". A spread or computed key
 * the analysis cannot see makes every key not set after it possibly present ("open"), and the values set before it
 * unknown (it may override them).
 *
 * **Types (typed mode).** The properties of the argument's type decide presence (`?` optional ones flagged), wherever
 * the object comes from; values are read from the syntax where it is visible and definite, else from the property's
 * type (`undefined`, `null`, `''`, a single literal). An index signature, `object`, `any` or a type parameter leave the
 * undeclared names to the syntax, or unknown.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { AuditField } from '../regulations/types.js';
import { unwrapExpression } from './ast/unwrap.js';
import { createSyntaxReader, syntaxLookup } from './audit-event/syntax.js';
import { createTypeReader } from './audit-event/typed.js';
import type { EventPropertyLookup } from './audit-event/values.js';
import { getTypeServices } from './types/services.js';

export { classifyValue, type EventPropertyLookup, type EventValue, isHardCodedTime, isSuccessValue } from './audit-event/values.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A call that carries an audit event: a call, or `new AuditEntry(…)` when configured as one. */
export type AuditCallNode = TSESTree.CallExpression | TSESTree.NewExpression;

export interface AuditEvent {
  readonly call: AuditCallNode;
  /** The argument that carries the event, as written. */
  readonly argument: TSESTree.Node;
  readonly index: number;
  /** The argument itself when it is an object literal (after `as` / `satisfies` / `!`). */
  readonly literal: TSESTree.ObjectExpression | undefined;
  /** Whether the argument's type decided (typed mode, a closed object type). */
  readonly typed: boolean;
  /**
   * Fields given as arguments before the event rather than in it: a string literal before the event is the action
   * (`auditLogger.info('user.login', { … })`).
   */
  readonly positionalFields: readonly AuditField[];
  lookup(name: string): EventPropertyLookup;
  /**
   * Typed mode: the property name the call expects for a field, when the parameter's type (the argument's contextual
   * type) declares one of the aliases — so added properties type-check. undefined otherwise.
   */
  expectedKey(aliases: readonly string[]): string | undefined;
}

/** How a normalized field fares in an event. */
export type FieldStatus =
  | { readonly kind: 'present'; readonly lookup: Extract<EventPropertyLookup, { kind: 'present' }> }
  | { readonly kind: 'unknown' }
  | {
      readonly kind: 'missing';
      /** `absent`; or the value that counts as missing; or `optional` when optional properties do not count. */
      readonly reason: 'absent' | 'undefined' | 'null' | 'empty' | 'optional';
      /** The property that holds the missing value, when there is one. */
      readonly lookup?: Extract<EventPropertyLookup, { kind: 'present' }>;
    };

export interface FieldStatusOptions {
  /** Optional and nullable properties (`actor?: string`, `actor: string | null`) count as present (default true). */
  readonly allowOptional?: boolean;
}

/**
 * Whether an event carries a field under any of its aliases: present when an alias is present with a value that is not
 * `undefined`, `null` or `''` (and, unless `allowOptional`, not optional); unknown when some alias may be there unseen,
 * or the field is given as an argument before the event ({@link AuditEvent.positionalFields}); missing otherwise —
 * with the reason of the first alias that holds a missing value, else `absent`.
 */
export function fieldStatus(event: AuditEvent, field: AuditField, aliases: readonly string[], options: FieldStatusOptions = {}): FieldStatus {
  const allowOptional = options.allowOptional ?? true;
  if (event.positionalFields.includes(field)) return { kind: 'unknown' };
  let unknown = false;
  let missing: Extract<FieldStatus, { kind: 'missing' }> | undefined;
  for (const alias of aliases) {
    const lookup = event.lookup(alias);
    if (lookup.kind === 'absent') continue;
    if (lookup.kind === 'unknown') {
      unknown = true;
      continue;
    }
    const { kind } = lookup.value;
    if (kind === 'undefined' || kind === 'null' || kind === 'empty') {
      missing ??= { kind: 'missing', reason: kind, lookup };
      continue;
    }
    if (lookup.optional && !allowOptional) {
      missing ??= { kind: 'missing', reason: 'optional', lookup };
      continue;
    }
    return { kind: 'present', lookup };
  }
  if (unknown) return { kind: 'unknown' };
  return missing ?? { kind: 'missing', reason: 'absent' };
}


// ---------------------------------------------------------------------------------------------------------------------
// The reader
// ---------------------------------------------------------------------------------------------------------------------

export interface AuditEventReaderOptions {
  /** `audit.eventArgument`: the index of the argument carrying the event; undefined: the first object argument. */
  readonly eventArgument: number | undefined;
  /** Every alias of every field (to tell the event among several object arguments). */
  readonly aliases: Readonly<Record<AuditField, readonly string[]>>;
  /** Recognizes audit calls: handing a variable to one does not make it "possibly mutated". */
  readonly isAuditCall: (node: TSESTree.Node) => boolean;
}

export interface AuditEventReader {
  /** Whether the linted file has type information. */
  readonly typed: boolean;
  /** The event of an audit call, or undefined when the analysis cannot see it. Never throws. */
  eventOf(call: AuditCallNode): AuditEvent | undefined;
}

type Objectness = 'object' | 'unknown' | 'not-object';

/** Builds the reader for one linted file (call once per `create`). */
export function createAuditEventReader(context: Context, options: AuditEventReaderOptions): AuditEventReader {
  const { sourceCode } = context;
  const syntax = createSyntaxReader(sourceCode, options.isAuditCall);
  const typeServices = getTypeServices(context);
  const types = typeServices ? createTypeReader(typeServices) : undefined;
  const allAliases = [...new Set(Object.values(options.aliases).flat())];

  /** A string literal or template argument: the name of the action when it comes before the event. */
  function isString(node: TSESTree.Node): boolean {
    const value = unwrapExpression(node);
    return value.type === AST_NODE_TYPES.TemplateLiteral || (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string');
  }

  function syntacticObjectness(node: TSESTree.Node): Objectness {
    const value = unwrapExpression(node);
    if (syntax.isVisibleObject(value)) return 'object';
    switch (value.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.UpdateExpression:
        return 'not-object';
      default:
        return 'unknown';
    }
  }

  function objectness(node: TSESTree.Node): Objectness {
    const byType = types?.shapeOf(node);
    if (byType === undefined || byType === 'unresolved') return syntacticObjectness(node);
    if (byType === 'not-object') return syntax.isVisibleObject(node) ? 'object' : 'not-object';
    return 'object';
  }

  function build(call: AuditCallNode, argument: TSESTree.Node, index: number): AuditEvent | undefined {
    const value = unwrapExpression(argument);
    const literal = value.type === AST_NODE_TYPES.ObjectExpression ? value : undefined;
    const shape = syntax.shapeOf(value, true);
    const typedVerdict = types?.shapeOf(argument);
    const typed = typedVerdict !== undefined && typedVerdict !== 'unresolved' && typedVerdict !== 'not-object' ? typedVerdict : undefined;
    if (!typed && !shape) return undefined;

    function lookup(name: string): EventPropertyLookup {
      if (typed) {
        const declared = typed.properties.get(name);
        if (declared) {
          const seen = shape ? syntaxLookup(shape, name) : undefined;
          // A value the syntax sees is there, whatever optionality the type declares.
          if (seen?.kind === 'present') return seen;
          return { kind: 'present', name, value: declared.value, optional: declared.optional };
        }
        if (!typed.open) return { kind: 'absent' };
      }
      return shape ? syntaxLookup(shape, name) : { kind: 'unknown' };
    }

    const before = call.arguments.slice(0, index);
    const positionalFields: AuditField[] = before.some((earlier) => isString(earlier)) ? ['action'] : [];
    return {
      call,
      argument,
      index,
      literal,
      typed: typed !== undefined,
      positionalFields,
      lookup,
      expectedKey: (aliases) => types?.expectedKey(argument, aliases),
    };
  }

  function hasAlias(event: AuditEvent): boolean {
    return allAliases.some((alias) => event.lookup(alias).kind === 'present');
  }

  function eventOf(call: AuditCallNode): AuditEvent | undefined {
    const args = call.arguments;
    if (options.eventArgument !== undefined) {
      const index = options.eventArgument;
      if (args.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
      const argument = args[index];
      return argument ? build(call, argument, index) : undefined;
    }
    const candidates: { event: AuditEvent; unseenBefore: boolean }[] = [];
    let unseen = false;
    for (const [index, argument] of args.entries()) {
      if (argument.type === AST_NODE_TYPES.SpreadElement) break;
      const kind = objectness(argument);
      if (kind === 'unknown') {
        unseen = true;
        continue;
      }
      if (kind === 'not-object') continue;
      const event = build(call, argument, index);
      if (event) candidates.push({ event, unseenBefore: unseen });
      else unseen = true;
    }
    const chosen =
      candidates.find((candidate) => hasAlias(candidate.event)) ??
      candidates.find((candidate) => candidate.event.literal !== undefined) ??
      candidates[0];
    if (!chosen) return undefined;
    // An argument we cannot see came first, and the object has nothing of an event: the event may be that argument.
    if (chosen.unseenBefore && !hasAlias(chosen.event)) return undefined;
    return chosen.event;
  }

  return {
    typed: types !== undefined,
    eventOf(call) {
      try {
        return eventOf(call);
      } catch {
        return undefined;
      }
    },
  };
}
