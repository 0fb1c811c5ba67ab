/** The package helpers of the type gateway's neighbour (src/analysis/types/packages.ts) that typed recognition relies on. */
import { describe, expect, it } from 'vitest';
import { packageNameOf, packageOfFile } from '../../../src/analysis/types/packages.js';

describe('packageNameOf', () => {
  it.each([
    ['typeorm', 'typeorm'],
    ['drizzle-orm/node-postgres', 'drizzle-orm'],
    ['@mikro-orm/core', '@mikro-orm/core'],
    ['@prisma/client/runtime/client', '@prisma/client'],
    ['./db', undefined],
    ['/abs/db', undefined],
    ['node:fs', undefined],
  ])('%s', (specifier, expected) => {
    expect(packageNameOf(specifier)).toBe(expected);
  });
});

describe('packageOfFile', () => {
  it.each([
    ['/app/node_modules/typeorm/repository/Repository.d.ts', 'typeorm'],
    ['/app/node_modules/@types/pg/index.d.ts', 'pg'],
    ['/app/node_modules/@types/mikro-orm__core/index.d.ts', '@mikro-orm/core'],
    ['/app/node_modules/.prisma/client/index.d.ts', '.prisma/client'],
    ['/app/node_modules/a/node_modules/kysely/dist/kysely.d.ts', 'kysely'],
    ['C:\\app\\node_modules\\knex\\types\\index.d.ts', 'knex'],
    ['/app/src/repository.ts', undefined],
  ])('%s', (file, expected) => {
    expect(packageOfFile(file)).toBe(expected);
  });
});
