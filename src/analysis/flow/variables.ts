/**
 * Values of variables: what a read of a variable holds, seen in this file. The last write before the use (in source
 * order) decides, destructuring included (`const { password } = req.body`, `const { password: pw } = body`); object
 * literals are seen through const-like variables and member reads of them (`cfg.db.password` where
 * `const cfg = { db: { password } }`); a `catch` parameter carries what its `try` block visibly throws.
 *
 * `patternPath` is flow's own variant of the toolkit's `destructuredPath`: it finds the pattern's top itself, goes on
 * through array patterns (the path becomes unknown) and says whether a rest element was crossed.
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../ast/keys.js';
import { propertyKeyName } from '../ast/properties.js';
import { unwrapExpression } from '../ast/unwrap.js';
import type { Variable } from '../ast/variables.js';
import { sourcesOf, withTypes } from './expressions.js';
import { destructuredOrigin } from './origins.js';
import { anchored, describeNode, isSimpleChain, joinResults, SAFE_LITERAL, type FlowResult, UNKNOWN, valueSource } from './result.js';
import { type FlowState, variableOf, writesOf } from './state.js';

const { DefinitionType } = TSESLint.Scope;

/** Variables followed from one use, at most. */
export const MAX_VARIABLE_HOPS = 8;
/** Statements of a `try` block searched for a `throw`, at most. */
const MAX_THROW_SEARCH = 400;

export function identifierResult(state: FlowState, identifier: TSESTree.Identifier): FlowResult {
  if (identifier.name === 'undefined') return SAFE_LITERAL;
  const variable = variableOf(state, identifier);
  if (variable && isCodeBinding(variable)) return SAFE_LITERAL; // a function, class or enum is code, not data
  let followed: FlowResult = UNKNOWN;
  if (variable && !state.following.has(variable) && state.hops < MAX_VARIABLE_HOPS) {
    state.following.add(variable);
    state.hops++;
    try {
      followed = variableResult(state, identifier, variable);
    } finally {
      state.hops--;
      state.following.delete(variable);
    }
  }
  // Masked or reduced before it got its name: the name does not matter.
  if (followed.safe && followed.safeBy !== 'literal') return followed;
  // The identifier's own name, when sensitive, says what the value is: one finding, named by it.
  const match = state.sensitive.classifyNode(identifier);
  if (match) return valueSource(match, identifier, describeNode(state.sourceCode, identifier));
  if (followed.sources.length > 0) {
    // What flowed in is only known by its type: the variable's own type says the same, and says it here.
    if (followed.sources.every(source => source.kind === 'type')) {
      const own = withTypes(state, identifier, UNKNOWN);
      if (own.sources.length > 0) return own;
    }
    return anchored(followed, identifier);
  }
  return followed.safe ? followed : UNKNOWN;
}

/** What `identifier` (a read) holds: the last write before it in source order, or every write when none precedes it. */
function variableResult(state: FlowState, identifier: TSESTree.Identifier, variable: Variable): FlowResult {
  const def = variable.defs[0];
  if (!def) return UNKNOWN;
  if (def.type === DefinitionType.CatchClause) return catchResult(state, def.node);
  const writes = writesOf(state, variable);
  if (writes.length === 0) return UNKNOWN;
  const before = writes.filter(write => write.range[0] < identifier.range[0]);
  const chosen = before.length > 0 ? [before.reduce((a, b) => (b.range[0] > a.range[0] ? b : a))] : writes;
  return joinResults(chosen.map(write => writeResult(state, identifier, write, variable)));
}

