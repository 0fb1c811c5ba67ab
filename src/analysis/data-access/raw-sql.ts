/**
 * Raw SQL drivers: node-postgres (`new Pool()`/`new Client()`, `pool.connect()`, `query(sql)`), mysql2 and mysql
 * (`createPool`/`createConnection`, `query`/`execute`), and postgres.js (`postgres(url)` then the `sql`…`` tag,
 * `sql.unsafe(text)`, `sql.begin(async (sql) => …)`). What the SQL does is in its text (`sql` on the operation).
 */
import { each, rawArg0 } from './operations.js';
import type { DataAccessRecord, Role } from './types.js';

const connection: Role = {
  operations: each(['query', 'execute'], rawArg0),
  methods: { connect: { role: 'connection' }, getConnection: { role: 'connection' }, promise: { role: 'connection' } },
};

export const pg: DataAccessRecord = {
  library: 'pg',
  packages: ['pg'],
  exports: { Pool: { construct: 'connection', type: 'connection' }, Client: { construct: 'connection', type: 'connection' }, PoolClient: { type: 'connection' } },
  roles: { connection },
  types: { ClientBase: 'connection', Pool: 'connection', Client: 'connection', PoolClient: 'connection' },
};

export const mysql: DataAccessRecord = {
  library: 'mysql2',
  packages: ['mysql2', 'mysql'],
  exports: {
    createPool: { call: 'connection' },
    createConnection: { call: 'connection' },
    createPoolCluster: { call: 'connection' },
    Connection: { type: 'connection' },
    Pool: { type: 'connection' },
    PoolConnection: { type: 'connection' },
  },
  roles: { connection },
  types: { Connection: 'connection', Pool: 'connection', PoolConnection: 'connection', QueryableBase: 'connection', ExecutableBase: 'connection' },
};

export const postgresJs: DataAccessRecord = {
  library: 'postgres',
  packages: ['postgres'],
  exports: { default: { call: 'sql' }, Sql: { type: 'sql' } },
  roles: {
    sql: {
      tag: { operation: 'raw', sql: 'template' },
      operations: { unsafe: rawArg0 },
      callbacks: { begin: { argument: -1, parameter: 0, role: 'sql' }, reserve: { argument: -1, parameter: 0, role: 'sql' } },
    },
  },
  types: { Sql: 'sql', TransactionSql: 'sql', ReservedSql: 'sql' },
};
