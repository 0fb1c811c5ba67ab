/**
 * The small syntactic helpers every HTTP adapter needs: option objects, handler chains, route paths and labels, the
 * bar a registration on a conventional-name receiver must clear, and static method lists.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionExpressionNode, type FunctionExpressionNode } from '../ast/functions.js';
import { stringValue } from '../ast/static-values.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { constStringValue, resolveConst } from '../ast/variables.js';
import type { EndpointMethod } from './types.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

const MAX_DEPTH = 8;

/** HTTP method names a string may spell (`'post'`, `'POST'`), normalized; `ALL` is not a method string. */
const HTTP_METHOD_STRINGS: ReadonlyMap<string, EndpointMethod> = new Map(
  ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'].map((name) => [name, name.toUpperCase() as EndpointMethod]),
);

/** Normalizes a method string (`'post'`, `'POST'`) to an {@link EndpointMethod}; undefined for others (`'PURGE'`). */
export function normalizeMethod(value: string): EndpointMethod | undefined {
  return HTTP_METHOD_STRINGS.get(value.toLowerCase());
}

/** `'POST'`, `['GET', 'post']` (also through consts of this file) → normalized methods, unknown ones dropped; undefined when not static. */
export function staticMethods(sourceCode: SourceCode, node: TSESTree.Node): EndpointMethod[] | undefined {
  const single = constStringValue(sourceCode, node);
  if (single !== undefined) return [normalizeMethod(single)].filter((method) => method !== undefined);
  const resolved = resolveConst(sourceCode, node);
  if (resolved.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const values = resolved.elements.map((element) =>
    element && element.type !== AST_NODE_TYPES.SpreadElement ? constStringValue(sourceCode, element) : undefined,
  );
  if (!values.every((value) => value !== undefined)) return undefined;
  return [...new Set(values.map(normalizeMethod).filter((method) => method !== undefined))];
}

/** An object literal, directly or through a const in this file. */
export function constObject(sourceCode: SourceCode, node: TSESTree.Node | null | undefined): TSESTree.ObjectExpression | undefined {
  if (!node) return undefined;
  const resolved = resolveConst(sourceCode, node);
  return resolved.type === AST_NODE_TYPES.ObjectExpression ? resolved : undefined;
}

/** The value of the last non-computed (or string-keyed) property `name` of an object literal; spreads are not looked into. */
export function propertyValue(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  let found: TSESTree.Node | undefined;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = property.computed ? stringValue(property.key) : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : stringValue(property.key);
    if (key === name) found = property.value;
  }
  return found;
}

/**
 * Handler arguments in order, flattened: arrays (`[auth, validate]`) and spread arrays are opened; a spread of
 * something else contributes its argument (`...middlewares` → `middlewares`); `as` / `!` wrappers are stripped.
 */
export function flattenHandlers(nodes: readonly (TSESTree.Node | null)[]): TSESTree.Node[] {
  const chain: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node | null, depth: number): void => {
    if (!node || depth > MAX_DEPTH) return;
    const expression = unwrapExpression(node.type === AST_NODE_TYPES.SpreadElement ? node.argument : node);
    if (expression.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of expression.elements) visit(element, depth + 1);
      return;
    }
    chain.push(expression);
  };
  for (const node of nodes) visit(node, 0);
  return chain;
}

/** The handler of a chain: its last element when that is an inline function (arrow or function expression). */
export function lastInlineFunction(chain: readonly TSESTree.Node[]): FunctionExpressionNode | undefined {
  const last = chain[chain.length - 1];
  return isFunctionExpressionNode(last) ? last : undefined;
}

export interface RouteTarget {
  /** The static path, when the path is a string (or a template literal without expressions). */
  readonly route: string | undefined;
  /** What the label shows: the static path, or the source text of the path expression. */
  readonly text: string;
}

/** One target per static path of an array of strings (`app.get(['/a', '/b'], h)`), else the one path expression. */
export function routeTargets(sourceCode: SourceCode, node: TSESTree.Node): RouteTarget[] {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ArrayExpression && expression.elements.length > 0) {
    const values = expression.elements.map((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? stringValue(element) : undefined));
    if (values.every((value) => value !== undefined)) return values.map((value) => ({ route: value, text: value }));
  }
  const value = stringValue(expression);
  return [{ route: value, text: value ?? sourceCode.getText(node) }];
}

/** `POST /users/:id/role`; several methods are joined with `|` (`GET|POST /x`). */
export function endpointLabel(methods: readonly EndpointMethod[], text: string): string {
  return `${methods.join('|')} ${text}`;
}

/**
 * What a registration on a conventional-name receiver must look like to be reported: a string path starting with
 * `/` and at least one handler that is a function or an identifier.
 */
export function looksLikeRoute(sourceCode: SourceCode, path: TSESTree.Node | undefined, chain: readonly TSESTree.Node[]): boolean {
  const value = path ? stringValue(path) : undefined;
  return value?.startsWith('/') === true && hasHandlerLike(sourceCode, chain);
}

/** Values that are visibly no function: `api.post('/users', payload)` with `const payload = { … }` sends a body. */
const NON_FUNCTION_VALUES: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
]);

/**
 * Whether a chain has a handler that is a function or an identifier (the conventional-receiver bar); an identifier
 * bound in this file to an object, array, string or number literal is no handler.
 */
export function hasHandlerLike(sourceCode: SourceCode, chain: readonly TSESTree.Node[]): boolean {
  return chain.some(
    (node) => isFunctionExpressionNode(node) || (node.type === AST_NODE_TYPES.Identifier && !NON_FUNCTION_VALUES.has(resolveConst(sourceCode, node).type)),
  );
}

/** The name of a function's parameter at `index` when it is a plain identifier (possibly with a default); else undefined. */
export function parameterAt(fn: TSESTree.FunctionLike | undefined, index: number): TSESTree.Identifier | undefined {
  const param = fn?.params[index];
  if (!param) return undefined;
  if (param.type === AST_NODE_TYPES.Identifier) return param;
  if (param.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier) return param.left;
  return undefined;
}
