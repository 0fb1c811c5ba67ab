/**
 * HTTP client errors (`src/analysis/http-clients/`): an error of axios, got or ky carries the request it failed on, with
 * its headers (`Authorization`, `Cookie`, `X-Api-Key`), so writing the whole error writes them. An error is visibly one
 * when:
 * - it is the parameter of a `catch` whose `try` block calls the client (`await axios.post(…)`, an instance made by
 *   `axios.create()`), not inside a nested function;
 * - it is read inside the branch of a guard (`if (axios.isAxiosError(err))`, `err instanceof AxiosError`);
 * - typed mode: its type is one of the client's error classes, declared in the client's package.
 * Its request parts (`err.config`, `err.response`, `err.request`, got's `err.options`) are sources too; its `message`,
 * `status`, `response.data` are not.
 *
 * Cache: per `try` block (WeakMap keyed by the node, so per file), whether it calls a client.
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { HTTP_CLIENT_TABLES, type HttpClientRecord } from '../http-clients/index.js';
import { calleePath, flattenMembers } from '../matchers.js';
import { importOf } from './request-data.js';
import { type FlowState, typeServices, variableOf } from './state.js';

const { DefinitionType } = TSESLint.Scope;

/** Nodes of a `try` block searched for a client call, at most. */
const MAX_SEARCH = 600;

/** Per file (keyed by nodes): whether a `try` block calls an HTTP client. */
const callsClient = new WeakMap<TSESTree.BlockStatement, boolean>();

export type HttpErrorPart = 'error' | 'request';

/** `err` (an HTTP client's error) or `err.config`, `err.response.config` (its request). */
export function httpErrorPart(state: FlowState, node: TSESTree.Node): HttpErrorPart | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return isHttpError(state, node) ? 'error' : undefined;
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const { root, properties } = flattenMembers(node);
  if (root.type !== AST_NODE_TYPES.Identifier || properties.length === 0 || properties.length > 2) return undefined;
  const [first, second] = properties;
  if (!HTTP_CLIENT_TABLES.requestProperties.has(first!)) return undefined;
  // `err.response.config`, `err.response.request`: the request again; `err.response.data` is the server's answer.
  if (second !== undefined && (first !== 'response' || !HTTP_CLIENT_TABLES.requestProperties.has(second))) return undefined;
  return isHttpError(state, root) ? 'request' : undefined;
}

function isHttpError(state: FlowState, identifier: TSESTree.Identifier): boolean {
  const variable = variableOf(state, identifier);
  const def = variable?.defs[0];
  if (!def) return false;
  if (def.type === DefinitionType.CatchClause && def.node.parent.type === AST_NODE_TYPES.TryStatement && tryCallsClient(state, def.node.parent.block)) return true;
  return isGuarded(state, identifier) || isTypedHttpError(state, identifier);
}

/** Whether `node` is the client: imported from its package, an instance it made, or (not bound here) its conventional name. */
function isClient(state: FlowState, node: TSESTree.Node, depth = 0): boolean {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.Identifier || depth > 3) return false;
  const variable = variableOf(state, expression);
  const def = variable?.defs[0];
  if (!def) return HTTP_CLIENT_TABLES.names.has(expression.name);
  if (def.type === DefinitionType.ImportBinding) {
    const imported = importOf(state, expression);
    return imported !== undefined && HTTP_CLIENT_TABLES.packages.has(imported.slice(0, imported.lastIndexOf('#')));
  }
  if (def.type !== DefinitionType.Variable || !def.node.init) return false;
  // `const api = axios.create({ … })`
  const init = unwrapExpression(def.node.init);
  if (init.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticPropertyName(init.callee);
  const object = unwrapExpression(init.callee.object);
  if (!isClient(state, object, depth + 1) || object.type !== AST_NODE_TYPES.Identifier) return false;
  const library = clientLibrary(state, object);
  return method !== undefined && library !== undefined && library.instanceMethods.includes(method);
}

