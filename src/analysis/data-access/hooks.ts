/**
 * ORM lifecycle hooks: code that runs around a data operation (an audit written in `@AfterDestroy` covers the
 * `destroy()` that triggers it). `lifecycleHooksOf(node, context)` answers for one node — a hook decorator, a
 * subscriber's method, a registration call (`addHook`, `afterDestroy(fn)`, `schema.post('deleteOne', fn)`,
 * `$extends({ query })`, `$use`) or a `hooks: {…}` option — and `lifecycleHooksIn(context)` for a whole file.
 * Recognition goes through the records (decorators and receivers traced to the package's imports, as in `trace.ts`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { enclosingClass, type ClassNode } from '../ast/classes.js';
import { isFunctionExpressionNode } from '../ast/functions.js';
import { staticKeyName, staticPropertyName } from '../ast/keys.js';
import { stringValue } from '../ast/static-values.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { constInit } from '../ast/variables.js';
import { roleOf, trace, type Origin } from './trace.js';
import type { DataAccessRecord, HookTiming, LifecycleHook, Operation } from './types.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
interface HookContext {
  readonly sourceCode: SourceCode;
}

const VERBS: Readonly<Record<string, readonly Operation[]>> = {
  Create: ['create'], Insert: ['create'], Update: ['update'], Upsert: ['upsert'], Save: ['create', 'update'],
  Destroy: ['delete'], Remove: ['delete'], Delete: ['delete'], SoftRemove: ['delete'], Restore: ['update'], Recover: ['update'],
  Find: ['read'], Load: ['read'],
};

/** `afterBulkDestroy` / `AfterRemove` → after, delete; undefined for names that are no data hook (`beforeValidate`). */
export function parseHookName(name: string): { readonly timing: HookTiming; readonly operations: readonly Operation[] } | undefined {
  const match = /^(before|after)(?:Bulk)?([A-Z]\w*)$/i.exec(name);
  if (!match?.[1] || !match[2]) return undefined;
  const operations = VERBS[match[2]];
  return operations ? { timing: match[1].toLowerCase() as HookTiming, operations } : undefined;
}

function exportName(origin: Origin | undefined): { record: DataAccessRecord; name: string } | undefined {
  return origin?.kind === 'export' ? { record: origin.record, name: origin.name } : undefined;
}

/** The export a decorator (`@AfterDestroy`, `@AfterDestroy()`, `@Table({…})`) names. */
function decoratorExport(sourceCode: SourceCode, decorator: TSESTree.Decorator): { record: DataAccessRecord; name: string; call?: TSESTree.CallExpression } | undefined {
  const expression = unwrapExpression(decorator.expression);
  const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
  const found = exportName(trace(sourceCode, callee));
  return found && { ...found, ...(expression.type === AST_NODE_TYPES.CallExpression ? { call: expression } : {}) };
}

function functionOf(sourceCode: SourceCode, node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  if (!node) return undefined;
  const value = unwrapExpression(node);
  if (isFunctionExpressionNode(value)) return value;
  return value.type === AST_NODE_TYPES.Identifier ? (constInit(sourceCode, value) ?? value) : value;
}

