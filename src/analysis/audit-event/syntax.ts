/**
 * The syntax half of reading an audit event (both modes): object literals in order of their properties, spreads of
 * literals and of `const`-like variables bound to one, conditional spreads; what it cannot see makes the shape open.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticKeyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { constInitOf, findVariable } from '../ast/variables.js';
import { classifyValue, type EventPropertyLookup, type EventValue } from './values.js';

interface Entry {
  readonly value: EventValue;
  readonly valueNode?: TSESTree.Node;
  readonly property?: TSESTree.Property;
  /** false: a later unseen spread may override it, or a conditional spread may set it. */
  readonly definite: boolean;
}

export interface Shape {
  readonly entries: Map<string, Entry>;
  /** Keys not in `entries` may be present (an unseen spread or computed key). */
  open: boolean;
}

const MAX_DEPTH = 8;
const UNKNOWN_ENTRY: Entry = { value: { kind: 'other' }, definite: false };

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

export interface SyntaxReader {
  /** The shape of an expression of the linted file; undefined when it cannot be seen. */
  shapeOf(node: TSESTree.Node, top: boolean): Shape | undefined;
  /** Whether the expression is an object the syntax can see (a literal, or a variable bound to one). */
  isVisibleObject(node: TSESTree.Node): boolean;
}

export function createSyntaxReader(sourceCode: Readonly<TSESLint.SourceCode>, isAuditCall: (node: TSESTree.Node) => boolean): SyntaxReader {
  const active = new Set<TSESTree.Node>();

  /** The object literal a variable is bound to, when it is not mutated before `at`. */
  function boundLiteral(identifier: TSESTree.Identifier, at: TSESTree.Node): TSESTree.ObjectExpression | undefined {
    const variable = findVariable(sourceCode, identifier);
    const init = constInitOf(variable);
    if (!variable || !init) return undefined;
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
        const key = staticKeyName(property.key, property.computed);
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

export function syntaxLookup(shape: Shape, name: string): EventPropertyLookup {
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
