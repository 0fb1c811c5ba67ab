/**
 * Expressions: the entry point `sourcesOf(state, node)` and what it reads directly — names and members, object and
 * array literals, templates, operators, wrappers — then, where the syntax cannot see, the node's type (typed mode).
 * Calls are read in `calls.ts`, variables in `variables.ts`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../ast/keys.js';
import { propertyKeyName } from '../ast/properties.js';
import { unwrapExpression } from '../ast/unwrap.js';
import type { SensitiveMatch } from '../sensitive-data.js';
import { isNetworkRuleAddress, ownerName } from '../sensitive-data/names.js';
import { isSenderField } from '../sensitive-data/values.js';
import { callResult, newResult, returnedBy } from './calls.js';
import { domainPartOf, domainResult, splitPieceOf } from './masking-transforms.js';
import { withOrigins } from './origins.js';
import {
  anchored,
  describeNode,
  embedded,
  type FlowResult,
  type FlowSource,
  joinResults,
  MAX_SOURCES,
  SAFE_LITERAL,
  SAFE_REDUCTION,
  under,
  UNKNOWN,
  valueSource,
} from './result.js';
import { type FlowState, typeServices } from './state.js';
import { isBooleanTyped } from './types.js';
import { identifierResult, valueAt } from './variables.js';

/** Expression nesting read, at most (a generated 10 000-term concatenation is not worth a stack overflow). */
const MAX_NESTING = 200;

/** Members whose value reveals nothing of the object: sizes, and `typeof`-like facts. */
const REDUCING_MEMBERS = new Set(['length', 'size', 'byteLength']);

const COMPARISON_OPERATORS = new Set(['==', '!=', '===', '!==', '<', '<=', '>', '>=', 'instanceof', 'in']);

/** The sensitive values that reach `node`, with paths relative to it; cached per state when no variable is being followed. */
export function sourcesOf(state: FlowState, node: TSESTree.Node): FlowResult {
  const cached = state.results.get(node);
  if (cached) return cached;
  if (state.nesting >= MAX_NESTING) return UNKNOWN;
  state.nesting++;
  let result: FlowResult;
  try {
    result = withOrigins(state, node, withTypes(state, node, compute(state, node)));
  } catch {
    result = UNKNOWN; // odd code: stay silent rather than crash the lint run
  } finally {
    state.nesting--;
  }
  // Results that depend on the variables being followed (a cycle cut short) are not cached.
  if (state.following.size === 0) state.results.set(node, result);
  return result;
}

function compute(state: FlowState, node: TSESTree.Node): FlowResult {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return SAFE_LITERAL;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.length === 0 ? SAFE_LITERAL : embedded(joinResults(node.expressions.map(expression => sourcesOf(state, expression))));
    case AST_NODE_TYPES.Identifier:
      return identifierResult(state, node);
    case AST_NODE_TYPES.MemberExpression:
      return memberResult(state, node);
    case AST_NODE_TYPES.Property:
      return propertyResult(state, node);
    case AST_NODE_TYPES.CallExpression: {
      const domain = domainPartOf(node);
      return domain ? domainResult(sourcesOf(state, domain)) : callResult(state, node);
    }
    case AST_NODE_TYPES.NewExpression:
      return newResult(state, node);
    case AST_NODE_TYPES.ObjectExpression:
      return objectResult(state, node);
    case AST_NODE_TYPES.ArrayExpression:
      return arrayResult(state, node);
    case AST_NODE_TYPES.SpreadElement:
      return sourcesOf(state, node.argument);
    case AST_NODE_TYPES.UnaryExpression:
      if (node.operator === '!' || node.operator === 'typeof' || node.operator === 'void' || node.operator === 'delete') return SAFE_REDUCTION;
      return sourcesOf(state, node.argument);
    case AST_NODE_TYPES.UpdateExpression:
      return UNKNOWN;
    case AST_NODE_TYPES.BinaryExpression:
      if (COMPARISON_OPERATORS.has(node.operator)) return SAFE_REDUCTION;
      return embedded(joinResults([node.left.type === AST_NODE_TYPES.PrivateIdentifier ? SAFE_LITERAL : sourcesOf(state, node.left), sourcesOf(state, node.right)]));
    case AST_NODE_TYPES.LogicalExpression:
      // `a && b` is `b` unless `a` is falsy (nothing worth hiding); `a || b`, `a ?? b` are either.
      return node.operator === '&&' ? sourcesOf(state, node.right) : joinResults([sourcesOf(state, node.left), sourcesOf(state, node.right)]);
    case AST_NODE_TYPES.ConditionalExpression:
      return joinResults([sourcesOf(state, node.consequent), sourcesOf(state, node.alternate)]);
    case AST_NODE_TYPES.SequenceExpression:
      return node.expressions.length > 0 ? sourcesOf(state, node.expressions[node.expressions.length - 1]!) : UNKNOWN;
    case AST_NODE_TYPES.AssignmentExpression:
      return sourcesOf(state, node.right);
    case AST_NODE_TYPES.AwaitExpression:
      return sourcesOf(state, node.argument);
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.TSInstantiationExpression:
      return sourcesOf(state, node.expression);
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ClassExpression:
      return SAFE_LITERAL;
    default:
      return UNKNOWN;
  }
}

