/**
 * Untyped recognition: what a receiver is, traced through scope to an import or `require` of a data-access package
 * and along the record's roles (`new PrismaClient()` → client, `.user` → delegate of `user`; `getRepository(X)` →
 * repository of `X`; a parameter typed `Repository<X>`; `class X extends Model`). Names alone never decide, except a
 * record's conventional names (`prisma`), which the classifier uses only for that record's own method names.
 *
 * Cache: per AST node (a WeakMap keyed by node, so per file: the answer depends on this file's syntax only).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, TSESLint as Lint } from '@typescript-eslint/utils';
import { enclosingClass, type ClassNode } from '../ast/classes.js';
import { staticKeyName, staticPropertyName } from '../ast/keys.js';
import { stringValue } from '../ast/static-values.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { findVariable } from '../ast/variables.js';
import { packageNameOf } from '../types/packages.js';
import { DATA_ACCESS_RECORDS, recordOfPackage } from './index.js';
import type { DataAccessRecord, ExportSpec, Role, StoreSource, Transition } from './types.js';
import { importedName } from '../ast/imports.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** What an expression is, as far as a data-access record can tell. */
export type Origin =
  | { readonly kind: 'module'; readonly record: DataAccessRecord }
  | { readonly kind: 'export'; readonly record: DataAccessRecord; readonly name: string; readonly conventional?: boolean }
  | { readonly kind: 'role'; readonly record: DataAccessRecord; readonly role: string; readonly store?: string; readonly conventional?: boolean };

const MAX_DEPTH = 12;
const cache = new WeakMap<TSESTree.Node, Origin | null>();

export function roleOf(origin: Origin | undefined): Role | undefined {
  return origin?.kind === 'role' ? origin.record.roles[origin.role] : undefined;
}

/** The text a store is written as: a string's value, an identifier or member as written; `entity`: class or table references only. */
export function storeText(sourceCode: SourceCode, node: TSESTree.Node | undefined, entity = false): string | undefined {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier || expression.type === AST_NODE_TYPES.MemberExpression) return sourceCode.getText(expression);
  return entity ? undefined : stringValue(expression);
}

/** The store a transition or operation names at `call`; `chain` sources are resolved by the classifier. */
export function storeAt(sourceCode: SourceCode, source: StoreSource | undefined, call: TSESTree.CallExpression | TSESTree.NewExpression, property?: string): string | undefined {
  if (!source) return undefined;
  if (source.from === 'property') return property;
  if (source.from === 'argument') return storeText(sourceCode, call.arguments[source.index], source.entity);
  return undefined;
}

function toRole(record: DataAccessRecord, transition: Transition | string | undefined, store: string | undefined, from?: Origin): Origin | undefined {
  if (!transition) return undefined;
  const role = typeof transition === 'string' ? transition : transition.role;
  if (!record.roles[role]) return undefined;
  const conventional = from?.kind !== 'module' && from?.conventional === true;
  return { kind: 'role', record, role, ...(store !== undefined ? { store } : {}), ...(conventional ? { conventional } : {}) };
}

/** An export used as a value (not called or constructed): its `value` role, or the export itself. */
function exportSpec(origin: Origin | undefined): ExportSpec | undefined {
  return origin?.kind === 'export' ? origin.record.exports[origin.name] : undefined;
}

function asValue(origin: Origin | undefined): Origin | undefined {
  if (origin?.kind !== 'export') return origin;
  const value = exportSpec(origin)?.value;
  return value ? toRole(origin.record, value, undefined) : origin;
}

function moduleOrigin(specifier: string, defaultImport: boolean): Origin | undefined {
  const name = packageNameOf(specifier);
  const record = name ? recordOfPackage(name) : undefined;
  if (!record) return undefined;
  return defaultImport && record.exports.default ? { kind: 'export', record, name: 'default' } : { kind: 'module', record };
}

function isRequire(node: TSESTree.CallExpression): boolean {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    stringValue(node.arguments[0]) !== undefined
  );
}

