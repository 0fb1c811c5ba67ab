/**
 * Functions of the linted file that build their result from a parameter (both modes, syntax only): `signinLink(url,
 * token) { return `${url}/auth?token=${token}` }` — a call of one carries what is passed at those positions, embedded in
 * a string or returned as is. The callee is a function declaration or `const` function of the file, or a method of the
 * enclosing class called through `this`; imports are not followed (their masking helpers are, `masking-functions.ts`).
 *
 * A parameter counts when a `return` writes it whole: the returned identifier itself, an interpolation of a returned
 * template literal, an operand of a returned `+` chain, or a branch of a returned conditional. A parameter only tested,
 * compared, measured (`token.length`) or handed to another call is not returned.
 *
 * Cache: the positions per function node (`WeakMap`), for the life of its AST.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunctionNode } from '../ast/functions.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { calledFunction } from './masking-functions.js';

/** Nodes of a body read at most: such helpers are short. */
const MAX_NODES = 400;

const positions = new WeakMap<FunctionNode, ReadonlySet<number>>();
const NONE: ReadonlySet<number> = new Set();

/** The identifiers a returned expression writes whole. */
function returnedNames(node: TSESTree.Node, out: Set<string>): void {
  const value = unwrapExpression(node);
  switch (value.type) {
    case AST_NODE_TYPES.Identifier:
      out.add(value.name);
      return;
    case AST_NODE_TYPES.TemplateLiteral:
      for (const expression of value.expressions) returnedNames(expression, out);
      return;
    case AST_NODE_TYPES.BinaryExpression:
      if (value.operator === '+') {
        returnedNames(value.left, out);
        returnedNames(value.right, out);
      }
      return;
    case AST_NODE_TYPES.ConditionalExpression:
      returnedNames(value.consequent, out);
      returnedNames(value.alternate, out);
      return;
    case AST_NODE_TYPES.LogicalExpression:
      returnedNames(value.left, out);
      returnedNames(value.right, out);
      return;
    default:
  }
}

function compute(fn: FunctionNode): ReadonlySet<number> {
  const names = new Map<string, number>();
  fn.params.forEach((param, index) => {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
    if (target.type === AST_NODE_TYPES.Identifier) names.set(target.name, index);
  });
  if (names.size === 0) return NONE;
  const returned = new Set<string>();
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    returnedNames(fn.body, returned);
  } else {
    const pending: TSESTree.Node[] = [fn.body];
    let seen = 0;
    while (pending.length > 0) {
      if ((seen += 1) > MAX_NODES) return NONE;
      const node = pending.pop() as TSESTree.Node;
      if (node.type === AST_NODE_TYPES.ReturnStatement) {
        if (node.argument) returnedNames(node.argument, returned);
        continue;
      }
      if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) continue;
      for (const child of statementChildren(node)) pending.push(child);
    }
  }
  const result = new Set<number>();
  for (const name of returned) {
    const index = names.get(name);
    if (index !== undefined) result.add(index);
  }
  return result.size > 0 ? result : NONE;
}

/** The statements under a statement (where a `return` can be), not its expressions. */
function statementChildren(node: TSESTree.Node): TSESTree.Node[] {
  switch (node.type) {
    case AST_NODE_TYPES.BlockStatement:
      return node.body;
    case AST_NODE_TYPES.IfStatement:
      return node.alternate ? [node.consequent, node.alternate] : [node.consequent];
    case AST_NODE_TYPES.TryStatement:
      return [node.block, ...(node.handler ? [node.handler.body] : []), ...(node.finalizer ? [node.finalizer] : [])];
    case AST_NODE_TYPES.SwitchStatement:
      return node.cases.flatMap((branch) => branch.consequent);
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.LabeledStatement:
      return [node.body];
    default:
      return [];
  }
}

/** The argument positions whose values a call of a local function returns (embedded or whole); empty when none. */
export function returnedArguments(call: TSESTree.CallExpression): ReadonlySet<number> {
  const fn = calledFunction(call);
  if (!fn) return NONE;
  let known = positions.get(fn);
  if (!known) {
    try {
      known = compute(fn);
    } catch {
      known = NONE;
    }
    positions.set(fn, known);
  }
  return known;
}
