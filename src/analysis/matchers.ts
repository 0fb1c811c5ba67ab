/**
 * Matchers: the strings and objects of `settings.compliance` that name calls
 * (audit calls, wrappers, middleware, masking functions, sinks, factories) and decorators.
 *
 * Forms (SPEC.md):
 * - `name`            a call of that function, local or imported
 * - `a.b`             a member call whose receiver is named `a`
 * - `*`               a wildcard segment (`*.audit`, `*.auditService.log`)
 * - `this.x.y`        a call through `this`
 * - `{ import, name }` an import of module `import`, whatever its local name (named, default, namespace, require);
 *                     `name` may be `default`, or a dotted path whose first segment is the imported binding
 * - `{ type, method }` a method call whose receiver has type `type` (typed mode only)
 */
export { type CallMatcher, createCallMatcher } from './matchers/calls.js';
export { compileDecoratorMatcher, compileMatcher, type DecoratorMatcher, type Matcher, type MatcherSpec } from './matchers/compile.js';
export { createDecoratorMatcher, type DecoratorMatcherSet } from './matchers/decorators.js';
export { isDefaultAuditCall } from './matchers/default-audit.js';
export { calleePath, EXPRESSION_SEGMENT, type FlatPath, flattenMembers, pathMatches } from './matchers/paths.js';
export { type TypeSupport, typeSupport } from './matchers/types.js';
export { hasWord, splitWords } from './matchers/words.js';
// The AST toolkit's, re-exported for the many callers that import them from here.
export { staticPropertyName } from './ast/keys.js';
export { unwrapExpression } from './ast/unwrap.js';
