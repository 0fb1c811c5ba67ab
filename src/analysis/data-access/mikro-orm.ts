/**
 * MikroORM: `MikroORM.init()` → `orm.em`, an `EntityManager`/`EntityRepository` parameter (NestJS injection),
 * `em.nativeDelete(X, where)`, `em.nativeUpdate(X, where, data)`, `em.remove(entity)`, `em.find(X, where)`, query
 * builders, raw `execute(sql)`, and hooks: entity decorators (`@AfterDelete`) and `EventSubscriber` classes.
 */
import { deleteSelf, each, rawArg0, read } from './operations.js';
import type { DataAccessRecord, OperationSpec } from './types.js';

const entity = { from: 'argument', index: 0, entity: true } as const;

function entityOperations(offset: 0 | 1): Record<string, OperationSpec> {
  const at = (index: number) => index + offset;
  const withStore = (spec: OperationSpec): OperationSpec => (offset === 1 ? { ...spec, store: entity } : spec);
  return {
    ...each(['find', 'findOne', 'findOneOrFail', 'findAll', 'findAndCount', 'findByCursor', 'count'], withStore(read)),
    ...each(['create', 'insert', 'insertMany'], withStore({ operation: 'create', fields: { in: 'argument', index: at(0) } })),
    ...each(['upsert', 'upsertMany'], withStore({ operation: 'upsert', fields: { in: 'argument', index: at(0) } })),
    nativeUpdate: withStore({ operation: 'update', filter: { in: 'argument', index: at(0) }, fields: { in: 'argument', index: at(1) } }),
    nativeDelete: withStore({ operation: 'delete', filter: { in: 'argument', index: at(0) } }),
  };
}

const PACKAGES = ['@mikro-orm/core', '@mikro-orm/postgresql', '@mikro-orm/mysql', '@mikro-orm/mariadb', '@mikro-orm/sqlite', '@mikro-orm/libsql', '@mikro-orm/mssql', '@mikro-orm/mongodb', '@mikro-orm/knex', '@mikro-orm/sql'];

export const mikroOrm: DataAccessRecord = {
  library: 'mikro-orm',
  packages: PACKAGES,
  exports: {
    MikroORM: { value: 'ormClass', type: 'orm' },
    EntityManager: { type: 'em' },
    SqlEntityManager: { type: 'em' },
    EntityRepository: { type: 'repository' },
  },
  roles: {
    ormClass: { methods: { init: { role: 'orm' } }, construct: { role: 'orm' } },
    orm: { properties: { em: { role: 'em' } } },
    em: {
      operations: {
        ...entityOperations(1),
        ...each(['remove', 'removeAndFlush'], deleteSelf),
        ...each(['persist', 'persistAndFlush'], { operation: 'upsert', filter: { in: 'self' } }),
        execute: rawArg0,
      },
      methods: {
        fork: { role: 'em' },
        getRepository: { role: 'repository', store: { from: 'argument', index: 0 } },
        createQueryBuilder: { role: 'queryBuilder', store: entity },
        qb: { role: 'queryBuilder', store: entity },
      },
      callbacks: { transactional: { argument: 0, parameter: 0, role: 'em' } },
    },
    repository: {
      typedStore: 'type-argument',
      operations: entityOperations(0),
      methods: { createQueryBuilder: { role: 'queryBuilder' }, qb: { role: 'queryBuilder' } },
    },
    queryBuilder: {
      fluent: true,
      operations: {
        delete: { operation: 'delete', filter: { in: 'chain' } },
        update: { operation: 'update', filter: { in: 'chain' }, fields: { in: 'argument', index: 0 } },
        insert: { operation: 'create', fields: { in: 'argument', index: 0 } },
        truncate: { operation: 'truncate', filter: { in: 'none' } },
        ...each(['getResult', 'getResultList', 'getSingleResult', 'getCount'], read),
      },
    },
  },
  types: { EntityManager: 'em', SqlEntityManager: 'em', EntityRepository: 'repository', EntityRepositoryType: 'repository', MikroORM: 'orm', QueryBuilder: 'queryBuilder' },
  hooks: {
    decorators: ['BeforeCreate', 'AfterCreate', 'BeforeUpdate', 'AfterUpdate', 'BeforeUpsert', 'AfterUpsert', 'BeforeDelete', 'AfterDelete', 'OnLoad'],
    subscribers: { decorators: [], interfaces: ['EventSubscriber'], modelMethods: ['getSubscribedEntities'] },
  },
};
