/**
 * Read-only inference for endpoints: a POST, GraphQL/tRPC mutation, server action or catch-all needs no audit when its
 * handler resolves and reaches only reads (`reach/effects.ts`); a call the analysis cannot see counts as a state change.
 * DELETE, PUT and PATCH change state by their method; GET and queries read by theirs (their audit is decided by the
 * regulations, not here).
 *
 * What is analyzed is the endpoint's own code: the branch of a method switch, else the handler (the inline function,
 * the function a reference names, or the functions a wrapper call is given: `client.action(async () => …)`).
 * Middleware shared with other routes (authentication, validation, rate limits) is not the endpoint's change.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../ast/functions.js';
import { unwrapExpression } from '../ast/unwrap.js';
import type { Endpoint, EndpointMethod } from '../endpoints/types.js';
import type { Effect, Reach } from '../reach.js';

const INFERRED: ReadonlySet<EndpointMethod> = new Set(['POST', 'ALL', 'MUTATION', 'ACTION']);
const MAX_DEFINITION_DEPTH = 3;

/** The function arguments of a wrapper call and of the calls it is chained on (`a.schema(s).action(fn)`). */
function wrappedFunctions(reach: Reach, call: TSESTree.CallExpression, depth: number): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  for (const argument of call.arguments) {
    const value = unwrapExpression(argument);
    if (isFunctionNode(value)) found.push(value);
    else if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) found.push(...handlerCode(reach, value, depth + 1));
  }
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrapExpression(callee.object);
    if (object.type === AST_NODE_TYPES.CallExpression) found.push(...wrappedFunctions(reach, object, depth));
  }
  return found;
}

/** The code a chain element runs as the handler; empty when it cannot be seen. */
function handlerCode(reach: Reach, element: TSESTree.Node, depth: number): TSESTree.Node[] {
  if (depth > MAX_DEFINITION_DEPTH) return [];
  const value = unwrapExpression(element);
  if (isFunctionNode(value)) return [value];
  if (value.type === AST_NODE_TYPES.CallExpression) return wrappedFunctions(reach, value, depth);
  if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
    const definition = reach.resolveDefinition(value);
    return definition ? handlerCode(reach, definition, depth + 1) : [];
  }
  return [];
}

/**
 * Why the endpoint may change state — the first write or unseen call — or undefined when it is read-only. Only asked
 * for the methods a read-only inference applies to: otherwise, and when no handler code is visible, a state change.
 */
export function endpointStateChange(reach: Reach, endpoint: Endpoint, methods: readonly EndpointMethod[]): Effect | undefined {
  const unseen = (label: string): Effect => ({ kind: 'unseen', depth: 0, path: [label] });
  if (methods.length === 0 || !methods.every(method => INFERRED.has(method))) return { kind: 'write', depth: 0, path: [methods.join('/')] };
  const last = endpoint.chain.at(-1);
  const code = endpoint.branch ? [endpoint.branch] : endpoint.handler ? [endpoint.handler] : last ? handlerCode(reach, last, 0) : [];
  if (code.length === 0) return unseen('(handler)');
  for (const node of code) {
    const effect = reach.stateChange(node);
    if (effect) return effect;
  }
  return undefined;
}
