import type { TSESLint } from '@typescript-eslint/utils';

type Listener = (node: never) => void;

/** Combines rule listeners: several listeners for one selector all run, in order. */
export function mergeListeners(...listeners: readonly TSESLint.RuleListener[]): TSESLint.RuleListener {
  const merged = new Map<string, Listener[]>();
  for (const listener of listeners) {
    for (const [selector, handler] of Object.entries(listener) as Array<[string, Listener | undefined]>) {
      if (!handler) continue;
      const list = merged.get(selector);
      if (list) list.push(handler);
      else merged.set(selector, [handler]);
    }
  }
  const result: TSESLint.RuleListener = {};
  for (const [selector, handlers] of merged) {
    const [only] = handlers;
    (result as Record<string, Listener>)[selector] =
      handlers.length === 1 && only
        ? only
        : (node: never) => {
            for (const handler of handlers) handler(node);
          };
  }
  return result;
}
