/**
 * Sequelize (and sequelize-typescript): models as classes extending `Model` or from `sequelize.define('name', …)`,
 * their statics (`destroy({ where })`, `update(values, { where })`, `truncate()`), instances (`user.destroy()`,
 * `user.update({ role })`), `sequelize.query(sql)`, and hooks: `Model.addHook('afterDestroy', fn)`,
 * `Model.afterDestroy(fn)`, a `hooks: {…}` option, and sequelize-typescript's `@AfterDestroy` decorators.
 */
import { deleteSelf, dropAll, each, rawArg0, read, truncateAll } from './operations.js';
import type { DataAccessRecord } from './types.js';

const where = (index: number) => ({ in: 'argument', index, key: 'where' }) as const;
const INSTANCE_RESULTS = ['findOne', 'findByPk', 'create', 'build'];

export const sequelize: DataAccessRecord = {
  library: 'sequelize',
  projection: ['attributes'],
  associationOptions: ['include'],
  packages: ['sequelize', 'sequelize-typescript'],
  exports: {
    Sequelize: { construct: 'sequelize', type: 'sequelize' },
    Model: { extends: 'model', type: 'instance' },
  },
  roles: {
    sequelize: {
      operations: { query: rawArg0, truncate: truncateAll, drop: dropAll },
      methods: { define: { role: 'model', store: { from: 'argument', index: 0 } }, model: { role: 'model', store: { from: 'argument', index: 0 } } },
      properties: { models: { role: 'models' } },
    },
    models: { properties: { '*': { role: 'model', store: { from: 'property' } } } },
    model: {
      typedStore: 'receiver-self',
      operations: {
        ...each(['findAll', 'findOne', 'findByPk', 'findAndCountAll', 'count', 'max', 'min', 'sum', 'aggregate'], read),
        ...each(['create', 'bulkCreate'], { operation: 'create', fields: { in: 'argument', index: 0 } }),
        ...each(['upsert', 'findOrCreate'], { operation: 'upsert', fields: { in: 'argument', index: 0 } }),
        update: { operation: 'update', filter: where(1), fields: { in: 'argument', index: 0 } },
        ...each(['increment', 'decrement'], { operation: 'update', filter: where(1) }),
        restore: { operation: 'update', filter: where(0) },
        destroy: { operation: 'delete', filter: { ...where(0), unfilteredFlag: 'truncate' } },
        truncate: truncateAll,
        drop: dropAll,
      },
      methods: {
        ...Object.fromEntries(INSTANCE_RESULTS.map(name => [name, { role: 'instance' }])),
        // `User.scope('withTeam')`, `Document.unscoped()`, `Model.schema('tenant')`: the same model, narrowed.
        scope: { role: 'model' },
        unscoped: { role: 'model' },
        schema: { role: 'model' },
      },
      construct: { role: 'instance' },
    },
    instance: {
      operations: {
        save: { operation: 'upsert', filter: { in: 'self' } },
        update: { operation: 'update', filter: { in: 'self' }, fields: { in: 'argument', index: 0 } },
        ...each(['increment', 'decrement', 'restore'], { operation: 'update', filter: { in: 'self' } }),
        destroy: deleteSelf,
        reload: read,
      },
    },
  },
  types: { Model: { static: 'model', instance: 'instance' }, Sequelize: 'sequelize' },
  hooks: {
    decorators: [
      'BeforeCreate', 'AfterCreate', 'BeforeBulkCreate', 'AfterBulkCreate', 'BeforeUpdate', 'AfterUpdate', 'BeforeBulkUpdate', 'AfterBulkUpdate',
      'BeforeDestroy', 'AfterDestroy', 'BeforeBulkDestroy', 'AfterBulkDestroy', 'BeforeSave', 'AfterSave', 'BeforeUpsert', 'AfterUpsert',
      'BeforeRestore', 'AfterRestore', 'BeforeBulkRestore', 'AfterBulkRestore', 'BeforeFind', 'AfterFind',
    ],
    registrations: { roles: ['model', 'sequelize'], methods: ['addHook', 'hook'], optionMethods: ['define', 'init'], optionDecorators: ['Table'] },
  },
};
