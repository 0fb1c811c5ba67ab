/**
 * Prisma: `new PrismaClient()`, model delegates `prisma.<model>.<op>({ where, data })`, raw `$queryRaw`/`$executeRaw`
 * (called, or tagged: the classifier reads a tagged member as the same operation), interactive transactions `$transaction(async (tx) => …)`, and hooks through
 * `$extends({ query })` and the older `$use` middleware. Typed: the generated client (its own files, which import
 * `@prisma/client/runtime`) declares `PrismaClient` and `<Model>Delegate`.
 */
import { each, read } from './operations.js';
import type { DataAccessRecord, OperationSpec } from './types.js';

const where = { in: 'argument', index: 0, key: 'where' } as const;
const data = { in: 'argument', index: 0, keys: ['data'] } as const;
const raw: OperationSpec = { operation: 'raw', sql: 0 };

export const prisma: DataAccessRecord = {
  library: 'prisma',
  projection: ['select'],
  packages: ['@prisma/client', '.prisma/client'],
  generatedFrom: ['@prisma/client/runtime'],
  exports: { PrismaClient: { construct: 'client', type: 'client' } },
  roles: {
    client: {
      operations: {
        ...each(['$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe', '$runCommandRaw'], raw),
      },
      properties: { '*': { role: 'delegate', store: { from: 'property' } } },
      methods: { $extends: { role: 'client' } },
      callbacks: { $transaction: { argument: 0, parameter: 0, role: 'client' } },
    },
    delegate: {
      typedStore: 'receiver-property',
      operations: {
        ...each(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy'], read),
        ...each(['create', 'createMany', 'createManyAndReturn'], { operation: 'create', fields: data }),
        ...each(['update', 'updateMany', 'updateManyAndReturn'], { operation: 'update', filter: where, fields: data }),
        upsert: { operation: 'upsert', filter: where, fields: { in: 'argument', index: 0, keys: ['create', 'update'] } },
        ...each(['delete', 'deleteMany'], { operation: 'delete', filter: where }),
      },
    },
  },
  types: { PrismaClient: 'client' },
  typePatterns: [[/Delegate$/, 'delegate']],
  conventional: { prisma: 'client' },
  conventionalExports: ['PrismaClient'],
  hooks: { extensions: { role: 'client', operationsOf: ['delegate'] } },
};
