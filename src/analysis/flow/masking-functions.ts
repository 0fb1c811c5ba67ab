/**
 * Masking helpers recognised by what they do, whatever they are called (both modes, syntax only): a function of the
 * linted file or one it imports (followed through the module graph like the rest of the analysis: the program's files
 * in typed mode, the disk in untyped mode) that takes its input as first parameter, returns a value, and in its body
 * replaces or deletes values by key:
 * - an entry rebuilt with a mask: `Object.entries(obj).map(([key, value]) => KEYS.includes(key) ? [key, '***'] : …)`;
 * - a keyed write of a mask: `copy[key] = '[REDACTED]'`, `{ ...acc, [key]: '***' }`, `copy.password = undefined`;
 * - a keyed delete: `delete copy[key]`, `delete copy.password` (a static key must be a sensitive name).
 * A mask is a literal of mask characters (`'***'`, `'•••'`) or one that says so (`'[REDACTED]'`, `'[FILTERED]'`,
 * `'<hidden>'`), `undefined`, or a `const` of this module bound to one. A computed key must be tested or looped over
 * (`if (SENSITIVE.has(key))`, `key === 'token' ? … : …`, `for (const key of KEYS)`): a function that only copies or
 * returns its input, or that masks every value unconditionally with no key in sight, is not one.
 *
 * Caches: the verdict per function node and policy (`WeakMap`: functions of other files live as long as the module graph
 * holds their AST, per program in typed mode, bounded per process in untyped mode). The body read is bounded by
 * {@link MAX_NODES}.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Policy } from '../../policy.js';
import { thisMethod } from '../ast/classes.js';
import { functionOf, type FunctionNode, isFunctionNode } from '../ast/functions.js';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { findExport, lookupBinding, moduleSource, resolveImport } from '../modules.js';
import { fileText, textReExports } from '../modules/files.js';
import { classifyName } from '../sensitive-data/names.js';
import { getTypeServices } from '../types/services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Nodes of a body read at most: a masking helper is short. */
const MAX_NODES = 3000;
/** A mask character (`***`, `••••`, `xxxx`, `#`). */
const MASK_CHARACTER = '[*•●·xX#_\\-.\\s]';
/** Mask characters only. */
const MASK_CHARACTERS = new RegExp(`^${MASK_CHARACTER}+$`, 'u');
/** Literals that say the value was taken out: `[REDACTED]`, `<filtered>`, `**masked**`, `[hidden]`, `[removed]`. */
const MASK_WORDS = /redact|mask|filter|hidden|censor|remov|omit|scrub|obfuscat/iu;

/** What a module that defines a masking helper must contain somewhere (see {@link imported}; re-exports are followed). */
const MAY_MASK = new RegExp(`['"\`](?:${MASK_CHARACTER}{3,}['"\`]|[^'"\`\\n]{0,24}(?:${MASK_WORDS.source}))|\\bdelete\\b|=\\s*undefined\\b`, 'iu');

/** Per process, per policy: the verdict per function node. */
const verdicts = new WeakMap<Policy, WeakMap<FunctionNode, boolean>>();

/** Whether `fn` is a masking helper (see the module comment). Never throws. */
export function isMaskingFunction(fn: FunctionNode, policy: Policy): boolean {
  let byFunction = verdicts.get(policy);
  if (!byFunction) {
    byFunction = new WeakMap();
    verdicts.set(policy, byFunction);
  }
  const cached = byFunction.get(fn);
  if (cached !== undefined) return cached;
  let verdict = false;
  try {
    verdict = computeVerdict(fn, policy);
  } catch {
    verdict = false;
  }
  byFunction.set(fn, verdict);
  return verdict;
}

function parameterName(fn: FunctionNode): string | undefined {
  let first: TSESTree.Node | undefined = fn.params[0];
  if (first?.type === AST_NODE_TYPES.AssignmentPattern) first = first.left;
  return first?.type === AST_NODE_TYPES.Identifier ? first.name : undefined;
}

function computeVerdict(fn: FunctionNode, policy: Policy): boolean {
  const parameter = parameterName(fn);
  if (parameter === undefined) return false;
  const facts = { returns: fn.body.type !== AST_NODE_TYPES.BlockStatement, readsParameter: false, masks: false, nodes: 0 };
  const consts = moduleConstStrings(fn);
  const visit = (node: TSESTree.Node, owner: FunctionNode): void => {
    if (facts.nodes++ > MAX_NODES || (facts.masks && facts.returns && facts.readsParameter)) return;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === parameter) facts.readsParameter = true;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && owner === fn) facts.returns = true;
    if (!facts.masks && masksByKey(node, policy, consts)) facts.masks = true;
    const nextOwner = node !== fn && isFunctionNode(node) ? node : owner;
    for (const child of children(node)) visit(child, nextOwner);
  };
  visit(fn.body, fn);
  return facts.masks && facts.returns && facts.readsParameter;
}

/** The child nodes of `node` (ESTree keys; parents and type annotations left out). */
function children(node: TSESTree.Node): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || key === 'typeAnnotation' || key === 'returnType' || key === 'typeArguments' || key === 'typeParameters') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') out.push(item as TSESTree.Node);
    } else if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') out.push(value as TSESTree.Node);
  }
  return out;
}

