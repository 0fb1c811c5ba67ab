/**
 * Entities: what an expression evaluates to, as far as following calls needs — a function, a class (or an instance),
 * an object literal, a module, or another value whose definition is known (`withAudit(fn)`). Syntactic: scope analysis
 * in the linted file, the lexical lookup elsewhere, imports followed through `findExport`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { destructuredPath } from '../ast/destructuring.js';
import type { FunctionNode } from '../ast/functions.js';
import { staticKeyName, staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import type { Binding } from '../modules/bindings.js';
import { type ExportTarget, findExport } from '../modules/exports.js';
import { resolveImport } from '../modules/resolve.js';
import type { ModuleView } from '../modules/views.js';
import { bindingOf } from './scope.js';
import { type FnRef, makeRef, type ReachState, viewFor, viewOfNode } from './state.js';

export type Entity =
  | { readonly kind: 'function'; readonly ref: FnRef }
  | { readonly kind: 'class'; readonly view: ModuleView; readonly node: TSESTree.ClassDeclaration | TSESTree.ClassExpression; readonly instance: boolean }
  | { readonly kind: 'object'; readonly view: ModuleView; readonly node: TSESTree.ObjectExpression }
  | { readonly kind: 'module'; readonly view: ModuleView }
  /** Some other value whose definition is known (a call result: `withAudit(fn)`). */
  | { readonly kind: 'value'; readonly view: ModuleView; readonly node: TSESTree.Node };

export const MAX_RESOLVE_DEPTH = 12;

function functionEntity(view: ModuleView, node: FunctionNode): Entity | undefined {
  return node.body ? { kind: 'function', ref: makeRef(view, node) } : undefined;
}

