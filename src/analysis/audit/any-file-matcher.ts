/**
 * Matchers that work on nodes of any file — the linted file's through `createCallMatcher`, another file's (reach visits
 * them) by callee path, by that file's imports, and (typed views) by receiver type through that view's node maps.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from '../ast/unwrap.js';
import {
  calleePath,
  type CallMatcher,
  createCallMatcher,
  EXPRESSION_SEGMENT,
  hasWord,
  isDefaultAuditCall,
  type Matcher,
  pathMatches,
} from '../matchers.js';
import { lookupBinding, type ModuleView, rootOf, viewOf } from '../modules.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** `a.b.c` → the root identifier `a` and properties `[b, c]`. */
function memberRoot(node: TSESTree.Node): { root: TSESTree.Node; properties: string[] } {
  const path = calleePath(node);
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
  return { root: current, properties: path ? path.slice(1) : [] };
}

export function calleeOf(node: TSESTree.Node): TSESTree.Node {
  if (node.type === AST_NODE_TYPES.Decorator) return calleeOf(unwrapExpression(node.expression));
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) return node.callee;
  return node;
}

/** Export paths an import matcher may name for a callee in a module without scope analysis (mirrors matchers.ts). */
function importCandidates(callee: TSESTree.Node): { module: string; candidates: string[][] } | undefined {
  const { root, properties } = memberRoot(callee);
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const binding = lookupBinding(root);
  let module: string | undefined;
  let exports: string[] = [];
  let commonjs = false;
  if (binding?.kind === 'import') {
    module = binding.source;
    exports = binding.imported === '*' ? [] : [binding.imported];
  } else if (binding?.kind === 'variable' && binding.node.id === binding.id && binding.node.init) {
    const init = unwrapExpression(binding.node.init);
    const argument = init.type === AST_NODE_TYPES.CallExpression ? init.arguments[0] : undefined;
    if (
      init.type === AST_NODE_TYPES.CallExpression &&
      init.callee.type === AST_NODE_TYPES.Identifier &&
      init.callee.name === 'require' &&
      argument?.type === AST_NODE_TYPES.Literal &&
      typeof argument.value === 'string'
    ) {
      module = argument.value;
      commonjs = true;
    }
  }
  if (module === undefined) return undefined;
  const path = [...exports, ...properties];
  if (path.length === 0) return { module, candidates: commonjs ? [['default']] : [] };
  if (path[0] === 'default' && path.length > 1) return { module, candidates: [path, path.slice(1)] };
  return { module, candidates: [path] };
}

/** Per process: keyed by the policy's frozen matcher lists, so it lives as long as the settings do. */
const typeOnlyLists = new WeakMap<readonly Matcher[], readonly Matcher[]>();

function typeOnly(matchers: readonly Matcher[]): readonly Matcher[] {
  let list = typeOnlyLists.get(matchers);
  if (!list) {
    list = matchers.filter((matcher) => matcher.kind === 'type');
    typeOnlyLists.set(matchers, list);
  }
  return list;
}

/**
 * A matcher for nodes of any file: the linted file's through `createCallMatcher`; another file's by callee path, by its
 * imports, and (typed views) by receiver type — through `createCallMatcher` on a minimal context that carries only that
 * view's parser services (the type matchers read nothing else).
 */
export function createAnyFileMatcher(matchers: readonly Matcher[], context: Context): (node: TSESTree.Node) => Matcher | undefined {
  const local = createCallMatcher(matchers, context);
  const types = typeOnly(matchers);
  const typeMatchers = new WeakMap<ModuleView, CallMatcher | null>();

  function typeMatcherFor(view: ModuleView | undefined): CallMatcher | undefined {
    if (!view?.services || types.length === 0) return undefined;
    let matcher = typeMatchers.get(view);
    if (matcher === undefined) {
      const viewContext = { sourceCode: { parserServices: view.services }, languageOptions: {} } as unknown as Context;
      matcher = createCallMatcher(types, viewContext);
      typeMatchers.set(view, matcher);
    }
    return matcher ?? undefined;
  }

  return (node) => {
    if (matchers.length === 0) return undefined;
    try {
      if (rootOf(node) === context.sourceCode.ast) return local.matches(node);
      const callee = calleeOf(node);
      const path = calleePath(callee);
      let imports: ReturnType<typeof importCandidates> | null = null;
      let typeHit: Matcher | undefined | null = null;
      for (const matcher of matchers) {
        if (matcher.kind === 'path') {
          if (path && pathMatches(matcher.segments, path)) return matcher;
        } else if (matcher.kind === 'import') {
          imports ??= importCandidates(callee);
          if (imports?.module === matcher.module && imports.candidates.some((candidate) => pathMatches(matcher.segments, candidate))) return matcher;
        } else {
          typeHit ??= typeMatcherFor(viewOf(node))?.matches(node);
          if (typeHit === matcher) return matcher;
        }
      }
      return undefined;
    } catch {
      return undefined;
    }
  };
}

/** Default-heuristic decorator: `@Audit(…)`, `@UseInterceptors(AuditInterceptor)`, `@UseInterceptors(new AuditInterceptor())`. */
export function isDefaultAuditDecorator(decorator: TSESTree.Decorator): boolean {
  if (isDefaultAuditCall(decorator)) return true;
  const expression = unwrapExpression(decorator.expression);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  return expression.arguments.some((argument) => {
    const value = unwrapExpression(argument);
    const path = calleePath(value.type === AST_NODE_TYPES.NewExpression ? value.callee : value);
    const last = path?.[path.length - 1];
    return last !== undefined && last !== EXPRESSION_SEGMENT && hasWord(last, 'audit');
  });
}
