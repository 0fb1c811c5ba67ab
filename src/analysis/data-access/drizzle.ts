/**
 * Drizzle ORM: a database from `drizzle(…)` (any driver subpath), `db.delete(table).where(…)`,
 * `db.update(table).set({…})`, `db.insert(table).values({…})`, `db.select().from(table)`, the relational
 * `db.query.<table>.findMany()`, transactions, and raw `db.execute(sql`…`)`. The `sql` tag alone builds a fragment:
 * only its execution is an operation.
 */
import { each, rawArg0, read } from './operations.js';
import type { DataAccessRecord } from './types.js';

const table = { from: 'argument', index: 0 } as const;

export const drizzle: DataAccessRecord = {
  library: 'drizzle-orm',
  packages: ['drizzle-orm'],
  exports: {
    drizzle: { call: 'database' },
    PgDatabase: { type: 'database' },
    NodePgDatabase: { type: 'database' },
    PostgresJsDatabase: { type: 'database' },
    MySqlDatabase: { type: 'database' },
    MySql2Database: { type: 'database' },
    BaseSQLiteDatabase: { type: 'database' },
    BetterSQLite3Database: { type: 'database' },
    LibSQLDatabase: { type: 'database' },
  },
  roles: {
    database: {
      operations: {
        ...each(['select', 'selectDistinct', 'selectDistinctOn'], { operation: 'read', store: { from: 'chain', method: 'from', index: 0 } }),
        $count: { operation: 'read', store: table },
        delete: { operation: 'delete', store: table, filter: { in: 'chain' } },
        update: { operation: 'update', store: table, filter: { in: 'chain' }, fields: { in: 'chain', methods: ['set'] } },
        insert: { operation: 'create', store: table, fields: { in: 'chain', methods: ['values'] } },
        ...each(['execute', 'run', 'all', 'get', 'values'], rawArg0),
      },
      properties: { query: { role: 'relational' } },
      callbacks: { transaction: { argument: 0, parameter: 0, role: 'database' } },
    },
    relational: { properties: { '*': { role: 'relationalTable', store: { from: 'property' } } } },
    relationalTable: { typedStore: 'receiver-property', operations: each(['findMany', 'findFirst'], read) },
  },
  types: {
    PgDatabase: 'database',
    MySqlDatabase: 'database',
    BaseSQLiteDatabase: 'database',
    SingleStoreDatabase: 'database',
    RelationalQueryBuilder: 'relationalTable',
  },
};