export function resolveEntity(state: ReachState, node: TSESTree.Node, view: ModuleView, depth: number): Entity | undefined {
  if (depth > MAX_RESOLVE_DEPTH) return undefined;
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionDeclaration:
      return functionEntity(view, expression);
    case AST_NODE_TYPES.ClassExpression:
    case AST_NODE_TYPES.ClassDeclaration:
      return { kind: 'class', view, node: expression, instance: false };
    case AST_NODE_TYPES.ObjectExpression:
      return { kind: 'object', view, node: expression };
    case AST_NODE_TYPES.Identifier: {
      const binding = bindingOf(state, expression, view);
      return binding ? entityOfBinding(state, binding, view, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.ThisExpression:
      return thisEntity(expression, view);
    case AST_NODE_TYPES.MemberExpression: {
      const name = staticPropertyName(expression);
      if (name === undefined) return undefined;
      if (expression.object.type === AST_NODE_TYPES.Super) {
        const self = thisEntity(expression.object, view);
        if (self?.kind !== 'class' || !self.node.superClass) return undefined;
        const parent = resolveEntity(state, self.node.superClass, self.view, depth + 1);
        return parent?.kind === 'class' ? classMember(state, parent.view, parent.node, name, !self.instance, depth + 1) : undefined;
      }
      const base = resolveEntity(state, expression.object, view, depth + 1);
      return base ? memberEntity(state, base, name, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.NewExpression: {
      const callee = resolveEntity(state, expression.callee, view, depth + 1);
      return callee?.kind === 'class' && !callee.instance ? { ...callee, instance: true } : undefined;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrapExpression(expression.callee);
      // `fn.bind(this)` is `fn`.
      if (callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(callee) === 'bind') {
        const bound = resolveEntity(state, callee.object, view, depth + 1);
        if (bound?.kind === 'function') return bound;
      }
      // `require('./x')` is the module.
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require' && expression.arguments.length === 1) {
        const argument = expression.arguments[0];
        if (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') {
          const target = resolveImport(view.file, argument.value);
          const targetView = target ? viewFor(state, target) : undefined;
          return targetView ? { kind: 'module', view: targetView } : undefined;
        }
      }
      return { kind: 'value', view, node: expression };
    }
    default:
      return undefined;
  }
}

export function entityOfBinding(state: ReachState, binding: Binding, view: ModuleView, depth: number): Entity | undefined {
  switch (binding.kind) {
    case 'function':
      return functionEntity(view, binding.node);
    case 'class':
      return { kind: 'class', view, node: binding.node, instance: false };
    case 'variable': {
      const declarator = binding.node;
      if (declarator.id === binding.id) {
        const fromInit = declarator.init ? resolveEntity(state, declarator.init, view, depth) : undefined;
        return fromInit ?? typeEntity(state, binding.id.typeAnnotation, view, depth);
      }
      const members = destructuredPath(binding.id, declarator.id);
      if (!members || !declarator.init) return undefined;
      let entity = resolveEntity(state, declarator.init, view, depth);
      for (const member of members) entity = entity ? memberEntity(state, entity, member, depth + 1) : undefined;
      return entity;
    }
    case 'parameter': {
      const fromDefault = binding.defaultValue ? resolveEntity(state, binding.defaultValue, view, depth) : undefined;
      return fromDefault ?? typeEntity(state, binding.id.typeAnnotation, view, depth);
    }
    case 'import':
      return importEntity(state, view.file, binding.source, binding.imported, depth);
    default:
      return undefined;
  }
}

function importEntity(state: ReachState, file: string, source: string, imported: string, depth: number): Entity | undefined {
  const target = resolveImport(file, source);
  if (!target) return undefined;
  if (imported === '*') {
    const view = viewFor(state, target);
    return view ? { kind: 'module', view } : undefined;
  }
  const found = findExport(target, imported, state.modules);
  return found ? entityOfExport(state, found, depth + 1) : undefined;
}

function entityOfExport(state: ReachState, target: ExportTarget, depth: number): Entity | undefined {
  const view = viewOfNode(state, target.node);
  const { node } = target;
  switch (node.type) {
    case AST_NODE_TYPES.Program:
      return { kind: 'module', view };
    case AST_NODE_TYPES.VariableDeclarator: {
      const fromInit = node.init ? resolveEntity(state, node.init, view, depth) : undefined;
      return fromInit ?? (node.id.type === AST_NODE_TYPES.Identifier ? typeEntity(state, node.id.typeAnnotation, view, depth) : undefined);
    }
    default:
      return resolveEntity(state, node, view, depth);
  }
}

function typeEntity(state: ReachState, annotation: TSESTree.TSTypeAnnotation | undefined, view: ModuleView, depth: number): Entity | undefined {
  const type = annotation?.typeAnnotation;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || depth > MAX_RESOLVE_DEPTH) return undefined;
  let entity: Entity | undefined;
  const { typeName } = type;
  if (typeName.type === AST_NODE_TYPES.Identifier) {
    const binding = bindingOf(state, typeName, view);
    entity = binding ? entityOfBinding(state, binding, view, depth + 1) : undefined;
  } else if (typeName.type === AST_NODE_TYPES.TSQualifiedName && typeName.left.type === AST_NODE_TYPES.Identifier) {
    const binding = bindingOf(state, typeName.left, view);
    const base = binding ? entityOfBinding(state, binding, view, depth + 1) : undefined;
    entity = base ? memberEntity(state, base, typeName.right.name, depth + 1) : undefined;
  }
  return entity?.kind === 'class' ? { ...entity, instance: true } : undefined;
}

function thisEntity(node: TSESTree.Node, view: ModuleView): Entity | undefined {
  for (let current = node.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
        continue;
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration: {
        const owner = current.parent;
        if ((owner?.type === AST_NODE_TYPES.MethodDefinition || owner?.type === AST_NODE_TYPES.TSAbstractMethodDefinition) && owner.value === current) {
          const cls = owner.parent.parent;
          return cls.type === AST_NODE_TYPES.ClassDeclaration || cls.type === AST_NODE_TYPES.ClassExpression
            ? { kind: 'class', view, node: cls, instance: !owner.static }
            : undefined;
        }
        if (owner?.type === AST_NODE_TYPES.Property && owner.value === current && owner.parent.type === AST_NODE_TYPES.ObjectExpression) {
          return { kind: 'object', view, node: owner.parent };
        }
        return undefined;
      }
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
      case AST_NODE_TYPES.StaticBlock: {
        const cls = current.parent.parent;
        const isStatic = current.type === AST_NODE_TYPES.StaticBlock || current.static;
        return cls && (cls.type === AST_NODE_TYPES.ClassDeclaration || cls.type === AST_NODE_TYPES.ClassExpression)
          ? { kind: 'class', view, node: cls, instance: !isStatic }
          : undefined;
      }
      case AST_NODE_TYPES.Program:
        return undefined;
      default:
        continue;
    }
  }
  return undefined;
}

