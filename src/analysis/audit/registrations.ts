/**
 * Middleware registered with `X.use(…)` (or Fastify `X.addHook('onRequest' | 'preHandler' | …, …)`), collected once
 * per file, and the path-prefix arithmetic of mounting.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { stringValue } from '../ast/static-values.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { FRAMEWORKS } from '../endpoints/frameworks/index.js';
import { collectCalls } from '../reach.js';

/** From the framework records: `use`-like methods, hook methods (`addHook`), and the hooks that run for every request. */
const { useMethods, hookMethods, requestHooks: REQUEST_HOOKS } = FRAMEWORKS;
const REGISTRATIONS = new Set([...useMethods, ...hookMethods]);

export interface Registration {
  readonly call: TSESTree.CallExpression;
  readonly receiver: TSESTree.Node;
  /** Path prefix (`app.use('/admin', …)`); undefined = every path. */
  readonly prefix: string | undefined;
  readonly handlers: readonly TSESTree.Node[];
}

/** Per file: keyed by SourceCode. */
const registrationCache = new WeakMap<object, readonly Registration[]>();

export function registrations(sourceCode: Readonly<TSESLint.SourceCode>): readonly Registration[] {
  const cached = registrationCache.get(sourceCode);
  if (cached) return cached;
  const found: Registration[] = [];
  for (const call of collectCalls([sourceCode.ast], undefined)) {
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) continue;
    const method = callee.property.name;
    if (!REGISTRATIONS.has(method)) continue;
    const first = call.arguments[0];
    const firstString = stringValue(first);
    if (hookMethods.has(method)) {
      if (firstString === undefined || !REQUEST_HOOKS.has(firstString)) continue;
      found.push({ call, receiver: callee.object, prefix: undefined, handlers: call.arguments.slice(1) });
    } else {
      const handlers: TSESTree.Node[] = [];
      for (const argument of firstString === undefined ? call.arguments : call.arguments.slice(1)) {
        if (argument.type !== AST_NODE_TYPES.ArrayExpression) handlers.push(argument);
        else for (const element of argument.elements) if (element && element.type !== AST_NODE_TYPES.SpreadElement) handlers.push(element);
      }
      found.push({ call, receiver: callee.object, prefix: firstString, handlers });
    }
  }
  registrationCache.set(sourceCode, found);
  return found;
}

/** Whether a route is under a `use` prefix (`/admin` covers `/admin` and `/admin/x`; `*`, `/`, `/*` cover all). */
export function routeUnder(route: string | undefined, prefix: string | undefined): boolean {
  if (prefix === undefined) return true;
  const normalized = prefix.replace(/\/?\*$/u, '').replace(/\/$/u, '');
  if (normalized === '') return true;
  if (route === undefined) return false;
  return route === normalized || route.startsWith(`${normalized}/`);
}

export function joinRoute(prefix: string | undefined, route: string | undefined): string | undefined {
  if (prefix === undefined || route === undefined) return route;
  const head = prefix.replace(/\/?\*$/u, '').replace(/\/$/u, '');
  return `${head}${route.startsWith('/') ? route : `/${route}`}`;
}
