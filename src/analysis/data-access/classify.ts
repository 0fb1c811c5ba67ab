/**
 * What a call does to which store: `dataOperationOf(call, context)` → `{ library, operation, store, filtered, fields }`.
 * A cheap prefilter by method name runs first (a name no record has is never traced). Typed mode recognizes the
 * receiver by where the called method is declared (a class or interface of the record's package, or Prisma's generated
 * client); untyped mode traces the receiver to an import of the package (`trace.ts`). Typed mode never knows less:
 * what the types do not confirm (any, error types, a package without types) falls back to the trace; a record's
 * conventional names (`prisma.user.delete`) only when the type says nothing.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { getTypeServices } from '../types/services.js';
import { chainCall, chainFilter } from './chain.js';
import { recordsWithOperation, TAGGED_RECORDS } from './index.js';
import { storeText, trace, type Origin } from './trace.js';
import { typedRoleOf } from './typed.js';
import type { DataOperation, FieldsSource, FilterSource, OperationSpec, StoreSource } from './types.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** What the classifier needs: the file (and through it the type services, when the file has a program). */
export interface DataAccessContext {
  readonly sourceCode: SourceCode;
}

type DataCall = TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;

interface Target {
  readonly method: string;
  readonly receiver: TSESTree.Node;
  readonly callee: TSESTree.MemberExpression;
}

function targetOf(node: DataCall): Target | undefined {
  const callee = unwrapExpression(node.type === AST_NODE_TYPES.CallExpression ? node.callee : node.tag);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = staticPropertyName(callee);
  return method ? { method, receiver: callee.object, callee } : undefined;
}

/** `true`/`false` for a filter value written out; undefined when it is not a literal. */
function filterValue(node: TSESTree.Node): boolean | undefined {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    if (value.properties.length === 0) return false;
    return value.properties.some(property => property.type === AST_NODE_TYPES.Property) ? true : undefined;
  }
  if (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') return false;
  if (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral || value.type === AST_NODE_TYPES.ArrayExpression) return true;
  return undefined;
}