/** The origin of a class: a subclass of an export with `extends` (store: the class name). */
function classOrigin(sourceCode: SourceCode, node: ClassNode, depth: number): Origin | undefined {
  if (!node.superClass) return undefined;
  const base = asValue(trace(sourceCode, node.superClass, depth + 1));
  const name = node.id?.name;
  if (base?.kind === 'export') return toRole(base.record, base.record.exports[base.name]?.extends, name);
  // A class extending a model class (`class Admin extends User`) is a model of its own.
  if (base?.kind === 'role' && base.record.roles[base.role]?.construct) return toRole(base.record, base.role, name);
  return undefined;
}

/** The origin of a type annotation `Repository<AuditLog>`, `Knex.Transaction`, `typeorm.EntityManager`. */
export function typeOrigin(sourceCode: SourceCode, annotation: TSESTree.TypeNode | undefined): Origin | undefined {
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  let left: TSESTree.EntityName = annotation.typeName;
  const rights: string[] = [];
  while (left.type === AST_NODE_TYPES.TSQualifiedName) {
    rights.unshift(left.right.name);
    left = left.left;
  }
  if (left.type !== AST_NODE_TYPES.Identifier) return undefined;
  let origin = trace(sourceCode, left, 1);
  if (origin?.kind === 'module' && rights.length > 0) origin = { kind: 'export', record: origin.record, name: rights.shift() as string };
  if (origin?.kind !== 'export') return undefined;
  const name = [origin.name, ...rights].join('.');
  const from = origin;
  const typeArgument = annotation.typeArguments?.params[0];
  const store = typeArgument?.type === AST_NODE_TYPES.TSTypeReference ? sourceCode.getText(typeArgument.typeName) : undefined;
  return toRole(origin.record, origin.record.exports[name]?.type, store, from);
}

function importOrigin(definition: TSESLint.Scope.Definition): Origin | undefined {
  const declaration = definition.parent;
  if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  const specifier = definition.node;
  if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return moduleOrigin(declaration.source.value, false);
  if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return moduleOrigin(declaration.source.value, true);
  if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) return undefined;
  const module = moduleOrigin(declaration.source.value, false);
  const imported = importedName(specifier);
  if (module?.kind !== 'module') {
    const record = DATA_ACCESS_RECORDS.find(candidate => candidate.conventionalExports?.includes(imported));
    return record ? { kind: 'export', record, name: imported, conventional: true } : undefined;
  }
  return imported === 'default' && module.record.exports.default ? { kind: 'export', record: module.record, name: 'default' } : { kind: 'export', record: module.record, name: imported };
}

/** A callback parameter: `prisma.$transaction(async (tx) => …)` gives `tx` the client role. */
function callbackOrigin(sourceCode: SourceCode, parameter: TSESTree.Node, fn: TSESTree.Node, depth: number): Origin | undefined {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = staticPropertyName(call.callee);
  const owner = trace(sourceCode, call.callee.object, depth + 1);
  const callback = method ? roleOf(owner)?.callbacks?.[method] : undefined;
  if (!callback || owner?.kind !== 'role') return undefined;
  const index = call.arguments.indexOf(fn);
  const wanted = callback.argument < 0 ? call.arguments.length + callback.argument : callback.argument;
  if (index !== wanted || fn.params[callback.parameter] !== parameter) return undefined;
  return toRole(owner.record, callback.role, undefined, owner);
}

