/**
 * The calls of a subtree and the functions they run: the facts a summary is made of ("the first audit call in the body",
 * or the callees to follow). Typed mode asks the checker first (`typed.ts`) and falls back to the syntax
 * (`entities.ts`) when the checker names nothing; a callee the checker resolved to a package or an interface is not
 * followed.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
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

function syntacticCallTarget(state: ReachState, call: Call, view: ModuleView): FnRef | undefined {
  const callee = resolveEntity(state, call.callee, view, 0);
  if (call.type === AST_NODE_TYPES.NewExpression) {
    if (callee?.kind !== 'class' || callee.instance) return undefined;
    for (const member of callee.node.body.body) {
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor' && member.value.type === AST_NODE_TYPES.FunctionExpression) {
        return member.value.body ? makeRef(callee.view, member.value) : undefined;
      }
    }
    return undefined;
  }
  return callee?.kind === 'function' ? callee.ref : undefined;
}

export function callTarget(state: ReachState, call: Call, view: ModuleView): FnRef | undefined {
  const byChecker = typedCallTarget(state, call, view);
  if (byChecker === NOT_FOLLOWED) return undefined;
  return byChecker ?? syntacticCallTarget(state, call, view);
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
      add(callLabel(call), callTarget(state, call, view));
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
