/** Building blocks shared by the records: operation specs written once. */
import type { OperationSpec } from './types.js';

export const read: OperationSpec = { operation: 'read' };
export const rawArg0: OperationSpec = { operation: 'raw', sql: 0 };
export const truncateAll: OperationSpec = { operation: 'truncate', filter: { in: 'none' } };
export const dropAll: OperationSpec = { operation: 'drop', filter: { in: 'none' } };
export const deleteSelf: OperationSpec = { operation: 'delete', filter: { in: 'self' } };

/** The same spec under several method names. */
export function each(names: readonly string[], spec: OperationSpec): Record<string, OperationSpec> {
  return Object.fromEntries(names.map(name => [name, spec]));
}