/** What a write of a variable stores, as seen from the reference `at`. */
function writeResult(state: FlowState, identifier: TSESTree.Identifier, write: TSESTree.Identifier, variable: Variable): FlowResult {
  const { top, path, rest } = patternPath(write);
  const assigned = assignedValue(top);
  if (!assigned) return UNKNOWN;
  let result: FlowResult;
  if (rest) {
    // `const { password, ...rest } = user`: the rest is what was not picked; its type decides (typed mode), or its origin
    // (the rest of a request payload is still the payload).
    result = path === undefined ? UNKNOWN : (destructuredOrigin(state, identifier, assigned.value, path) ?? UNKNOWN);
  } else if (path === undefined) {
    result = UNKNOWN;
  } else if (path.length === 0) {
    result = assigned.element ? elementsOf(state, assigned.value) : sourcesOf(state, assigned.value);
  } else {
    const inner = valueAt(state, assigned.value, path);
    if (inner) {
      result = sourcesOf(state, inner);
    } else {
      // `const { password } = req.body`: the value of `req.body.password`; its key names it.
      const key = path[path.length - 1] ?? '';
      const match = state.sensitive.classifyName(key);
      const base = isSimpleChain(assigned.value) ? `${describeNode(state.sourceCode, assigned.value)}.` : '';
      result = match ? valueSource(match, identifier, `${base}${path.join('.')}`) : (destructuredOrigin(state, identifier, assigned.value, path) ?? UNKNOWN);
    }
  }
  if (assigned.compound) {
    const before = previousWrites(writesOf(state, variable), top);
    result = joinResults([result, ...before.map(earlier => writeResult(state, identifier, earlier, variable))]);
    if (result.safe) result = UNKNOWN; // `x += y`: the earlier value still counts, safe only if all writes are
  }
  return result;
}

/** Of a variable's writes, the last one before `node` in source order (excluding `node`'s own), as a list of at most one. */
export function previousWrites(writes: readonly TSESTree.Identifier[], node: TSESTree.Node): TSESTree.Identifier[] {
  let latest: TSESTree.Identifier | undefined;
  for (const write of writes) if (write.range[0] < node.range[0] && (!latest || write.range[0] > latest.range[0])) latest = write;
  return latest ? [latest] : [];
}

/** The top of a destructuring pattern containing `identifier`, and the property path down to it. */
export function patternPath(identifier: TSESTree.Node): { top: TSESTree.Node; path: string[] | undefined; rest: boolean } {
  const path: string[] = [];
  let current: TSESTree.Node = identifier;
  let known = true;
  let rest = false;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return { top: current, path: known ? path : undefined, rest };
    if (parent.type === AST_NODE_TYPES.Property && parent.parent.type === AST_NODE_TYPES.ObjectPattern) {
      if (parent.value !== current) return { top: current, path: undefined, rest };
      const key = propertyKeyName(parent);
      if (key === undefined) known = false;
      else path.unshift(key);
    } else if (parent.type === AST_NODE_TYPES.AssignmentPattern) {
      if (parent.left !== current) return { top: current, path: undefined, rest };
    } else if (parent.type === AST_NODE_TYPES.RestElement) {
      rest = true;
    } else if (parent.type === AST_NODE_TYPES.ArrayPattern) {
      known = false;
    } else if (parent.type !== AST_NODE_TYPES.ObjectPattern) {
      return { top: current, path: known ? path : undefined, rest };
    }
    current = parent;
  }
}

/** The expression a write assigns to the pattern top (`const top = init`, `top = right`, `for (const top of right)`). */
export function assignedValue(top: TSESTree.Node): { value: TSESTree.Node; compound: boolean; element: boolean } | undefined {
  const parent = top.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id === top) {
    if (parent.init) return { value: parent.init, compound: false, element: false };
    const declaration = parent.parent;
    const loop = declaration.parent;
    if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === declaration) return { value: loop.right, compound: false, element: true };
    return undefined;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === top) {
    if (parent.operator === '=') return { value: parent.right, compound: false, element: false };
    if (parent.operator === '+=') return { value: parent.right, compound: true, element: false };
    return undefined;
  }
  if (parent.type === AST_NODE_TYPES.ForOfStatement && parent.left === top) return { value: parent.right, compound: false, element: true };
  return undefined;
}