/** The syntactic answer, then — where it is unknown — the type's (typed mode). */
export function withTypes(state: FlowState, node: TSESTree.Node, result: FlowResult): FlowResult {
  if (result.safe || result.sources.length > 0) return result;
  if (!canCarryType(node) || typeServices(state) === undefined) return result;
  const single = state.sensitive.classifyType(node) ?? memberOfSensitiveProperty(state, node);
  if (!single) return result;
  const all = state.sensitive.sensitivePaths(node);
  let matches = all && all.length > 0 ? all : [single];
  // A message's sender (`mail.from`) is the service's mailbox, not a person's contact data.
  if (isSenderField(node)) matches = matches.filter(match => match.category !== 'contactData');
  if (matches.length === 0) return result;
  return { safe: false, sources: matches.slice(0, MAX_SOURCES).map(match => typeSource(state, node, match)) };
}

/**
 * `visit.notes` where `Visit.notes` is tagged `@state.sensitive` / `@pii` (or named so): the property's declaration says
 * what the value is, whatever its own type (a plain string).
 */
function memberOfSensitiveProperty(state: FlowState, node: TSESTree.Node): SensitiveMatch | undefined {
  const member = unwrapExpression(node);
  if (member.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = staticPropertyName(member);
  if (name === undefined) return undefined;
  // A protected form kept at rest (`user.passwordHash`) read by itself is not the secret (`sensitive-data.ts`).
  const match = state.sensitive.sensitivePaths(member.object).find(candidate => candidate.path?.length === 1 && candidate.path[0] === name && !candidate.atRest);
  return match && !isNetworkRuleAddress(match, ownerName(member.object)) ? { ...match, path: [] } : undefined;
}

function typeSource(state: FlowState, node: TSESTree.Node, match: SensitiveMatch): FlowSource {
  return {
    kind: match.via === 'name' ? 'value' : 'type',
    match,
    origin: describeNode(state.sourceCode, node),
    node,
    viaVariable: false,
    path: match.path ? [...match.path] : [],
    masked: false,
    typedObject: node,
    typedAt: node,
  };
}

function objectResult(state: FlowState, object: TSESTree.ObjectExpression): FlowResult {
  if (object.properties.length === 0) return SAFE_LITERAL;
  return joinResults(object.properties.map((property) => (property.type === AST_NODE_TYPES.SpreadElement ? sourcesOf(state, property.argument) : propertyResult(state, property))));
}

/** One property of an object literal, under its key (also asked alone: an audit event written without some keys). */
function propertyResult(state: FlowState, property: TSESTree.Property): FlowResult {
  if (property.kind !== 'init' || property.method) return SAFE_LITERAL;
  const key = propertyKeyName(property);
  const value = property.value;
  if (
    value.type === AST_NODE_TYPES.AssignmentPattern ||
    value.type === AST_NODE_TYPES.ObjectPattern ||
    value.type === AST_NODE_TYPES.ArrayPattern ||
    value.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression
  ) {
    return SAFE_LITERAL;
  }
  const inner = sourcesOf(state, value);
  if (inner.sources.length > 0 || inner.safe) return under(inner, key);
  // The value is not visible: the key says what it is (`{ token: x }`). A value whose shape is in view (an object
  // literal, or a `.map` to one) was judged by its own keys: `{ secrets: list.map((s) => ({ secretId: s.id })) }`.
  const match = key === undefined || hasVisibleShape(value) ? undefined : state.sensitive.classifyKey(key, value);
  if (match && !isBooleanTyped(state, value)) {
    return {
      safe: false,
      sources: [{ kind: 'key', match, origin: describeNode(state.sourceCode, property), node: property, viaVariable: false, path: [key ?? '*'], masked: false }],
    };
  }
  return under(inner, key);
}

/** An object literal, an array of them, or a `.map`/`.flatMap` whose callback returns one. */
function hasVisibleShape(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return true;
  if (value.type === AST_NODE_TYPES.ArrayExpression) return value.elements.length > 0 && value.elements.every((element) => element !== null && hasVisibleShape(element));
  if (value.type !== AST_NODE_TYPES.CallExpression || !value.arguments[0]) return false;
  const callee = unwrapExpression(value.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
  if (method !== 'map' && method !== 'flatMap') return false;
  const returned = returnedBy(value.arguments[0]);
  return returned !== undefined && hasVisibleShape(returned);
}

function arrayResult(state: FlowState, array: TSESTree.ArrayExpression): FlowResult {
  if (array.elements.length === 0) return SAFE_LITERAL;
  const results: FlowResult[] = [];
  array.elements.forEach((element, index) => {
    if (!element) return;
    if (element.type === AST_NODE_TYPES.SpreadElement) results.push(under(sourcesOf(state, element.argument), '*'));
    else results.push(under(sourcesOf(state, element), String(index)));
  });
  return joinResults(results);
}

function memberResult(state: FlowState, member: TSESTree.MemberExpression): FlowResult {
  const name = staticPropertyName(member);
  if (name !== undefined && REDUCING_MEMBERS.has(name)) return SAFE_REDUCTION;
  // `email.split('@')[1]` is the domain; `line.split(',')[0]` shows what the line showed (`masking-transforms.ts`).
  const domain = domainPartOf(member);
  if (domain) return domainResult(sourcesOf(state, domain));
  const split = splitPieceOf(member);
  if (split) {
    const piece = sourcesOf(state, split);
    if (piece.sources.length > 0) return embedded(piece);
  }
  const match = state.sensitive.classifyNode(member);
  if (match) return valueSource(match, member, describeNode(state.sourceCode, member));
  if (name !== undefined) {
    // A property of an object literal seen through a variable: `cfg.db.password`.
    const inner = valueAt(state, member.object, [name]);
    if (inner) {
      const result = sourcesOf(state, inner);
      if (result.sources.length > 0 || result.safe) return anchored(result, member);
    }
    // The message of an error that carries a source: `err.message`, `err.stack` (what was seen built into it, not
    // the other fields of a typed object that happens to have a `message`).
    if (name === 'message' || name === 'stack' || name === 'cause') {
      const object = unwrapExpression(member.object);
      if (object.type === AST_NODE_TYPES.Identifier) {
        const carried = identifierResult(state, object);
        const seen = carried.sources.filter(source => source.kind !== 'type');
        if (seen.length > 0) return anchored({ safe: false, sources: seen }, member);
      }
    }
  }
  return UNKNOWN;
}

/** Expressions whose type can hold sensitive data: names, members, calls, `await`, `new`. */
function canCarryType(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return true;
    default:
      return false;
  }
}
