/**
 * Compiling matchers: the strings and objects of `settings.compliance` that name calls and decorators, validated once
 * (a malformed one throws a SettingsError naming its setting). The forms are listed in `../matchers.ts`.
 */
import { SettingsError } from '../../errors.js';

export type MatcherSpec = string | { readonly import: string; readonly name: string } | { readonly type: string; readonly method: string };

export type Matcher =
  | {
      readonly kind: 'path';
      /** Segments of the callee, e.g. `['*', 'auditService', 'log']`; `this` is kept as a segment. */
      readonly segments: readonly string[];
      readonly source: string;
    }
  | { readonly kind: 'import'; readonly module: string; readonly segments: readonly string[]; readonly source: string }
  | { readonly kind: 'type'; readonly type: string; readonly method: string; readonly source: string };

/** A decorator matcher: `Audit` (the decorator, called or not) or `UseInterceptors(AuditInterceptor)` (a call with that argument). */
export interface DecoratorMatcher {
  readonly name: string;
  readonly argument?: string;
  readonly source: string;
}

const IDENT = /^[A-Za-z_$][\w$]*$/u;
const EXPECTED_MATCHER = 'a string like "audit.log" or { import, name } or { type, method }';

function isPathString(value: string): boolean {
  const segments = value.split('.');
  return segments.every((segment, index) => segment === '*' || IDENT.test(segment) || (segment === 'this' && index === 0));
}

/** Compiles one matcher spec; throws a SettingsError naming `path` when it is malformed. */
export function compileMatcher(spec: unknown, path: string): Matcher {
  if (typeof spec === 'string') {
    if (spec.length === 0 || !isPathString(spec)) {
      throw new SettingsError(path, EXPECTED_MATCHER, spec, 'a matcher string is identifiers and * joined by dots');
    }
    return { kind: 'path', segments: spec.split('.'), source: spec };
  }
  if (typeof spec === 'object' && spec !== null && !Array.isArray(spec)) {
    const record = spec as Record<string, unknown>;
    const keys = Object.keys(record).sort().join(',');
    if (keys === 'import,name') {
      if (typeof record.import !== 'string' || record.import.length === 0) {
        throw new SettingsError(`${path}.import`, 'a module specifier string like "@acme/audit"', record.import);
      }
      if (typeof record.name !== 'string' || !isPathString(record.name) || record.name.startsWith('*') || record.name.startsWith('this')) {
        throw new SettingsError(`${path}.name`, 'an exported name like "record", "default" or "auditor.log"', record.name);
      }
      return { kind: 'import', module: record.import, segments: record.name.split('.'), source: `${record.import}#${record.name}` };
    }
    if (keys === 'method,type') {
      if (typeof record.type !== 'string' || !IDENT.test(record.type)) {
        throw new SettingsError(`${path}.type`, 'a type name like "AuditService"', record.type);
      }
      if (typeof record.method !== 'string' || !IDENT.test(record.method)) {
        throw new SettingsError(`${path}.method`, 'a method name like "log"', record.method);
      }
      return { kind: 'type', type: record.type, method: record.method, source: `${record.type}#${record.method}` };
    }
  }
  throw new SettingsError(path, EXPECTED_MATCHER, spec);
}

const DECORATOR = /^([A-Za-z_$][\w$]*)(?:\(\s*([A-Za-z_$][\w$]*)\s*\))?$/u;

/** Compiles a decorator matcher (`Audit`, `UseInterceptors(AuditInterceptor)`). */
export function compileDecoratorMatcher(spec: unknown, path: string): DecoratorMatcher {
  const match = typeof spec === 'string' ? DECORATOR.exec(spec.trim()) : null;
  if (!match?.[1]) {
    throw new SettingsError(path, 'a decorator like "Audit" or "UseInterceptors(AuditInterceptor)"', spec);
  }
  return match[2] ? { name: match[1], argument: match[2], source: spec as string } : { name: match[1], source: spec as string };
}
