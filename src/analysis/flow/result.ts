/**
 * What the flow answers for an expression ({@link FlowResult}: safe, or the sensitive {@link FlowSource}s that reach
 * it), the constant answers, and the pure operations that combine answers: join, re-anchor at a use, nest below a
 * property, embed in a string. No state: every function here returns a new answer from its arguments.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import type { SensitiveMatch } from '../sensitive-data.js';

/** How a sensitive value reaches the examined expression. */
export type SourceKind =
  /** A value that is sensitive by its name (identifier, member, getter, configuration key). */
  | 'value'
  /** A value written under a sensitive property key (`{ token: x }`): the key says what it is. */
  | 'key'
  /** An object whose type holds sensitive data (typed mode). */
  | 'type'
  /**
   * A value sensitive by where it comes from (`req.body`, `process.env`, a connection URL, an HTTP client's error,
   * a user record loaded from a store): `match.name` says what it is, with its category (`request payload: …`).
   */
  | 'origin';

export interface FlowSource {
  readonly kind: SourceKind;
  readonly match: SensitiveMatch;
  /** Text of the source as written (`user.password`, `req.body.password`, `token: x`), collapsed and shortened. */
  readonly origin: string;
  /** The node inside the examined expression where the value enters it. */
  readonly node: TSESTree.Node;
  /** Whether the value was followed through a variable (or a catch parameter) to reach `node`. */
  readonly viaVariable: boolean;
  /** Property path from the examined expression to the value; `[]` for the expression itself or a string embedding it. */
  readonly path: readonly string[];
  /** The value passed through a masking function (kept only for categories masking does not excuse). */
  readonly masked: boolean;
  /** For `type` sources found directly on `node`: the expression whose type is sensitive (pick suggestions). */
  readonly typedObject?: TSESTree.Node;
  /** For `type` sources: where the type was read, wherever that is (`match.path` starts there). */
  readonly typedAt?: TSESTree.Node;
}

export interface FlowResult {
  /** Definitely harmless: masked, reduced, a literal, a function. */
  readonly safe: boolean;
  /** Why it is safe: `mask` for a masking function (the others are reductions or literals). */
  readonly safeBy?: 'mask' | 'reduction' | 'literal';
  readonly sources: readonly FlowSource[];
}

export const SAFE_LITERAL: FlowResult = Object.freeze({ safe: true, safeBy: 'literal', sources: Object.freeze([]) });
export const SAFE_REDUCTION: FlowResult = Object.freeze({ safe: true, safeBy: 'reduction', sources: Object.freeze([]) });
export const SAFE_MASK: FlowResult = Object.freeze({ safe: true, safeBy: 'mask', sources: Object.freeze([]) });
export const UNKNOWN: FlowResult = Object.freeze({ safe: false, sources: Object.freeze([]) });

/** Sources kept per expression: enough to report and check redaction, bounded for pathological literals. */
export const MAX_SOURCES = 64;
const MAX_ORIGIN = 48;

/** `user.password` → `user.password`; long or multi-line text is collapsed and shortened. */
export function describeNode(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const text = sourceCode.getText(node).replace(/\s+/gu, ' ').trim();
  return text.length > MAX_ORIGIN ? `${text.slice(0, MAX_ORIGIN - 1)}…` : text;
}

/** A simple chain (`a`, `a.b.c`, `this.a`) whose text can be repeated without side effects. */
export function isSimpleChain(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier || expression.type === AST_NODE_TYPES.ThisExpression) return true;
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    return staticPropertyName(expression) !== undefined && expression.property.type !== AST_NODE_TYPES.PrivateIdentifier
      ? isSimpleChain(expression.object)
      : false;
  }
  return false;
}

/** The answers of several parts together: their sources (bounded), safe only when every part is. */
export function joinResults(results: readonly FlowResult[]): FlowResult {
  const sources: FlowSource[] = [];
  let allSafe = results.length > 0;
  let safeBy: FlowResult['safeBy'];
  for (const result of results) {
    if (!result.safe) allSafe = false;
    else safeBy ??= result.safeBy;
    for (const source of result.sources) if (sources.length < MAX_SOURCES) sources.push(source);
  }
  if (sources.length > 0) return { safe: false, sources };
  return allSafe ? { safe: true, safeBy: safeBy ?? 'literal', sources: [] } : UNKNOWN;
}

/** Re-anchors sources found in a definition at the use that reaches it. */
export function anchored(result: FlowResult, node: TSESTree.Node, prefix: readonly string[] = []): FlowResult {
  if (result.sources.length === 0) return result;
  return {
    safe: false,
    sources: result.sources.map(source => ({
      ...source,
      node,
      viaVariable: true,
      path: [...prefix, ...source.path],
      typedObject: undefined,
    })),
  };
}

/** Prefixes the paths of sources found below a property or element. */
export function under(result: FlowResult, segment: string | undefined): FlowResult {
  if (result.sources.length === 0) return result;
  return { safe: false, sources: result.sources.map(source => ({ ...source, path: [segment ?? '*', ...source.path] })) };
}

/** Sources embedded in a string (template, concatenation, `JSON.stringify`): their paths end here. */
export function embedded(result: FlowResult): FlowResult {
  if (result.sources.length === 0) return result.safe ? result : UNKNOWN;
  return { safe: false, sources: result.sources.map(source => (source.path.length === 0 ? source : { ...source, path: [] })) };
}

/** A value sensitive by its name, entering at `node`. */
export function valueSource(match: SensitiveMatch, node: TSESTree.Node, origin: string): FlowResult {
  return { safe: false, sources: [{ kind: 'value', match, origin, node, viaVariable: false, path: [], masked: false }] };
}

/** A value sensitive by its origin (`req.body`), entering at `node`; `detail` is what the report shows for it. */
export function originSource(category: string, detail: string, node: TSESTree.Node, origin: string): FlowResult {
  const match = { category, name: detail, via: 'name' as const };
  return { safe: false, sources: [{ kind: 'origin', match, origin, node, viaVariable: false, path: [], masked: false }] };
}