function propertyOf(object: TSESTree.ObjectExpression, key: string): TSESTree.Property | undefined {
  return object.properties.find(
    (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === key,
  );
}

function argumentFilter(call: TSESTree.CallExpression, source: Extract<FilterSource, { in: 'argument' }>): boolean | undefined {
  const argument = call.arguments[source.index];
  if (!argument) return false;
  const value = unwrapExpression(argument);
  if (value.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (value.type === AST_NODE_TYPES.ObjectExpression && source.unfilteredFlag) {
    const flag = propertyOf(value, source.unfilteredFlag);
    if (flag && unwrapExpression(flag.value).type === AST_NODE_TYPES.Literal && (unwrapExpression(flag.value) as TSESTree.Literal).value === true) return false;
  }
  if (!source.key) return filterValue(value);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined' ? false : undefined;
  if (value.properties.some(property => property.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const where = propertyOf(value, source.key);
  return where ? filterValue(where.value) : false;
}

function filterOf(node: DataCall, target: Target, source: FilterSource | undefined): boolean | undefined {
  if (!source) return undefined;
  switch (source.in) {
    case 'none':
      return false;
    case 'self':
      return true;
    case 'chain':
      return chainFilter(node, target.receiver);
    case 'argument':
      return node.type === AST_NODE_TYPES.CallExpression ? argumentFilter(node, source) : undefined;
  }
}

const UPDATE_OPERATORS = /^\$(?:set|unset|inc|mul|min|max|rename|setOnInsert|push|pull|addToSet|pop|currentDate)$/;

/** The keys an object literal (or array of them) sets; update operators (`$set`) looked through. */
function keysOf(node: TSESTree.Node | undefined, into: Set<string>): void {
  if (!node) return;
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of value.elements) if (element) keysOf(element, into);
    return;
  }
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return;
  for (const property of value.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = property.computed ? undefined : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
    if (!key) continue;
    if (UPDATE_OPERATORS.test(key)) keysOf(property.value, into);
    else into.add(key);
  }
}

function fieldsOf(node: DataCall, target: Target, source: FieldsSource | undefined): string[] | undefined {
  if (!source) return undefined;
  const keys = new Set<string>();
  if (source.in === 'chain') {
    keysOf(chainCall(node, target.receiver, source.methods)?.arguments[0], keys);
  } else if (node.type === AST_NODE_TYPES.CallExpression) {
    const argument = node.arguments[source.index];
    if (!source.keys) keysOf(argument, keys);
    else if (argument && unwrapExpression(argument).type === AST_NODE_TYPES.ObjectExpression) {
      for (const key of source.keys) keysOf(propertyOf(unwrapExpression(argument) as TSESTree.ObjectExpression, key)?.value, keys);
    }
  }
  return keys.size > 0 ? [...keys] : undefined;
}

function storeOf(sourceCode: SourceCode, node: DataCall, target: Target, source: StoreSource | undefined): string | undefined {
  if (!source) return undefined;
  if (source.from === 'argument') return node.type === AST_NODE_TYPES.CallExpression ? storeText(sourceCode, node.arguments[source.index], source.entity) : undefined;
  if (source.from === 'chain') return storeText(sourceCode, chainCall(node, target.receiver, [source.method])?.arguments[source.index]);
  return undefined;
}

function sqlOf(node: DataCall, target: Target | undefined, spec: OperationSpec): TSESTree.Node | undefined {
  if (spec.sql === undefined) return undefined;
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return node.quasi;
  if (spec.sql === 'receiver') return target ? unwrapExpression(target.receiver) : undefined;
  if (spec.sql === 'template') return undefined;
  return node.arguments[spec.sql];
}

function build(sourceCode: SourceCode, node: DataCall, target: Target, origin: Origin & { kind: 'role' }, spec: OperationSpec, store: string | undefined): DataOperation {
  const fields = fieldsOf(node, target, spec.fields);
  const sql = sqlOf(node, target, spec);
  const named = storeOf(sourceCode, node, target, spec.store) ?? store;
  return {
    library: origin.record.library,
    operation: spec.operation,
    method: target.method,
    ...(named !== undefined ? { store: named } : {}),
    filtered: filterOf(node, target, spec.filter),
    ...(fields ? { fields } : {}),
    ...(sql ? { sql } : {}),
    node,
  };
}

/** A tagged template on a role's value (postgres.js `sql`…``). */
function taggedOperation(sourceCode: SourceCode, node: TSESTree.TaggedTemplateExpression): DataOperation | undefined {
  if (unwrapExpression(node.tag).type !== AST_NODE_TYPES.Identifier) return undefined;
  const origin = trace(sourceCode, node.tag);
  const spec = origin?.kind === 'role' ? origin.record.roles[origin.role]?.tag : undefined;
  if (!spec || origin?.kind !== 'role') return undefined;
  return { library: origin.record.library, operation: spec.operation, method: 'sql', filtered: undefined, sql: node.quasi, node };
}

/** The data operation a call (or tagged template) performs, or undefined when it is none a record knows. */
export function dataOperationOf(node: DataCall, context: DataAccessContext): DataOperation | undefined {
  const target = targetOf(node);
  if (!target) return node.type === AST_NODE_TYPES.TaggedTemplateExpression && TAGGED_RECORDS.length > 0 ? taggedOperation(context.sourceCode, node) : undefined;
  const candidates = recordsWithOperation(target.method);
  if (candidates.length === 0) return undefined;
  const { sourceCode } = context;
  const traced = trace(sourceCode, target.receiver);
  const services = getTypeServices(context);
  const typed = services ? typedRoleOf(services, target.callee, candidates) : undefined;
  if (typed && typed !== 'unrelated') {
    const spec = typed.record.roles[typed.role]?.operations?.[target.method];
    if (spec) {
      const store = traced?.kind === 'role' && traced.record === typed.record ? traced.store : typed.store(sourceCode, target);
      return build(sourceCode, node, target, { kind: 'role', record: typed.record, role: typed.role }, spec, store);
    }
  }
  // What the types showed to be something else is not taken from a conventional name.
  const origin = traced?.kind === 'role' && !(traced.conventional && typed === 'unrelated') ? traced : undefined;
  if (origin?.kind !== 'role') return undefined;
  const spec = origin.record.roles[origin.role]?.operations?.[target.method];
  return spec ? build(sourceCode, node, target, origin, spec, origin.store) : undefined;
}

