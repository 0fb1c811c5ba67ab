/**
 * Sensitive-data classification of nodes for one file: the state object and the free functions that read it. Names
 * work in both modes; the type functions need type information and answer undefined / empty without it. Never throws.
 *
 * Caches: per state (one file, one rule run) the answer for each node (`WeakMap<TSESTree.Node, …>`); the pick list of a
 * node is computed only when asked (only a finding's suggestion asks). Type walks are cached per program
 * (`type-walk.ts`), name answers per process and policy (`names.ts`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { Policy } from '../../policy.js';
import { splitWords } from '../matchers.js';
import { getTypeServices, type TypeServices } from '../types/services.js';
import { DEFAULT_TYPE_DEPTH, type SensitiveMatch } from './match.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { unwrapExpression } from '../ast/unwrap.js';
import { classifyName, isNetworkRuleAddress, nameTalksAbout, nodeName, ownerName, pairValueNames } from './names.js';
import { holdsId, initializerOf, isLabel, isSenderField, oneTimeCode, personalMember } from './values.js';
import type { TypeWalker } from './type-facts.js';
import { finish, pickableProperties, walk, walkerFor } from './type-walk.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What the type of one node says: its sensitive paths, shallowest first, and (once asked) the fields a pick keeps. */
interface NodeTypes {
  readonly type: ts.Type | undefined;
  readonly matches: readonly SensitiveMatch[];
  /** Undefined until asked; then the safe fields, or null when the type cannot be picked from. */
  safe?: readonly string[] | null;
}

export interface SensitiveDataState {
  readonly context: Context;
  readonly policy: Policy;
  /** How many property levels a type is walked (at least 1). */
  readonly depth: number;
  /** The file's type services and the program's walker, looked up on first typed question: null in untyped mode. */
  typed: { readonly services: TypeServices; readonly walker: TypeWalker } | null | undefined;
  /** Per state (one file, one rule run): what each node's type says. */
  readonly nodes: WeakMap<TSESTree.Node, NodeTypes>;
  /** The file's own vocabulary, collected on first need: multi-word keys it fills with a name (see {@link isNameKey}). */
  nameKeys?: ReadonlySet<string>;
}

const NO_TYPES: NodeTypes = Object.freeze({ type: undefined, matches: Object.freeze([]), safe: null });

export function createSensitiveDataState(context: Context, policy: Policy, depth = DEFAULT_TYPE_DEPTH): SensitiveDataState {
  return { context, policy, depth: Math.max(1, Math.floor(depth)), typed: undefined, nodes: new WeakMap() };
}

/** The name of an identifier or member chain, classified: `user.password`, `headers['x-api-key']`, `DB_PASSWORD`. */
export function classifyNodeName(state: SensitiveDataState, node: TSESTree.Node): SensitiveMatch | undefined {
  const name = nodeName(node);
  if (name === undefined) return undefined;
  const services = typedSupport(state)?.services;
  const sourceCode = state.context.sourceCode;
  const match = classifyName(name, state.policy);
  if (match) {
    if (isLabel(sourceCode, services, node, state.context.filename)) return undefined;
    if (match.category === 'contactData' && isSenderField(node)) return undefined;
    const expression = unwrapExpression(node);
    if (expression.type === AST_NODE_TYPES.MemberExpression && isNetworkRuleAddress(match, ownerName(expression.object))) return undefined;
    if (expression.type === AST_NODE_TYPES.MemberExpression && match.category === 'credentials' && isKeyOfPair(services, expression)) return undefined;
    if (expression.type === AST_NODE_TYPES.MemberExpression && isNameKey(state, name)) return undefined;
    const value = expression.type === AST_NODE_TYPES.Identifier ? initializerOf(sourceCode, expression) : undefined;
    return value && holdsId(sourceCode, services, match, value) ? undefined : match;
  }
  const found = personalMember(services, node) ?? oneTimeCode(sourceCode, services, node);
  return found && state.policy.sensitiveCategories.has(found.category) ? found : undefined;
}

/**
 * Typed mode: `secret.secretKey` where the record also has `secretValue` — a key/value entry's key is its name, the
 * value is the data (`entry.apiKeyValue` beside `entry.apiKey` stays reported: the pair is spelt `<stem>Key`/`<stem>Value`).
 */
function isKeyOfPair(services: TypeServices | undefined, member: TSESTree.MemberExpression): boolean {
  const name = nodeName(member);
  const values = name === undefined ? undefined : pairValueNames(name);
  if (!services || !values) return false;
  const type = services.typeOf(member.object);
  if (!type) return false;
  try {
    const object = services.checker.getNonNullableType(type);
    return values.some((value) => services.checker.getPropertyOfType(object, value) !== undefined);
  } catch {
    return false;
  }
}

/**
 * Whether the file itself says `key` holds a name: somewhere in it, `key` (two words or more) is written with a value
 * whose name talks about the same data (`secretKey: req.params.secretName`): then `{ secretKey: s.secretKey }` and
 * `secret.secretKey` in that file are the secret's name too. One-word keys (`token`) are never learned.
 */