export function memberEntity(state: ReachState, base: Entity, name: string, depth: number): Entity | undefined {
  if (depth > MAX_RESOLVE_DEPTH) return undefined;
  switch (base.kind) {
    case 'object':
      return objectMember(state, base.view, base.node, name, depth);
    case 'class':
      return classMember(state, base.view, base.node, name, !base.instance, depth);
    case 'module': {
      const found = findExport(base.view.file, name, state.modules);
      return found ? entityOfExport(state, found, depth + 1) : undefined;
    }
    case 'function':
      return name === 'call' || name === 'apply' ? base : undefined;
    default:
      return undefined;
  }
}

function objectMember(state: ReachState, view: ModuleView, object: TSESTree.ObjectExpression, name: string, depth: number): Entity | undefined {
  for (let index = object.properties.length - 1; index >= 0; index--) {
    const property = object.properties[index];
    if (!property) continue;
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const spread = resolveEntity(state, property.argument, view, depth + 1);
      const found = spread ? memberEntity(state, spread, name, depth + 1) : undefined;
      if (found) return found;
      continue;
    }
    if (property.kind !== 'init' || staticKeyName(property.key, property.computed) !== name) continue;
    return resolveEntity(state, property.value, view, depth + 1);
  }
  return undefined;
}

function classMember(
  state: ReachState,
  view: ModuleView,
  cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  name: string,
  isStatic: boolean,
  depth: number,
): Entity | undefined {
  if (depth > MAX_RESOLVE_DEPTH) return undefined;
  let constructor: TSESTree.FunctionExpression | undefined;
  for (const member of cls.body.body) {
    switch (member.type) {
      case AST_NODE_TYPES.MethodDefinition:
      case AST_NODE_TYPES.TSAbstractMethodDefinition:
        if (member.kind === 'constructor' && member.value.type === AST_NODE_TYPES.FunctionExpression) constructor = member.value;
        if (member.kind === 'method' && member.static === isStatic && staticKeyName(member.key, member.computed) === name) {
          return member.value.type === AST_NODE_TYPES.FunctionExpression ? functionEntity(view, member.value) : undefined;
        }
        break;
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        if (member.static === isStatic && staticKeyName(member.key, member.computed) === name) {
          const fromValue = member.value ? resolveEntity(state, member.value, view, depth + 1) : undefined;
          return fromValue ?? typeEntity(state, member.typeAnnotation, view, depth + 1);
        }
        break;
      default:
        break;
    }
  }
  if (!isStatic && constructor) {
    for (const param of constructor.params) {
      if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
      const inner = param.parameter;
      const id = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
      if (id.type !== AST_NODE_TYPES.Identifier || id.name !== name) continue;
      const fromDefault = inner.type === AST_NODE_TYPES.AssignmentPattern ? resolveEntity(state, inner.right, view, depth + 1) : undefined;
      return fromDefault ?? typeEntity(state, id.typeAnnotation, view, depth + 1);
    }
    // `this.name = value` in the constructor (plain JS, or a parameter without a modifier).
    for (const statement of constructor.body?.body ?? []) {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
      const assignment = statement.expression;
      if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') continue;
      const target = assignment.left;
      if (target.type !== AST_NODE_TYPES.MemberExpression || target.object.type !== AST_NODE_TYPES.ThisExpression) continue;
      if (staticPropertyName(target) !== name) continue;
      return resolveEntity(state, assignment.right, view, depth + 1);
    }
  }
  if (cls.superClass) {
    const parent = resolveEntity(state, cls.superClass, view, depth + 1);
    if (parent?.kind === 'class') return classMember(state, parent.view, parent.node, name, isStatic, depth + 1);
  }
  return undefined;
}
