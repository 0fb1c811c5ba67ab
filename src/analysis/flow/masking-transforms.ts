/**
 * String methods that mask what they are called on (both modes, syntax only):
 * - replacement of every character by a mask character: `x.replace(/./g, '*')`, `x.replaceAll(/\w/g, '•')`,
 *   `x.replace(new RegExp('.', 'g'), 'x')`, `x.replace(/\d(?=\d{4})/g, '#')` (a class, `.` or `\w`/`\d`/`\S`, with an optional
 *   quantifier and lookahead; the replacement a literal of mask characters only);
 * - last-four truncation of card data: `card.slice(-4)`, `pan.substring(pan.length - 4)`, `substr(-4)` (at most four
 *   characters from the end). Only card data is excused that way: `token.slice(-4)` and `token.slice(0, 8)` still leak.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { type FlowResult, SAFE_MASK } from './result.js';

/** A pattern that matches any one character of some class (and so, with `g`, every one of them). */
const EVERY_CHARACTER = /^(?:\.|\\[wWdDsS]|\[[^\]]+\])(?:[+*]|\{\d+(?:,\d*)?\})?(?:\(\?[=!][^)]*\))?$/u;
/** Replacements that show nothing: mask characters only (`*`, `•`, `x`, `#`, `-`, `_`, `●`, `X`). */
const MASK_TEXT = /^[*•●·xX#_\-.\s]*$/u;
const CARD_DATA = 'cardData';
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