/** `const REDACTED = '[REDACTED]'` at the top of the function's module: the names bound to a string literal. */
function moduleConstStrings(fn: FunctionNode): ReadonlyMap<string, string> {
  let root: TSESTree.Node = fn;
  while (root.parent) root = root.parent;
  const out = new Map<string, string>();
  if (root.type !== AST_NODE_TYPES.Program) return out;
  for (const item of root.body) {
    const statement: TSESTree.Node = item.type === AST_NODE_TYPES.ExportNamedDeclaration && item.declaration ? item.declaration : item;
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'const') continue;
    for (const declarator of statement.declarations) {
      const value = declarator.init ? literalText(declarator.init) : undefined;
      if (declarator.id.type === AST_NODE_TYPES.Identifier && value !== undefined) out.set(declarator.id.name, value);
    }
  }
  return out;
}

function literalText(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** A value that shows nothing of what it replaces (see the module comment). */
function isMask(node: TSESTree.Node | null | undefined, consts: ReadonlyMap<string, string>): boolean {
  if (!node) return false;
  if (node.type === AST_NODE_TYPES.Identifier) {
    if (node.name === 'undefined') return true;
    const bound = consts.get(node.name);
    return bound !== undefined && isMaskText(bound);
  }
  const text = literalText(node);
  return text !== undefined && isMaskText(text);
}

/** A mask, or a choice with a mask on one side (`SECRET_KEYS.has(key) ? '***' : value`). */
function isMaskedValue(node: TSESTree.Node | null | undefined, consts: ReadonlyMap<string, string>): boolean {
  if (node?.type === AST_NODE_TYPES.ConditionalExpression) return isMask(node.consequent, consts) || isMask(node.alternate, consts);
  return isMask(node, consts);
}

function isMaskText(text: string): boolean {
  return text.length > 0 && (MASK_CHARACTERS.test(text) || MASK_WORDS.test(text));
}

/** A key test or a loop over keys on the way up from `node` to its function: the key decides what is masked. */
function isKeyDecided(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.SwitchCase:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
        return true;
      case AST_NODE_TYPES.CallExpression: {
        const method = current.callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(current.callee) : undefined;
        if (method === 'forEach' || method === 'filter' || method === 'reduce') return true;
        break;
      }
      default:
        break;
    }
    if (isFunctionNode(current) && current.parent?.type !== AST_NODE_TYPES.CallExpression) return false;
  }
  return false;
}

/** A member written or deleted by key: computed and decided by a key test, or a sensitive static name. */
function isKeyedMember(member: TSESTree.Node, policy: Policy): boolean {
  if (member.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (member.computed && member.property.type !== AST_NODE_TYPES.Literal) return isKeyDecided(member);
  const name = staticPropertyName(member);
  return name !== undefined && classifyName(name, policy) !== undefined;
}

/** One piece of masking by key (see the module comment). */
function masksByKey(node: TSESTree.Node, policy: Policy, consts: ReadonlyMap<string, string>): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ArrayExpression:
      // `[key, '***']`: an entry rebuilt with a mask
      return node.elements.length === 2 && node.elements[0]?.type === AST_NODE_TYPES.Identifier && isMaskedValue(node.elements[1], consts) && isKeyDecided(node);
    case AST_NODE_TYPES.AssignmentExpression:
      return node.operator === '=' && isMaskedValue(node.right, consts) && isKeyedMember(node.left, policy);
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === 'delete' && isKeyedMember(node.argument, policy);
    case AST_NODE_TYPES.Property:
      return node.computed && node.key.type === AST_NODE_TYPES.Identifier && isMaskedValue(node.value, consts) && isKeyDecided(node);
    default:
      return false;
  }
}

/**
 * The functions imported helpers resolve to, per linted file (one map per masking detector): keyed by specifier and
 * imported name, null when not followable.
 */
export type ImportedHelpers = Map<string, FunctionNode | null>;

function imported(context: Context, helpers: ImportedHelpers, source: string, name: string): FunctionNode | undefined {
  const key = `${source}\0${name}`;
  let found = helpers.get(key);
  if (found === undefined) {
    const file = resolveImport(context.filename, source);
    const program = getTypeServices(context)?.program;
    // Untyped, a module whose text shows no mask, delete or `undefined` write, and re-exports nothing, has no masking
    // helper: it is not parsed (most imports of a file are models, presenters, errors).
    const text = file === undefined || program ? undefined : fileText(file);
    const target = file === undefined || (text !== undefined && !MAY_MASK.test(text) && !textReExports(text)) ? undefined : findExport(file, name, moduleSource(program));
    found = functionOf(target?.node) ?? null;
    helpers.set(key, found);
  }
  return found ?? undefined;
}

/**
 * The function a call of the linted file runs, when the syntax says: a function of the file, a `const` bound to one,
 * a method of the enclosing class, and — given `imports` — an import (named, default, or a namespace's member) followed
 * to its declaration.
 */
export function calledFunction(call: TSESTree.CallExpression, imports?: { readonly context: Context; readonly helpers: ImportedHelpers }): FunctionNode | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const binding = lookupBinding(callee);
    if (binding?.kind === 'function') return functionOf(binding.node);
    if (binding?.kind === 'variable' && binding.node.id === binding.id) return functionOf(binding.node.init);
    if (imports && binding?.kind === 'import' && binding.imported !== '*') return imported(imports.context, imports.helpers, binding.source, binding.imported);
    return undefined;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = staticPropertyName(callee);
  const object = unwrapExpression(callee.object);
  if (name === undefined) return undefined;
  if (object.type === AST_NODE_TYPES.ThisExpression) return thisMethod(callee, name);
  if (!imports || object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const binding = lookupBinding(object);
  return binding?.kind === 'import' && binding.imported === '*' ? imported(imports.context, imports.helpers, binding.source, name) : undefined;
}
