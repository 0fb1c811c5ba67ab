/** What a value of an audit event is, as far as the syntax tells: `undefined`, `null`, `''`, a literal, a fixed date. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { stringValue } from '../ast/static-values.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { constInitOf, findVariable } from '../ast/variables.js';

const MAX_DEPTH = 8;

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
    return (value.type === AST_NODE_TYPES.Literal && (typeof value.value === 'string' || typeof value.value === 'number')) || stringValue(value) !== undefined;
  });
}

/** The value of an expression of the linted file, following `const` bindings to literals. */
export function classifyValue(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, depth = 0): EventValue {
  const value = unwrapExpression(node);
  switch (value.type) {
    case AST_NODE_TYPES.Identifier: {
      if (value.name === 'undefined' && isGlobalUndefined(sourceCode, value)) return { kind: 'undefined' };
      if (depth >= MAX_DEPTH) return { kind: 'other' };
      const init = constInitOf(findVariable(sourceCode, value));
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
      const text = stringValue(value);
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
