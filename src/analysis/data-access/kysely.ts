/**
 * Kysely: `new Kysely<DB>(…)` (or a `Kysely<DB>`/`Transaction<DB>` parameter), `db.deleteFrom('t').where(…)`,
 * `db.updateTable('t').set({…})`, `db.insertInto('t').values({…})`, `db.selectFrom('t')`, transactions
 * (`db.transaction().execute(async (trx) => …)`), `db.schema.dropTable('t')`, and raw `sql`…`.execute(db)`.
 */
import type { DataAccessRecord } from './types.js';

const table = { from: 'argument', index: 0 } as const;

export const kysely: DataAccessRecord = {
  library: 'kysely',
  packages: ['kysely'],
  exports: {
    Kysely: { construct: 'db', type: 'db' },
    Transaction: { type: 'db' },
    sql: { tag: 'fragment' },
  },
  roles: {
    db: {
      operations: {
        selectFrom: { operation: 'read', store: table },
        deleteFrom: { operation: 'delete', store: table, filter: { in: 'chain' } },
        updateTable: { operation: 'update', store: table, filter: { in: 'chain' }, fields: { in: 'chain', methods: ['set'] } },
        insertInto: { operation: 'create', store: table, fields: { in: 'chain', methods: ['values'] } },
        replaceInto: { operation: 'upsert', store: table, fields: { in: 'chain', methods: ['values'] } },
        mergeInto: { operation: 'upsert', store: table },
      },
      methods: { transaction: { role: 'transactionBuilder' } },
      properties: { schema: { role: 'schema' } },
    },
    transactionBuilder: { fluent: true, callbacks: { execute: { argument: 0, parameter: 0, role: 'db' } } },
    schema: { operations: { dropTable: { operation: 'drop', store: table, filter: { in: 'none' } } } },
    /** `sql`…`` builds a fragment; `.execute(db)` runs it. */
    fragment: { operations: { execute: { operation: 'raw', sql: 'receiver' } } },
  },
  types: { Kysely: 'db', Transaction: 'db', QueryCreator: 'db', SchemaModule: 'schema', RawBuilderImpl: 'fragment', RawBuilder: 'fragment' },
};