function isNameKey(state: SensitiveDataState, key: string): boolean {
  if (splitWords(key).length < 2) return false;
  state.nameKeys ??= collectNameKeys(state);
  return state.nameKeys.has(key);
}

function collectNameKeys(state: SensitiveDataState): ReadonlySet<string> {
  const keys = new Set<string>();
  const visitorKeys = state.context.sourceCode.visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
  const pending: TSESTree.Node[] = [state.context.sourceCode.ast];
  while (pending.length > 0) {
    const node = pending.pop() as TSESTree.Node;
    if (node.type === AST_NODE_TYPES.Property && !node.computed && node.key.type === AST_NODE_TYPES.Identifier) {
      const key = node.key.name;
      const words = splitWords(key);
      const valueName = words.length >= 2 ? nodeName(node.value) : undefined;
      if (valueName !== undefined && classifyName(key, state.policy) && nameTalksAbout(valueName, state.policy) && splitWords(valueName)[0] === words[0]) keys.add(key);
    }
    for (const field of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[field];
      if (Array.isArray(value)) for (const item of value) { if (item && typeof item === 'object') pending.push(item as TSESTree.Node); }
      else if (value && typeof value === 'object' && typeof (value as TSESTree.Node).type === 'string') pending.push(value as TSESTree.Node);
    }
  }
  return keys;
}

/** A property key and the value written under it (`{ sessionId: session.id }`): the key's name, unless the value is an id. */
export function classifyKeyedValue(state: SensitiveDataState, key: string, value: TSESTree.Node): SensitiveMatch | undefined {
  const match = classifyName(key, state.policy);
  if (!match) return undefined;
  // The value's own name says what it is: `{ secretKey: req.params.secretName }` holds a name, not the secret.
  const valueName = nodeName(value);
  if (valueName !== undefined && nameTalksAbout(valueName, state.policy)) return undefined;
  if (isNameKey(state, key)) return undefined;
  const expression = unwrapExpression(value);
  if (expression.type === AST_NODE_TYPES.MemberExpression && isNetworkRuleAddress(match, ownerName(expression.object))) return undefined;
  if (expression.type === AST_NODE_TYPES.MemberExpression && match.category === 'credentials' && isKeyOfPair(typedSupport(state)?.services, expression)) return undefined;
  return holdsId(state.context.sourceCode, typedSupport(state)?.services, match, value) ? undefined : match;
}

function typedSupport(state: SensitiveDataState): SensitiveDataState['typed'] {
  if (state.typed === undefined) {
    const services = getTypeServices(state.context);
    state.typed = services ? { services, walker: walkerFor(services, state.policy) } : null;
  }
  return state.typed;
}

function computeTypes(state: SensitiveDataState, node: TSESTree.Node): NodeTypes {
  const support = typedSupport(state);
  if (!support) return NO_TYPES;
  const type = support.services.typeOf(node);
  if (!type) return NO_TYPES;
  try {
    const matches = walk(support.walker, type, state.depth)
      .map((match, index) => ({ match, index }))
      .sort((a, b) => (a.match.path?.length ?? 0) - (b.match.path?.length ?? 0) || a.index - b.index)
      .map(({ match }) => finish(match));
    return { type, matches: Object.freeze(matches) };
  } catch {
    return NO_TYPES;
  }
}

function typesOf(state: SensitiveDataState, node: TSESTree.Node): NodeTypes {
  let result = state.nodes.get(node);
  if (!result) {
    result = computeTypes(state, node);
    state.nodes.set(node, result);
  }
  return result;
}

/** Typed mode: every sensitive property path of the node's type (depth-bounded), shallowest first. Empty untyped. */
export function sensitivePaths(state: SensitiveDataState, node: TSESTree.Node): readonly SensitiveMatch[] {
  return typesOf(state, node).matches;
}

/** Typed mode: the first (shallowest) of {@link sensitivePaths}, or undefined. */
export function classifyType(state: SensitiveDataState, node: TSESTree.Node): SensitiveMatch | undefined {
  return typesOf(state, node).matches[0];
}

/**
 * Typed mode: the top-level property names of the node's object type that are NOT sensitive (none when the value
 * itself is); undefined when it is not an object type (primitives, arrays, promises, functions) or untyped.
 */
export function safeProperties(state: SensitiveDataState, node: TSESTree.Node): readonly string[] | undefined {
  const result = typesOf(state, node);
  if (result.safe === undefined) result.safe = computeSafe(state, result);
  return result.safe ?? undefined;
}

function computeSafe(state: SensitiveDataState, result: NodeTypes): readonly string[] | null {
  const support = state.typed;
  if (!support || !result.type) return null;
  try {
    const properties = pickableProperties(support.walker, support.services.checker.getNonNullableType(result.type));
    if (!properties) return null;
    const { matches } = result;
    const whole = matches.some((match) => !match.path || match.path.length === 0);
    const sensitive = new Set(matches.map((match) => match.path?.[0]));
    return Object.freeze(whole ? [] : properties.map(([property]) => property.getName()).filter((name) => !sensitive.has(name)));
  } catch {
    return null;
  }
}
