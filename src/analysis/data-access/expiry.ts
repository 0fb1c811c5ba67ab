/**
 * Records that expire by themselves: TTL indexes (`schema.index({ at: 1 }, { expireAfterSeconds })`,
 * `collection.createIndex(…, { expireAfterSeconds })`) and expiring schema fields (`{ type: Date, expires: '30d' }`).
 * `expiriesOf(node, context)` answers for a call or `new` expression, through the records' `expiry` specs.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { staticKeyName, staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { trace } from './trace.js';
import type { Expiry } from './types.js';

interface ExpiryContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
}

const OPTIONS = new Set(['expireAfterSeconds', 'expires']);

/** `expires` / `expireAfterSeconds` properties of an object literal, searched `depth` levels down (schema fields nest). */
function expiringOptions(node: TSESTree.Node | undefined, depth: number, into: TSESTree.Property[]): void {
  const value = node && unwrapExpression(node);
  if (value?.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of value.elements) if (element && depth > 0) expiringOptions(element, depth - 1, into);
    return;
  }
  if (value?.type !== AST_NODE_TYPES.ObjectExpression) return;
  for (const property of value.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    if (OPTIONS.has(staticKeyName(property.key, property.computed) ?? '')) into.push(property);
    else if (depth > 0) expiringOptions(property.value, depth - 1, into);
  }
}

/** The TTL options a call or `new` declares; empty for anything else. */
export function expiriesOf(node: TSESTree.CallExpression | TSESTree.NewExpression, context: ExpiryContext): readonly Expiry[] {
  const { sourceCode } = context;
  const options: TSESTree.Property[] = [];
  const callee = unwrapExpression(node.callee);
  if (node.type === AST_NODE_TYPES.NewExpression) {
    const target = trace(sourceCode, callee);
    const record = target?.record;
    // `new Schema(…)` of an import, or of a role whose instances are schemas (`new mongoose.Schema(…)`).
    const constructed = target?.kind === 'role' ? record?.roles[target.role]?.construct?.role : undefined;
    const isSchema = target?.kind === 'export' ? record?.expiry?.schemaExports.includes(target.name) : constructed !== undefined && record?.expiry?.indexRoles.includes(constructed);
    if (!record || !isSchema) return [];
    expiringOptions(node.arguments[0], 4, options);
    return options.map(option => ({ library: record.library, node: option }));
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return [];
  const method = staticPropertyName(callee);
  const receiver = trace(sourceCode, callee.object);
  if (receiver?.kind !== 'role' || !method || !receiver.record.expiry?.indexRoles.includes(receiver.role) || !receiver.record.expiry.indexMethods.includes(method)) return [];
  for (const argument of node.arguments.slice(1)) expiringOptions(argument, 0, options);
  if (method === 'createIndexes') expiringOptions(node.arguments[0], 1, options);
  const store = receiver.store;
  return options.map(option => ({ library: receiver.record.library, ...(store ? { store } : {}), node: option }));
}