function variableOrigin(sourceCode: SourceCode, identifier: TSESTree.Identifier, depth: number): Origin | undefined {
  const variable = findVariable(sourceCode, identifier);
  if (variable?.defs.length !== 1) return undefined;
  const definition = variable.defs[0] as TSESLint.Scope.Definition;
  switch (definition.type) {
    case Lint.Scope.DefinitionType.ImportBinding:
      return importOrigin(definition);
    case Lint.Scope.DefinitionType.ClassName:
      return classOrigin(sourceCode, definition.node, depth);
    case Lint.Scope.DefinitionType.Parameter: {
      const name = definition.name as TSESTree.Identifier;
      const typed = typeOrigin(sourceCode, name.typeAnnotation?.typeAnnotation);
      if (typed) return typed;
      const parameter = name.parent?.type === AST_NODE_TYPES.AssignmentPattern ? name.parent : name;
      return callbackOrigin(sourceCode, parameter, definition.node, depth);
    }
    case Lint.Scope.DefinitionType.Variable: {
      const declarator = definition.node;
      if (variable.references.some(reference => reference.isWrite() && !reference.init)) return undefined;
      const annotated = declarator.id.type === AST_NODE_TYPES.Identifier ? typeOrigin(sourceCode, declarator.id.typeAnnotation?.typeAnnotation) : undefined;
      if (annotated) return annotated;
      if (!declarator.init) return undefined;
      if (declarator.id === definition.name) return trace(sourceCode, declarator.init, depth + 1);
      // `const { PrismaClient } = require('@prisma/client')`, `const { em } = orm`: one level of destructuring.
      const property = definition.name.parent;
      if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || property?.type !== AST_NODE_TYPES.Property || property.parent !== declarator.id) return undefined;
      const key = staticKeyName(property.key, property.computed);
      return key ? member(sourceCode, trace(sourceCode, declarator.init, depth + 1), key) : undefined;
    }
    default:
      return undefined;
  }
}

/** `this.name` in a class: a property or constructor parameter property annotated with a record's type, or initialized from one. */
function thisMemberOrigin(sourceCode: SourceCode, node: TSESTree.MemberExpression, name: string, depth: number): Origin | undefined {
  const owner = enclosingClass(node);
  if (!owner) return undefined;
  for (const element of owner.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && staticKeyName(element.key, element.computed) === name) {
      return typeOrigin(sourceCode, element.typeAnnotation?.typeAnnotation) ?? (element.value ? trace(sourceCode, element.value, depth + 1) : undefined);
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
      for (const parameter of element.value.params) {
        if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const bound = parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.parameter.left : parameter.parameter;
        if (bound.type === AST_NODE_TYPES.Identifier && bound.name === name) return typeOrigin(sourceCode, bound.typeAnnotation?.typeAnnotation);
      }
    }
  }
  return undefined;
}

/** `o.name` for a known `o`. */
function member(sourceCode: SourceCode, object: Origin | undefined, name: string): Origin | undefined {
  void sourceCode;
  if (object?.kind === 'module') return { kind: 'export', record: object.record, name };
  const value = asValue(object);
  if (value?.kind !== 'role') return undefined;
  const role = value.record.roles[value.role];
  const transition = role?.properties?.[name] ?? (name.startsWith('$') || role?.operations?.[name] || role?.methods?.[name] ? undefined : role?.properties?.['*']);
  if (!transition) return undefined;
  const store = transition.store?.from === 'property' ? name : transition.store ? undefined : value.store;
  return toRole(value.record, transition, store, value);
}

/** Calling an export: its `call` role, the store named where the record says. */
function exportCall(sourceCode: SourceCode, record: DataAccessRecord, name: string, call: TSESTree.CallExpression, from: Origin): Origin | undefined {
  const transition = record.exports[name]?.call;
  const store = typeof transition === 'object' ? storeAt(sourceCode, transition.store, call) : undefined;
  return toRole(record, transition, store, from);
}