/** Hooks in a `hooks: { afterDestroy(…) {…} }` object. */
function optionHooks(sourceCode: SourceCode, record: DataAccessRecord, options: TSESTree.Node | undefined, model: string | undefined): LifecycleHook[] {
  const object = options && unwrapExpression(options);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const hooksProperty = object.properties.find((property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && staticKeyName(property.key, property.computed) === 'hooks');
  const hooks = hooksProperty && unwrapExpression(hooksProperty.value);
  if (hooks?.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const found: LifecycleHook[] = [];
  for (const property of hooks.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const parsed = parseHookName(staticKeyName(property.key, property.computed) ?? '');
    const handler = functionOf(sourceCode, property.value);
    if (parsed) found.push({ library: record.library, ...(model ? { model } : {}), ...parsed, ...(handler ? { handler } : {}), node: property });
  }
  return found;
}

function decoratorHooks(sourceCode: SourceCode, decorator: TSESTree.Decorator): LifecycleHook[] {
  const found = decoratorExport(sourceCode, decorator);
  if (!found) return [];
  const { record, name, call } = found;
  const owner = decorator.parent;
  if (record.hooks?.registrations?.optionDecorators.includes(name) && (owner.type === AST_NODE_TYPES.ClassDeclaration || owner.type === AST_NODE_TYPES.ClassExpression)) {
    return optionHooks(sourceCode, record, call?.arguments[0], owner.id?.name);
  }
  if (!record.hooks?.decorators?.includes(name) || owner.type !== AST_NODE_TYPES.MethodDefinition) return [];
  const parsed = parseHookName(name);
  const model = enclosingClass(owner.value)?.id?.name;
  return parsed ? [{ library: record.library, ...(model ? { model } : {}), ...parsed, handler: owner.value, node: decorator }] : [];
}

/** The model a subscriber listens to: `implements EntitySubscriberInterface<X>`, or `listenTo() { return X }`. */
function subscriberOf(sourceCode: SourceCode, owner: ClassNode): { record: DataAccessRecord; model?: string } | undefined {
  for (const clause of owner.implements ?? []) {
    const found = exportName(trace(sourceCode, clause.expression));
    if (!found?.record.hooks?.subscribers?.interfaces.includes(found.name)) continue;
    const argument = clause.typeArguments?.params[0];
    const model = argument?.type === AST_NODE_TYPES.TSTypeReference ? sourceCode.getText(argument.typeName) : modelFromMethods(sourceCode, found.record, owner);
    return { record: found.record, ...(model ? { model } : {}) };
  }
  for (const decorator of owner.decorators) {
    const found = decoratorExport(sourceCode, decorator);
    if (!found?.record.hooks?.subscribers?.decorators.includes(found.name)) continue;
    const model = modelFromMethods(sourceCode, found.record, owner);
    return { record: found.record, ...(model ? { model } : {}) };
  }
  return undefined;
}

function modelFromMethods(sourceCode: SourceCode, record: DataAccessRecord, owner: ClassNode): string | undefined {
  const names = record.hooks?.subscribers?.modelMethods ?? [];
  for (const element of owner.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition || !names.includes(staticKeyName(element.key, element.computed) ?? '')) continue;
    const body = element.value.body?.body ?? [];
    const returned = body.find((statement): statement is TSESTree.ReturnStatement => statement.type === AST_NODE_TYPES.ReturnStatement)?.argument;
    const value = returned && unwrapExpression(returned);
    const first = value?.type === AST_NODE_TYPES.ArrayExpression ? value.elements[0] : value;
    if (first && first.type !== AST_NODE_TYPES.SpreadElement) return sourceCode.getText(first);
  }
  return undefined;
}

function subscriberHooks(sourceCode: SourceCode, method: TSESTree.MethodDefinition): LifecycleHook[] {
  const owner = method.parent.parent;
  const parsed = parseHookName(staticKeyName(method.key, method.computed) ?? '');
  if (!parsed || (owner.type !== AST_NODE_TYPES.ClassDeclaration && owner.type !== AST_NODE_TYPES.ClassExpression)) return [];
  const subscriber = subscriberOf(sourceCode, owner);
  if (!subscriber) return [];
  return [{ library: subscriber.record.library, ...(subscriber.model ? { model: subscriber.model } : {}), ...parsed, handler: method.value, node: method }];
}

/** The operations the record's roles perform under these method names. */
function operationsNamed(record: DataAccessRecord, roles: readonly string[], names: (name: string) => boolean): Operation[] {
  const specs = roles.flatMap(role => Object.entries(record.roles[role]?.operations ?? {}));
  return [...new Set(specs.filter(([name]) => names(name)).map(([, spec]) => spec.operation))];
}

/** Operation names as a hook registration writes them: `'deleteOne'`, `['save', 'updateOne']`, `/^delete/`. */
function namesMatcher(node: TSESTree.Node | undefined): (name: string) => boolean {
  const value = node && unwrapExpression(node);
  if (value?.type === AST_NODE_TYPES.Literal && value.value instanceof RegExp) {
    const pattern = value.value;
    return name => pattern.test(name);
  }
  const names = value?.type === AST_NODE_TYPES.ArrayExpression ? value.elements.map(element => stringValue(element)) : [stringValue(value)];
  return name => names.includes(name);
}

function extensionHooks(record: DataAccessRecord, call: TSESTree.CallExpression, operationsOf: readonly string[]): LifecycleHook[] {
  const options = call.arguments[0] && unwrapExpression(call.arguments[0]);
  const query = options?.type === AST_NODE_TYPES.ObjectExpression ? options.properties.find((property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && staticKeyName(property.key, property.computed) === 'query') : undefined;
  const models = query && unwrapExpression(query.value);
  if (models?.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const all = [...new Set(operationsOf.flatMap(role => Object.values(record.roles[role]?.operations ?? {}).map(spec => spec.operation)))];
  const found: LifecycleHook[] = [];
  for (const entry of models.properties) {
    if (entry.type !== AST_NODE_TYPES.Property) continue;
    const key = staticKeyName(entry.key, entry.computed);
    const model = key === '$allModels' ? undefined : key;
    const operations = unwrapExpression(entry.value);
    if (operations.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const item of operations.properties) {
      if (item.type !== AST_NODE_TYPES.Property) continue;
      const name = staticKeyName(item.key, item.computed) ?? '';
      const named = name === '$allOperations' ? all : operationsNamed(record, operationsOf, method => method === name);
      if (named.length > 0) found.push({ library: record.library, ...(model ? { model } : {}), operations: named, timing: 'around', handler: item.value, node: item });
    }
  }
  return found;
}

function callHooks(sourceCode: SourceCode, call: TSESTree.CallExpression): LifecycleHook[] {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return [];
  const method = staticPropertyName(callee);
  if (!method) return [];
  const receiver = trace(sourceCode, callee.object);
  if (receiver?.kind !== 'role' || !roleOf(receiver)) return [];
  const { record } = receiver;
  const hooks = record.hooks;
  const model = receiver.role === 'model' ? receiver.store : undefined;
  const withModel = model ? { model } : {};
  if (hooks?.registrations?.roles.includes(receiver.role)) {
    if (hooks.registrations.methods.includes(method)) {
      const parsed = parseHookName(stringValue(call.arguments[0]) ?? '');
      const handler = functionOf(sourceCode, call.arguments.at(-1));
      return parsed ? [{ library: record.library, ...withModel, ...parsed, ...(handler ? { handler } : {}), node: call }] : [];
    }
    if (hooks.registrations.optionMethods.includes(method)) {
      const defined = method === 'define' ? stringValue(call.arguments[0]) : model;
      return optionHooks(sourceCode, record, call.arguments.at(-1), defined);
    }
    const parsed = parseHookName(method);
    const handler = functionOf(sourceCode, call.arguments.at(-1));
    if (parsed && handler) return [{ library: record.library, ...withModel, ...parsed, handler, node: call }];
  }
  if (hooks?.schema?.role === receiver.role && (method === 'pre' || method === 'post')) {
    const operations = operationsNamed(record, hooks.schema.operationsOf, namesMatcher(call.arguments[0]));
    const handler = functionOf(sourceCode, call.arguments.at(-1));
    return operations.length > 0 ? [{ library: record.library, operations, timing: method === 'pre' ? 'before' : 'after', ...(handler ? { handler } : {}), node: call }] : [];
  }
  if (hooks?.extensions?.role === receiver.role) {
    if (method === '$extends') return extensionHooks(record, call, hooks.extensions.operationsOf);
    if (method === '$use') {
      const all = [...new Set(hooks.extensions.operationsOf.flatMap(role => Object.values(record.roles[role]?.operations ?? {}).map(spec => spec.operation)))];
      const handler = functionOf(sourceCode, call.arguments[0]);
      return [{ library: record.library, operations: all, timing: 'around', ...(handler ? { handler } : {}), node: call }];
    }
  }
  return [];
}

/** The lifecycle hooks `node` declares (a decorator, a subscriber method, a registration call); empty for anything else. */
export function lifecycleHooksOf(node: TSESTree.Node, context: HookContext): readonly LifecycleHook[] {
  switch (node.type) {
    case AST_NODE_TYPES.Decorator:
      return decoratorHooks(context.sourceCode, node);
    case AST_NODE_TYPES.MethodDefinition:
      return subscriberHooks(context.sourceCode, node);
    case AST_NODE_TYPES.CallExpression:
      return callHooks(context.sourceCode, node);
    default:
      return [];
  }
}

/** A file that cannot declare a hook is not walked. */
const HOOK_TEXT = /\b(?:before|after)[A-Z]|addHook|\bhook\(|hooks\s*:|\.(?:pre|post)\s*\(|\$extends|\$use|Subscriber/i;
/** Cache: per file (keyed by SourceCode). */
const hooksByFile = new WeakMap<SourceCode, readonly LifecycleHook[]>();

/** Every lifecycle hook of the file, in source order: one walk per file, only when its text can hold one. */
export function lifecycleHooksIn(context: HookContext): readonly LifecycleHook[] {
  const { sourceCode } = context;
  const cached = hooksByFile.get(sourceCode);
  if (cached) return cached;
  const found: LifecycleHook[] = [];
  if (HOOK_TEXT.test(sourceCode.text)) {
    const keys = sourceCode.visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
    const visit = (node: TSESTree.Node): void => {
      found.push(...lifecycleHooksOf(node, context));
      for (const key of keys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) {
          if (item && typeof (item as TSESTree.Node).type === 'string') visit(item as TSESTree.Node);
        }
      }
    };
    visit(sourceCode.ast);
  }
  hooksByFile.set(sourceCode, found);
  return found;
}
