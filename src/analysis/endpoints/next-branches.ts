/**
 * Dispatch on `req.method` in a Next.js pages/api handler: `switch (req.method) { case 'PUT': … }`,
 * `if (req.method === 'DELETE') {…}`, `['POST', 'PUT'].includes(req.method)`, and the guard
 * `if (req.method !== 'POST') return …` that makes the rest of the handler the POST endpoint.
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../ast/functions.js';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { constInit, constStringValue, findVariable } from '../ast/variables.js';
import { parameterIdentifier, propertyKeyName } from './app-syntax.js';
import { next } from './frameworks/next.js';
import type { EndpointMethod } from './types.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface Branch {
  readonly methods: EndpointMethod[];
  /** The case / consequent; undefined for a guard (the rest of the handler). */
  readonly node: TSESTree.Node | undefined;
  readonly reportNode: TSESTree.Node;
}

/** One handler's scan: its request parameter's name and the branches found so far. */
interface BranchScan {
  readonly sourceCode: SourceCode;
  readonly requestName: string;
  readonly branches: Branch[];
}

interface MethodTest {
  readonly methods: EndpointMethod[];
  readonly negated: boolean;
  /** The literal to report on. */
  readonly literal: TSESTree.Node;
}

/** The upper-case HTTP method a string names, or undefined. */
function httpMethod(text: string | undefined): EndpointMethod | undefined {
  const upper = text?.toUpperCase();
  return upper !== undefined && next.httpVerbs.has(upper) ? (upper as EndpointMethod) : undefined;
}

/** Whether a statement always leaves the handler (`return …`, `throw …`, a block ending in one). */
function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body[statement.body.length - 1];
    return last !== undefined && exits(last);
  }
  return false;
}

/** `method` declared by `const { method } = req`. */
function destructuredFromRequest(scan: BranchScan, identifier: TSESTree.Identifier): boolean {
  const variable = findVariable(scan.sourceCode, identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== TSESLint.Scope.DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.ObjectPattern || !def.node.init) return false;
  const init = unwrapExpression(def.node.init);
  if (init.type !== AST_NODE_TYPES.Identifier || init.name !== scan.requestName) return false;
  return def.node.id.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      propertyKeyName(property, scan.sourceCode) === 'method' &&
      (property.value === def.name || (property.value.type === AST_NODE_TYPES.AssignmentPattern && property.value.left === def.name)),
  );
}

/** `req.method`, `req.method?.toUpperCase()`, `method` from `const { method } = req` / `const method = req.method`. */
function isMethodRef(scan: BranchScan, node: TSESTree.Node, depth = 0): boolean {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrapExpression(expression.object);
    return staticPropertyName(expression) === 'method' && object.type === AST_NODE_TYPES.Identifier && object.name === scan.requestName;
  }
  if (expression.type === AST_NODE_TYPES.CallExpression && expression.arguments.length === 0) {
    const callee = unwrapExpression(expression.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
    return (name === 'toUpperCase' || name === 'toLowerCase') && isMethodRef(scan, (callee as TSESTree.MemberExpression).object, depth);
  }
  if (expression.type === AST_NODE_TYPES.Identifier && depth < 2) {
    const init = constInit(scan.sourceCode, expression);
    if (init) return isMethodRef(scan, init, depth + 1);
    return destructuredFromRequest(scan, expression);
  }
  return false;
}

