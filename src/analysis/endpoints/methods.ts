/** Which endpoints must be audited, and which routes a user exempts by option. */
import type { Policy } from '../../policy.js';
import type { AuditScope } from '../../regulations/types.js';
import type { Endpoint, EndpointMethod } from './types.js';

export const ENDPOINT_METHODS: readonly EndpointMethod[] = [
  'GET',
  'HEAD',
  'OPTIONS',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'ALL',
  'MUTATION',
  'QUERY',
  'ACTION',
];

const READS: ReadonlySet<EndpointMethod> = new Set(['GET', 'HEAD', 'OPTIONS', 'QUERY']);

/**
 * The methods whose endpoints must be audited.
 * With the option `methods`, exactly those. Otherwise the policy's HTTP methods (mutating always,
 * reads under HIPAA / PCI DSS), mutations, server actions and catch-all routes always, and tRPC /
 * GraphQL queries when GET is required.
 */
export function requiredMethods(policy: Policy, override: readonly string[] | undefined): ReadonlySet<EndpointMethod> {
  if (override) return new Set(override.map(method => method.toUpperCase() as EndpointMethod));
  const methods = new Set<EndpointMethod>(policy.auditedMethods);
  methods.add('ALL');
  methods.add('MUTATION');
  methods.add('ACTION');
  if (methods.has('GET')) methods.add('QUERY');
  return methods;
}

/** The endpoint's methods that must be audited (empty: nothing to check). */
export function methodsToAudit(endpoint: Endpoint, required: ReadonlySet<EndpointMethod>): EndpointMethod[] {
  return endpoint.methods.filter(method => required.has(method));
}

/** The kind of audited event, for citing controls: reads cite read-access controls, changes cite modification controls. */
export function auditScopesFor(methods: readonly EndpointMethod[]): AuditScope[] | undefined {
  if (methods.length > 0 && methods.every(method => READS.has(method))) return ['reads'];
  if (methods.some(method => method === 'PUT' || method === 'PATCH' || method === 'DELETE')) return ['modification'];
  return undefined;
}

/**
 * Compiles `ignoreRoutes` patterns: `/health` matches exactly, `*` matches one path segment,
 * `**` any number of segments (`/internal/**`). Trailing slashes are ignored.
 */
export function compileRoutePatterns(patterns: readonly string[]): (route: string | undefined) => boolean {
  const regexes = patterns.map(pattern => {
    const body = normalizeRoute(pattern)
      .split('/')
      .map(segment => (segment === '**' ? '.*' : segment.split('*').map(escapeRegExp).join('[^/]*')))
      .join('/');
    return new RegExp(`^${body.replace(/\/\.\*/gu, '(?:/.*)?')}$`, 'u');
  });
  return route => route !== undefined && regexes.some(regex => regex.test(normalizeRoute(route)));
}

function normalizeRoute(route: string): string {
  const withSlash = route.startsWith('/') ? route : `/${route}`;
  return withSlash.length > 1 ? withSlash.replace(/\/+$/u, '') : withSlash;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/gu, '\\$&');
}