function isCodeBinding(variable: Variable): boolean {
  return variable.defs.some(
    def =>
      def.type === DefinitionType.FunctionName ||
      def.type === DefinitionType.ClassName ||
      def.type === DefinitionType.TSEnumName ||
      def.type === DefinitionType.TSModuleName ||
      def.type === DefinitionType.Type,
  );
}

/** A catch parameter carries what its `try` block visibly throws (only there; calls are not followed). */
function catchResult(state: FlowState, clause: TSESTree.CatchClause): FlowResult {
  const statement = clause.parent;
  if (statement.type !== AST_NODE_TYPES.TryStatement) return UNKNOWN;
  const thrown = thrownBy(state, statement.block);
  if (thrown.length === 0) return UNKNOWN;
  const results = thrown.map(node => sourcesOf(state, node)).filter(result => result.sources.length > 0);
  return results.length > 0 ? joinResults(results) : UNKNOWN;
}

/** The values a block visibly throws (not inside nested functions or classes; the first nodes searched only). */
export function thrownBy(state: FlowState, block: TSESTree.BlockStatement): readonly TSESTree.Node[] {
  const known = state.thrown.get(block);
  if (known) return known;
  const thrown: TSESTree.Node[] = [];
  let budget = MAX_THROW_SEARCH;
  const visit = (node: TSESTree.Node): void => {
    if (budget-- <= 0 || isFunctionLike(node)) return;
    if (node.type === AST_NODE_TYPES.ThrowStatement) {
      thrown.push(node.argument);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item);
      } else if (isNode(value)) {
        visit(value);
      }
    }
  };
  visit(block);
  state.thrown.set(block, thrown);
  return thrown;
}

/** The node holding `object.path` when it can be seen (object literals, through const-like variables). */
export function valueAt(state: FlowState, object: TSESTree.Node, path: readonly string[], depth = 0): TSESTree.Node | undefined {
  if (path.length === 0) return object;
  if (depth > MAX_VARIABLE_HOPS) return undefined;
  const expression = unwrapExpression(object);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(state, expression);
    const writes = variable ? writesOf(state, variable) : [];
    if (writes.length !== 1) return undefined;
    const write = writes[0];
    if (!write) return undefined;
    const { top, path: inner, rest } = patternPath(write);
    const assigned = assignedValue(top);
    if (!assigned || rest || inner === undefined || assigned.compound || assigned.element) return undefined;
    return valueAt(state, assigned.value, [...inner, ...path], depth + 1);
  }
  if (expression.type === AST_NODE_TYPES.ObjectExpression) {
    const [first, ...others] = path;
    for (let index = expression.properties.length - 1; index >= 0; index--) {
      const property = expression.properties[index];
      if (property?.type !== AST_NODE_TYPES.Property || property.kind !== 'init') continue;
      if (propertyKeyName(property) === first) {
        const value = property.value;
        if (value.type === AST_NODE_TYPES.AssignmentPattern || value.type === AST_NODE_TYPES.ObjectPattern) return undefined;
        return valueAt(state, value, others, depth + 1);
      }
    }
    return undefined;
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticPropertyName(expression);
    return name === undefined ? undefined : valueAt(state, expression.object, [name, ...path], depth + 1);
  }
  return undefined;
}

/** The elements of an iterable (`for (const x of right)`): the right side's sources, below any index. */
export function elementsOf(state: FlowState, node: TSESTree.Node): FlowResult {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ArrayExpression) {
    const results = expression.elements
      .filter((element): element is TSESTree.Expression | TSESTree.SpreadElement => element !== null)
      .map(element => (element.type === AST_NODE_TYPES.SpreadElement ? elementsOf(state, element.argument) : sourcesOf(state, element)));
    return joinResults(results);
  }
  return UNKNOWN;
}

function isFunctionLike(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.ClassExpression ||
    node.type === AST_NODE_TYPES.ClassDeclaration
  );
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
