/** Call matchers: which configured matcher (path, import or type) names a call. Built once per file. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from '../ast/unwrap.js';
import { getTypeServices, type TypeServices } from '../types/services.js';
import type { Matcher } from './compile.js';
import { createImportResolver, type ImportResolver, importCandidates } from './imports.js';
import { calleeOf, calleePath, pathMatches } from './paths.js';
import { receiverTypeIs } from './types.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type PathMatcher = Extract<Matcher, { kind: 'path' }>;
type ImportMatcher = Extract<Matcher, { kind: 'import' }>;
type TypeMatcher = Extract<Matcher, { kind: 'type' }>;

/** Recognizes the calls a matcher list names. Build one per file (`create`); results are cached per node. */
export interface CallMatcher {
  /**
   * The first matcher (in list order) that names this call, or undefined.
   * Accepts a `CallExpression` / `NewExpression`, a `Decorator`, or a callee node. Pass the call, not its callee, when
   * the callee is itself a call (`make()(x)`): a call node is always read as the call.
   */
  matches(node: TSESTree.Node): Matcher | undefined;
}

interface CompiledMatchers {
  /** Path matchers by last segment; `*` for those ending in a wildcard. */
  readonly pathByLast: ReadonlyMap<string, readonly PathMatcher[]>;
  readonly imports: readonly ImportMatcher[];
  /** Type matchers by method name. */
  readonly typesByMethod: ReadonlyMap<string, readonly TypeMatcher[]>;
  /** Position of each matcher in the list, to return the first match. */
  readonly order: ReadonlyMap<Matcher, number>;
}

/** Per process, keyed by the compiled list (a Policy's or a rule option's): the index; dies with the list. */
const compiledCache = new WeakMap<readonly Matcher[], CompiledMatchers>();

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compileList(matchers: readonly Matcher[]): CompiledMatchers {
  const cached = compiledCache.get(matchers);
  if (cached) return cached;
  const pathByLast = new Map<string, PathMatcher[]>();
  const imports: ImportMatcher[] = [];
  const typesByMethod = new Map<string, TypeMatcher[]>();
  const order = new Map<Matcher, number>();
  matchers.forEach((matcher, index) => {
    if (!order.has(matcher)) order.set(matcher, index);
    if (matcher.kind === 'path') pushTo(pathByLast, matcher.segments[matcher.segments.length - 1] ?? '*', matcher);
    else if (matcher.kind === 'import') imports.push(matcher);
    else pushTo(typesByMethod, matcher.method, matcher);
  });
  const compiled: CompiledMatchers = { pathByLast, imports, typesByMethod, order };
  compiledCache.set(matchers, compiled);
  return compiled;
}

/**
 * Recognizes the calls named by `matchers` (the forms are listed in `../matchers.ts`):
 *
 * - `path`: the callee path ({@link calleePath}) equals the segments, `*` matching any one segment (`this`, and a
 *   non-name receiver included). Purely syntactic: `sendAudit` is the identifier as called, whatever it is bound to.
 * - `import`: the callee's root identifier is resolved through scope analysis to the import / `require` / `import()` /
 *   `import x = require()` that declares it (destructuring and const aliases followed); the export path plus the
 *   callee's members must equal `name`. `name: 'default'` also matches calling a `require`d module object; a call
 *   through the default export (`lib.record()` for `import lib from`) also matches `name: 'record'` (CJS interop).
 *   A shadowing local binding of the same name does not match.
 * - `type` (typed mode only; never matches without type information): a member call whose property is `method` and
 *   whose receiver's type — or, for a union, every non-nullish constituent — is named `type` by its symbol, alias,
 *   apparent type, a base class or an implemented/extended interface. Checker errors count as no match.
 */
export function createCallMatcher(matchers: readonly Matcher[], context: Context): CallMatcher {
  const compiled = compileList(matchers);
  const results = new WeakMap<TSESTree.Node, Matcher | null>();
  let resolveImport: ImportResolver | undefined;
  let types: TypeServices | null | undefined;

  function better(current: Matcher | undefined, candidate: Matcher): Matcher {
    if (!current) return candidate;
    return (compiled.order.get(candidate) ?? 0) < (compiled.order.get(current) ?? 0) ? candidate : current;
  }

  function compute(callee: TSESTree.Node): Matcher | undefined {
    const path = calleePath(callee);
    if (!path) return undefined;
    const last = path[path.length - 1] ?? '';
    let found: Matcher | undefined;

    for (const key of last === '*' ? ['*'] : [last, '*']) {
      for (const matcher of compiled.pathByLast.get(key) ?? []) {
        if (pathMatches(matcher.segments, path)) found = better(found, matcher);
      }
    }

    if (compiled.imports.length > 0) {
      resolveImport ??= createImportResolver(context);
      let resolved: ReturnType<ImportResolver>;
      try {
        resolved = resolveImport(callee);
      } catch {
        resolved = undefined;
      }
      if (resolved) {
        const candidates = importCandidates(resolved.origin, resolved.path);
        for (const matcher of compiled.imports) {
          if (matcher.module === resolved.origin.module && candidates.some((candidate) => pathMatches(matcher.segments, candidate))) {
            found = better(found, matcher);
          }
        }
      }
    }

    const typeMatchers = compiled.typesByMethod.get(last);
    if (typeMatchers && path.length > 1) {
      if (types === undefined) types = getTypeServices(context) ?? null;
      const member = unwrapExpression(callee);
      if (types && member.type === AST_NODE_TYPES.MemberExpression) {
        try {
          const receiver = types.typeOf(member.object);
          if (receiver) {
            for (const matcher of typeMatchers) {
              if (receiverTypeIs(types.checker, receiver, matcher.type)) found = better(found, matcher);
            }
          }
        } catch {
          // odd code the checker cannot type: no match
        }
      }
    }
    return found;
  }

  return {
    matches(node) {
      const callee = calleeOf(node);
      const cached = results.get(callee);
      if (cached !== undefined) return cached ?? undefined;
      const result = compute(callee);
      results.set(callee, result ?? null);
      return result;
    },
  };
}
