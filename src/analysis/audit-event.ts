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
import { AST_NODE_TYPES, ASTUtils, ESLintUtils, type ParserServicesWithTypeInformation, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { AuditField } from '../regulations/types.js';
import { unwrapExpression } from './matchers.js';
import { loadTypeScript } from '../util/typescript.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Variable = TSESLint.Scope.Variable;

/** A call that carries an audit event: a call, or `new AuditEntry(…)` when configured as one. */
export type AuditCallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** What a property's value is, as far as the analysis can tell. */
export type EventValue =
  | { readonly kind: 'undefined' | 'null' | 'empty' }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** `new Date('2024-01-01')`, `new Date(0).toISOString()`: a fixed point in time. */
  | { readonly kind: 'fixedDate' }
  /** Any other expression, or a type that is not one literal. */
  | { readonly kind: 'other' };

/** The lookup of one property name in an event. */
export type EventPropertyLookup =
  | { readonly kind: 'absent' }
  /** May or may not be there: an unseen spread, a computed key, an open type. */
  | { readonly kind: 'unknown' }
  | {
      readonly kind: 'present';
      readonly name: string;
      readonly value: EventValue;
      /** The value expression in the linted file, when the value was read from the syntax. */
      readonly valueNode?: TSESTree.Node;
      /** The property, when it is written directly in the call's object literal. */
      readonly property?: TSESTree.Property;
      /** Typed mode: declared optional (`actor?: string`) or nullable (`actor: string | null`). */
      readonly optional: boolean;
    };

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
// Syntax
// ---------------------------------------------------------------------------------------------------------------------

interface Entry {
  readonly value: EventValue;
  readonly valueNode?: TSESTree.Node;
  readonly property?: TSESTree.Property;
  /** false: a later unseen spread may override it, or a conditional spread may set it. */
  readonly definite: boolean;
}

interface Shape {
  readonly entries: Map<string, Entry>;
  /** Keys not in `entries` may be present (an unseen spread or computed key). */
  open: boolean;
}

const { DefinitionType } = TSESLint.Scope;
const MAX_DEPTH = 8;
const UNKNOWN_ENTRY: Entry = { value: { kind: 'other' }, definite: false };

function staticKey(property: TSESTree.Property): string | undefined {
  const { key } = property;
  if (!property.computed) {
    if (key.type === AST_NODE_TYPES.Identifier) return key.name;
    if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
    return undefined;
  }
  return literalString(key);
}

function literalString(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0 && node.quasis.length === 1) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

function findVariable(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): Variable | undefined {
  try {
    return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The initializer of a variable declared once with a plain name and never reassigned; undefined otherwise. */
function constInit(variable: Variable): TSESTree.Expression | undefined {
  if (variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (def?.type !== DefinitionType.Variable) return undefined;
  const declarator = def.node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== def.name || !declarator.init) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  return declarator.init;
}

/** Whether `undefined` here is the global (not a local binding of that name). */
function isGlobalUndefined(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): boolean {
  const variable = findVariable(sourceCode, identifier);
  return !variable || variable.defs.length === 0;
}

/** `new Date(<literal>)`, optionally followed by a method call (`.toISOString()`). */
function isFixedDate(node: TSESTree.Node): boolean {
  let current = unwrapExpression(node);
  if (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    current = unwrapExpression(callee.object);
  }
  if (current.type !== AST_NODE_TYPES.NewExpression) return false;
  const callee = unwrapExpression(current.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'Date' || current.arguments.length === 0) return false;
  return current.arguments.every((argument) => {
    const value = unwrapExpression(argument);
    return (value.type === AST_NODE_TYPES.Literal && (typeof value.value === 'string' || typeof value.value === 'number')) || literalString(value) !== undefined;
  });
}

/** The value of an expression of the linted file, following `const` bindings to literals. */
export function classifyValue(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, depth = 0): EventValue {
  const value = unwrapExpression(node);
  switch (value.type) {
    case AST_NODE_TYPES.Identifier: {
      if (value.name === 'undefined' && isGlobalUndefined(sourceCode, value)) return { kind: 'undefined' };
      if (depth >= MAX_DEPTH) return { kind: 'other' };
      const variable = findVariable(sourceCode, value);
      const init = variable && constInit(variable);
      if (!init) return { kind: 'other' };
      return classifyValue(sourceCode, init, depth + 1);
    }
    case AST_NODE_TYPES.UnaryExpression:
      return value.operator === 'void' ? { kind: 'undefined' } : { kind: 'other' };
    case AST_NODE_TYPES.Literal:
      if (value.value === null && !('regex' in value) && !('bigint' in value)) return { kind: 'null' };
      if (typeof value.value === 'string') return value.value === '' ? { kind: 'empty' } : { kind: 'string', value: value.value };
      if (typeof value.value === 'number') return { kind: 'number', value: value.value };
      if (typeof value.value === 'boolean') return { kind: 'boolean', value: value.value };
      return { kind: 'other' };
    case AST_NODE_TYPES.TemplateLiteral: {
      const text = literalString(value);
      if (text === undefined) return { kind: 'other' };
      return text === '' ? { kind: 'empty' } : { kind: 'string', value: text };
    }
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression:
      return isFixedDate(value) ? { kind: 'fixedDate' } : { kind: 'other' };
    default:
      return { kind: 'other' };
  }
}

/** `a.x = …`, `a.x++`, `delete a.x`, `Object.assign(a, …)`, or `a` handed to a call that is not an audit call. */
function mayMutate(reference: TSESLint.Scope.Reference, isAuditCall: (node: TSESTree.Node) => boolean): boolean {
  const identifier = reference.identifier as TSESTree.Node;
  let node: TSESTree.Node = identifier;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression || node.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)) {
    node = node.parent;
  }
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    const outer = parent.parent;
    if (outer.type === AST_NODE_TYPES.AssignmentExpression && outer.left === parent) return true;
    if (outer.type === AST_NODE_TYPES.UpdateExpression) return true;
    if (outer.type === AST_NODE_TYPES.UnaryExpression && outer.operator === 'delete') return true;
    return false;
  }
  if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
    return !isAuditCall(parent);
  }
  return false;
}

