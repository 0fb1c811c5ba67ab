/**
 * Knex: an instance from `knex(config)` (default or named import, or `require('knex')(config)`), a query builder from
 * `knex('table')`, `knex.table/from/into('t')`, fluent chains ending in `del()`, `update({…})`, `insert({…})`,
 * `truncate()`, `select()`/`first()`, `knex.raw(sql)`, `knex.schema.dropTable('t')`, and transactions.
 */
import { each, rawArg0 } from './operations.js';
import type { DataAccessRecord } from './types.js';

const fromChain = { from: 'chain', method: 'from', index: 0 } as const;
const builderOperations = {
  ...each(['select', 'first', 'pluck', 'count', 'countDistinct', 'min', 'max', 'sum', 'avg'], { operation: 'read', store: fromChain }),
  ...each(['del', 'delete'], { operation: 'delete', filter: { in: 'chain' } }),
  update: { operation: 'update', filter: { in: 'chain' }, fields: { in: 'argument', index: 0 } },
  ...each(['increment', 'decrement'], { operation: 'update', filter: { in: 'chain' } }),
  insert: { operation: 'create', fields: { in: 'argument', index: 0 } },
  upsert: { operation: 'upsert', fields: { in: 'argument', index: 0 } },
  truncate: { operation: 'truncate', filter: { in: 'none' } },
} as const;
const storeArgument = { from: 'argument', index: 0 } as const;

export const knex: DataAccessRecord = {
  library: 'knex',
  packages: ['knex'],
  exports: {
    default: { call: 'knex' },
    knex: { call: 'knex', type: 'knex' },
    Knex: { type: 'knex' },
    'Knex.Transaction': { type: 'knex' },
    'Knex.QueryBuilder': { type: 'builder' },
  },
  roles: {
    knex: {
      call: { role: 'builder', store: storeArgument },
      operations: { raw: rawArg0, ...builderOperations },
      methods: {
        ...Object.fromEntries(['table', 'from', 'into', 'queryBuilder'].map(name => [name, { role: 'builder', store: storeArgument }])),
        transaction: { role: 'knex' },
      },
      properties: { schema: { role: 'schema' } },
      callbacks: { transaction: { argument: 0, parameter: 0, role: 'knex' } },
    },
    builder: { fluent: true, operations: builderOperations },
    schema: {
      operations: {
        ...each(['dropTable', 'dropTableIfExists'], { operation: 'drop', store: storeArgument, filter: { in: 'none' } }),
      },
    },
  },
  types: { Knex: 'knex', Transaction: 'knex', QueryInterface: 'builder', QueryBuilder: 'builder', SchemaBuilder: 'schema' },
};
