/**
 * What one rule may know of the others without importing them (which would be an import cycle
 * through rules/index.ts): the checks each rule enforces. src/index.ts registers the rule map.
 */
import type { Check } from './regulations/types.js';

interface RuleLike {
  readonly meta: { readonly docs?: { readonly checks: readonly Check[] } };
}

const checksByRule = new Map<string, readonly Check[]>();

export function registerRules(rules: Readonly<Record<string, RuleLike>>): void {
  for (const [name, rule] of Object.entries(rules)) {
    if (rule.meta.docs) checksByRule.set(name, rule.meta.docs.checks);
  }
}

/** The checks of a registered rule; undefined for a rule this registry does not know. */
export function checksOfRule(name: string): readonly Check[] | undefined {
  return checksByRule.get(name);
}
