/**
 * The calls of a subtree and the functions they run: the facts a summary is made of ("the first audit call in the body",
 * or the callees to follow). Typed mode asks the checker first (`typed.ts`) and falls back to the syntax
 * (`entities.ts`) when the checker names nothing; a callee the checker resolved to a package or an interface is not
 * followed.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../ast/functions.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { calleePath } from '../matchers.js';
import type { ModuleView } from '../modules/views.js';
import { resolveEntity } from './entities.js';
import { type Call, type Callee, type Facts, type FnRef, makeRef, type ReachState } from './state.js';
import { NOT_FOLLOWED, typedCallTarget, typedReference } from './typed.js';

const SKIP_KEYS = new Set([
  'parent',
  'loc',
  'range',
  'tokens',
  'comments',
  'typeAnnotation',
  'returnType',
  'typeParameters',
  'typeArguments',
  'superTypeArguments',
  'implements',
  'decorators',
]);

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Every call and `new` in a subtree (pre-order, source order), not entering `skip`; type annotations are not entered. */
export function collectCalls(roots: readonly TSESTree.Node[], skip: TSESTree.Node | undefined): Call[] {
  const calls: Call[] = [];
  const stack = [...roots].reverse();
  const children: TSESTree.Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || node === skip) continue;
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) calls.push(node);
    children.length = 0;
    for (const key in node) {
      if (SKIP_KEYS.has(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) children.push(item);
      } else if (isNode(value)) {
        children.push(value);
      }
    }
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as TSESTree.Node);
  }
  return calls;
}

export function callLabel(call: Call): string {
  const name = calleePath(call.callee)?.join('.') ?? '(call)';
  return call.type === AST_NODE_TYPES.NewExpression ? `new ${name}` : name;
}

function referenceLabel(node: TSESTree.Node): string {
  return calleePath(node)?.join('.') ?? '(function)';
}

/** The functions a wrapper call was given (`traceFunction(opts)(fn)`, `cache(async () => …)`): inline or by name. */
function wrappedTargets(state: ReachState, call: TSESTree.CallExpression, view: ModuleView): FnRef[] {
  const refs: FnRef[] = [];
  for (const argument of call.arguments) {
    const expression = unwrapExpression(argument);
    if (isFunctionNode(expression)) {
      if (expression.body) refs.push(makeRef(view, expression));
    } else if (expression.type === AST_NODE_TYPES.Identifier || expression.type === AST_NODE_TYPES.MemberExpression) {
      const target = referenceTarget(state, expression, view);
      if (target) refs.push(target);
    }
  }
  return refs;
}

function syntacticCallTargets(state: ReachState, call: Call, view: ModuleView): FnRef[] {
  const callee = resolveEntity(state, call.callee, view, 0);
  if (call.type === AST_NODE_TYPES.NewExpression) {
    if (callee?.kind !== 'class' || callee.instance) return [];
    for (const member of callee.node.body.body) {
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor' && member.value.type === AST_NODE_TYPES.FunctionExpression) {
        return member.value.body ? [makeRef(callee.view, member.value)] : [];
      }
    }
    return [];
  }
  if (callee?.kind === 'function') return [callee.ref];
  // A constant made by a wrapper call runs what the wrapper was given.
  const made = callee?.kind === 'value' ? unwrapExpression(callee.node) : undefined;
  return made?.type === AST_NODE_TYPES.CallExpression ? wrappedTargets(state, made, callee?.view ?? view) : [];
}

/**
 * The functions a call runs: the checker's answer first (typed), else the syntax's — its target, or, when the callee
 * is a constant made by a wrapper call (`export default traceFunction({ … })(documentMover)`, `const load =
 * cache(async () => …)`), the functions that wrapper was given: a wrapper runs what it wraps. (The checker usually
 * resolves such a call to the wrapped function already: the wrapper's type returns its argument's.)
 */
export function callTargets(state: ReachState, call: Call, view: ModuleView): FnRef[] {
  const byChecker = typedCallTarget(state, call, view);
  if (byChecker === NOT_FOLLOWED) return [];
  return byChecker ? [byChecker] : syntacticCallTargets(state, call, view);
}

export function referenceTarget(state: ReachState, expression: TSESTree.Node, view: ModuleView): FnRef | undefined {
  const entity = resolveEntity(state, expression, view, 0) ?? typedReference(state, expression, view);
  return entity?.kind === 'function' ? entity.ref : undefined;
}

function safeIsAuditCall(state: ReachState, call: Call): boolean {
  try {
    return state.isAuditCall(call);
  } catch {
    return false;
  }
}

export function computeFacts(
  state: ReachState,
  roots: readonly TSESTree.Node[],
  view: ModuleView,
  skip: TSESTree.Node | undefined,
  self: string | undefined,
): Facts {
  const calls = collectCalls(roots, skip);
  for (const call of calls) {
    if (safeIsAuditCall(state, call)) return { direct: callLabel(call), callees: [] };
  }
  const callees: Callee[] = [];
  const seen = new Set<string>(self ? [self] : []);
  const add = (label: string, target: FnRef | undefined): void => {
    if (!target || seen.has(target.key) || target.node === skip) return;
    seen.add(target.key);
    callees.push({ label, target });
  };
  for (const call of calls) {
    try {
      for (const target of callTargets(state, call, view)) add(callLabel(call), target);
      for (const argument of call.arguments) {
        const value = unwrapExpression(argument);
        if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
          add(referenceLabel(value), referenceTarget(state, value, view));
        }
      }
    } catch {
      // odd code: this call is not followed
    }
  }
  return { callees };
}