function clientLibrary(state: FlowState, identifier: TSESTree.Identifier): HttpClientRecord | undefined {
  const imported = importOf(state, identifier);
  if (imported) return HTTP_CLIENT_TABLES.packages.get(imported.slice(0, imported.lastIndexOf('#')));
  return HTTP_CLIENT_TABLES.names.get(identifier.name);
}

/** `axios.post(…)`, `axios(…)`, `api.get(…)`, `got(…).json()`: a call whose callee starts at the client. */
function isClientCall(state: FlowState, call: TSESTree.CallExpression): boolean {
  const path = calleePath(call.callee);
  if (!path) return false;
  const { root } = flattenMembers(call.callee);
  return isClient(state, root);
}

function tryCallsClient(state: FlowState, block: TSESTree.BlockStatement): boolean {
  const known = callsClient.get(block);
  if (known !== undefined) return known;
  let found = false;
  let budget = MAX_SEARCH;
  const visit = (node: TSESTree.Node): void => {
    if (found || budget-- <= 0 || isFunction(node)) return;
    if (node.type === AST_NODE_TYPES.CallExpression && isClientCall(state, node)) {
      found = true;
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item);
      } else if (isNode(value)) {
        visit(value);
      }
    }
  };
  visit(block);
  callsClient.set(block, found);
  return found;
}

/** Inside the true branch of `if (axios.isAxiosError(err))`, `err instanceof AxiosError ? … : …`, `guard(err) && …`. */
function isGuarded(state: FlowState, identifier: TSESTree.Identifier): boolean {
  const variable = variableOf(state, identifier);
  let child: TSESTree.Node = identifier;
  for (let parent: TSESTree.Node | undefined = identifier.parent; parent; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return false;
    const test =
      (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.consequent === child
        ? parent.test
        : parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && parent.right === child
          ? parent.left
          : undefined;
    if (test && guards(state, test, variable)) return true;
  }
  return false;
}

function guards(state: FlowState, test: TSESTree.Node, variable: ReturnType<typeof variableOf>): boolean {
  const expression = unwrapExpression(test);
  const same = (node: TSESTree.Node | undefined): boolean => {
    const argument = node ? unwrapExpression(node) : undefined;
    return argument?.type === AST_NODE_TYPES.Identifier && variable !== undefined && variableOf(state, argument) === variable;
  };
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '&&') {
    return guards(state, expression.left, variable) || guards(state, expression.right, variable);
  }
  if (expression.type === AST_NODE_TYPES.BinaryExpression && expression.operator === 'instanceof') {
    const path = calleePath(expression.right);
    return same(expression.left) && path !== undefined && HTTP_CLIENT_TABLES.classes.has(path[path.length - 1]!);
  }
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const path = calleePath(expression.callee);
    return path !== undefined && HTTP_CLIENT_TABLES.guards.has(path[path.length - 1]!) && same(expression.arguments[0]);
  }
  return false;
}

/** Typed mode: the value's type is one of the clients' error classes, declared in the client's package. */
function isTypedHttpError(state: FlowState, node: TSESTree.Node): boolean {
  const services = typeServices(state);
  const type = services?.typeOf(node);
  if (!services || !type || services.isLoose(type)) return false;
  try {
    const parts = type.isUnion() ? type.types : [type];
    return parts.some(part => {
      const symbol = part.aliasSymbol ?? part.getSymbol();
      if (!symbol || !HTTP_CLIENT_TABLES.classes.has(symbol.getName())) return false;
      return (symbol.getDeclarations() ?? []).some(declaration => {
        const file = declaration.getSourceFile().fileName.replace(/\\/gu, '/');
        return [...HTTP_CLIENT_TABLES.packages.keys()].some(name => file.includes(`/node_modules/${name}/`));
      });
    });
  } catch {
    return false;
  }
}

function isFunction(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.ClassExpression ||
    node.type === AST_NODE_TYPES.ClassDeclaration
  );
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
