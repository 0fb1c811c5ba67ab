/** Decorator matchers: `Audit` (called or not), `UseInterceptors(AuditInterceptor)` (a call with that argument). */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from '../ast/unwrap.js';
import type { DecoratorMatcher } from './compile.js';
import { calleePath, EXPRESSION_SEGMENT } from './paths.js';

/** Recognizes decorators named by `audit.decorators`. */
export interface DecoratorMatcherSet {
  /** The first matcher (in list order) that names this decorator, or undefined. */
  matches(decorator: TSESTree.Decorator): DecoratorMatcher | undefined;
}

/** Per process, keyed by the compiled list (a Policy's): the matchers by decorator name; dies with the list. */
const decoratorCache = new WeakMap<readonly DecoratorMatcher[], ReadonlyMap<string, readonly DecoratorMatcher[]>>();

/** The name an argument of a decorator call goes by: `AuditInterceptor`, `interceptors.Audit` → `Audit`, `new AuditInterceptor()`. */
function argumentName(argument: TSESTree.Node): string | undefined {
  const expression = unwrapExpression(argument);
  if (expression.type === AST_NODE_TYPES.NewExpression) return argumentName(expression.callee);
  const path = calleePath(expression);
  const last = path?.[path.length - 1];
  return last === EXPRESSION_SEGMENT ? undefined : last;
}

/**
 * Recognizes decorators: `Audit` matches `@Audit` and `@Audit(...)`; `UseInterceptors(AuditInterceptor)` matches a
 * `@UseInterceptors(...)` call with an argument `AuditInterceptor` (any position), `ns.AuditInterceptor` or
 * `new AuditInterceptor(...)`. The decorator is named by the last segment of its path (`@nest.Audit()` is `Audit`).
 */
export function createDecoratorMatcher(matchers: readonly DecoratorMatcher[]): DecoratorMatcherSet {
  let byName = decoratorCache.get(matchers);
  if (!byName) {
    const map = new Map<string, DecoratorMatcher[]>();
    for (const matcher of matchers) map.set(matcher.name, [...(map.get(matcher.name) ?? []), matcher]);
    byName = map;
    decoratorCache.set(matchers, byName);
  }
  const index = byName;
  return {
    matches(decorator) {
      const expression = unwrapExpression(decorator.expression);
      const call = expression.type === AST_NODE_TYPES.CallExpression ? expression : undefined;
      const path = calleePath(call ? call.callee : expression);
      const name = path?.[path.length - 1];
      if (!name || name === EXPRESSION_SEGMENT) return undefined;
      for (const matcher of index.get(name) ?? []) {
        if (matcher.argument === undefined) return matcher;
        if (call?.arguments.some((argument) => argumentName(argument) === matcher.argument)) return matcher;
      }
      return undefined;
    },
  };
}
