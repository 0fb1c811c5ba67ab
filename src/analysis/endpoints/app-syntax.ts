/**
 * The syntax the application adapters (NestJS, Next.js, tRPC, factories) share: how names are bound, static key
 * names, the function an expression names in this file, the handler inside wrapper calls, parameter names.
 *
 * "Function" here is {@link FunctionNode} (declarations included: `export async function POST`), where the HTTP
 * adapters only take inline handlers ({@link isFunctionExpressionNode}).
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type ClassNode, enclosingClass } from '../ast/classes.js';
import { type FunctionNode, isFunctionNode } from '../ast/functions.js';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { constInit, constStringValue, findVariable } from '../ast/variables.js';
import { importedName } from '../ast/imports.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

const MAX_DEPTH = 6;

/** How a name is bound in the file: an import (module and imported name), a local declaration, or nothing (a global). */
export type Binding =
  | { readonly kind: 'import'; readonly module: string; readonly imported: string | undefined }
  | { readonly kind: 'local' }
  | { readonly kind: 'unbound' };

export function bindingOf(sourceCode: SourceCode, identifier: TSESTree.Identifier): Binding {
  const variable = findVariable(sourceCode, identifier);
  if (!variable || variable.defs.length === 0) return { kind: 'unbound' };
  const def = variable.defs[0];
  if (def?.type === TSESLint.Scope.DefinitionType.ImportBinding && def.node.parent?.type === AST_NODE_TYPES.ImportDeclaration) {
    const specifier = def.node;
    const module = def.node.parent.source.value;
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = importedName(specifier);
      return { kind: 'import', module, imported };
    }
    if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { kind: 'import', module, imported: 'default' };
    return { kind: 'import', module, imported: undefined }; // namespace
  }
  return { kind: 'local' };
}

/**
 * The static name of a property's or class member's key: `a`, `#a`, `'a'`, and — unlike the toolkit's `staticKeyName`
 * — a computed key naming a string const of this file (`[ROUTE]`); a numeric key has no name here.
 */
export function propertyKeyName(property: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition, sourceCode: SourceCode): string | undefined {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  if (!property.computed && property.key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${property.key.name}`;
  return constStringValue(sourceCode, property.key);
}

/** The property named `name` of an object literal (not spread, not computed from a variable). */
export function objectProperty(object: TSESTree.ObjectExpression, name: string, sourceCode: SourceCode): TSESTree.Property | undefined {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyKeyName(property, sourceCode) === name) return property;
  }
  return undefined;
}

/** The function a class member `name` holds: a method, or a property initialized with a function. */
export function classMemberFunction(classNode: ClassNode, name: string, sourceCode: SourceCode): FunctionNode | undefined {
  for (const member of classNode.body.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'method' && propertyKeyName(member, sourceCode) === name) {
      return member.value.type === AST_NODE_TYPES.FunctionExpression ? member.value : undefined;
    }
    if (member.type === AST_NODE_TYPES.PropertyDefinition && propertyKeyName(member, sourceCode) === name && member.value) {
      const value = unwrapExpression(member.value);
      return isFunctionNode(value) ? value : undefined;
    }
  }
  return undefined;
}

/**
 * The function an expression names in this file: an inline function, `fn.bind(this)`, an identifier bound to a function
 * declaration or to a `const` function, `this.method` of the enclosing class. Wrapper calls are not entered (see
 * {@link innermostHandler}).
 */
export function resolveFunction(node: TSESTree.Node | null | undefined, sourceCode: SourceCode, depth = 0): FunctionNode | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  const expression = unwrapExpression(node);
  if (isFunctionNode(expression)) return expression;
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(expression.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(callee) === 'bind') return resolveFunction(callee.object, sourceCode, depth + 1);
    return undefined;
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(sourceCode, expression);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === TSESLint.Scope.DefinitionType.FunctionName && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
    return resolveFunction(constInit(sourceCode, expression), sourceCode, depth + 1);
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(expression.object).type === AST_NODE_TYPES.ThisExpression) {
    const name = staticPropertyName(expression);
    const classNode = enclosingClass(expression);
    return name && classNode ? classMemberFunction(classNode, name, sourceCode) : undefined;
  }
  return undefined;
}

/**
 * The handler inside wrapper calls: `withA(withB(async () => …))`, `withX(opts)(fn)`, `wrap({ action, handler })`,
 * `withAudit('created', 'survey', fn)`, a `const` bound to one of these. Arguments are searched from the last one.
 */
export function innermostHandler(node: TSESTree.Node | null | undefined, sourceCode: SourceCode, depth = 0): FunctionNode | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  const direct = resolveFunction(node, sourceCode);
  if (direct) return direct;
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return innermostHandler(constInit(sourceCode, expression), sourceCode, depth + 1);
  if (expression.type === AST_NODE_TYPES.AwaitExpression) return innermostHandler(expression.argument, sourceCode, depth + 1);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) {
    const handler = objectProperty(expression, 'handler', sourceCode);
    return handler ? innermostHandler(handler.value, sourceCode, depth + 1) : undefined;
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  for (let index = expression.arguments.length - 1; index >= 0; index--) {
    const found = innermostHandler(expression.arguments[index], sourceCode, depth + 1);
    if (found) return found;
  }
  const callee = unwrapExpression(expression.callee);
  return callee.type === AST_NODE_TYPES.CallExpression ? innermostHandler(callee, sourceCode, depth + 1) : undefined;
}

/** The name of a function as written: its id, the variable / property / class member it initializes. */
export function functionName(node: FunctionNode, sourceCode: SourceCode): { name: string; node: TSESTree.Node } | undefined {
  if (node.id) return { name: node.id.name, node: node.id };
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return { name: parent.id.name, node: parent.id };
  if ((parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.PropertyDefinition || parent?.type === AST_NODE_TYPES.MethodDefinition) && parent.value === node) {
    const name = propertyKeyName(parent, sourceCode);
    if (name !== undefined) return { name, node: parent.key };
  }
  return undefined;
}

/** Identifier parameter names, through defaults and TS parameter properties. */
export function parameterIdentifier(parameter: TSESTree.Parameter | undefined): TSESTree.Identifier | undefined {
  if (!parameter) return undefined;
  if (parameter.type === AST_NODE_TYPES.Identifier) return parameter;
  if (parameter.type === AST_NODE_TYPES.AssignmentPattern && parameter.left.type === AST_NODE_TYPES.Identifier) return parameter.left;
  if (parameter.type === AST_NODE_TYPES.TSParameterProperty) return parameterIdentifier(parameter.parameter);
  return undefined;
}

/** The local name of property `key` destructured in an object-pattern parameter (`({ req: request })` → `request`). */
export function destructuredName(parameter: TSESTree.Parameter | undefined, key: string, sourceCode: SourceCode): TSESTree.Identifier | undefined {
  const pattern = parameter?.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  if (pattern?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || propertyKeyName(property, sourceCode) !== key) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    return value.type === AST_NODE_TYPES.Identifier ? value : undefined;
  }
  return undefined;
}

/** The name of the type annotation of a parameter (`req: NextRequest` → `NextRequest`, `ns.Request` → `Request`). */
export function annotationName(identifier: TSESTree.Identifier): string | undefined {
  const annotation = identifier.typeAnnotation?.typeAnnotation;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const name = annotation.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return name.name;
  if (name.type === AST_NODE_TYPES.TSQualifiedName) return name.right.name;
  return undefined;
}