interface SyntaxReader {
  /** The shape of an expression of the linted file; undefined when it cannot be seen. */
  shapeOf(node: TSESTree.Node, top: boolean): Shape | undefined;
  /** Whether the expression is an object the syntax can see (a literal, or a variable bound to one). */
  isVisibleObject(node: TSESTree.Node): boolean;
}

function createSyntaxReader(sourceCode: Readonly<TSESLint.SourceCode>, isAuditCall: (node: TSESTree.Node) => boolean): SyntaxReader {
  const active = new Set<TSESTree.Node>();

  /** The object literal a variable is bound to, when it is not mutated before `at`. */
  function boundLiteral(identifier: TSESTree.Identifier, at: TSESTree.Node): TSESTree.ObjectExpression | undefined {
    const variable = findVariable(sourceCode, identifier);
    if (!variable) return undefined;
    const init = constInit(variable);
    if (!init) return undefined;
    const literal = unwrapExpression(init);
    if (literal.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    for (const reference of variable.references) {
      if (reference.init || reference.identifier.range[0] >= at.range[0]) continue;
      if (mayMutate(reference, isAuditCall)) return undefined;
    }
    return literal;
  }

  function literalOf(node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
    const value = unwrapExpression(node);
    if (value.type === AST_NODE_TYPES.ObjectExpression) return value;
    if (value.type === AST_NODE_TYPES.Identifier) return boundLiteral(value, node);
    return undefined;
  }

  function makeOpen(shape: Shape, keep?: ReadonlySet<string>): void {
    shape.open = true;
    for (const [key, entry] of shape.entries) if (!keep?.has(key) && entry.definite) shape.entries.set(key, UNKNOWN_ENTRY);
  }

  /** Applies what a spread may set: `maybe` keys become unknown (a conditional spread). */
  function applySpread(shape: Shape, argument: TSESTree.Node, depth: number): void {
    const value = unwrapExpression(argument);
    if (
      (value.type === AST_NODE_TYPES.Literal && (value.value === null || typeof value.value !== 'object')) ||
      (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined')
    ) {
      return; // `...null`, `...false`, `...''`: nothing
    }
    if (value.type === AST_NODE_TYPES.ConditionalExpression || value.type === AST_NODE_TYPES.LogicalExpression) {
      const branches =
        value.type === AST_NODE_TYPES.ConditionalExpression
          ? [value.consequent, value.alternate]
          : value.operator === '&&'
            ? [value.right]
            : [value.left, value.right];
      const shapes = branches.map((branch) => {
        const inner: Shape = { entries: new Map(), open: false };
        return spreadable(inner, branch, depth + 1) ? inner : undefined;
      });
      if (shapes.some((branch) => branch === undefined)) {
        makeOpen(shape);
        return;
      }
      for (const branch of shapes as Shape[]) {
        if (branch.open) makeOpen(shape);
        for (const key of branch.entries.keys()) shape.entries.set(key, UNKNOWN_ENTRY);
      }
      return;
    }
    const inner = depth < MAX_DEPTH ? literalOf(value) : undefined;
    if (!inner || active.has(inner)) {
      makeOpen(shape);
      return;
    }
    const sub = shapeOfLiteral(inner, false, depth + 1);
    if (sub.open) makeOpen(shape, new Set(sub.entries.keys()));
    for (const [key, entry] of sub.entries) shape.entries.set(key, entry);
  }

  /** Fills `shape` with what spreading `node` gives; false when it cannot be seen. */
  function spreadable(shape: Shape, node: TSESTree.Node, depth: number): boolean {
    const value = unwrapExpression(node);
    if (value.type === AST_NODE_TYPES.Literal || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined')) return true;
    if (value.type === AST_NODE_TYPES.ConditionalExpression || value.type === AST_NODE_TYPES.LogicalExpression) {
      applySpread(shape, value, depth);
      return true;
    }
    const literal = depth < MAX_DEPTH ? literalOf(value) : undefined;
    if (!literal || active.has(literal)) return false;
    const sub = shapeOfLiteral(literal, false, depth + 1);
    shape.open ||= sub.open;
    for (const [key, entry] of sub.entries) shape.entries.set(key, entry);
    return true;
  }

  function shapeOfLiteral(literal: TSESTree.ObjectExpression, top: boolean, depth: number): Shape {
    const shape: Shape = { entries: new Map(), open: false };
    active.add(literal);
    try {
      for (const property of literal.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) {
          applySpread(shape, property.argument, depth);
          continue;
        }
        const key = staticKey(property);
        if (key === undefined) {
          makeOpen(shape);
          continue;
        }
        const isData = property.kind === 'init' && !property.method;
        const value: EventValue = isData ? classifyValue(sourceCode, property.value) : { kind: 'other' };
        shape.entries.set(key, {
          value,
          ...(isData ? { valueNode: property.value } : {}),
          ...(top ? { property } : {}),
          definite: true,
        });
      }
    } finally {
      active.delete(literal);
    }
    return shape;
  }

  return {
    shapeOf(node, top) {
      const value = unwrapExpression(node);
      if (value.type === AST_NODE_TYPES.ObjectExpression) return shapeOfLiteral(value, top, 0);
      const literal = literalOf(value);
      return literal ? shapeOfLiteral(literal, false, 1) : undefined;
    },
    isVisibleObject(node) {
      return literalOf(node) !== undefined;
    },
  };
}

function syntaxLookup(shape: Shape, name: string): EventPropertyLookup {
  const entry = shape.entries.get(name);
  if (!entry) return shape.open ? { kind: 'unknown' } : { kind: 'absent' };
  if (!entry.definite) return { kind: 'unknown' };
  return {
    kind: 'present',
    name,
    value: entry.value,
    ...(entry.valueNode ? { valueNode: entry.valueNode } : {}),
    ...(entry.property ? { property: entry.property } : {}),
    optional: false,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------------------

interface TypeSupport {
  readonly services: ParserServicesWithTypeInformation;
  readonly checker: ts.TypeChecker;
  readonly ts: typeof ts;
}

function typeSupport(context: Context): TypeSupport | undefined {
  // `getParserServices` throws for parsers other than @typescript-eslint/parser (espree): look before calling it.
  if (!context.sourceCode.parserServices?.program) return undefined;
  try {
    const services = ESLintUtils.getParserServices(context, true);
    const module = loadTypeScript();
    if (!services.program || !module) return undefined;
    return { services, checker: services.program.getTypeChecker(), ts: module };
  } catch {
    return undefined;
  }
}

interface TypedProperty {
  readonly optional: boolean;
  readonly value: EventValue;
}

interface TypedShape {
  readonly properties: ReadonlyMap<string, TypedProperty>;
  /** Undeclared names may exist (index signature, `object`, `any` part). */
  readonly open: boolean;
}

type TypedVerdict = TypedShape | 'unresolved' | 'not-object';

function createTypeReader(support: TypeSupport): {
  shapeOf(node: TSESTree.Node): TypedVerdict;
  expectedKey(node: TSESTree.Node, aliases: readonly string[]): string | undefined;
} {
  const { checker, services, ts: tsModule } = support;
  const { TypeFlags, SymbolFlags } = tsModule;
  const unresolvedFlags = TypeFlags.Any | TypeFlags.Unknown | TypeFlags.TypeParameter | TypeFlags.Index | TypeFlags.IndexedAccess | TypeFlags.Conditional | TypeFlags.Substitution;
  const cache = new WeakMap<TSESTree.Node, TypedVerdict>();

  function parts(type: ts.Type): readonly ts.Type[] {
    return type.isUnion() ? type.types : [type];
  }

  function classifyType(type: ts.Type, optional: boolean): EventValue {
    let members = parts(type);
    if (optional) members = members.filter((member) => (member.flags & TypeFlags.Undefined) === 0);
    if (members.length === 0) return { kind: 'undefined' };
    if (members.every((member) => (member.flags & (TypeFlags.Undefined | TypeFlags.Void | TypeFlags.Null)) !== 0)) {
      return members.some((member) => (member.flags & TypeFlags.Null) !== 0) ? { kind: 'null' } : { kind: 'undefined' };
    }
    if (members.length !== 1) return { kind: 'other' };
    const only = members[0]!;
    if (only.isStringLiteral()) return only.value === '' ? { kind: 'empty' } : { kind: 'string', value: only.value };
    if (only.isNumberLiteral()) return { kind: 'number', value: only.value };
    if ((only.flags & TypeFlags.BooleanLiteral) !== 0) return { kind: 'boolean', value: (only as ts.Type & { intrinsicName?: string }).intrinsicName === 'true' };
    return { kind: 'other' };
  }

  function isObjectPart(type: ts.Type): boolean {
    if ((type.flags & (TypeFlags.Object | TypeFlags.Intersection | TypeFlags.NonPrimitive)) === 0) return false;
    if (checker.isArrayType(type) || checker.isTupleType(type)) return false;
    // A function is not an event (a callback, a handler).
    if (type.getCallSignatures().length > 0 && checker.getPropertiesOfType(type).length === 0) return false;
    return true;
  }

  function compute(node: TSESTree.Node): TypedVerdict {
    const tsNode = services.esTreeNodeToTSNodeMap.get(node);
    const type = checker.getTypeAtLocation(tsNode);
    if ((type.flags & unresolvedFlags) !== 0) return 'unresolved';
    const nonNullable = checker.getNonNullableType(type);
    const members = parts(nonNullable);
    if (members.length === 0) return 'not-object';
    if (members.some((member) => (member.flags & unresolvedFlags) !== 0)) return 'unresolved';
    if (!members.every(isObjectPart)) return 'not-object';
    let open = members.some((member) => (member.flags & TypeFlags.NonPrimitive) !== 0);
    open ||= nonNullable.getStringIndexType() !== undefined;
    const properties = new Map<string, TypedProperty>();
    for (const symbol of checker.getPropertiesOfType(nonNullable)) {
      let optional = (symbol.flags & SymbolFlags.Optional) !== 0;
      let value: EventValue = { kind: 'other' };
      if ((symbol.flags & (SymbolFlags.Method | SymbolFlags.GetAccessor)) === 0) {
        const type = checker.getTypeOfSymbolAtLocation(symbol, tsNode);
        value = classifyType(type, optional);
        // `actor: string | null`: the type does not guarantee the field either.
        optional ||= parts(type).some((member) => (member.flags & (TypeFlags.Undefined | TypeFlags.Void | TypeFlags.Null)) !== 0);
      }
      properties.set(symbol.getName(), { optional, value });
    }
    return { properties, open };
  }

  return {
    shapeOf(node) {
      let verdict = cache.get(node);
      if (verdict === undefined) {
        try {
          verdict = compute(node);
        } catch {
          verdict = 'unresolved';
        }
        cache.set(node, verdict);
      }
      return verdict;
    },
    expectedKey(node, aliases) {
      try {
        const tsNode = services.esTreeNodeToTSNodeMap.get(node) as ts.Expression;
        const contextual = checker.getContextualType(tsNode);
        if (!contextual || (contextual.flags & unresolvedFlags) !== 0) return undefined;
        const target = checker.getNonNullableType(contextual);
        return aliases.find((alias) => checker.getPropertyOfType(target, alias) !== undefined);
      } catch {
        return undefined;
      }
    },
  };
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
  const support = typeSupport(context);
  const types = support ? createTypeReader(support) : undefined;
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

/** Whether an event value is a hard-coded point in time (a string or number literal, `new Date(<literal>)`). */
export function isHardCodedTime(value: EventValue): boolean {
  return value.kind === 'string' || value.kind === 'number' || value.kind === 'fixedDate';
}

/** Outcome values that record a success. */
const SUCCESS_WORDS = new Set(['success', 'succeeded', 'successful', 'ok', 'allowed', 'granted', 'passed']);

/** Whether an outcome value certainly records a success (`'success'`, `'ok'`, `true` …). */
export function isSuccessValue(value: EventValue): boolean {
  if (value.kind === 'string') return SUCCESS_WORDS.has(value.value.toLowerCase());
  return value.kind === 'boolean' && value.value;
}
