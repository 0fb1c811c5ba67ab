/**
 * TypeORM: `DataSource`/`EntityManager`/`Repository` (from `getRepository(X)`, `manager`, a parameter typed
 * `Repository<X>` as NestJS injects it), Active Record entities (`class X extends BaseEntity`), query builders
 * (`createQueryBuilder().delete().from(X).where(…)`), `QueryRunner`, raw `query(sql)`, and hooks: entity listener
 * decorators (`@AfterRemove`) and subscribers (`@EventSubscriber()`, `EntitySubscriberInterface<X>`).
 */
import { deleteSelf, each, rawArg0, read, truncateAll } from './operations.js';
import type { DataAccessRecord, OperationSpec, Role } from './types.js';

const READS = ['find', 'findOne', 'findBy', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'findAndCount', 'findAndCountBy', 'findByIds', 'count', 'countBy', 'exist', 'exists', 'existsBy', 'sum', 'average', 'minimum', 'maximum'];

/** Repository-like operations; `offset` 1 for the EntityManager, whose first argument is the entity. */
function repositoryOperations(offset: 0 | 1): Record<string, OperationSpec> {
  const store = offset === 1 ? ({ from: 'argument', index: 0, entity: true } as const) : undefined;
  const at = (index: number) => index + offset;
  const withStore = (spec: OperationSpec): OperationSpec => (store ? { ...spec, store } : spec);
  return {
    ...each(READS, withStore(read)),
    save: withStore({ operation: 'upsert', fields: { in: 'argument', index: at(0) } }),
    insert: withStore({ operation: 'create', fields: { in: 'argument', index: at(0) } }),
    upsert: withStore({ operation: 'upsert', fields: { in: 'argument', index: at(0) } }),
    update: withStore({ operation: 'update', filter: { in: 'argument', index: at(0) }, fields: { in: 'argument', index: at(1) } }),
    ...each(['increment', 'decrement'], withStore({ operation: 'update', filter: { in: 'argument', index: at(0) } })),
    ...each(['delete', 'softDelete'], withStore({ operation: 'delete', filter: { in: 'argument', index: at(0) } })),
    restore: withStore({ operation: 'update', filter: { in: 'argument', index: at(0) } }),
    ...each(['remove', 'softRemove'], withStore(deleteSelf)),
    clear: withStore(truncateAll),
    query: rawArg0,
  };
}

const repository: Role = {
  typedStore: 'type-argument',
  operations: repositoryOperations(0),
  methods: { createQueryBuilder: { role: 'queryBuilder' } },
  properties: { manager: { role: 'manager' } },
};

const chainFrom = { from: 'chain', method: 'from', index: 0 } as const;

export const typeorm: DataAccessRecord = {
  library: 'typeorm',
  projection: ['select'],
  packages: ['typeorm'],
  exports: {
    DataSource: { construct: 'dataSource', type: 'dataSource' },
    Connection: { type: 'dataSource' },
    EntityManager: { type: 'manager' },
    Repository: { type: 'repository' },
    TreeRepository: { type: 'repository' },
    MongoRepository: { type: 'repository' },
    QueryRunner: { type: 'queryRunner' },
    BaseEntity: { extends: 'activeRecord' },
    getRepository: { call: 'repository' },
    getManager: { call: 'manager' },
    getConnection: { call: 'dataSource' },
    createConnection: { call: 'dataSource' },
  },
  roles: {
    dataSource: {
      operations: { query: rawArg0 },
      methods: {
        getRepository: { role: 'repository', store: { from: 'argument', index: 0 } },
        getTreeRepository: { role: 'repository', store: { from: 'argument', index: 0 } },
        getMongoRepository: { role: 'repository', store: { from: 'argument', index: 0 } },
        createQueryBuilder: { role: 'queryBuilder', store: { from: 'argument', index: 0, entity: true } },
        createQueryRunner: { role: 'queryRunner' },
        initialize: { role: 'dataSource' },
      },
      properties: { manager: { role: 'manager' } },
      callbacks: { transaction: { argument: -1, parameter: 0, role: 'manager' } },
    },
    manager: {
      operations: repositoryOperations(1),
      methods: {
        getRepository: { role: 'repository', store: { from: 'argument', index: 0 } },
        getTreeRepository: { role: 'repository', store: { from: 'argument', index: 0 } },
        createQueryBuilder: { role: 'queryBuilder', store: { from: 'argument', index: 0, entity: true } },
      },
      callbacks: { transaction: { argument: -1, parameter: 0, role: 'manager' } },
    },
    repository,
    /** An entity class extending `BaseEntity`: the repository's operations as statics. */
    activeRecord: { ...repository, typedStore: 'receiver-self', construct: { role: 'entity' } },
    /** An Active Record instance. */
    entity: { operations: { save: { operation: 'upsert', filter: { in: 'self' } }, ...each(['remove', 'softRemove'], deleteSelf), reload: read } },
    queryRunner: {
      operations: {
        query: rawArg0,
        ...each(['dropTable', 'dropView'], { operation: 'drop', store: { from: 'argument', index: 0 }, filter: { in: 'none' } }),
        clearTable: { operation: 'truncate', store: { from: 'argument', index: 0 }, filter: { in: 'none' } },
        clearDatabase: { operation: 'drop', filter: { in: 'none' } },
      },
      properties: { manager: { role: 'manager' } },
    },
    queryBuilder: {
      fluent: true,
      operations: {
        ...each(['delete', 'softDelete'], { operation: 'delete', store: chainFrom, filter: { in: 'chain' } }),
        update: { operation: 'update', store: { from: 'argument', index: 0, entity: true }, filter: { in: 'chain' }, fields: { in: 'chain', methods: ['set'] } },
        insert: { operation: 'create', store: { from: 'chain', method: 'into', index: 0 }, fields: { in: 'chain', methods: ['values'] } },
        ...each(['getMany', 'getOne', 'getOneOrFail', 'getRawMany', 'getRawOne', 'getManyAndCount', 'getCount', 'getExists', 'stream'], { operation: 'read', store: chainFrom }),
      },
    },
  },
  types: {
    Repository: 'repository',
    TreeRepository: 'repository',
    MongoRepository: 'repository',
    BaseEntity: { static: 'activeRecord', instance: 'entity' },
    EntityManager: 'manager',
    MongoEntityManager: 'manager',
    DataSource: 'dataSource',
    Connection: 'dataSource',
    QueryRunner: 'queryRunner',
    BaseQueryRunner: 'queryRunner',
    QueryBuilder: 'queryBuilder',
    SelectQueryBuilder: 'queryBuilder',
    DeleteQueryBuilder: 'queryBuilder',
    SoftDeleteQueryBuilder: 'queryBuilder',
    UpdateQueryBuilder: 'queryBuilder',
    InsertQueryBuilder: 'queryBuilder',
  },
  hooks: {
    decorators: ['AfterInsert', 'BeforeInsert', 'AfterUpdate', 'BeforeUpdate', 'AfterRemove', 'BeforeRemove', 'AfterSoftRemove', 'BeforeSoftRemove', 'AfterRecover', 'BeforeRecover', 'AfterLoad'],
    subscribers: { decorators: ['EventSubscriber'], interfaces: ['EntitySubscriberInterface'], modelMethods: ['listenTo'] },
  },
};