/** `['POST', 'PUT'].includes(req.method)`. */
function includesTest(scan: BranchScan, test: TSESTree.CallExpression): MethodTest | undefined {
  const callee = unwrapExpression(test.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== 'includes') return undefined;
  const list = unwrapExpression(callee.object);
  if (list.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const methods = list.elements.map((element) =>
    element && element.type !== AST_NODE_TYPES.SpreadElement ? httpMethod(constStringValue(scan.sourceCode, element)) : undefined,
  );
  const first = list.elements[0];
  if (methods.length === 0 || methods.some((method) => method === undefined) || !first) return undefined;
  return { methods: methods as EndpointMethod[], negated: false, literal: first };
}

/** A test on the method: which methods it accepts, whether it is negated (`!==`), and the literal to report on. */
function methodTest(scan: BranchScan, node: TSESTree.Expression): MethodTest | undefined {
  const test = unwrapExpression(node);
  if (test.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(test.operator)) {
    const [ref, literal] = isMethodRef(scan, test.left) ? [test.left, test.right] : [test.right, test.left];
    if (!isMethodRef(scan, ref)) return undefined;
    const method = httpMethod(constStringValue(scan.sourceCode, literal));
    return method ? { methods: [method], negated: test.operator.startsWith('!'), literal } : undefined;
  }
  if (test.type === AST_NODE_TYPES.LogicalExpression && (test.operator === '||' || test.operator === '&&')) {
    const left = methodTest(scan, test.left);
    const right = methodTest(scan, test.right);
    if (!left || !right || left.negated !== right.negated) return undefined;
    // `a === 'X' || a === 'Y'` accepts both; `a !== 'X' && a !== 'Y'` rejects both.
    if ((test.operator === '||') !== !left.negated) return undefined;
    return { methods: [...left.methods, ...right.methods], negated: left.negated, literal: left.literal };
  }
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    const inner = methodTest(scan, test.argument);
    return inner ? { ...inner, negated: !inner.negated } : undefined;
  }
  if (test.type === AST_NODE_TYPES.CallExpression && test.arguments.length === 1 && test.arguments[0] && isMethodRef(scan, test.arguments[0])) {
    return includesTest(scan, test);
  }
  return undefined;
}

function scanSwitch(scan: BranchScan, statement: TSESTree.SwitchStatement): void {
  let pending: { method: EndpointMethod; node: TSESTree.Node }[] = [];
  for (const switchCase of statement.cases) {
    if (switchCase.test === null) {
      pending = [];
      continue;
    }
    const method = httpMethod(constStringValue(scan.sourceCode, switchCase.test));
    if (method) pending.push({ method, node: switchCase.test });
    if (switchCase.consequent.length > 0) {
      const first = pending[0];
      if (first) scan.branches.push({ methods: pending.map((entry) => entry.method), node: switchCase, reportNode: first.node });
      pending = [];
    }
  }
}

/** An `if` / `else if` chain on the method; returns true when a guard ended the scan. */
function scanIf(scan: BranchScan, statement: TSESTree.IfStatement): boolean {
  let current: TSESTree.Statement | null = statement;
  while (current?.type === AST_NODE_TYPES.IfStatement) {
    const test = methodTest(scan, current.test);
    if (!test) break;
    if (test.negated) {
      if (current === statement && exits(current.consequent)) {
        scan.branches.push({ methods: test.methods, node: undefined, reportNode: test.literal });
        return true;
      }
      break;
    }
    scan.branches.push({ methods: test.methods, node: current.consequent, reportNode: test.literal });
    current = current.alternate;
  }
  return false;
}

/** Returns true when a guard ended the scan. */
function scanStatements(scan: BranchScan, statements: readonly TSESTree.Statement[]): boolean {
  for (const statement of statements) {
    if (statement.type === AST_NODE_TYPES.SwitchStatement && isMethodRef(scan, statement.discriminant)) {
      scanSwitch(scan, statement);
    } else if (statement.type === AST_NODE_TYPES.IfStatement) {
      if (scanIf(scan, statement)) return true;
    } else if (statement.type === AST_NODE_TYPES.TryStatement) {
      if (scanStatements(scan, statement.block.body)) return true;
    } else if (statement.type === AST_NODE_TYPES.BlockStatement) {
      if (scanStatements(scan, statement.body)) return true;
    }
  }
  return false;
}

/** Dispatch on `req.method` in a pages/api handler: the branches, in source order. */
export function methodBranches(handler: FunctionNode, sourceCode: SourceCode): Branch[] {
  const request = parameterIdentifier(handler.params[0]);
  if (!request || handler.body.type !== AST_NODE_TYPES.BlockStatement) return [];
  const scan: BranchScan = { sourceCode, requestName: request.name, branches: [] };
  scanStatements(scan, handler.body.body);
  return scan.branches;
}
