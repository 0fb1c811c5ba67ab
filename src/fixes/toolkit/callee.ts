/**
 * Naming a callee for inserted code: the text that calls a configured function (a matcher of `settings.compliance`)
 * from an insertion point, or nothing when no text would reach it there — a suggestion that does not resolve is worse
 * than none. A path's root must be bound where the call goes; `this.x.y` needs a class around it that declares `x`;
 * an `{ import, name }` is named through the file's import of it, or imported (when its name is free).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { Matcher } from '../../analysis/matchers.js';
import { type ClassNode, enclosingClass } from '../../analysis/ast/classes.js';
import { type ImportRequest, importedLocalName } from './imports.js';
import { isNameFree, nameInScope, type ScopeOptions } from './scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A callee as the inserted code writes it. */
export interface NamedCallee {
  /** e.g. `auditLogger.log`, `record`, `this.audit.log`, `pii.scrub`. */
  readonly text: string;
  /** An import to add with the call, when the function comes from `{ import, name }` and is not imported yet. */
  readonly addImport?: ImportRequest;
}

export interface NamingOptions extends ScopeOptions {
  /** Whether `this.x.y` may be named (inside a class that declares `x`). */
  readonly throughThis: boolean;
}

/** Whether a class declares the member `name`: a field, a method or accessor, or a constructor parameter property. */
function classHasMember(cls: ClassNode, name: string): boolean {
  for (const member of cls.body.body) {
    if (
      (member.type === AST_NODE_TYPES.PropertyDefinition || member.type === AST_NODE_TYPES.MethodDefinition) &&
      member.key.type === AST_NODE_TYPES.Identifier &&
      member.key.name === name
    ) {
      return true;
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      const declared = member.value.params.some(
        param => param.type === AST_NODE_TYPES.TSParameterProperty && param.parameter.type === AST_NODE_TYPES.Identifier && param.parameter.name === name,
      );
      if (declared) return true;
    }
  }
  return false;
}

/**
 * Whether the dotted path `segments` (no wildcards) reaches a function from `at`: its root is bound there, or it is
 * `this.x…` inside a class declaring `x` (when `throughThis`).
 */
export function isPathReachable(sourceCode: SourceCode, segments: readonly string[], at: TSESTree.Node, options: NamingOptions): boolean {
  const [root, second] = segments;
  if (!root || segments.includes('*')) return false;
  if (root === 'this') {
    if (!options.throughThis || !second) return false;
    const cls = enclosingClass(at);
    return cls !== undefined && classHasMember(cls, second);
  }
  return nameInScope(sourceCode, at, root, options);
}

/** The callee text for a matcher at `at`, with the import to add; undefined when the code there cannot call it. */
export function nameMatcherCallee(sourceCode: SourceCode, matcher: Matcher, at: TSESTree.Node, options: NamingOptions): NamedCallee | undefined {
  if (matcher.kind === 'path') return isPathReachable(sourceCode, matcher.segments, at, options) ? { text: matcher.source } : undefined;
  if (matcher.kind !== 'import') return undefined;
  const [first, ...rest] = matcher.segments;
  if (!first) return undefined;
  const local = importedLocalName(sourceCode, at, matcher.module, first);
  if (local) return { text: [local, ...rest].join('.') };
  // A default export has no name to import it by; a binding of the name would clash with the import or shadow it.
  if (first === 'default' || !isNameFree(sourceCode, at, first, options)) return undefined;
  return { text: matcher.segments.join('.'), addImport: { module: matcher.module, name: first } };
}

/** The first matcher of `matchers` the code at `at` can call, named. */
export function nameFirstCallee(sourceCode: SourceCode, matchers: readonly Matcher[], at: TSESTree.Node, options: NamingOptions): NamedCallee | undefined {
  for (const matcher of matchers) {
    const callee = nameMatcherCallee(sourceCode, matcher, at, options);
    if (callee) return callee;
  }
  return undefined;
}
