/**
 * String methods that mask what they are called on (both modes, syntax only):
 * - replacement of every character by a mask character: `x.replace(/./g, '*')`, `x.replaceAll(/\w/g, '•')`,
 *   `x.replace(new RegExp('.', 'g'), 'x')`, `x.replace(/\d(?=\d{4})/g, '#')` (a class, `.` or `\w`/`\d`/`\S`, with an optional
 *   quantifier and lookahead; the replacement a literal of mask characters only);
 * - last-four truncation of card data: `card.slice(-4)`, `pan.substring(pan.length - 4)`, `substr(-4)` (at most four
 *   characters from the end). Only card data is excused that way: `token.slice(-4)` and `token.slice(0, 8)` still leak;
 * - the domain part of an e-mail address: `email.split('@')[1]`, `.split('@').pop()`, `.split('@').at(-1)`,
 *   `email.slice(email.indexOf('@') + 1)`, `email.substring(email.lastIndexOf('@'))`. Only contact data is excused that
 *   way (the part after an `@` of a URL with credentials may hold its query); the local part (`split('@')[0]`,
 *   `slice(0, email.indexOf('@'))`) and other splits (`split(',')`) still leak.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { embedded, type FlowResult, SAFE_MASK, SAFE_REDUCTION, UNKNOWN } from './result.js';

/** A pattern that matches any one character of some class (and so, with `g`, every one of them). */
const EVERY_CHARACTER = /^(?:\.|\\[wWdDsS]|\[[^\]]+\])(?:[+*]|\{\d+(?:,\d*)?\})?(?:\(\?[=!][^)]*\))?$/u;
/** Replacements that show nothing: mask characters only (`*`, `•`, `x`, `#`, `-`, `_`, `●`, `X`). */
const MASK_TEXT = /^[*•●·xX#_\-.\s]*$/u;
const CARD_DATA = 'cardData';
const CONTACT_DATA = 'contactData';
const MAX_KEPT = 4;

function literalString(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'string') return expression.value;
  if (expression.type === AST_NODE_TYPES.TemplateLiteral && expression.expressions.length === 0) return expression.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `/./g` or `new RegExp('.', 'g')` / `RegExp('\\w', 'g')`: a global pattern that matches every character of a class. */
function isEveryCharacterPattern(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Literal && 'regex' in expression && expression.regex) {
    return expression.regex.flags.includes('g') && EVERY_CHARACTER.test(expression.regex.pattern);
  }
  if (
    (expression.type === AST_NODE_TYPES.NewExpression || expression.type === AST_NODE_TYPES.CallExpression) &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === 'RegExp'
  ) {
    const source = literalString(expression.arguments[0]);
    const flags = literalString(expression.arguments[1]);
    return source !== undefined && flags !== undefined && flags.includes('g') && EVERY_CHARACTER.test(source);
  }
  return false;
}

/** `-4`, or `<anything>.length - 4`: a start at most four characters from the end. */
function isLastFewStart(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const expression = unwrapExpression(node);
  const small = (value: TSESTree.Node): boolean => {
    const inner = unwrapExpression(value);
    return inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'number' && inner.value > 0 && inner.value <= MAX_KEPT;
  };
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '-') return small(expression.argument);
  if (expression.type === AST_NODE_TYPES.BinaryExpression && expression.operator === '-' && small(expression.right)) {
    const left = unwrapExpression(expression.left);
    return left.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(left) === 'length';
  }
  return false;
}

/**
 * What a masking string method leaves of its receiver's answer (see the module comment); undefined when the call is not
 * one (the caller then treats it as a plain transformation).
 */
export function maskedByMethod(call: TSESTree.CallExpression, method: string, receiver: FlowResult): FlowResult | undefined {
  if (method === 'replace' || method === 'replaceAll') {
    const replacement = literalString(call.arguments[1]);
    if (replacement !== undefined && MASK_TEXT.test(replacement) && isEveryCharacterPattern(call.arguments[0])) return SAFE_MASK;
    return undefined;
  }
  if ((method === 'slice' || method === 'substring' || method === 'substr') && call.arguments.length === 1 && isLastFewStart(call.arguments[0])) {
    if (receiver.sources.length === 0) return undefined;
    const kept = receiver.sources.filter(source => source.match.category !== CARD_DATA);
    if (kept.length === 0) return SAFE_MASK;
    return kept.length === receiver.sources.length ? undefined : { safe: false, sources: kept };
  }
  return undefined;
}

/** `s.split('@')`: the string split on `@`, else undefined. */
function splitOnAt(node: TSESTree.Node): TSESTree.Node | undefined {
  const call = unwrapExpression(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  return staticPropertyName(call.callee) === 'split' && literalString(call.arguments[0]) === '@' ? call.callee.object : undefined;
}

/** `s.indexOf('@')`, `s.lastIndexOf('@')`, optionally `+ n`: the position of the `@` or just after it. */
function isAtPosition(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  let expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.BinaryExpression && expression.operator === '+') {
    const right = unwrapExpression(expression.right);
    if (right.type !== AST_NODE_TYPES.Literal || typeof right.value !== 'number' || right.value < 0) return false;
    expression = unwrapExpression(expression.left);
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression || expression.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticPropertyName(expression.callee);
  return (method === 'indexOf' || method === 'lastIndexOf') && literalString(expression.arguments[0]) === '@';
}

function numberLiteral(node: TSESTree.Node | undefined): number | undefined {
  if (!node) return undefined;
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'number') return expression.value;
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '-') {
    const inner = numberLiteral(expression.argument);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

/**
 * The string whose domain part (after its `@`) `node` is (see the module comment), or undefined: `s` of
 * `s.split('@')[1]`, `s.split('@').pop()`, `s.split('@').at(-1)`, `s.slice(s.indexOf('@') + 1)`.
 */
export function domainPartOf(node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const index = node.computed ? numberLiteral(node.property) : undefined;
    return index !== undefined && index >= 1 ? splitOnAt(node.object) : undefined;
  }
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = staticPropertyName(node.callee);
  if (method === 'pop' && node.arguments.length === 0) return splitOnAt(node.callee.object);
  if (method === 'at' && node.arguments.length === 1) {
    const index = numberLiteral(node.arguments[0]);
    return index !== undefined && (index === -1 || index >= 1) ? splitOnAt(node.callee.object) : undefined;
  }
  if ((method === 'slice' || method === 'substring' || method === 'substr') && node.arguments.length === 1 && isAtPosition(node.arguments[0])) {
    return node.callee.object;
  }
  return undefined;
}

/** What the domain part of a string carries, from the string's answer: its contact data dropped (see the module comment). */
export function domainResult(whole: FlowResult): FlowResult {
  if (whole.sources.length === 0) return whole.safe ? whole : UNKNOWN;
  const kept = whole.sources.filter(source => source.match.category !== CONTACT_DATA);
  return kept.length === 0 ? SAFE_REDUCTION : embedded({ safe: false, sources: kept });
}

/** `s.split(x)[n]`: a piece of a split string, which shows what the string showed; undefined for other members. */
export function splitPieceOf(node: TSESTree.MemberExpression): TSESTree.Node | undefined {
  if (!node.computed || numberLiteral(node.property) === undefined) return undefined;
  const call = unwrapExpression(node.object);
  return call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(call.callee) === 'split'
    ? call
    : undefined;
}
