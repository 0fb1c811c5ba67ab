/**
 * Mongoose and the MongoDB driver. Mongoose models from `model('AuditLog', schema)` (or `mongoose.model`,
 * `connection.model`), their statics (`deleteMany(filter)`, `updateOne(filter, update)`), documents (`doc.deleteOne()`),
 * the driver's `MongoClient` → `db()` → `collection('name')`, schema hooks `schema.pre/post('deleteOne', fn)` and TTL
 * indexes (`schema.index({ at: 1 }, { expireAfterSeconds })`, a field's `expires`, `collection.createIndex(…)`).
 */
import { deleteSelf, dropAll, each, read } from './operations.js';
import type { DataAccessRecord, OperationSpec } from './types.js';

const filter0 = { in: 'argument', index: 0 } as const;
const collectionOperations: Record<string, OperationSpec> = {
  ...each(['find', 'findOne', 'countDocuments', 'estimatedDocumentCount', 'distinct', 'aggregate'], read),
  ...each(['insertOne', 'insertMany'], { operation: 'create', fields: { in: 'argument', index: 0 } }),
  ...each(['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace'], { operation: 'update', filter: filter0, fields: { in: 'argument', index: 1 } }),
  ...each(['deleteOne', 'deleteMany', 'findOneAndDelete'], { operation: 'delete', filter: filter0 }),
  drop: dropAll,
};

export const mongoose: DataAccessRecord = {
  library: 'mongoose',
  packages: ['mongoose', 'mongodb'],
  exports: {
    default: { value: 'mongoose' },
    model: { call: { role: 'model', store: { from: 'argument', index: 0 } } },
    Model: { type: 'model' },
    Schema: { construct: 'schema', type: 'schema' },
    createConnection: { call: 'connection' },
    MongoClient: { construct: 'client', type: 'client' },
    Db: { type: 'db' },
    Collection: { type: 'collection' },
  },
  roles: {
    mongoose: {
      methods: { model: { role: 'model', store: { from: 'argument', index: 0 } }, createConnection: { role: 'connection' } },
      properties: { connection: { role: 'connection' }, Schema: { role: 'schemaClass' } },
    },
    schemaClass: { construct: { role: 'schema' } },
    connection: {
      methods: { model: { role: 'model', store: { from: 'argument', index: 0 } }, collection: { role: 'collection', store: { from: 'argument', index: 0 } } },
      properties: { db: { role: 'db' } },
    },
    model: {
      typedStore: 'receiver-self',
      operations: {
        ...each(['find', 'findOne', 'findById', 'countDocuments', 'estimatedDocumentCount', 'exists', 'distinct', 'aggregate'], read),
        ...each(['create', 'insertMany'], { operation: 'create', fields: { in: 'argument', index: 0 } }),
        ...each(['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace'], { operation: 'update', filter: filter0, fields: { in: 'argument', index: 1 } }),
        findByIdAndUpdate: { operation: 'update', filter: filter0, fields: { in: 'argument', index: 1 } },
        ...each(['deleteOne', 'deleteMany', 'findOneAndDelete', 'findByIdAndDelete', 'findOneAndRemove', 'findByIdAndRemove'], { operation: 'delete', filter: filter0 }),
      },
      methods: { findOne: { role: 'document' }, findById: { role: 'document' }, create: { role: 'document' } },
      properties: { collection: { role: 'collection' } },
      construct: { role: 'document' },
    },
    /** A document; `save` also names the hook for both inserts and updates. */
    document: {
      operations: {
        save: { operation: 'upsert', filter: { in: 'self' } },
        updateOne: { operation: 'update', filter: { in: 'self' }, fields: { in: 'argument', index: 0 } },
        deleteOne: deleteSelf,
      },
    },
    schema: {},
    client: { methods: { db: { role: 'db' } } },
    db: {
      methods: { collection: { role: 'collection', store: { from: 'argument', index: 0 } } },
      operations: { dropCollection: { operation: 'drop', store: { from: 'argument', index: 0 }, filter: { in: 'none' } }, dropDatabase: dropAll },
    },
    collection: { operations: collectionOperations },
  },
  types: { Model: 'model', Document: 'document', Collection: 'collection', Db: 'db', MongoClient: 'client', Connection: 'connection' },
  hooks: { schema: { role: 'schema', operationsOf: ['model', 'document'] } },
  expiry: { indexRoles: ['schema', 'collection'], indexMethods: ['index', 'createIndex', 'createIndexes'], schemaExports: ['Schema'] },
};