function callOrigin(sourceCode: SourceCode, call: TSESTree.CallExpression, depth: number): Origin | undefined {
  if (isRequire(call)) return moduleOrigin(stringValue(call.arguments[0]) as string, true);
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticPropertyName(callee);
    const object = asValue(trace(sourceCode, callee.object, depth + 1));
    if (!name || !object) return undefined;
    if (object.kind === 'module') return exportCall(sourceCode, object.record, name, call, object);
    if (object.kind !== 'role') return undefined;
    const role = object.record.roles[object.role];
    const transition = role?.methods?.[name];
    if (transition) return toRole(object.record, transition, transition.store ? storeAt(sourceCode, transition.store, call) : object.store, object);
    return role?.fluent ? object : undefined;
  }
  const target = trace(sourceCode, callee, depth + 1);
  if (target?.kind === 'export') return exportCall(sourceCode, target.record, target.name, call, target);
  if (target?.kind === 'module') return exportCall(sourceCode, target.record, 'default', call, target);
  const transition = roleOf(target)?.call;
  return target?.kind === 'role' && transition ? toRole(target.record, transition, storeAt(sourceCode, transition.store, call) ?? target.store, target) : undefined;
}

function newOrigin(sourceCode: SourceCode, node: TSESTree.NewExpression, depth: number): Origin | undefined {
  const target = trace(sourceCode, node.callee, depth + 1);
  if (target?.kind === 'export') return toRole(target.record, target.record.exports[target.name]?.construct, undefined, target);
  const transition = roleOf(target)?.construct;
  return target?.kind === 'role' && transition ? toRole(target.record, transition, target.store, target) : undefined;
}

function compute(sourceCode: SourceCode, node: TSESTree.Node, depth: number): Origin | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return trace(sourceCode, node.argument, depth + 1);
    case AST_NODE_TYPES.Identifier:
      return variableOrigin(sourceCode, node, depth);
    case AST_NODE_TYPES.ThisExpression: {
      // `this` in a static method of a model class is the class.
      const owner = enclosingClass(node);
      let method: TSESTree.Node | undefined = node.parent;
      while (method && method.type !== AST_NODE_TYPES.MethodDefinition) method = method.parent;
      return owner && method?.type === AST_NODE_TYPES.MethodDefinition && method.static && method.parent?.parent === owner ? classOrigin(sourceCode, owner, depth) : undefined;
    }
    case AST_NODE_TYPES.ClassExpression:
      return classOrigin(sourceCode, node, depth);
    case AST_NODE_TYPES.MemberExpression: {
      const name = staticPropertyName(node);
      if (!name) return undefined;
      if (node.object.type === AST_NODE_TYPES.ThisExpression) {
        const own = thisMemberOrigin(sourceCode, node, name, depth);
        if (own) return own;
      }
      return member(sourceCode, trace(sourceCode, node.object, depth + 1), name);
    }
    case AST_NODE_TYPES.CallExpression:
      return callOrigin(sourceCode, node, depth);
    case AST_NODE_TYPES.NewExpression:
      return newOrigin(sourceCode, node, depth);
    case AST_NODE_TYPES.TaggedTemplateExpression: {
      const tag = trace(sourceCode, node.tag, depth + 1);
      return tag?.kind === 'export' ? toRole(tag.record, tag.record.exports[tag.name]?.tag, undefined) : undefined;
    }
    default:
      return undefined;
  }
}

/** What `node` is, or undefined when it does not trace to a data-access package. */
export function trace(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): Origin | undefined {
  const expression = unwrapExpression(node);
  const cached = cache.get(expression);
  if (cached !== undefined) return cached ?? undefined;
  if (depth > MAX_DEPTH) return undefined;
  cache.set(expression, null); // a cycle answers "unknown"
  const origin = compute(sourceCode, expression, depth) ?? conventionalName(expression);
  cache.set(expression, origin ?? null);
  return origin;
}

/** A receiver named by a record's convention (`prisma`, `this.prisma`, `ctx.prisma`) that nothing else resolved; flagged `conventional`. */
function conventionalName(expression: TSESTree.Node): Origin | undefined {
  const name = expression.type === AST_NODE_TYPES.Identifier ? expression.name : expression.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(expression) : undefined;
  if (!name) return undefined;
  for (const record of DATA_ACCESS_RECORDS) {
    const role = record.conventional?.[name];
    if (role && record.roles[role]) return { kind: 'role', record, role, conventional: true };
  }
  return undefined;
}
